"""The main window: panels on the left, live views in docks, run controls in the toolbar."""

from __future__ import annotations

import dataclasses
import math
import time

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..experiment.build import head_name, layer_sizes
from ..experiment.config import CSV_KEYS, IMAGE_KINDS, Config, ConfigError, config_from_dict
from ..experiment.presets import preset_config, task_defaults, task_preset
from .controller import ExperimentController
from .files import ExperimentFiles
from .lab_view import LabView
from .panels.architecture_panel import ArchitecturePanel
from .panels.data_panel import DataPanel
from .panels.training_panel import TrainingPanel
from .style import Style, number
from .views.basis_view import BasisView
from .views.class_accuracy_view import ClassAccuracyView
from .views.classes import class_results
from .views.confusion_view import ConfusionView
from .views.first_layer_view import FirstLayerView
from .views.gallery_view import GalleryView
from .views.health_view import HealthView
from .views.loss_view import LossView
from .views.network_view import NetworkView
from .views.prediction_view import PredictionView
from .views.weights_view import WeightsView
from .widgets import CurrentPageStack, MessageBar, PanelScrollArea, wrap_captions

LAYOUT_VERSION = 4  # bump when the docks change, so an old saved layout is not restored
CLASS_VIEWS_INTERVAL = 0.2  # seconds between confusion/gallery updates while training


