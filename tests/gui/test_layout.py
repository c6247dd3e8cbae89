"""The window fits a lecturer's screen: 1280x720 and 1366x768, English and Spanish, normal and
presentation mode, with nothing clipped and no panel scrolling sideways."""

import pytest

SCREENS = [(1280, 720), (1366, 768)]


def settle(qtbot):
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def clipped_widgets(window) -> list[str]:
    """Visible labels, check boxes and combo boxes narrower than their text needs, unless they
    elide it and say it in full in a tooltip."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

    from mlpstudio.gui.widgets import ElidingCheckBox, ElidingComboBox

    bad = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or label.visibleRegion().isEmpty() or label.wordWrap():
            continue
        if label.width() + 1 < label.minimumSizeHint().width():
            bad.append(f"label {label.text()!r}: {label.width()} < {label.minimumSizeHint()}")
    for box in window.findChildren(QCheckBox):
        if not box.isVisible() or box.visibleRegion().isEmpty():
            continue
        if isinstance(box, ElidingCheckBox):
            if box.is_elided() and not box.toolTip():
                bad.append(f"check box {box.fullText()!r} elided without a tooltip")
        elif box.width() + 1 < box.sizeHint().width():
            bad.append(f"check box {box.text()!r}: {box.width()} < {box.sizeHint().width()}")
    for combo in window.findChildren(QComboBox):
        if not combo.isVisible() or combo.visibleRegion().isEmpty():
            continue
        if isinstance(combo, ElidingComboBox):
            continue  # its tooltip starts with the whole text when it is cut
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30
        if combo.width() < needed:
            bad.append(f"combo {combo.currentText()!r}: {combo.width()} < {needed}")
    return bad


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_window_fits_a_lecturers_screen(make_window, qtbot, language, presentation):
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication

    from mlpstudio.gui.i18n import install_translators
    from mlpstudio.gui.style import Style

    app = QApplication.instance()
    assert install_translators(app, language) == language
    try:
        window = make_window()
        window.act_presentation.setChecked(presentation)
        for width, height in SCREENS:
            window.resize(width, height)
            settle(qtbot)
            for tab in range(window.setup_tabs.count()):
                window.setup_tabs.setCurrentIndex(tab)
                settle(qtbot)
                where = f"{language} {presentation=} {width}x{height} tab {tab}"
                assert window.minimumSizeHint().width() <= 1280, where
                assert window.width() == width, where  # nothing forced the window wider
                scrolling = [
                    type(area.parent()).__name__
                    for area in window.findChildren(QAbstractScrollArea)
                    if area.isVisible() and area.horizontalScrollBar().isVisible()
                ]
                assert scrolling == [], where
                docks = [window.setup_dock] + [window.view_docks[k] for k in
                                               ("loss", "weights", "network")]  # fmt: skip
                for dock in docks:
                    geometry = dock.geometry()
                    assert dock.isVisible(), (where, dock.windowTitle())
                    assert geometry.width() >= 150 and geometry.height() >= 150, (
                        where, dock.windowTitle(), geometry)  # fmt: skip
                    assert geometry.right() < width, (where, dock.windowTitle(), geometry)
                    assert dock.width() >= dock.minimumSizeHint().width(), where
                assert clipped_widgets(window) == [], where
    finally:
        Style.instance().set_presentation(False)
        install_translators(app, "en")


def test_the_lab_goals_stay_beside_the_settings_and_close_lab_frees_them(
    make_window, qtbot, locale_of
):
    from mlpstudio.experiment.labs import shipped_labs

    locale_of("en")
    window = make_window()
    window.resize(1280, 720)
    course = next(p for p in shipped_labs() if p.stem == "course_sine")
    titles = [a.text() for a in window.findChildren(type(window.act_close_lab))
              if a.text().startswith("Fitting")]  # fmt: skip
    assert titles, "the Example labs menu lists lab titles, not file names"
    assert window.open_lab(str(course))
    settle(qtbot)
    assert window.lab_dock.isVisible() and window.setup_dock.isVisible()
    assert not window.data_panel.kind.isEnabled()  # locked by the lab
    assert window.act_close_lab.isEnabled()
    window.lab_view.show_results({"test_mse": 0.00123, "params": 31})
    goals = [window.lab_view.goals.item(i).text() for i in range(window.lab_view.goals.count())]
    assert any("(now 0.00123)" in g for g in goals), goals
    assert any("(now 31)" in g for g in goals), goals

    window.close_lab()
    settle(qtbot)
    assert window.lab is None
    assert not window.lab_dock.isVisible()
    assert window.data_panel.kind.isEnabled()
    assert window.windowTitle() == "MLP Studio"
    assert not window.act_close_lab.isEnabled()

    assert window.open_lab(str(course))
    window.files.act_new.trigger()  # File > New is a free experiment too
    settle(qtbot)
    assert window.lab is None and window.data_panel.kind.isEnabled()
    assert window.current_config().model.hidden == [10]  # the course example, not the lab's


def test_a_share_goal_shows_a_percentage(locale_of):
    from mlpstudio.gui.lab_view import current_value

    locale_of("en")
    assert current_value("test_accuracy", 0.8) == "80.0%"  # as the goal text writes 97%
    assert current_value("params", 60000) == "60,000"
    assert current_value("test_mse", 0.012345) == "0.0123"
    locale_of("es")
    assert current_value("test_accuracy", 0.8) == "80,0\u00a0%"  # never split by a wrap
    assert current_value("params", 60000) == "60.000"


def test_a_cut_combo_says_its_whole_text_in_the_tooltip(qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from mlpstudio.gui.widgets import ElidingComboBox

    combo = ElidingComboBox()
    qtbot.addWidget(combo)
    combo.addItem("Automatic (He for ReLU, Glorot for the others)")
    combo.setToolTip("How the initial weights are drawn.")
    combo.setFixedWidth(120)
    combo.show()
    assert combo.is_elided()
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), combo.mapToGlobal(QPoint(5, 5)))
    combo.event(event)
    assert QToolTip.text().startswith("Automatic (He for ReLU, Glorot for the others)")
    combo.setFixedWidth(600)
    assert not combo.is_elided()


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_image_set_fits_1280x720(make_window, qtbot, shared_datasets, language):
    """Gallery, confusion matrix, first layer and loss all in sight at 1280x720 (normal mode;
    presentation mode with images: tests/gui/test_presentation.py)."""
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication

    from mlpstudio.experiment.config import config_from_dict
    from mlpstudio.gui.i18n import install_translators

    app = QApplication.instance()
    assert install_translators(app, language) == language
    try:
        config = config_from_dict({
            "data": {"kind": "mnist", "root": str(shared_datasets / "mnist"), "subset": 1000},
            "model": {"hidden": [16]}, "training": {"epochs": 2},
        })  # fmt: skip
        window = make_window(config)
        assert window.controller.dataset is not None and window.controller.dataset.is_image
        for tab in range(window.setup_tabs.count()):
            window.setup_tabs.setCurrentIndex(tab)
            settle(qtbot)
        window.resize(1280, 720)
        settle(qtbot)
        assert window.minimumSizeHint().width() <= 1280
        assert window.width() == 1280
        for key in ("loss", "confusion", "first_layer"):
            geometry = window.view_docks[key].geometry()
            assert window.view_docks[key].isVisible(), key
            assert geometry.width() >= 150 and geometry.right() < 1280, (key, geometry)
        assert window.gallery_view.isVisible() and window.gallery_view.width() >= 300
        assert not [a for a in window.findChildren(QAbstractScrollArea)
                    if a.isVisible() and a.horizontalScrollBar().isVisible()]  # fmt: skip
    finally:
        install_translators(app, "en")


def test_a_hidden_page_does_not_size_the_stack(qtbot):
    from PySide6.QtWidgets import QLabel

    from mlpstudio.gui.widgets import CurrentPageStack

    stack = CurrentPageStack()
    qtbot.addWidget(stack)
    small, wide = QLabel("small"), QLabel("a very wide page " * 20)
    stack.addWidget(small)
    stack.addWidget(wide)
    stack.show()
    assert stack.currentWidget() is small
    assert stack.minimumSizeHint().width() < wide.minimumSizeHint().width() / 4
    changes = []
    stack.currentChanged.connect(changes.append)
    stack.setCurrentWidget(wide)
    assert changes == [1] and wide.isVisible() and not small.isVisible()
    assert stack.minimumSizeHint().width() >= wide.minimumSizeHint().width()
