"""The main window's layout: its actions, menus, docks and panels, which views apply to the
data, and the saved layout (a part of :class:`~mlpstudio.gui.main_window.MainWindow`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMessageBox,
    QStyle,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..experiment.config import ConfigError
from .files import ExperimentFiles
from .lab_actions import LabActions
from .lab_view import LabView
from .panels.architecture_panel import ArchitecturePanel
from .panels.data_panel import DataPanel
from .panels.training_panel import TrainingPanel
from .style import Style
from .timeline import TimelineBar
from .views.gallery_view import GalleryView
from .views.loss_view import LossView
from .views.network_view import NetworkView
from .views.neuron_view import NetworkHook
from .views.prediction_view import PredictionView
from .views.probe import install_probe
from .views.weights_view import WeightsView
from .widgets import CurrentPageStack, MessageBar, PanelScrollArea, wrap_captions

LAYOUT_VERSION = 6  # bump when the docks change, so an old saved layout is not restored

# The views' keys (each view is the window's attribute ``<key>_view``), by the data they apply
# to, in drawing order.
COMMON_VIEWS = ("loss", "weights", "network", "health", "shapes", "neuron", "backprop")
IMAGE_VIEWS = ("gallery", "confusion", "class_accuracy", "first_layer")
TABLE_CLASS_VIEWS = ("confusion", "class_accuracy")


def dock_places() -> dict:
    """Each view dock's title, its short title (its tab's where the whole ones do not fit)
    and area, in the order the docks are added."""
    right = Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    # (QCoreApplication.translate in full: pyside6-lupdate does not follow an alias)
    titles = {
        "loss": (QCoreApplication.translate("MainWindow", "Loss"), right),
        "confusion": (QCoreApplication.translate("MainWindow", "Confusion matrix"), bottom),
        "weights": (QCoreApplication.translate("MainWindow", "Weights"), bottom),
        "network": (QCoreApplication.translate("MainWindow", "Network"), bottom),
        "first_layer": (QCoreApplication.translate("MainWindow", "First layer"), bottom),
        "class_accuracy": (QCoreApplication.translate("MainWindow", "Accuracy per class"), bottom),
        "basis": (QCoreApplication.translate("MainWindow", "Hidden units"), bottom),
        "health": (QCoreApplication.translate("MainWindow", "Gradients and units"), right),
        "shapes": (QCoreApplication.translate("MainWindow", "Shapes"), right),
        "neuron": (QCoreApplication.translate("MainWindow", "Neuron"), bottom),
        "backprop": (QCoreApplication.translate("MainWindow", "Backpropagation"), right),
    }
    short = {  # the others are short already
        "confusion": QCoreApplication.translate("MainWindow", "Confusion"),
        "class_accuracy": QCoreApplication.translate("MainWindow", "Per class"),
        "health": QCoreApplication.translate("MainWindow", "Gradients"),
        "backprop": QCoreApplication.translate("MainWindow", "Backprop"),
    }
    return {key: (title, short.get(key, title), area) for key, (title, area) in titles.items()}


class LazyView:
    """A view attribute of the window (``window.health_view``) whose view is built the first
    time it is read (:meth:`WindowLayout._build_view` then stores it on the window)."""

    def __init__(self, key: str):
        self.key = key

    def __get__(self, window, owner=None):
        if window is None:
            return self
        return window._build_view(self.key)


class WindowLayout:
    """What the window is made of and where it goes (mixed into MainWindow)."""

    confusion_view = LazyView("confusion")
    class_accuracy_view = LazyView("class_accuracy")
    first_layer_view = LazyView("first_layer")
    basis_view = LazyView("basis")
    health_view = LazyView("health")
    neuron_view = LazyView("neuron")
    backprop_view = LazyView("backprop")

    def _create_actions(self) -> None:
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap
        self.act_start = QAction(
            icon(sp.SP_MediaPlay), QCoreApplication.translate("MainWindow", "Train"), self
        )
        self.act_start.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.act_start.triggered.connect(self.controller.toggle_pause)
        self.act_step = QAction(
            icon(sp.SP_MediaSeekForward), QCoreApplication.translate("MainWindow", "Step"), self
        )
        self.act_step.setShortcut(QKeySequence(Qt.Key.Key_S))
        self.act_step.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Train exactly one mini-batch, then pause (S)."
            )
        )
        self.act_step.triggered.connect(self.controller.step)
        self.act_stop = QAction(
            icon(sp.SP_MediaStop), QCoreApplication.translate("MainWindow", "Stop"), self
        )
        self.act_stop.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Stop training; Continue carries on from here."
            )
        )
        self.act_stop.triggered.connect(lambda: self.controller.stop())
        self.act_reset = QAction(
            icon(sp.SP_BrowserReload), QCoreApplication.translate("MainWindow", "Reset"), self
        )
        self.act_reset.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.act_reset.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Throw the training away: new random weights from the seed, empty history (R).",
            )
        )
        self.act_reset.triggered.connect(self._reset)
        self.act_presentation = QAction(
            QCoreApplication.translate("MainWindow", "Presentation mode"), self, checkable=True
        )
        self.act_presentation.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.act_presentation.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Larger fonts and thicker lines for a projector (F5)."
            )
        )
        self.act_presentation.toggled.connect(Style.instance().set_presentation)
        self.act_preferences = QAction(
            QCoreApplication.translate("MainWindow", "Preferences..."), self
        )
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_preferences.triggered.connect(self.show_preferences)
        self.act_quit = QAction(QCoreApplication.translate("MainWindow", "Quit"), self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        for action in (self.act_start, self.act_step, self.act_reset):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        toolbar = self.addToolBar(QCoreApplication.translate("MainWindow", "Training"))
        toolbar.setObjectName("trainingToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_start, self.act_step, self.act_stop, self.act_reset):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.act_presentation)

    def _create_views(self) -> None:
        self._views = {}  # key -> view, for the views built so far (see LazyView)
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
        self.timeline_bar = TimelineBar(self.controller, self.loss_view)  # under the loss plot
        self.loss_view.add_footer(self.timeline_bar)
        self.weights_view = WeightsView()
        self.network_view = NetworkView()
        # the shapes table behind the loss plot is built now: cheap, and its minimum width
        # (wider than the loss plot's) sets the width of that column on the first screen
        self.shapes_view = self._make_shapes()
        self._views.update(
            prediction=self.prediction_view, gallery=self.gallery_view, loss=self.loss_view,
            weights=self.weights_view, network=self.network_view, shapes=self.shapes_view,
        )  # fmt: skip
        self.view_docks = {}
        self.dock_titles = {}  # key -> (title, short title)
        for key, (title, short, area) in dock_places().items():
            self.dock_titles[key] = (title, short)
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            view = self._views.get(key)
            if view is not None:  # the others are built when first needed (_build_view)
                dock.setWidget(view)
                wrap_captions(view)
            self.addDockWidget(area, dock)
            dock.visibilityChanged.connect(lambda visible, k=key: visible and self._dock_shown(k))
            self.view_docks[key] = dock
        docks = self.view_docks
        self.splitDockWidget(docks["weights"], docks["network"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(docks["weights"], docks["first_layer"])
        self.tabifyDockWidget(docks["network"], docks["class_accuracy"])
        self.tabifyDockWidget(docks["network"], docks["confusion"])
        self.tabifyDockWidget(docks["weights"], docks["basis"])
        self.tabifyDockWidget(docks["loss"], docks["health"])
        self.tabifyDockWidget(docks["loss"], docks["shapes"])
        self.tabifyDockWidget(docks["network"], docks["neuron"])
        self.network_hook = NetworkHook(self.network_view, self)  # double-click: one neuron
        self.network_hook.requested.connect(self._show_neuron)
        self.tabifyDockWidget(docks["loss"], docks["backprop"])
        docks["loss"].raise_()
        Style.instance().changed.connect(self.tidy_tab_bars_soon)  # larger tabs
        # a unit clicked in the Network view or in the basis view is highlighted in both
        self.network_view.unit_clicked.connect(self._unit_clicked)
        install_probe(self)  # clicks on the predictions plot or the gallery probe the network
        self._class_views_drawn = 0.0
        self._class_views_output = None  # the predictions the class views last drew

    def tidy_tab_bars_soon(self) -> None:
        """:meth:`tidy_tab_bars` once the layout has settled (one call for many requests)."""
        timer = getattr(self, "_tab_bars_timer", None)
        if timer is None:
            timer = QTimer()
            timer.setSingleShot(True)
            timer.setInterval(0)
            timer.timeout.connect(self.tidy_tab_bars)
            self._tab_bars_timer = timer
            timer.setParent(self)  # (a child event, which asks for this again: set first)
        timer.start()

    def tidy_tab_bars(self) -> None:
        """The docks' tab bars: strays hidden (:meth:`hide_stray_tab_bars`), then titles that
        fit (:meth:`fit_tab_titles`)."""
        self.hide_stray_tab_bars()
        self.fit_tab_titles()

    def _dock_tab_bars(self) -> list:
        """The visible tab bars of the window's docks (Qt's, children of the window)."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        return [bar for bar in self.findChildren(QTabBar, options=direct) if bar.isVisible()]

    def fit_tab_titles(self) -> None:
        """Each tab bar says its docks' whole titles when they fit in its width, else their
        short titles ("Gradients" for "Gradients and units"): Qt elided all four tabs of the
        loss column to "L…" and "S…" when they did not quite fit (presentation mode at
        1280x720, and normal mode beside an image set). A tab's tooltip, the View menu and the
        exported report say the whole title (:attr:`dock_titles`)."""
        keys = {text: key for key, titles in self.dock_titles.items() for text in titles}
        short = set()
        for bar in self._dock_tab_bars():
            if not bar.property("mlpstudio_watched"):
                bar.installEventFilter(self)  # its width changes with the docks' splitters
                bar.setProperty("mlpstudio_watched", True)
            tabs = [keys.get(bar.tabText(i)) for i in range(bar.count())]
            if None in tabs:
                continue
            metrics = bar.fontMetrics()
            whole = bar.sizeHint().width() + sum(
                metrics.horizontalAdvance(self.dock_titles[key][0])
                - metrics.horizontalAdvance(bar.tabText(i))
                for i, key in enumerate(tabs)
            )  # the tabs' own widths, with the whole titles
            if whole > bar.width():
                short.update(tabs)
        for key, dock in self.view_docks.items():
            title, brief = self.dock_titles[key]
            wanted = brief if key in short else title
            if dock.windowTitle() != wanted:
                dock.setWindowTitle(wanted)
                dock.toggleViewAction().setText(title)
        for bar in self._dock_tab_bars():
            for i in range(bar.count()):
                key = keys.get(bar.tabText(i))
                if key is not None:
                    bar.setTabToolTip(i, self.dock_titles[key][0])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QTabBar):
            self.tidy_tab_bars_soon()
        return super().eventFilter(watched, event)

    # -- views built when first needed ------------------------------------------------------
    # The first screen builds the views it shows (predictions, gallery, loss, weights,
    # network); a view in a dock that is hidden or behind another tab is built the first time
    # it is needed: its dock shown or its tab raised (_dock_shown), or its attribute read
    # (LazyView). It is then bound like every other view (_bind_views: the current data,
    # network and identity) and draws the latest snapshot at once (_refresh_view); from then
    # on it is one of the lists below and receives every snapshot. Until then the lists hold
    # only the views built so far: nothing is drawn for a view that does not exist.

    def _make_confusion(self):
        from .views.confusion_view import ConfusionView

        view = ConfusionView()
        view.cellClicked.connect(self.gallery_view.show_cell)
        view.foldChanged.connect(lambda _: self._show_class_results(force=True))
        return view

    def _make_class_accuracy(self):
        from .views.class_accuracy_view import ClassAccuracyView

        return ClassAccuracyView()

    def _make_first_layer(self):
        from .views.first_layer_view import FirstLayerView

        return FirstLayerView()

    def _make_basis(self):
        from .views.basis_view import BasisView

        view = BasisView()
        view.unit_selected.connect(self.network_view.highlight_last_hidden)
        return view

    def _make_health(self):
        from .views.health_view import HealthView

        return HealthView()

    def _make_shapes(self):
        from .views.shapes_view import ShapesView

        return ShapesView(lambda: self.controller.config.training.batch_size)

    def _make_neuron(self):
        from .views.neuron_view import NeuronView

        return NeuronView()

    def _make_backprop(self):
        from .views.backprop_view import BackpropView

        view = BackpropView()
        # the step-through works on the controller's settings and optimiser state (buffers
        # are the run's own only when no run is alive); a run that ends refreshes it
        c = self.controller
        view.context = lambda: (c.config, c.optimizer_state, not c.is_training)
        c.statusChanged.connect(lambda _: c.is_training or view.recompute())
        return view

    def _build_view(self, key: str):
        """The view of dock ``key``, built now if it was not yet (see the note above)."""
        view = self._views.get(key)
        if view is not None:
            return view
        view = getattr(self, f"_make_{key}")()
        self._views[key] = view
        setattr(self, f"{key}_view", view)  # read directly from now on
        dock = self.view_docks[key]
        dock.setWidget(view)
        wrap_captions(view)
        self._bind_views()  # the current data, network and identity, as every view
        self._refresh_view(view)  # and the latest snapshot
        return view

    def _dock_shown(self, key: str) -> None:
        """A dock shown or its tab raised: it draws the latest snapshot (built if need be)."""
        if key in self._views:
            self._refresh_view(self._views[key])
        else:
            self._build_view(key)

    def build_views(self) -> list:
        """Build every view that applies to the current data (benchmarks and tests that want
        them all live); returns them."""
        for key in self._applying_keys():
            self._build_view(key)
        return self.views

    def _built_views(self, keys) -> list:
        return [self._views[key] for key in keys if key in self._views]

    common_views = property(lambda self: self._built_views(COMMON_VIEWS))
    function_views = property(lambda self: self._built_views(("prediction",)))
    image_views = property(lambda self: self._built_views(IMAGE_VIEWS))
    table_class_views = property(lambda self: self._built_views(TABLE_CLASS_VIEWS))
    all_views = property(
        lambda self: self._built_views(("prediction", "basis", *COMMON_VIEWS, *IMAGE_VIEWS))
    )

    def _unit_clicked(self, column: int, unit: int) -> None:
        """A hidden unit clicked in the Network view: highlight it there, and in the basis
        view when it belongs to the last hidden layer (a second click clears it)."""
        diagram = self.network_view.diagram
        chosen = None if diagram.selected == (column, unit) else (column, unit)
        diagram.select(chosen)
        last = column == len(diagram.sizes) - 2
        if "basis" in self._views or one_input_function(self.controller.dataset):
            self.basis_view.highlight(unit if chosen is not None and last else None)

    def _show_neuron(self, layer: int, unit: int) -> None:
        self.view_docks["neuron"].show()
        self.view_docks["neuron"].raise_()
        self.neuron_view.show_unit(layer, unit)

    @property
    def views(self):
        """The views built so far that apply to the current data (image views only for image
        sets); see :meth:`build_views` for all of them."""
        return self._built_views(self._applying_keys())

    def _applying_keys(self) -> tuple[str, ...]:
        """The keys of the views that apply to the current data, in drawing order."""
        dataset = self.controller.dataset
        if dataset is not None and dataset.is_image:
            return COMMON_VIEWS + IMAGE_VIEWS
        if class_table(dataset):  # a CSV file with classes: its class views too
            return ("prediction", *COMMON_VIEWS, *TABLE_CLASS_VIEWS)
        if one_input_function(dataset):  # the hidden-unit basis of a 1-D fit
            return ("prediction", "basis", *COMMON_VIEWS)
        return ("prediction", *COMMON_VIEWS)

    def _arrange_for(self, dataset) -> None:
        """Image sets get the gallery in the middle and the classification docks."""
        image = dataset is not None and dataset.is_image
        self.central_views.setCurrentIndex(1 if image else 0)
        for key in ("confusion", "first_layer", "class_accuracy"):
            self.view_docks[key].setVisible(image)
        self.view_docks["basis"].setVisible(one_input_function(dataset))
        if class_table(dataset):
            self.view_docks["confusion"].setVisible(True)
            self.view_docks["class_accuracy"].setVisible(True)
        if image:
            self.view_docks["first_layer"].raise_()
            self.view_docks["confusion"].raise_()
            for key in ("first_layer", "confusion"):  # in front: built before it is shown
                self._build_view(key)
        else:
            self.view_docks["weights"].raise_()
            self.view_docks["network"].raise_()
        self.fit_to_screen()

    def restoreState(self, state, version: int = 0) -> bool:  # noqa: N802 (Qt naming)
        restored = super().restoreState(state, version)
        self.tidy_tab_bars()
        return restored

    def hide_stray_tab_bars(self) -> None:
        """Hide the dock tab bars that Qt made but no longer lays out. Qt 6 (6.11 too) makes
        two tab bars when a second group of docks is tabified, and more on restoreState, and
        never hides the extra ones: they stay where they were first put, behind the views,
        and a letter of one showed through between the docks. The bar Qt lays out sits
        against the dock of its current tab; a bar that does not, while another visible bar
        that does shows the same dock, is hidden (of two alike, the older). Nothing is moved,
        and a group's only bar is never hidden."""
        bars = self._dock_tab_bars()
        docks = {dock.windowTitle(): dock for dock in self.findChildren(QDockWidget)}

        def placed(bar) -> bool:
            dock = docks.get(bar.tabText(bar.currentIndex()))
            if dock is None or not dock.isVisible() or dock.isFloating():
                return False
            b, d = bar.geometry(), dock.geometry()
            return (
                abs(b.left() - d.left()) <= 2 and abs(b.width() - d.width()) <= 2
                and (abs(b.top() - d.bottom() - 1) <= 4 or abs(d.top() - b.bottom() - 1) <= 4)
            )  # fmt: skip

        kept = [bar for bar in bars if placed(bar)]
        for bar in bars:
            texts = {bar.tabText(i) for i in range(bar.count())}
            others = [k for k in kept if k is not bar]
            if bar in kept:  # of two alike, sitting in the same place, the newer is Qt's
                later = bars[bars.index(bar) + 1 :]
                if any(k in later and k.geometry() == bar.geometry() for k in others):
                    bar.hide()
                    kept.remove(bar)
                continue
            shown = {k.tabText(i) for k in others for i in range(k.count())}
            if texts & shown:
                bar.hide()

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
        self.tidy_tab_bars()

    def _create_panels(self) -> None:
        self.data_panel = DataPanel()
        self.architecture_panel = ArchitecturePanel()
        self.training_panel = TrainingPanel(
            [self.act_start, self.act_step, self.act_stop, self.act_reset]
        )
        self.training_panel.changed.connect(  # after the config took the new batch size
            self.shapes_view.refresh, Qt.ConnectionType.QueuedConnection
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
            (self.data_panel, QCoreApplication.translate("MainWindow", "Data")),
            (self.architecture_panel, QCoreApplication.translate("MainWindow", "Architecture")),
            (self.training_panel, QCoreApplication.translate("MainWindow", "Training")),
        ):
            self.setup_tabs.addTab(PanelScrollArea(panel), title)
        dock = QDockWidget(QCoreApplication.translate("MainWindow", "Experiment"), self)
        dock.setObjectName("dock_setup")
        dock.setWidget(self.setup_tabs)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.setup_dock = dock
        self.lab_view = LabView()
        self.lab_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Lab"), self)
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
        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
        for action in (f.act_new, f.act_open):
            file_menu.addAction(action)
        file_menu.addMenu(f.recent_menu)
        for action in (f.act_save, f.act_save_as):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.act_import_csv = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Import CSV...")
        )
        self.act_import_csv.setToolTip(
            QCoreApplication.translate("MainWindow", "Train on a table of your own (a CSV file).")
        )
        self.act_import_csv.triggered.connect(lambda: self.import_csv())
        self.act_open_lab = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Open lab...")
        )
        self.act_open_lab.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Open a lab file from your teacher: a starting experiment with goals to reach.",
            )
        )
        self.act_open_lab.triggered.connect(lambda: self.open_lab())
        labs_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Example labs"))
        for title, path in example_labs():
            action = labs_menu.addAction(title)
            action.triggered.connect(lambda _=False, p=path: self.open_lab(str(p)))
        self.act_close_lab = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Close lab")
        )
        self.act_close_lab.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Leave the lab: its goals and locks go away; the settings stay as they are.",
            )
        )
        self.act_close_lab.setEnabled(False)
        self.act_close_lab.triggered.connect(self.close_lab)
        self.lab_actions = LabActions(self, file_menu)  # copy/paste lab, submit, class board
        file_menu.addSeparator()
        export_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Export"))
        for action in (f.act_csv, f.act_numpy, f.act_torch, f.act_report):
            export_menu.addAction(action)
        file_menu.addSeparator()
        self.act_datasets = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Datasets...")
        )
        self.act_datasets.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Download, import and check the image datasets."
            )
        )
        self.act_datasets.triggered.connect(self.manage_datasets)
        file_menu.addAction(self.act_preferences)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        run_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Run"))
        for action in (self.act_start, self.act_step, self.act_stop, self.act_reset):
            run_menu.addAction(action)
        run_menu.addSeparator()
        self.act_compare = run_menu.addAction(
            QCoreApplication.translate("MainWindow", "Compare architectures...")
        )
        self.act_compare.setShortcut(QKeySequence("Ctrl+K"))
        self.act_compare.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Train several architectures on the same data and "
                "compare how well they fit and generalise.",
            )
        )
        self.act_compare.triggered.connect(self.show_comparison)
        view_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
        view_menu.addAction(self.setup_dock.toggleViewAction())
        for dock in self.view_docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.act_presentation)
        reset_layout = view_menu.addAction(QCoreApplication.translate("MainWindow", "Reset layout"))
        reset_layout.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Put every panel and view back where it started."
            )
        )
        reset_layout.triggered.connect(self.reset_layout)
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        shortcuts = help_menu.addAction(
            QCoreApplication.translate("MainWindow", "Keyboard shortcuts")
        )
        shortcuts.triggered.connect(self._show_shortcuts)
        about = help_menu.addAction(QCoreApplication.translate("MainWindow", "About MLP Studio"))
        about.triggered.connect(self._show_about)

    def _create_status_bar(self) -> None:
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.backend_label = QLabel()
        self.statusBar().addPermanentWidget(self.backend_label)

    def size_docks(self) -> None:
        """The docks' first sizes: the settings and the loss column beside the views, the
        weights and network row under them. The loss column is at least as wide as its tabs'
        short titles need (Spanish in presentation mode: "Pérdida", "Gradientes", "Formas",
        "Retroprop." were elided at 430 px), the views between keep the rest."""
        loss = self.view_docks["loss"]
        group = [loss, *self.tabifiedDockWidgets(loss)]
        metrics = self.fontMetrics()
        pad = self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace)
        tabs = sum(
            metrics.horizontalAdvance(self.dock_titles[key][1]) + 2 * pad
            for key, dock in self.view_docks.items()
            if dock in group
        )
        self.resizeDocks([self.setup_dock, loss], [430, max(430, tabs)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.view_docks["weights"]], [330], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._arrange_for(self.controller.dataset)
        # the sizes too, for the window as it is now: the saved ones were the first window's
        # (a loss column too narrow for its tabs at 1280x720); once the restored layout is
        # in place (Qt applies it on its next layout pass, which would undo them)
        QTimer.singleShot(0, self, self.size_docks)

    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
            QCoreApplication.translate(
                "MainWindow",
                "Space: train / pause / resume\nS: one training step (mini-batch)\n"
                "R: reset the network\nF5: presentation mode\nCtrl+Q: quit",
            ),
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "About MLP Studio"),
            QCoreApplication.translate(
                "MainWindow",
                "MLP Studio {version}\nBuild, train and compare multilayer perceptrons.",
            ).format(version=__version__),
        )

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


def one_input_function(dataset) -> bool:
    """Whether the hidden-unit basis view applies: a function of one input on a domain."""
    return (
        dataset is not None and not dataset.is_image and dataset.n_inputs == 1
        and len(getattr(dataset, "domain", None) or ()) == 1
    )  # fmt: skip


def class_table(dataset) -> bool:
    """A table (a CSV file) with classes: no domain to draw over, so the class views show it."""
    return (
        dataset is not None
        and not dataset.is_image
        and not dataset.domain
        and dataset.task == "classification"
    )