class MainWindow(QMainWindow):
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
        self.resizeDocks(
            [self.setup_dock, self.view_docks["loss"]], [430, 430], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.view_docks["weights"]], [330], Qt.Orientation.Vertical)
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

    # -- construction ------------------------------------------------------------------------
    def _create_actions(self) -> None:
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        self.act_start = QAction(icon(sp.SP_MediaPlay), self.tr("Train"), self)
        self.act_start.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.act_start.triggered.connect(self.controller.toggle_pause)
        self.act_step = QAction(icon(sp.SP_MediaSeekForward), self.tr("Step"), self)
        self.act_step.setShortcut(QKeySequence(Qt.Key.Key_S))
        self.act_step.setToolTip(self.tr("Train exactly one mini-batch, then pause (S)."))
        self.act_step.triggered.connect(self.controller.step)
        self.act_stop = QAction(icon(sp.SP_MediaStop), self.tr("Stop"), self)
        self.act_stop.setToolTip(self.tr("Stop training; Continue carries on from here."))
        self.act_stop.triggered.connect(lambda: self.controller.stop())
        self.act_reset = QAction(icon(sp.SP_BrowserReload), self.tr("Reset"), self)
        self.act_reset.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.act_reset.setToolTip(
            self.tr("Throw the training away: new random weights from the seed, empty history (R).")
        )
        self.act_reset.triggered.connect(self._reset)
        self.act_presentation = QAction(self.tr("Presentation mode"), self, checkable=True)
        self.act_presentation.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.act_presentation.setToolTip(
            self.tr("Larger fonts and thicker lines for a projector (F5).")
        )
        self.act_presentation.toggled.connect(Style.instance().set_presentation)
        self.act_preferences = QAction(self.tr("Preferences..."), self)
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_preferences.triggered.connect(self.show_preferences)
        self.act_quit = QAction(self.tr("Quit"), self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        for action in (self.act_start, self.act_step, self.act_reset):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        toolbar = self.addToolBar(self.tr("Training"))
        toolbar.setObjectName("trainingToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_start, self.act_step, self.act_stop, self.act_reset):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_presentation)

    def _create_views(self) -> None:
        self.message_bar = MessageBar()
        self.prediction_view = PredictionView()
        self.gallery_view = GalleryView()
        self.central_views = CurrentPageStack()
        self.central_views.addWidget(self.prediction_view)
        self.central_views.addWidget(self.gallery_view)
        for view in (self.prediction_view, self.gallery_view):
            wrap_captions(view)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.central_views, 1)
        self.setCentralWidget(central)
        self.loss_view = LossView()
        self.weights_view = WeightsView()
        self.network_view = NetworkView()
        self.confusion_view = ConfusionView()
        self.class_accuracy_view = ClassAccuracyView()
        self.first_layer_view = FirstLayerView()
        self.basis_view = BasisView()
        self.health_view = HealthView()
        self.view_docks = {}
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for key, title, view, area in (
            ("loss", self.tr("Loss"), self.loss_view, right),
            ("confusion", self.tr("Confusion matrix"), self.confusion_view, bottom),
            ("weights", self.tr("Weights"), self.weights_view, bottom),
            ("network", self.tr("Network"), self.network_view, bottom),
            ("first_layer", self.tr("First layer"), self.first_layer_view, bottom),
            ("class_accuracy", self.tr("Accuracy per class"), self.class_accuracy_view, bottom),
            ("basis", self.tr("Hidden units"), self.basis_view, bottom),
            ("health", self.tr("Gradients and units"), self.health_view, right),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(view)
            wrap_captions(view)
            self.addDockWidget(area, dock)
            dock.visibilityChanged.connect(
                lambda visible, v=view: visible and self._refresh_view(v)
            )
            self.view_docks[key] = dock
        docks = self.view_docks
        self.splitDockWidget(docks["weights"], docks["network"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(docks["weights"], docks["first_layer"])
        self.tabifyDockWidget(docks["network"], docks["class_accuracy"])
        self.tabifyDockWidget(docks["network"], docks["confusion"])
        self.tabifyDockWidget(docks["weights"], docks["basis"])
        self.tabifyDockWidget(docks["loss"], docks["health"])
        docks["loss"].raise_()
        # a unit clicked in the Network view or in the basis view is highlighted in both
        self.network_view.unit_clicked.connect(self._unit_clicked)
        self.basis_view.unit_selected.connect(self.network_view.highlight_last_hidden)
        self.common_views = [
            self.loss_view, self.weights_view, self.network_view, self.health_view
        ]  # fmt: skip
        self.function_views = [self.prediction_view]
        self.image_views = [
            self.gallery_view,
            self.confusion_view,
            self.class_accuracy_view,
            self.first_layer_view,
        ]
        self.table_class_views = [self.confusion_view, self.class_accuracy_view]
        self.all_views = (
            self.function_views + [self.basis_view] + self.common_views + self.image_views
        )
        self._class_views_drawn = 0.0

    def _unit_clicked(self, column: int, unit: int) -> None:
        """A hidden unit clicked in the Network view: highlight it there, and in the basis
        view when it belongs to the last hidden layer (a second click clears it)."""
        diagram = self.network_view.diagram
        chosen = None if diagram.selected == (column, unit) else (column, unit)
        diagram.select(chosen)
        last = column == len(diagram.sizes) - 2
        self.basis_view.highlight(unit if chosen is not None and last else None)

    @property
    def views(self):
        """The views that apply to the current data (image views only for image sets)."""
        dataset = self.controller.dataset
        if dataset is not None and dataset.is_image:
            return self.common_views + self.image_views
        if _class_table(dataset):  # a CSV file with classes: its class views too
            return self.function_views + self.common_views + self.table_class_views
        if _one_input_function(dataset):  # the hidden-unit basis of a 1-D fit
            return self.function_views + [self.basis_view] + self.common_views
        return self.function_views + self.common_views

    def _arrange_for(self, dataset) -> None:
        """Image sets get the gallery in the middle and the classification docks."""
        image = dataset is not None and dataset.is_image
        self.central_views.setCurrentIndex(1 if image else 0)
        for key in ("confusion", "first_layer", "class_accuracy"):
            self.view_docks[key].setVisible(image)
        self.view_docks["basis"].setVisible(_one_input_function(dataset))
        if _class_table(dataset):
            self.view_docks["confusion"].setVisible(True)
            self.view_docks["class_accuracy"].setVisible(True)
        if image:
            self.view_docks["first_layer"].raise_()
            self.view_docks["confusion"].raise_()
        else:
            self.view_docks["weights"].raise_()
            self.view_docks["network"].raise_()
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Keep the window within its screen. Showing or hiding docks leaves the window's
        minimum size of the old arrangement until the layout is next activated, so a window
        that once needed more room would stay wider than a 1280 px projector: activate it,
        then shrink to the screen."""
        self.layout().activate()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is None or screen.width() <= 0:
            return
        if self.width() > screen.width() or self.height() > screen.height():
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))

    def _create_panels(self) -> None:
        self.data_panel = DataPanel()
        self.architecture_panel = ArchitecturePanel()
        self.training_panel = TrainingPanel(
            [self.act_start, self.act_step, self.act_stop, self.act_reset]
        )
        for panel in (self.data_panel, self.architecture_panel, self.training_panel):
            for combo in panel.findChildren(QComboBox):
                # long item texts must not widen the panel: combos shrink, their lists do not
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(8)
        self.setup_tabs = QTabWidget()
        for panel, title in (
            (self.data_panel, self.tr("Data")),
            (self.architecture_panel, self.tr("Architecture")),
            (self.training_panel, self.tr("Training")),
        ):
            self.setup_tabs.addTab(PanelScrollArea(panel), title)
        dock = QDockWidget(self.tr("Experiment"), self)
        dock.setObjectName("dock_setup")
        dock.setWidget(self.setup_tabs)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.setup_dock = dock
        self.lab_view = LabView()
        self.lab_dock = QDockWidget(self.tr("Lab"), self)
        self.lab_dock.setObjectName("dock_lab")
        self.lab_dock.setWidget(self.lab_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.lab_dock)
        # the goals stay in sight above the settings (not on a tab of their own)
        self.splitDockWidget(self.lab_dock, self.setup_dock, Qt.Orientation.Vertical)
        self.lab_dock.hide()

    def _create_menus(self) -> None:
        self.files = ExperimentFiles(self)
        self.files.fileChanged.connect(self._update_title)
        f = self.files
        # New starts a free experiment: leave the lab first, so its locks do not apply to it
        f.act_new.triggered.disconnect(f.new)
        f.act_new.triggered.connect(self.close_lab)
        f.act_new.triggered.connect(f.new)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (f.act_new, f.act_open):
            file_menu.addAction(action)
        file_menu.addMenu(f.recent_menu)
        for action in (f.act_save, f.act_save_as):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.act_import_csv = file_menu.addAction(self.tr("Import CSV..."))
        self.act_import_csv.setToolTip(self.tr("Train on a table of your own (a CSV file)."))
        self.act_import_csv.triggered.connect(lambda: self.import_csv())
        self.act_open_lab = file_menu.addAction(self.tr("Open lab..."))
        self.act_open_lab.setToolTip(
            self.tr("Open a lab file from your teacher: a starting experiment with goals to reach.")
        )
        self.act_open_lab.triggered.connect(lambda: self.open_lab())
        labs_menu = file_menu.addMenu(self.tr("Example labs"))
        for title, path in example_labs():
            action = labs_menu.addAction(title)
            action.triggered.connect(lambda _=False, p=path: self.open_lab(str(p)))
        self.act_close_lab = file_menu.addAction(self.tr("Close lab"))
        self.act_close_lab.setToolTip(
            self.tr("Leave the lab: its goals and locks go away; the settings stay as they are.")
        )
        self.act_close_lab.setEnabled(False)
        self.act_close_lab.triggered.connect(self.close_lab)
        file_menu.addSeparator()
        export_menu = file_menu.addMenu(self.tr("Export"))
        for action in (f.act_csv, f.act_numpy, f.act_torch, f.act_report):
            export_menu.addAction(action)
        file_menu.addSeparator()
        self.act_datasets = file_menu.addAction(self.tr("Datasets..."))
        self.act_datasets.setToolTip(self.tr("Download, import and check the image datasets."))
        self.act_datasets.triggered.connect(self.manage_datasets)
        file_menu.addAction(self.act_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        run_menu = self.menuBar().addMenu(self.tr("&Run"))
        for action in (self.act_start, self.act_step, self.act_stop, self.act_reset):
            run_menu.addAction(action)
        run_menu.addSeparator()
        self.act_compare = run_menu.addAction(self.tr("Compare architectures..."))
        self.act_compare.setShortcut(QKeySequence("Ctrl+K"))
        self.act_compare.setToolTip(
            self.tr(
                "Train several architectures on the same data and "
                "compare how well they fit and generalise."
            )
        )
        self.act_compare.triggered.connect(self.show_comparison)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.setup_dock.toggleViewAction())
        for dock in self.view_docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.act_presentation)
        reset_layout = view_menu.addAction(self.tr("Reset layout"))
        reset_layout.setToolTip(self.tr("Put every panel and view back where it started."))
        reset_layout.triggered.connect(self.reset_layout)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = help_menu.addAction(self.tr("Keyboard shortcuts"))
        shortcuts.triggered.connect(self._show_shortcuts)
        about = help_menu.addAction(self.tr("About MLP Studio"))
        about.triggered.connect(self._show_about)

    def _create_status_bar(self) -> None:
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.backend_label = QLabel()
        self.statusBar().addPermanentWidget(self.backend_label)

    def _connect(self) -> None:
        c = self.controller
        c.datasetChanged.connect(self._on_dataset_changed)
        c.networkChanged.connect(self._on_network_changed)
        c.snapshotReady.connect(self._on_snapshot)
        c.statusChanged.connect(self._on_status)
        c.rebuildOffered.connect(self._offer_reset)
        c.errorOccurred.connect(self._on_error)
        self.confusion_view.cellClicked.connect(self.gallery_view.show_cell)
        self.confusion_view.foldChanged.connect(lambda _: self._show_class_results(force=True))
        self.data_panel.changed.connect(self._apply_panels)
        self.data_panel.presetChosen.connect(self.load_preset)
        self.data_panel.downloadRequested.connect(self.download_dataset)
        self.data_panel.importRequested.connect(self.import_dataset)
        self.data_panel.manageRequested.connect(self.manage_datasets)
        self.data_panel.csvRequested.connect(lambda: self.import_csv())
        self.architecture_panel.changed.connect(self._apply_panels)
        self.training_panel.changed.connect(self._apply_panels)

    # -- configuration -----------------------------------------------------------------------
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
                self.tr("Cannot load the settings"),
                self.tr(
                    "The {what} has settings the panels cannot show exactly: {keys}. Nothing "
                    "was loaded, so that no setting is silently changed; edit the file so "
                    "that these values are within what the panels offer."
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
        if self._refuse_unshowable(config, what or self.tr("experiment")):
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
        preset = self.data_panel.preset  # it names what is loaded, not the previous preset
        found = preset.findData(name) if name and self.lab is None else 0
        preset.setCurrentIndex(max(0, found))
        self._announce_defaults(self.data_panel.kind.currentText())

    def _announce_defaults(self, title: str) -> None:
        """One status line naming the settings that a task or preset has just set."""
        c = self.controller.config
        text = self.tr(
            "Loaded the defaults of “{task}”: hidden layers {hidden}, {epochs} epochs, "
            "batch size {batch}."
        ).format(
            task=title,
            hidden=", ".join(number(n) for n in c.model.hidden) or "0",
            epochs=number(c.training.epochs),
            batch=number(c.training.batch_size),
        )
        if c.data.kind in IMAGE_KINDS:
            text += " " + (
                self.tr("Images per split: {n}.").format(n=number(c.data.subset))
                if c.data.subset
                else self.tr("Images per split: all (choose a subset for a slow computer).")
            )
        self.status_label.setText(text)

    # -- experiments from files and comparisons ----------------------------------------------
    def adopt_experiment(self, experiment) -> None:
        """Show an opened .mlpx file: its settings, weights, curves; Train continues it."""
        from ..experiment.archive import restore
        from ..experiment.build import build_dataset

        if self._refuse_unshowable(experiment.config, self.tr("experiment")):
            return
        self.controller.stop(wait=True)
        self._load_config_into_panels(experiment.config)
        try:
            dataset = build_dataset(experiment.config.data)
            network, history, optimizer_state = restore(experiment, dataset)
        except (ValueError, OSError) as exc:  # the data is not on this computer, say
            self.controller.set_config(experiment.config)
            self.controller.reset()
            self._on_error(self.tr("The experiment's data is not available: {reason}")
                           .format(reason=exc))  # fmt: skip
            return
        self.controller.adopt(experiment.config, network, history.view(), optimizer_state,
                              dataset)  # fmt: skip
        self.message_bar.hide()
        self._refresh_structure()

    def adopt_row(self, config, row) -> None:
        """Continue with an architecture from the comparison window: its network is rebuilt
        here from its final parameters (the comparison trained it in its own process)."""
        from ..experiment.build import build_dataset, build_network

        self.controller.stop(wait=True)
        try:
            dataset = build_dataset(config.data)
            network = build_network(config, dataset)
            network.set_params(row.final_params)
        except (ValueError, OSError) as exc:  # the data changed on disk since, say
            self._on_error(self.tr("The experiment's data is not available: {reason}")
                           .format(reason=exc))  # fmt: skip
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

    # -- labs --------------------------------------------------------------------------------
    def open_lab(self, path: str | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog

        from ..experiment.labs import LabError, load_lab

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open lab"), "",
                                                  self.tr("Lab files (*.toml)"))  # fmt: skip
            if not path:
                return False
        try:
            lab = load_lab(path)
        except (LabError, ConfigError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot open the lab"), str(exc))
            return False
        if self._refuse_unshowable(lab.config, self.tr("lab")):
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
        parts = [self.tr("MLP Studio")]
        if self.files.path is not None:
            parts.append(self.files.path.name)
        if self.lab is not None:
            parts.append(self.lab.title_in(self.lab_view.language))
        self.setWindowTitle(" — ".join(parts))

    def _show_data_problem(self) -> None:
        c = self.controller
        self.data_panel.show_data_error(c.data_error, c.data_error_position)
        self._show_image_status()

    def _show_image_status(self) -> None:
        from ..experiment.config import IMAGE_KINDS

        kind = self.controller.config.data.kind
        if kind not in IMAGE_KINDS:
            return
        from ..data import store
        from .datasets import status_text

        root = self.controller.config.data.root
        if root:
            self.data_panel.show_image_status(
                self.tr("Files from the folder {folder}").format(folder=root), True
            )
            return
        status = store.status(kind)
        self.data_panel.show_image_status(status_text(self, status), status.state != "missing")

    # -- datasets ----------------------------------------------------------------------------
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

    def _refresh_structure(self) -> None:
        c = self.controller
        if c.dataset is None:
            self.architecture_panel.show_structure(None, [], "mse")
            return
        config = c.config
        try:
            sizes = layer_sizes(config, c.dataset)
            head = head_name(config, c.dataset)
        except (ConfigError, ValueError):
            self.architecture_panel.show_structure(None, [], "mse")
            return
        self.architecture_panel.show_structure(sizes, config.model.activations(), head)

    # -- controller events -------------------------------------------------------------------
    def _bind_views(self) -> None:
        """Give every view the current data, the network that belongs to it (or none) and
        their identity: the one place views learn what they show. A view then draws only
        snapshots of that identity, so nothing of a previous experiment can reach it."""
        c = self.controller
        dataset, network, identity = c.dataset, c.view_network, c.identity
        for view in self.all_views:
            takes_data = view is not self.weights_view and view is not self.network_view
            new_data = takes_data and view.dataset is not dataset
            new_network = view.network is not network or view.identity != identity
            if new_network and view.network is not None:
                view.set_network(None)  # never a network with data it does not belong to
            if new_data:
                view.set_dataset(dataset)
            if new_network and network is not None:
                view.set_network(network)
            if new_network and view.identity == identity:
                view.clear()  # the same kind of experiment, but a new network: a new run
            view.set_identity(identity)  # (clears the view if the identity changed)

    def _on_dataset_changed(self) -> None:
        dataset = self.controller.dataset
        self.data_panel.set_dataset(dataset)
        self._bind_views()
        self._arrange_for(dataset)
        self._show_data_problem()
        self._refresh_structure()

    def _on_network_changed(self) -> None:
        network = self.controller.network
        self._bind_views()
        offers_reset = self.message_bar.offers(self._reset)
        if self.controller.pending_rebuild is None and offers_reset:
            self.message_bar.hide()  # an offer to rebuild is void once the network is new
        if network is not None:
            self.backend_label.setText(
                self.tr("GPU (CuPy)") if network.backend.is_gpu else self.tr("CPU (NumPy)")
            )
        self.training_panel.show_progress(None)
        self._refresh_structure()
        if self.controller.network_error:
            self._on_error(self.controller.network_error)

    def _on_snapshot(self, snapshot) -> None:
        for view in self.views:
            view.update_snapshot(snapshot)  # drawn only if it belongs to what the view shows
        self._show_class_results(force=snapshot.is_final or snapshot.step == 0)
        self.training_panel.show_progress(snapshot)
        if self.controller.status in ("running", "paused"):
            self.status_label.setText(self._status_text(self.controller.status))

    def _show_class_results(self, force: bool = False) -> None:
        """Confusion matrix, gallery and per-class accuracy, at most every 0.2 s."""
        c = self.controller
        snap, dataset = c.snapshot, c.dataset
        if snap is None or dataset is None or snap.test_output is None:
            return
        if not (dataset.is_image or _class_table(dataset)):
            return
        if c.identity is None or snap.identity != c.identity:
            return  # the predictions of another experiment (the views were cleared)
        now = time.perf_counter()
        if not force and now - self._class_views_drawn < CLASS_VIEWS_INTERVAL:
            return
        self._class_views_drawn = now
        results = class_results(dataset, snap.test_output, self.confusion_view.fold.isChecked())
        for view in (self.gallery_view, self.confusion_view, self.class_accuracy_view):
            if view is not self.gallery_view or dataset.is_image:
                view.show_results(results)

    def _refresh_view(self, view) -> None:
        if self.controller.snapshot is not None:
            view.update_snapshot(self.controller.snapshot)
            if view in self.image_views:
                self._show_class_results(force=True)

    def _on_status(self, status: str) -> None:
        c = self.controller
        training = c.is_training
        paused = c.is_paused
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        if training and not paused:
            self.act_start.setText(self.tr("Pause"))
            self.act_start.setIcon(icon(sp.SP_MediaPause))
            self.act_start.setToolTip(self.tr("Pause training (Space)."))
        else:
            final = c.snapshot is not None and c.snapshot.is_final and not c.pending_rebuild
            text = (
                self.tr("Resume")
                if paused
                else (self.tr("Continue") if final else self.tr("Train"))
            )
            self.act_start.setText(text)
            self.act_start.setIcon(icon(sp.SP_MediaPlay))
            self.act_start.setToolTip(self.tr("{action} (Space).").format(action=text))
        self.act_start.setEnabled(c.can_train)
        self.act_step.setEnabled(c.can_train)
        self.act_stop.setEnabled(training)
        self.act_reset.setEnabled(c.dataset is not None)
        self.data_panel.setEnabled(not training)
        self.architecture_panel.setEnabled(not training)
        self.training_panel.set_training_locked(training)
        for action in self.files.busy_actions + [self.act_open_lab]:
            action.setEnabled(not training)
        self._update_lab()
        self.status_label.setText(self._status_text(status))

    def _status_text(self, status: str) -> str:
        c = self.controller
        snap = c.snapshot
        if status == "invalid" or c.dataset is None:
            return self.tr("Fix the data to train: see the message in the Data panel.")
        if status == "ready":
            return self.tr(
                "Ready: {train} training and {test} test points. Press Train (Space)."
            ).format(train=number(len(c.dataset.x_train)), test=number(len(c.dataset.x_test)))
        if snap is None:
            return ""
        if status == "running":
            return self.tr("Training: epoch {epoch} of {total}.").format(
                epoch=number(snap.epoch), total=number(snap.total_epochs)
            )
        if status == "paused":
            text = self.tr(
                "Paused at epoch {epoch}, step {step}. Space resumes, S takes one more step."
            ).format(epoch=number(snap.epoch), step=number(snap.step))
            if math.isfinite(snap.batch_loss):  # inside an epoch: the loss of its batches
                text += " " + self.tr(
                    "Mean mini-batch loss so far in this epoch: {loss} ({n} of {total} batches)."
                ).format(
                    loss=number(snap.batch_loss, significant=4),
                    n=number(snap.batch_in_epoch),
                    total=number(snap.batches_per_epoch),
                )
            return text
        result = self._result_text(snap)
        if status == "finished":
            return self.tr("Finished {epochs} epochs in {seconds} s. {result}").format(
                epochs=number(snap.epoch), seconds=number(snap.elapsed, 1), result=result
            )
        if status == "early_stopped":
            return self.tr(
                "Stopped early at epoch {epoch}: the validation loss stopped "
                "improving; the best weights (epoch {best}) were kept. {result}"
            ).format(epoch=number(snap.epoch), best=number(snap.best_epoch), result=result)
        if status == "stopped":
            return self.tr("Stopped at epoch {epoch}. {result}").format(
                epoch=number(snap.epoch), result=result
            )
        if status == "error":
            return self.tr("Training ended with an error at epoch {epoch}: {message}").format(
                epoch=snap.epoch, message=c.run_error or ""
            )
        if status == "diverged":
            return self.tr(
                "The loss became NaN or infinite: the learning rate ({lr}) is "
                "probably too high. Training stopped and the weights from epoch "
                "{epoch} were kept; lower the learning rate and reset."
            ).format(
                lr=number(c.config.training.learning_rate, significant=6), epoch=number(snap.epoch)
            )
        return ""

    def _result_text(self, snap) -> str:
        loss, metric = snap.last("test_loss"), snap.last("test_metric")
        if not (math.isfinite(loss) and math.isfinite(metric)):
            return ""
        if self.controller.network is not None and self.controller.network.head.is_classification:
            return self.tr("Test loss {loss}, test accuracy {acc}.").format(
                loss=number(loss, significant=4), acc=number(metric, 1, percent=True)
            )
        return self.tr("Test MSE {loss}, test R² {r2}.").format(
            loss=number(loss, significant=4), r2=number(metric, 4)
        )

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._arrange_for(self.controller.dataset)

    def _offer_reset(self, what: str) -> None:
        self.message_bar.show_message(
            self.tr(
                "The {what} changed, so the trained network no longer matches it. Reset to "
                "build and train the new network (Train also resets)."
            ).format(what=what),
            self.tr("Reset now"),
            self._reset,
        )
        self._on_status(self.controller.status)

    def _on_error(self, message: str) -> None:
        self.message_bar.show_message(self.tr("Problem: {message}").format(message=message))
        self.status_label.setText(message)

    def _reset(self) -> None:
        self.message_bar.hide()
        self.controller.reset()

    # -- help --------------------------------------------------------------------------------
    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard shortcuts"),
            self.tr(
                "Space: train / pause / resume\nS: one training step (mini-batch)\n"
                "R: reset the network\nF5: presentation mode\nCtrl+Q: quit"
            ),
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About MLP Studio"),
            self.tr(
                "MLP Studio {version}\nBuild, train and compare multilayer perceptrons."
            ).format(version=__version__),
        )

    # -- persistence -------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and int(s.value("window/layout", 0)) == LAYOUT_VERSION:
            self.restoreState(state, LAYOUT_VERSION)
        self.act_presentation.setChecked(s.value("view/presentation", False, type=bool))

    def save_settings(self) -> None:
        if self.settings is None:
            return
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(LAYOUT_VERSION))
        s.setValue("window/layout", LAYOUT_VERSION)
        s.setValue("view/presentation", self.act_presentation.isChecked())
        s.setValue("experiment/config", self.current_config().to_toml())
        s.sync()

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

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if not self._detached:
            self.save_settings()
            self.controller.shutdown(1000)
        super().closeEvent(event)


def _flat(config: Config) -> dict:
    """``section.key`` -> value, with one activation name per layer (a single name and a list
    of equal names are the same setting)."""
    flat = {}
    for section, values in config.to_dict().items():
        for key, value in values.items():
            flat[f"{section}.{key}"] = value
    flat["model.activation"] = config.model.activations()
    return flat


def example_labs() -> list[tuple[str, object]]:
    """The shipped labs as (title in the interface's language, path); a lab that cannot be
    read is listed under its file name (opening it then says what is wrong)."""
    from PySide6.QtCore import QLocale

    from ..experiment.labs import LabError, load_lab, shipped_labs
    from .i18n import resolve_language

    language = resolve_language(QLocale().name().split("_")[0])
    labs = []
    for path in shipped_labs():
        try:
            title = load_lab(path).title_in(language)
        except (LabError, ConfigError, OSError):
            title = path.stem.replace("_", " ")
        labs.append((title, path))
    return labs


def _one_input_function(dataset) -> bool:
    """Whether the hidden-unit basis view applies: a function of one input on a domain."""
    return (
        dataset is not None and not dataset.is_image and dataset.n_inputs == 1
        and len(getattr(dataset, "domain", None) or ()) == 1
    )  # fmt: skip


def _has_preset(kind: str) -> bool:
    """Whether a Task has defaults of its own (a CSV file has none: its dialog sets it up)."""
    try:
        task_preset(kind)
    except KeyError:
        return False
    return True


def _class_table(dataset) -> bool:
    """A table (a CSV file) with classes: no domain to draw over, so the class views show it."""
    return (
        dataset is not None
        and not dataset.is_image
        and not dataset.domain
        and dataset.task == "classification"
    )


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
