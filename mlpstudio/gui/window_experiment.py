"""What the main window does with experiments: panels to config and back, presets and tasks,
files, comparison rows, labs and datasets (a part of
:class:`~mlpstudio.gui.main_window.MainWindow`).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from ..experiment.config import CSV_KEYS, IMAGE_KINDS, Config, ConfigError, config_from_dict
from ..experiment.presets import preset_config, task_defaults, task_preset
from .style import number


class ExperimentActions:
    """Loading, adopting and applying experiments (mixed into MainWindow)."""

    def current_config(self) -> Config:
        config = self._panels_config(self.controller.config)
        if self.lab is not None:  # the locked values always win
            config = self.lab.enforce(config)
        return config

    def _panels_config(self, base: Config) -> Config:
        """What the panels show; the settings no panel shows are taken from ``base``."""
        return Config(
            data=self.data_panel.data_config(base.data),
            model=self.architecture_panel.model_config(),
            training=self.training_panel.training_config(base.training),
        )

    def unshowable(self, config: Config) -> list[str]:
        """The settings of ``config`` that the panels cannot show exactly, as "key = value"
        (empty: every setting reads back identical). The panels are left as they were."""
        self._load_config_into_panels(config)
        try:
            shown = self._panels_config(config)
        finally:
            self._load_config_into_panels(self.controller.config)
        wanted, got = _flat(config), _flat(shown)
        return [f"{key} = {wanted[key]!r}" for key in wanted if got.get(key) != wanted[key]]

    def _refuse_unshowable(self, config: Config, what: str) -> bool:
        """Say which settings the panels cannot show (and load nothing); True if refused."""
        problems = self.unshowable(config)
        if problems:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("MainWindow", "Cannot load the settings"),
                QCoreApplication.translate(
                    "MainWindow",
                    "The {what} has settings the panels cannot show exactly: {keys}. Nothing "
                    "was loaded, so that no setting is silently changed; edit the file so "
                    "that these values are within what the panels offer.",
                ).format(what=what, keys="; ".join(problems)),
            )
        return bool(problems)

    def _apply_panels(self) -> None:
        config = self.current_config()
        if config.data.kind != self.controller.config.data.kind and _has_preset(config.data.kind):
            self._apply_task(config)  # a new task starts from that data's defaults
            return
        self.controller.set_config(config)
        preset = self.data_panel.preset
        name = preset.currentData()
        if name and preset_config(name) != config:
            preset.setCurrentIndex(0)  # edited: it is no longer that preset
        self._refresh_structure()  # also when a rebuild is only offered
        self._on_status(self.controller.status)

    def _load_config_into_panels(self, config: Config) -> None:
        self.data_panel.load(config.data)
        self.architecture_panel.load(config.model)
        self.training_panel.load(config.training)

    def load_config(self, config: Config, what: str | None = None) -> bool:
        """Start a new experiment from ``config`` (a preset, a file); a config the panels
        cannot show exactly is refused with a message (False)."""
        if self._refuse_unshowable(
            config, what or QCoreApplication.translate("MainWindow", "experiment")
        ):
            return False
        self.controller.stop(wait=True)
        self._load_config_into_panels(config)
        config = self._panels_config(config)
        if self.lab is not None:
            config = self.lab.enforce(config)
        c = self.controller
        c.set_config(config)  # rebuilds what changed, if nothing was trained
        trained = c.snapshot is not None and (c.snapshot.step > 0 or c.has_progress)
        if trained or c.pending_rebuild:
            c.reset()  # a trained network gives way to a fresh one (built once, not twice)
        self.message_bar.hide()
        return True

    def load_preset(self, name: str) -> None:
        if self.load_config(preset_config(name)):
            self._announce_defaults(self.data_panel.preset.itemText(
            max(0, self.data_panel.preset.findData(name))))  # fmt: skip

    def name_preset(self, name: str | None) -> None:
        """Show preset ``name`` in the Preset box (none: "(choose a preset)"; a lab names
        none), without loading anything: the panels already show it."""
        preset = self.data_panel.preset
        found = preset.findData(name) if name and self.lab is None else 0
        preset.setCurrentIndex(max(0, found))

    def _apply_task(self, chosen: Config) -> None:
        """The Task changed: load that data's defaults (architecture, epochs, batch, subset:
        those of its preset), keeping the chosen 2-D set, and say so in the status line."""
        toy = chosen.data.toy if chosen.data.kind == "toy" else None
        name = task_preset(chosen.data.kind, toy)
        if name is None:  # no preset has this data (a CSV file): general defaults, its file
            config = task_defaults(chosen.data.kind)
            own = {key: getattr(chosen.data, key) for key in CSV_KEYS}
            config = dataclasses.replace(config, data=dataclasses.replace(config.data, **own))
        else:
            config = preset_config(name)
        if self.lab is not None:
            config = self.lab.enforce(config)
        if not self.load_config(config):
            return  # refused with a message; the panels show the current experiment again
        self.name_preset(name)  # it names what is loaded, not the previous preset
        self._announce_defaults(self.data_panel.kind.currentText())

    def _announce_defaults(self, title: str) -> None:
        """One status line naming the settings that a task or preset has just set."""
        c = self.controller.config
        text = QCoreApplication.translate(
            "MainWindow",
            "Loaded the defaults of “{task}”: hidden layers {hidden}, {epochs} epochs, "
            "batch size {batch}.",
        ).format(
            task=title,
            hidden=", ".join(number(n) for n in c.model.hidden) or "0",
            epochs=number(c.training.epochs),
            batch=number(c.training.batch_size),
        )
        if c.data.kind in IMAGE_KINDS:
            text += " " + (
                QCoreApplication.translate("MainWindow", "Images per split: {n}.").format(
                    n=number(c.data.subset)
                )
                if c.data.subset
                else QCoreApplication.translate(
                    "MainWindow", "Images per split: all (choose a subset for a slow computer)."
                )
            )
        self.status_label.setText(text)

    def adopt_experiment(self, experiment) -> None:
        """Show an opened .mlpx file: its settings, weights, curves; Train continues it."""
        from ..experiment.archive import restore
        from ..experiment.build import build_dataset

        if self._refuse_unshowable(
            experiment.config, QCoreApplication.translate("MainWindow", "experiment")
        ):
            return
        self.controller.stop(wait=True)
        self._load_config_into_panels(experiment.config)
        try:
            dataset = build_dataset(experiment.config.data)
            network, history, optimizer_state = restore(experiment, dataset)
        except (ValueError, OSError) as exc:  # the data is not on this computer, say
            self.controller.set_config(experiment.config)
            self.controller.reset()
            self._on_error(
                QCoreApplication.translate(
                    "MainWindow", "The experiment's data is not available: {reason}"
                ).format(reason=exc)
            )
            return
        self.controller.adopt(experiment.config, network, history.view(), optimizer_state,
                              dataset, timeline=experiment.timeline)  # fmt: skip
        self.message_bar.hide()
        self._refresh_structure()

    def adopt_row(self, config, row) -> None:
        """Continue with an architecture from the comparison window: its network is rebuilt
        here from its final parameters (the comparison trained it in its own process)."""
        from ..experiment.build import build_dataset, build_network

        self.controller.stop(wait=True)
        try:
            c = self.controller  # the comparison's data is usually the experiment's
            same = c.dataset is not None and c.config.data == config.data
            dataset = c.dataset if same else build_dataset(config.data)
            network = build_network(config, dataset)
            network.set_params(row.final_params)
        except (ValueError, OSError) as exc:  # the data changed on disk since, say
            self._on_error(
                QCoreApplication.translate(
                    "MainWindow", "The experiment's data is not available: {reason}"
                ).format(reason=exc)
            )
            return
        self._load_config_into_panels(config)
        self.controller.adopt(config, network, row.history, row.optimizer_state, dataset)
        self.files.set_path(None)
        self._refresh_structure()
        self.raise_()
        self.activateWindow()

    def show_comparison(self) -> None:
        from .compare_window import CompareWindow

        if self.compare_window is None:
            self.compare_window = CompareWindow(self.current_config, self)
            self.compare_window.openRequested.connect(self.adopt_row)
        self.compare_window.show()
        self.compare_window.raise_()

    def open_lab(self, path: str | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from ..experiment.labs import LabError, load_lab

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("MainWindow", "Open lab"),
                "",
                QCoreApplication.translate("MainWindow", "Lab files (*.toml)"),
            )
            if not path:
                return False
        try:
            lab = load_lab(path)
        except (LabError, ConfigError, OSError) as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("MainWindow", "Cannot open the lab"), str(exc)
            )
            return False
        return self.adopt_lab(lab)

    def adopt_lab(self, lab) -> bool:
        """Work in ``lab`` (from a file, or pasted as text): its settings, locks and goals."""
        if self._refuse_unshowable(lab.config, QCoreApplication.translate("MainWindow", "lab")):
            return False
        self.lab = None  # unlock while loading the lab's own settings
        self._apply_locks(())
        self.load_config(lab.config)
        self.lab = lab
        self._apply_locks(lab.locked_keys())
        from PySide6.QtCore import QLocale

        from .i18n import resolve_language

        self.lab_view.set_lab(lab, resolve_language(QLocale().name().split("_")[0]))
        self.lab_dock.show()
        self.resizeDocks([self.lab_dock], [200], Qt.Orientation.Vertical)
        self.act_close_lab.setEnabled(True)
        self.files.set_path(None)
        self._update_title()
        return True

    def close_lab(self) -> None:
        """Back to free mode: no goals, no locks, no lab title; the settings are kept."""
        self.lab = None
        self._apply_locks(())
        self.lab_dock.hide()
        self.act_close_lab.setEnabled(False)
        self._update_title()

    def _apply_locks(self, keys) -> None:
        keys = set(keys)
        self.data_panel.set_locked_keys({k for k in keys if k.startswith("data.")})
        self.architecture_panel.set_locked_keys({k for k in keys if k.startswith("model.")})
        self.training_panel.set_locked_keys({k for k in keys if k.startswith("training.")})

    def _update_lab(self) -> None:
        if self.lab is not None:
            self.lab_view.show_results(self.controller.results())

    def _update_title(self, *_) -> None:
        parts = [QCoreApplication.translate("MainWindow", "MLP Studio")]
        if self.files.path is not None:
            parts.append(self.files.path.name)
        if self.lab is not None:
            parts.append(self.lab.title_in(self.lab_view.language))
        self.setWindowTitle(" — ".join(parts))

    def download_dataset(self, name: str) -> None:
        from .datasets import download

        self._dataset_job = download(self, name, lambda ok: self.controller.reload_data())

    def import_dataset(self, name: str) -> None:
        from .datasets import import_from_folder

        self._dataset_job = import_from_folder(self, name, lambda ok: self.controller.reload_data())

    def import_csv(self, path: str | None = None) -> bool:
        """File > Import CSV...: the dialog, then a new experiment on the chosen table."""
        from .csv_dialog import CsvImportDialog

        self.csv_dialog = dialog = CsvImportDialog(self, self.current_config().data, path)
        if not dialog.path:
            dialog.choose_file()
            if not dialog.path:
                return False
        if not dialog.exec():
            return False
        self.use_data(dialog.data_config())
        return True

    def use_data(self, data) -> None:
        """A new experiment on ``data`` (a ``[data]`` section) with the current model and
        training settings."""
        config = self.current_config()
        config.data = data
        self.load_config(config)

    def manage_datasets(self) -> None:
        from .datasets import DatasetManager

        dialog = DatasetManager(self)
        dialog.changed.connect(self.controller.reload_data)
        dialog.exec()


def _flat(config: Config) -> dict:
    """``section.key`` -> value, with one activation name per layer (a single name and a list
    of equal names are the same setting)."""
    flat = {}
    for section, values in config.to_dict().items():
        for key, value in values.items():
            flat[f"{section}.{key}"] = value
    flat["model.activation"] = config.model.activations()
    return flat


def _has_preset(kind: str) -> bool:
    """Whether a Task has defaults of its own (a CSV file has none: its dialog sets it up)."""
    try:
        task_preset(kind)
    except KeyError:
        return False
    return True


def restored_config(settings) -> Config:
    """The last experiment from the settings, or the course example."""
    import tomllib

    from ..data.dataset import DataError
    from ..data.untrusted import loads_toml

    text = settings.value("experiment/config", "") if settings is not None else ""
    if isinstance(text, str) and text:
        try:
            return config_from_dict(loads_toml(text, "settings"))
        except (tomllib.TOMLDecodeError, ConfigError, DataError):
            pass
    return Config()
