"""Smoke modes: the real window driven as a user would, failing loudly on anything unexpected.

``mlpstudio --smoke [FILE | --preset NAME] [--screenshot PNG]`` trains one experiment through
the window (the course example for a few hundred epochs; a file or preset for a bounded time)
and checks that every visible view drew data; with ``--view NAME`` (:data:`SMOKE_VIEWS`) it
brings that view forward and saves only its widget. ``mlpstudio --smoke --tour
[--screenshot-dir DIR]`` walks one window through every preset (the Preset box) and every task
(the Task box) as a lecturer would, trains briefly in each, brings each of the SMOKE_VIEWS
forward, opens the comparison and runs it, and saves one PNG per step. Both exit 0 when
nothing went wrong, 1 on any unexpected error: an exception in a slot, any dialog that opened
(it is read and closed), a view left empty, an image larger than a 1280x800 screen; the tour
carries on after an error so one run lists them all. Image sets whose files are absent show
the Data panel's download state (screenshot), which is not an error.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

SMOKE_EPOCHS = 300  # the course example without FILE or --preset
SMOKE_TRAIN_S = 10.0  # a FILE or --preset trains this long (at least one epoch), then stops
SMOKE_TIMEOUT_S = 180
TOUR_TRAIN_S = 2.0  # each tour step trains at least this long and at least one epoch...
TOUR_STEP_CAP_S = 40.0  # ...but stops after this long in any case
SCREEN = (1280, 720)  # the lecturer's screen the window is fitted to
MAX_SHOT = (1280, 800)  # no screenshot may be larger than this
FINAL = ("finished", "stopped", "early_stopped", "diverged", "error")  # error: a failed run
#: ``--smoke --view NAME``: the window's attribute that holds each view, in order of preference
#: (a view that a later part of the app adds takes over its name; until then the view that
#: shows that content stands in, and the smoke run says so)
SMOKE_VIEWS = {
    "basis": ("basis_view",),
    "probe": ("network_view",),  # probed first (see probe_first_test_input)
    "gradients": ("health_view",),
    "backprop": ("backprop_view",),
    "timeline": ("loss_view",),  # the timeline bar sits under its plots
}


def view_refusal(name: str, dataset) -> str | None:
    """Why ``--view NAME`` cannot show this experiment's data (None: it can). Checked before
    training: a view that does not apply would otherwise train for nothing, then fail as
    "draws nothing" (exit 1) rather than be refused as bad input (exit 2)."""
    from .window_layout import one_input_function

    if name == "basis" and dataset is not None and not one_input_function(dataset):
        return (
            "--view basis: the hidden-unit basis is drawn for functions of one input only, "
            "and this experiment's data is not one; choose a function (the course example, or "
            "--preset course-sine) or another view."
        )
    return None


def find_view(window, name: str):
    """The widget ``--view NAME`` grabs and whether it is a stand-in (see SMOKE_VIEWS)."""
    attributes = SMOKE_VIEWS[name]
    for i, attribute in enumerate(attributes):
        widget = getattr(window, attribute, None)
        if widget is not None:
            return widget, i > 0
    raise LookupError(f"the window has none of {', '.join(attributes)}")


def bring_forward(widget) -> None:
    """Show the dock that holds ``widget`` and raise its tab."""
    from PySide6.QtWidgets import QDockWidget

    parent = widget
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    if parent is not None:
        parent.show()
        parent.raise_()


def probe_first_test_input(window) -> None:
    """What a click on the first test point (or image) does: the Network view probes it."""
    from PySide6.QtCore import QCoreApplication

    from .style import number
    from .views.probe import network_input

    ds = window.controller.dataset
    if ds is None or not len(ds.x_test):
        return
    if ds.is_image:
        label = QCoreApplication.translate("Probe", "test image {n}").format(n=number(1))
    else:
        from ..experiment.explain import vector
        from .views.backprop_view import notation

        label = "x = " + vector(ds.x_test[0], notation())  # [ 0,5; 0,3 ] in Spanish
    window.network_view.set_probe(network_input(ds, ds.x_test[0]), label, image=ds.is_image)


def replay_a_third_of_the_way(window) -> None:
    """What a drag of the timeline's slider does: every view shows a kept epoch a third of
    the way through training (the loss plot marks it; Live returns)."""
    bar = getattr(window, "timeline_bar", None)
    epochs = window.controller.timeline.epochs
    if bar is not None and len(epochs) > 1:
        bar.show_epoch(epochs[-1] // 3)


def go_live(window) -> None:
    """Back to the latest state after :func:`replay_a_third_of_the_way`."""
    bar = getattr(window, "timeline_bar", None)
    if bar is not None:
        bar.go_live()


def smoke_config():
    from ..experiment.config import Config

    config = Config()
    config.training.epochs = SMOKE_EPOCHS
    return config


def use_lecture_screen(qt_args: list[str]) -> None:
    """Under Qt's plain offscreen platform (CI, a server), give it one 1280x720 screen (its
    default is 800x800), so that the window sizes itself as on a lecturer's screen."""
    import atexit
    import json
    import os
    import shutil
    import tempfile

    if os.environ.get("QT_QPA_PLATFORM") != "offscreen" or "-platform" in qt_args:
        return
    w, h = SCREEN
    screen = {"name": "lecture", "x": 0, "y": 0, "width": w, "height": h,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    folder = tempfile.mkdtemp(prefix="mlpstudio-screen-")
    atexit.register(shutil.rmtree, folder, True)  # Qt reads it once, at start: remove at exit
    path = Path(folder) / "screen.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


def fit_to_screen(window) -> None:
    """Size the window as it would be, maximised, on a 1280x720 screen."""
    window.layout().activate()  # the minimum of the window as it is now, not as it was
    screen = window.screen()
    size = screen.availableGeometry().size() if screen is not None else None
    if size is None or size.width() <= 0:
        window.resize(*SCREEN)
    else:
        window.resize(min(size.width(), SCREEN[0]), min(size.height(), SCREEN[1]))


class _Driver:
    """Drives the window from a plain loop that keeps the event loop running."""

    def __init__(self, app, window, max_shot: tuple[int, int] | None = MAX_SHOT):
        self.app, self.window = app, window
        self.max_shot = max_shot
        self.errors: list[str] = []
        self.step_name = "start"
        self._restore = None
        self._sizes: set[tuple[int, int]] = set()

    # -- watching for trouble ----------------------------------------------------------------
    def _install(self) -> None:
        from PySide6.QtCore import QTimer

        from .errors import ErrorDialog

        hook, show = sys.excepthook, ErrorDialog.__dict__["show_error"]

        def restore():
            sys.excepthook = hook
            ErrorDialog.show_error = show

        self._restore = restore
        sys.excepthook = self._excepthook

        def record(parent, exc):  # the app's error dialog, should anything call it directly
            self._excepthook(type(exc), exc, exc.__traceback__)

        ErrorDialog.show_error = staticmethod(record)
        self._dialogs = QTimer()
        self._dialogs.setInterval(100)
        self._dialogs.timeout.connect(self._close_dialogs)
        self._dialogs.start()

    def _uninstall(self) -> None:
        self._dialogs.stop()
        if self._restore is not None:
            self._restore()

    def _excepthook(self, kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb)).rstrip()
        self.error(f"exception in a slot: {text}")

    def error(self, message: str) -> None:
        line = f"[{self.step_name}] {message}"
        if line not in self.errors:
            self.errors.append(line)
            print(f"smoke: ERROR {line}", file=sys.stderr, flush=True)

    def _close_dialogs(self) -> None:
        """Any dialog that opens is unexpected: record what it says and close it."""
        from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                text = widget.text() if isinstance(widget, QMessageBox) else ""
                self.error(f"dialog '{widget.windowTitle()}': {' '.join(text.split())}")
                widget.reject()

    # -- waiting -----------------------------------------------------------------------------
    def wait_until(self, condition, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while True:
            self.app.processEvents()
            if condition():
                return True
            if time.monotonic() > end:
                return False
            time.sleep(0.01)

    def pause(self, seconds: float) -> None:
        self.wait_until(lambda: False, seconds)

    # -- checks ------------------------------------------------------------------------------
    def empty_views(self) -> list[str]:
        """Views on screen that draw nothing."""
        return [type(v).__name__ for v in self.window.views
                if not v.visibleRegion().isEmpty() and not v.has_content()]  # fmt: skip

    def save(self, widget, path: Path) -> bool:
        from ..atomic import atomic_write_bytes
        from .views.base import png_bytes

        if widget is self.window:
            # as a maximised window on the lecturer's screen: the offscreen platform has no
            # window manager to keep a window that grew (a view built, a long tab title for a
            # moment) within the screen; one whose minimum size is too large stays larger
            fit_to_screen(widget)
            self.app.processEvents()
        try:  # the project's one writer: a screenshot is never half-written either
            atomic_write_bytes(path, png_bytes(widget))
        except OSError as exc:
            self.error(f"could not save {path} ({exc})")
            return False
        w, h, most = widget.width(), widget.height(), self.max_shot
        if most is not None and (w > most[0] or h > most[1]) and (w, h) not in self._sizes:
            self._sizes.add((w, h))  # each size once: the same cause on every step
            self.error(f"{path.name} is {w}x{h}, larger than a {most[0]}x{most[1]} "
                       f"screen (the window's minimum size is too large)")  # fmt: skip
        return True

    def show_view(self, name: str):
        """Bring the view ``name`` forward; return it (None, with an error, if it is absent or
        draws nothing)."""
        try:
            view, stand_in = find_view(self.window, name)
        except LookupError as exc:
            self.error(f"view {name}: {exc}")
            return None
        if stand_in:
            print(f"smoke: view {name}: not in this build; showing {type(view).__name__}")
        bring_forward(view)
        if name == "probe":
            probe_first_test_input(self.window)
        if name == "timeline":
            replay_a_third_of_the_way(self.window)
        self.pause(0.5)  # the dock's tab, the pending snapshot's redraw
        # a large network's backpropagation example is worked out in a worker thread
        if getattr(view, "computing", False) and not self.wait_until(
            lambda: not view.computing, 120
        ):
            self.error(f"view {name} ({type(view).__name__}) still computing after 120 s")
        if view.visibleRegion().isEmpty():
            self.error(f"view {name} ({type(view).__name__}) is not on screen")
        elif hasattr(view, "has_content") and not view.has_content():
            self.error(f"view {name} ({type(view).__name__}) draws nothing")
        return view

    def train_briefly(self, least_s: float, cap_s: float) -> str:
        """Press Train, train ``least_s`` and at least one epoch (at most ``cap_s``), press Stop
        if still training; return the final status."""
        c = self.window.controller
        started = time.monotonic()
        self.window.act_start.trigger()
        if not self.wait_until(lambda: c.is_training or c.status in FINAL, 30):
            self.error(f"Train did not start (status {c.status})")
            return c.status

        def enough():
            if not c.is_training:
                return True
            epoch = c.snapshot.epoch if c.snapshot is not None else 0
            return time.monotonic() - started >= least_s and epoch >= 1

        if not self.wait_until(enough, cap_s):
            self.error(f"less than one epoch after {cap_s:.0f} s")
        if c.is_training:
            self.window.act_stop.trigger()
            if not self.wait_until(lambda: not c.is_training, 30):
                self.error("Stop did not stop training within 30 s")
        self.pause(0.4)  # the last snapshot's redraw
        return c.status


class SmokeRun(_Driver):
    """Trains one experiment through the real window and checks every view."""

    def __init__(self, app, window, screenshot: str | None, timed: bool = False,
                 view: str | None = None):  # fmt: skip
        super().__init__(app, window, max_shot=None)  # the window's size is the tour's check
        self.screenshot, self.timed, self.view = screenshot, timed, view

    def run(self) -> int:
        self._install()
        try:
            return self._run()
        finally:
            self._uninstall()

    def _run(self) -> int:
        self.step_name = "smoke"
        w, c = self.window, self.window.controller
        self.pause(0.2)
        code = 0
        problem = view_refusal(self.view, c.dataset) if self.view else None
        if problem:  # bad input: refused before training, nothing written
            print(f"mlpstudio: error: {problem}", file=sys.stderr)
            w.close()
            return 2
        if not c.can_train:
            self.error(f"cannot train: {c.data_error or w.status_label.text() or c.status}")
        elif self.timed:
            self.train_briefly(SMOKE_TRAIN_S, SMOKE_TIMEOUT_S)
        else:
            w.act_start.trigger()
            if not self.wait_until(lambda: c.status in FINAL, SMOKE_TIMEOUT_S):
                self.error(f"no result after {SMOKE_TIMEOUT_S} s")
                code = 2
                w.act_stop.trigger()
                self.wait_until(lambda: not c.is_training, 10)
            self.pause(0.3)
        snapshot = c.snapshot
        history = snapshot.history if snapshot is not None else None
        if history is not None and len(history["train_loss"]):
            first, last = history["train_loss"][0], history["train_loss"][-1]
            print(f"smoke: status {c.status}, {snapshot.epoch} epochs, "
                  f"loss {first:.4g} -> {last:.4g}")  # fmt: skip
            if not last < first:
                self.error("the training loss did not fall")
        else:
            self.error("no snapshot")
        if c.status not in (("finished",) if not self.timed else ("finished", "stopped",
                                                                   "early_stopped")):  # fmt: skip
            self.error(f"training ended as {c.status}")
        empty = self.empty_views()
        if empty:
            self.error(f"views without data: {', '.join(empty)}")
        target = w
        if self.view:
            target = self.show_view(self.view)
        if self.screenshot and target is not None:
            if self.save(target, Path(self.screenshot)):
                print(f"smoke: screenshot saved to {self.screenshot}")
        w.close()
        print(f"smoke: {len(self.errors)} errors", file=sys.stderr if self.errors else sys.stdout)
        return code or (1 if self.errors else 0)


class Tour(_Driver):
    """One window through every preset and task, as a lecturer would try it before class."""

    def __init__(self, app, window, screenshot_dir: str | None, presets=None, kinds=None,
                 train_s: float = TOUR_TRAIN_S, max_shot=MAX_SHOT):  # fmt: skip
        super().__init__(app, window, max_shot)
        import tempfile

        self.dir = Path(screenshot_dir or tempfile.mkdtemp(prefix="mlpstudio-tour-"))
        self.presets, self.kinds, self.train_s = presets, kinds, train_s
        self.count = 0
        self.shots: list[Path] = []

    def run(self) -> int:
        from ..experiment.presets import PRESETS

        self.dir.mkdir(parents=True, exist_ok=True)
        self._install()
        try:
            return self._run(PRESETS)
        finally:
            self._uninstall()

    def _run(self, PRESETS) -> int:  # noqa: N803
        w = self.window
        started = time.monotonic()
        self.pause(0.3)
        self.shot("start")
        panel = w.data_panel
        for name in self.presets or list(PRESETS):
            self.step(f"preset {name}", name, lambda n=name: self._choose(panel.preset, n, True))
        kinds = self.kinds or [panel.kind.itemData(i) for i in range(panel.kind.count())]
        for kind in kinds:
            self.step(f"task {kind}", f"task-{kind}", lambda k=kind: self._choose(panel.kind, k))
        self.visit_views()
        self.compare()
        self.step_name = "end"
        w.close()
        print(f"tour: {len(self.shots)} screenshots in {self.dir}, "
              f"{time.monotonic() - started:.0f} s, {len(self.errors)} errors")  # fmt: skip
        return 1 if self.errors else 0

    def _choose(self, combo, data, activated: bool = False) -> None:
        index = combo.findData(data)
        if index < 0:
            self.error(f"{data} is not in the {combo.objectName() or 'combo'} box")
            return
        if not combo.isEnabled():
            self.error(f"the box for {data} is disabled")
            return
        combo.setCurrentIndex(index)
        if activated:
            combo.activated.emit(index)  # what a click on the item sends

    def shot(self, label: str) -> Path:
        self.count += 1
        path = self.dir / f"{self.count:02d}-{label}.png"
        self.save(self.window, path)
        self.shots.append(path)
        return path

    def step(self, name: str, label: str, choose) -> None:
        from ..data.catalog import SETS

        self.step_name = name
        w, c = self.window, self.window.controller
        try:
            choose()
            self.pause(0.6)  # the panel's debounce, the data, the views
            if not c.can_train:
                if c.config.data.kind in SETS and c.dataset is None:
                    path = self.shot(f"{label}-download")
                    print(f"tour: {name}: data absent, download state in {path.name}")
                elif c.config.data.kind == "csv" and not c.config.data.path:
                    path = self.shot(f"{label}-import")  # a student's own file: none chosen
                    print(f"tour: {name}: no CSV file chosen, import state in {path.name}")
                else:
                    self.error(f"cannot train: {c.data_error or w.status_label.text() or c.status}")
                    self.shot(f"{label}-cannot-train")
                return
            status = self.train_briefly(self.train_s, TOUR_STEP_CAP_S)
            empty = self.empty_views()
            if empty:
                self.error(f"views without data after training: {', '.join(empty)}")
            path = self.shot(label)
            epoch = c.snapshot.epoch if c.snapshot is not None else 0
            print(f"tour: {name}: {status} at epoch {epoch}; {path.name}", flush=True)
        except Exception:  # noqa: BLE001 (the tour lists every error, then exits 1)
            self.error("tour step failed: " + traceback.format_exc().rstrip())

    def visit_views(self) -> None:
        """The views that show inside the network (--smoke --view's names), each brought
        forward after a short run on the course example, one screenshot each."""
        self.step("views", "views", lambda: self._choose(self.window.data_panel.preset,
                                                         "course-sine", True))  # fmt: skip
        for name in SMOKE_VIEWS:
            self.step_name = f"view {name}"
            try:
                view = self.show_view(name)
                if view is not None:
                    self.count += 1
                    path = self.dir / f"{self.count:02d}-view-{name}.png"
                    if self.save(view, path):
                        self.shots.append(path)
                        print(f"tour: view {name}: {path.name}", flush=True)
                if name == "timeline":
                    go_live(self.window)
            except Exception:  # noqa: BLE001 (the tour lists every error, then exits 1)
                self.error("view failed: " + traceback.format_exc().rstrip())

    def compare(self) -> None:
        self.step_name = "comparison"
        w = self.window
        try:
            # on the course example: the comparison is about architectures, not data
            self._choose(w.data_panel.preset, "course-sine", True)
            self.pause(0.6)
            w.act_compare.trigger()
            self.pause(0.5)
            cw = w.compare_window
            if cw is None or not cw.isVisible():
                self.error("Compare architectures did not open its window")
                return
            cw.resize(min(cw.width(), SCREEN[0]), min(cw.height(), SCREEN[1]))
            cw.epochs.setValue(min(cw.epochs.value(), 50))
            cw.run_button.click()
            if not self.wait_until(lambda: not cw.is_running(), 120):
                cw.stop()
                self.wait_until(lambda: not cw.is_running(), 30)
            self.pause(0.5)
            if cw.table.rowCount() == 0:
                self.error("the comparison produced no rows")
            self.count += 1
            path = self.dir / f"{self.count:02d}-comparison.png"
            self.save(cw, path)
            self.shots.append(path)
            print(f"tour: comparison: {cw.table.rowCount()} rows; {path.name}", flush=True)
            cw.close()
        except Exception:  # noqa: BLE001
            self.error("comparison failed: " + traceback.format_exc().rstrip())
