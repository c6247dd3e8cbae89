"""The main window: panels on the left, live views in docks, run controls in the toolbar.

Its jobs live in mixins of their own: :mod:`.window_layout` (actions, menus, docks, saved
layout), :mod:`.window_experiment` (configs, files, comparison rows, labs, datasets) and
:mod:`.window_presenter` (what the controller says, shown). Their strings are translated in
the ``MainWindow`` context (``QCoreApplication.translate("MainWindow", ...)``), the class they
are part of, so that lupdate and the running app agree.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from .controller import ExperimentController
from .window_experiment import ExperimentActions, restored_config
from .window_layout import LAYOUT_VERSION, WindowLayout
from .window_presenter import Presenter

__all__ = ["MainWindow", "restored_config"]


class MainWindow(WindowLayout, ExperimentActions, Presenter, QMainWindow):
    languageChangeRequested = Signal(str)

    def __init__(self, controller: ExperimentController, settings=None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._detached = False
        self.lab = None
        self.compare_window = None
        self.setWindowTitle(self.tr("MLP Studio"))
        self.setDockOptions(
            QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AnimatedDocks
        )
        self._create_actions()
        self._create_views()
        self._create_panels()
        self._create_menus()
        self._create_status_bar()
        self._connect()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() > 0:
            self.resize(min(1400, int(screen.width() * 0.95)), min(900, int(screen.height() * 0.9)))
        else:
            self.resize(1400, 900)
        self.size_docks()
        self._load_config_into_panels(controller.config)
        self._on_dataset_changed()
        self._on_network_changed()
        unshowable = self.unshowable(controller.config)
        if unshowable:  # kept as it is until edited; say so rather than change it unseen
            self.message_bar.show_message(
                self.tr(
                    "These settings cannot be shown exactly in the panels: {keys}. They are "
                    "used as they are; editing the panels replaces them with what is shown."
                ).format(keys="; ".join(unshowable))
            )
        if controller.snapshot is not None:
            self._on_snapshot(controller.snapshot)
        self._on_status(controller.status)
        self._default_state = self.saveState(LAYOUT_VERSION)
        if settings is not None:
            self._restore_settings()
        self._arrange_for(controller.dataset)
        self._update_title()
        # Start with the focus on the plot, not in a text field, so Space trains at once.
        self.prediction_view.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.prediction_view.plot.setFocus()

    def show_preferences(self) -> None:
        from .preferences import PreferencesDialog
        from .settings import app_settings

        settings = self.settings if self.settings is not None else app_settings()
        dialog = PreferencesDialog(settings, self)
        if dialog.exec():
            language_changed = dialog.save()
            if self.controller.process is not None and not self.controller.is_training:
                self.controller.process.shutdown()  # restarts with the new data settings
            self._on_dataset_changed()
            if language_changed:
                self.languageChangeRequested.emit(dialog.language.currentData())

    def detach(self) -> None:
        """Let go of the controller without stopping it (a new window takes over)."""
        self._detached = True
        for signal, slot in (
            (self.controller.datasetChanged, self._on_dataset_changed),
            (self.controller.networkChanged, self._on_network_changed),
            (self.controller.snapshotReady, self._on_snapshot),
            (self.controller.statusChanged, self._on_status),
            (self.controller.rebuildOffered, self._offer_reset),
            (self.controller.errorOccurred, self._on_error),
        ):
            signal.disconnect(slot)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.tidy_tab_bars()  # laid out now

    def childEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().childEvent(event)
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildPolished):
            # Qt makes a dock tab bar when docks are tabified, restored or first drawn, and
            # may leave the old one behind
            self.tidy_tab_bars_soon()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.tidy_tab_bars_soon()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if not self._detached:
            self.save_settings()
            self.controller.shutdown(1000)
        if self.compare_window is not None:
            self.compare_window.close()  # stops its comparison and its training process
        super().closeEvent(event)
