"""The File menu's work: new, open, recent files, save, save as, and the exports.

Experiment files are the Qt-free :mod:`mlpstudio.experiment.archive` (a zip of JSON and .npy,
written to a temporary file and renamed); exports come from :mod:`mlpstudio.experiment.exports`.
Every failure is shown in a message box and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

# experiment.archive and .exports are imported where they are used: not needed to start
from ..experiment.config import Config, ConfigError
from ..experiment.files import atomic_write_text, history_csv

MAX_RECENT = 8


class ExperimentFiles(QObject):
    """Owns the file actions of a main window and the current file name."""

    fileChanged = Signal(str)  # the experiment's path ("" for a new one)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.path: Path | None = None
        self.act_new = QAction(self.tr("New"), self, shortcut=QKeySequence.StandardKey.New)
        self.act_new.setToolTip(self.tr("Start again from the course example."))
        self.act_open = QAction(self.tr("Open..."), self, shortcut=QKeySequence.StandardKey.Open)
        self.act_open.setToolTip(
            self.tr("Open a saved experiment (.mlpx) to look at it or go on training it.")
        )
        self.act_save = QAction(self.tr("Save"), self, shortcut=QKeySequence.StandardKey.Save)
        self.act_save.setToolTip(self.tr("Save the experiment: settings, weights and curves."))
        self.act_save_as = QAction(self.tr("Save as..."), self,
                                   shortcut=QKeySequence.StandardKey.SaveAs)  # fmt: skip
        self.recent_menu = QMenu(self.tr("Open recent"))
        self.act_csv = QAction(self.tr("History (CSV)..."), self)
        self.act_numpy = QAction(self.tr("NumPy script..."), self)
        self.act_numpy.setToolTip(
            self.tr(
                "A Python script that repeats this experiment with numpy "
                "only, to read or continue in a notebook."
            )
        )
        self.act_torch = QAction(self.tr("PyTorch script..."), self)
        self.act_torch.setToolTip(self.tr("The same experiment written with PyTorch."))
        self.act_report = QAction(self.tr("Report (HTML)..."), self)
        self.act_report.setToolTip(
            self.tr("One web page with the figures, the settings and the results, to hand in.")
        )
        self.act_new.triggered.connect(self.new)
        self.act_open.triggered.connect(lambda: self.open())
        self.act_save.triggered.connect(self.save)
        self.act_save_as.triggered.connect(self.save_as)
        self.act_csv.triggered.connect(self.export_csv)
        self.act_numpy.triggered.connect(lambda: self.export_script("numpy"))
        self.act_torch.triggered.connect(lambda: self.export_script("pytorch"))
        self.act_report.triggered.connect(self.export_report)
        self._update_recent()

    @property
    def busy_actions(self) -> list[QAction]:
        """Actions that need the run to be over (the weights live in the training process)."""
        return [self.act_new, self.act_open, self.act_save, self.act_save_as, self.act_csv,
                self.act_report, self.recent_menu.menuAction()]  # fmt: skip

    def _settings(self):
        return self.window.settings

    def _folder(self) -> str:
        return str(self.path.parent) if self.path else ""

    # -- new / open / save -------------------------------------------------------------------
    def new(self) -> None:
        self.window.load_config(Config())
        self.set_path(None)

    def open(self, path: str | None = None) -> bool:
        from ..experiment import archive

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open experiment"), self._folder(),
                self.tr("MLP Studio experiments (*.mlpx);;All files (*)"),
            )  # fmt: skip
            if not path:
                return False
        try:
            experiment = archive.load_experiment(path)
        except (archive.ArchiveError, ConfigError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot open the experiment"),
                                self.tr("{file}: {reason}").format(file=Path(path).name,
                                                                   reason=exc))  # fmt: skip
            return False
        try:  # a CSV experiment whose file is not on this computer: the stored copy
            note = archive.use_embedded_csv(experiment)
        except OSError as exc:
            note = self.tr("The stored copy of the CSV file could not be written: {reason}").format(
                reason=exc.strerror or exc
            )
        self.window.adopt_experiment(experiment)
        if note:
            self.window.message_bar.show_message(note)  # the data path changed: say so
        self.set_path(Path(path))
        self._remember(path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        from ..experiment import archive

        suggested = str(self.path) if self.path else "experiment.mlpx"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save experiment"), suggested,
            self.tr("MLP Studio experiments (*.mlpx)"),
        )  # fmt: skip
        if not path:
            return False
        if not path.endswith(archive.SUFFIX):
            path += archive.SUFFIX
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        from ..experiment import archive

        c = self.controller
        if c.is_training:
            QMessageBox.information(self.window, self.tr("Save"),
                                    self.tr("Stop or finish the training first."))  # fmt: skip
            return False
        if c.network is None or c.snapshot is None:
            QMessageBox.warning(
                self.window,
                self.tr("Save"),
                self.tr("There is no network to save: fix the data first."),
            )
            return False
        try:
            archive.save_experiment(
                path, c.saved_config(), c.network, c.snapshot.history, c.optimizer_state,
                extra={"results": c.results()}, timeline=c.timeline,
            )  # fmt: skip
        except (OSError, archive.ArchiveError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("Save failed"),
                                self.tr("{file} was not written: {reason}").format(
                                    file=path.name, reason=exc))  # fmt: skip
            return False
        self.set_path(path)
        self._remember(str(path))
        self.window.statusBar().showMessage(self.tr("Saved {file}").format(file=path.name), 4000)
        data = c.config.data
        if data.kind == "csv" and not archive.csv_embeddable(data.path):
            self.window.message_bar.show_message(
                self.tr("{file} is larger than {cap} MB, so the experiment refers to it by its "
                        "path instead of holding a copy: keep the file beside the experiment.")
                .format(file=Path(data.path).name, cap=archive.CSV_EMBED_MAX_BYTES // 10**6)
            )  # fmt: skip
        return True

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.fileChanged.emit(str(path) if path else "")

    # -- recent files ------------------------------------------------------------------------
    def recent(self) -> list[str]:
        s = self._settings()
        if s is None:
            return []
        value = s.value("recent/files", [])
        return [v for v in (value if isinstance(value, list) else [value]) if v]

    def _remember(self, path: str) -> None:
        s = self._settings()
        if s is None:
            return
        files = [str(Path(path).resolve())] + [
            f for f in self.recent() if Path(f).resolve() != Path(path).resolve()
        ]
        s.setValue("recent/files", files[:MAX_RECENT])
        self._update_recent()

    def _update_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open(p))
        self.recent_menu.setEnabled(bool(files))

    # -- exports -----------------------------------------------------------------------------
    def _ask(self, title: str, name: str, filter_text: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(Path(self._folder()) / name), filter_text
        )
        return Path(path) if path else None

    def _export(self, title: str, path: Path | None, make_text) -> None:
        if path is None:
            return
        try:
            atomic_write_text(path, make_text())
        except (OSError, ValueError, ConfigError) as exc:
            QMessageBox.warning(self.window, title, self.tr("{file} was not written: {reason}")
                                .format(file=path.name, reason=exc))  # fmt: skip
            return
        self.window.statusBar().showMessage(self.tr("Wrote {file}").format(file=path.name), 4000)

    def export_csv(self) -> None:
        snap = self.controller.snapshot
        if snap is None:
            return
        title = self.tr("Export history")
        path = self._ask(title, "history.csv", self.tr("CSV table (*.csv)"))
        self._export(title, path, lambda: history_csv(snap.history))

    def export_script(self, kind: str) -> None:
        from ..experiment import exports

        config = self.window.current_config()
        if kind == "numpy":
            title = self.tr("Export NumPy script")
            path = self._ask(title, "experiment_numpy.py", self.tr("Python script (*.py)"))
            self._export(title, path, lambda: exports.numpy_script(config))
        else:
            title = self.tr("Export PyTorch script")
            path = self._ask(title, "experiment_pytorch.py", self.tr("Python script (*.py)"))
            self._export(title, path, lambda: exports.pytorch_script(config))

    def export_report(self) -> None:
        from ..experiment import exports

        c = self.controller
        if c.snapshot is None:
            return
        title = self.tr("Export report")
        path = self._ask(title, "report.html", self.tr("Web page (*.html)"))
        if path is None:
            return
        figures = {}
        titles = {  # the whole titles (a tab's may be short: presentation mode)
            dock.widget(): self.window.dock_titles[key][0]
            for key, dock in self.window.view_docks.items()
        }
        for view in self.window.views:
            if not view.visibleRegion().isEmpty() and view.has_content():
                # captioned as the window names it (the dock's title, else the view's caption)
                title = (
                    titles.get(view)
                    or QTextDocumentFragment.fromHtml(view.caption.text()).toPlainText()
                )
                figures[title] = view.figure_png()  # the plot, not its header
        self._export(
            title, path,
            lambda: exports.html_report(c.saved_config(), c.results(), c.snapshot.history,
                                        figures, number=report_number,
                                        language=QLocale().name().split("_")[0]),
        )  # fmt: skip


def report_number(key: str, value: float) -> str:
    """A result in the HTML report, written as the interface writes numbers: counts whole,
    shares as percentages, the rest with six significant digits."""
    from ..experiment.labs import COUNT_METRICS, SHARE_METRICS
    from .style import number

    if key in SHARE_METRICS:
        return number(value, 1, percent=True)
    if key in COUNT_METRICS:
        return number(value)
    return number(value, significant=6)
