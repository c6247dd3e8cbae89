"""Presentation mode (F5) at 1280x720, English and Spanish: the docks' tabs say their whole
titles, no tab bar is left behind the views (a letter of one showed between the docks), and
the weights view's titles and plots stay inside it however many layers it draws."""

import pytest

from .test_layout import clipped_widgets, settle


def tab_bars(window):
    """The visible tab bars of the window's docks (Qt's, direct children of the window)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabBar

    return [
        bar
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if bar.isVisible()
    ]


def shown_tab_text(bar, index: int) -> str:
    """The text the tab bar paints on tab ``index`` (elided when the tab is too narrow)."""
    from PySide6.QtWidgets import QStyleOptionTab

    option = QStyleOptionTab()
    bar.initStyleOption(option, index)
    return option.text


def stray_tab_bars(window) -> list[str]:
    """Tab bars that are not the one bar of a group of tabified, visible docks: a dock's tab
    in two visible bars (or in none), or a hidden dock's tab."""
    docks = {dock.windowTitle(): dock for dock in window.view_docks.values()}
    bars = {}
    for bar in tab_bars(window):
        for text in (bar.tabText(i) for i in range(bar.count())):
            bars.setdefault(text, []).append([bar.tabText(i) for i in range(bar.count())])
    bad = []
    for title, dock in docks.items():
        tabbed = [d for d in window.tabifiedDockWidgets(dock) if not d.isHidden()]
        expected = 1 if tabbed and not dock.isHidden() else 0
        if len(bars.get(title, [])) != expected:
            bad.append(f"{title!r} is a tab of {bars.get(title, [])}, expected {expected} bar")
    return bad


def cut_tabs(window, least: int | None = None) -> list[str]:
    """Dock tabs that do not show their whole title (or, with ``least``, that show fewer
    than ``least`` of its letters before an ellipsis), or that lie outside the window."""
    bad = []
    inside = window.rect()
    for bar in tab_bars(window):
        for i in range(bar.count()):
            rect = bar.tabRect(i).translated(bar.mapTo(window, bar.rect().topLeft()))
            shown, text = shown_tab_text(bar, i), bar.tabText(i)
            if least is not None and shown.endswith("…") and len(shown) - 1 >= least:
                continue  # an ellipsis after enough of the title to read it
            if shown != text:
                bad.append(f"tab {bar.tabText(i)!r} shows {shown!r} in {rect.width()} px")
            if not inside.contains(rect):
                bad.append(f"tab {bar.tabText(i)!r} at {rect} is outside the window {inside}")
    return bad


def outside_the_window(window) -> list[str]:
    """The window's parts (docks, tab bars, central widget, bars) that lie partly outside it."""
    from PySide6.QtWidgets import QDockWidget

    parts = [window.centralWidget(), window.statusBar(), window.menuBar(), *tab_bars(window)]
    parts += [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    inside = window.rect()
    return [
        f"{type(part).__name__} {part.windowTitle()!r} at {part.geometry()} (window {inside})"
        for part in parts
        if part.isVisible()
        and not part.visibleRegion().isEmpty()  # (a dock behind a tab
        and not inside.contains(part.geometry())  # is moved out of the window by Qt)
    ]


@pytest.fixture
def language(request, qapp):
    from mlpstudio.gui.i18n import install_translators
    from mlpstudio.gui.style import Style

    assert install_translators(qapp, request.param) == request.param
    yield request.param
    Style.instance().set_presentation(False)
    install_translators(qapp, "en")


def on_a_lecture_screen(window, qtbot):
    """The window as on a 1280x720 screen: the plain offscreen screen (800x800) squeezed its
    docks when it was shown, so they are sized again as on the first screen; then drawn once
    (Qt makes a tab bar the first time its docks are drawn)."""
    window.resize(1280, 720)
    window.size_docks()
    settle(qtbot)
    window.grab()
    settle(qtbot)


def each_tab_shown(window, qtbot):
    """Raise each view dock in turn (the lazy views are built as they come forward),
    yielding it once it is drawn."""
    for dock in window.view_docks.values():
        if dock.isVisible():
            dock.raise_()
            settle(qtbot)
            window.grab()
            settle(qtbot)
            yield dock


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_dock_tabs_say_their_titles_and_no_stray_tab_bar_shows(
    make_window, qtbot, monkeypatch, language, presentation
):
    window = make_window()
    window.act_presentation.setChecked(presentation)
    on_a_lecture_screen(window, qtbot)
    for _ in each_tab_shown(window, qtbot):
        pass
    where = f"{language} {presentation=}"
    assert window.width() == 1280, where
    assert len(tab_bars(window)) >= 3, where  # the loss, weights and network groups
    assert stray_tab_bars(window) == [], where
    assert cut_tabs(window) == [], (where, cut_tabs(window))
    assert outside_the_window(window) == [], where
    assert clipped_widgets(window) == [], where
    # View > Reset layout restores the saved layout: Qt makes new tab bars then, too
    # (on a 1280x720 screen: the plain offscreen one, 800x800, would shrink the window)
    monkeypatch.setattr(window, "fit_to_screen", window.hide_stray_tab_bars)
    window.reset_layout()
    settle(qtbot)
    window.grab()
    settle(qtbot)
    assert window.width() == 1280, where
    assert stray_tab_bars(window) == [], where
    assert cut_tabs(window) == [], (where, cut_tabs(window))


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_tabs_take_their_short_titles_only_where_the_whole_ones_do_not_fit(
    make_window, qtbot, language
):
    """Normal mode at 1280x720: every tab says its dock's whole title. Presentation mode: the
    four tabs of the loss column take their short titles (their whole ones do not fit), the
    two of the weights column keep theirs; the tooltips and the View menu say the whole."""
    window = make_window()
    on_a_lecture_screen(window, qtbot)
    whole = {key: title for key, (title, _) in window.dock_titles.items()}
    assert {key: dock.windowTitle() for key, dock in window.view_docks.items()} == whole
    window.act_presentation.setChecked(True)
    on_a_lecture_screen(window, qtbot)
    for key in ("loss", "health", "shapes", "backprop"):
        assert window.view_docks[key].windowTitle() == window.dock_titles[key][1], key
    assert window.dock_titles["health"][1] != whole["health"]  # a shorter title indeed
    for key in ("weights", "basis", "network", "neuron"):
        assert window.view_docks[key].windowTitle() == whole[key], key
    for key, dock in window.view_docks.items():
        assert dock.toggleViewAction().text() == whole[key]
    loss_bar = next(b for b in tab_bars(window) if b.tabText(0) == window.dock_titles["loss"][1])
    tips = [loss_bar.tabToolTip(i) for i in range(loss_bar.count())]
    assert tips == [whole[k] for k in ("loss", "health", "shapes", "backprop")]
    window.act_presentation.setChecked(False)
    on_a_lecture_screen(window, qtbot)
    assert {key: dock.windowTitle() for key, dock in window.view_docks.items()} == whole


def weights_problems(view) -> list[str]:
    """Titles drawn beyond their column or cut, and layer plots outside the visible view."""
    graphics = view.graphics
    visible = graphics.mapToScene(graphics.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    bad = []
    for lay in view.layers:
        title = lay.title
        text = getattr(title, "full_text", title.text)
        drawn = title.mapRectToScene(title.itemRect())
        if not visible.contains(drawn):
            bad.append(f"title {text!r} at {drawn} outside the view {visible}")
        if title.itemRect().width() > title.rect().width() + 1:
            bad.append(f"title {text!r} needs {title.itemRect().width()} > {title.rect()}")
        if getattr(title, "line_count", lambda: 1)() > 1 and (
            not title.toolTip() or "<" in title.toolTip()
        ):
            bad.append(f"title {text!r} broken without its whole text in the tooltip")
        for name, item in (("heatmap", lay.vb), ("colour bar", lay.bar), ("histogram", lay.hist)):
            if not visible.contains(item.sceneBoundingRect()):
                bad.append(f"{name} of {text!r} at {item.sceneBoundingRect()} outside {visible}")
    return bad


@pytest.mark.parametrize("hidden", [[10], [8, 8], [16, 16, 16]], ids=["2", "3", "4"])
@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_every_weights_title_and_plot_fits_at_720p(make_window, qtbot, language, hidden):
    from mlpstudio.experiment.presets import preset_config

    config = preset_config("spiral")  # sigmoid output: the longest activation name
    config.model.hidden = hidden
    config.training.epochs = 5
    window = make_window(config)
    for presentation in (False, True):
        window.act_presentation.setChecked(presentation)
        on_a_lecture_screen(window, qtbot)
        window.view_docks["weights"].raise_()
        settle(qtbot)
        view = window.weights_view
        assert len(view.layers) == len(hidden) + 1
        assert view.graphics.width() < 600  # the small dock of a 1280x720 window
        assert weights_problems(view) == [], (language, presentation)


def test_a_column_title_breaks_before_the_activation_then_after_the_colon(qapp):
    from mlpstudio.gui.views.weights_view import ColumnTitle

    title = ColumnTitle("W<sup>[2]</sup>: 16 x 16  (sigmoid)", size="14pt")
    assert title.toolTip() == "W[2]: 16 x 16 (sigmoid)"
    one, two = title.one_line_width(), title._layouts[1][1]
    narrowest = title.narrowest_width()
    assert narrowest < two < one
    assert title.minimumWidth() == pytest.approx(narrowest)
    for width, lines in ((one + 5, 1), (two + 2, 2), (narrowest + 1, 3), (narrowest / 2, 3)):
        title.resize(width, 100)
        assert title.line_count() == lines, width
    title.resize(two + 2, 100)
    assert title._lines == ["W<sup>[2]</sup>: 16 x 16", "(sigmoid)"]  # the shape never split
    two_lines = title.minimumHeight()
    title.resize(one + 5, 100)
    assert title.minimumHeight() < two_lines  # the row gets the height of the lines drawn


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_an_image_set_in_presentation_mode_fits_1280_pixels(
    make_window, qtbot, shared_datasets, language
):
    """The gallery's controls go on two rows instead of widening the window (it was 1324 px
    wide in English and 1429 in Spanish), and every tab and part stays in sight."""
    from mlpstudio.experiment.config import config_from_dict

    config = config_from_dict({
        "data": {"kind": "mnist", "root": str(shared_datasets / "mnist"), "subset": 1000},
        "model": {"hidden": [16]}, "training": {"epochs": 2},
    })  # fmt: skip
    window = make_window(config)
    window.act_presentation.setChecked(True)
    on_a_lecture_screen(window, qtbot)
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 720  # the first screen: gallery, confusion
    assert window.gallery_view.controls.is_stacked()
    assert window.gallery_view.isVisible() and window.gallery_view.width() >= 300
    grid = window.gallery_view.grid  # its tiles all in sight: none cut at the view's edge
    assert grid.visibleRegion().boundingRect() == grid.rect(), (grid.visibleRegion(), grid.rect())
    for dock in each_tab_shown(window, qtbot):
        where = (language, dock.objectName())
        assert (window.width(), window.height()) == (1280, 720), where
        assert stray_tab_bars(window) == [], where
        # four tabs under the network view: their short titles, four letters at least
        assert cut_tabs(window, least=4) == [], where
        assert clipped_widgets(window) == [], where  # (the gallery's filter elides)


def test_a_wrapping_row_puts_its_groups_on_lines_of_their_own_when_narrow(qtbot):
    from PySide6.QtWidgets import QPushButton

    from mlpstudio.gui.widgets import WrappingRow

    first = [QPushButton("A rather long first button"), QPushButton("Second")]
    second = [QPushButton("Third button")]
    row = WrappingRow([first, second])
    qtbot.addWidget(row)
    side_by_side = row.side_by_side_width()
    assert row.minimumSizeHint().width() < side_by_side  # its widest group's, not the line's
    row.resize(side_by_side + 20, 80)
    row.show()
    qtbot.waitExposed(row)
    assert not row.is_stacked()
    assert first[0].geometry().top() == second[0].geometry().top()
    row.resize(row.minimumSizeHint().width(), 80)
    qtbot.wait(10)
    assert row.is_stacked()
    assert second[0].mapTo(row, second[0].rect().topLeft()).y() > first[0].geometry().bottom()
    for button in first + second:  # nothing cut
        assert button.width() >= button.minimumSizeHint().width(), button.text()


def test_docks_tabified_again_leave_no_stray_tab_bar(make_window, qtbot):
    """Tabify docks into a new group, as a user dragging tabs does: the new group's bar is
    shown (the window's tidying never hides a group's only bar) and no bar is left over."""
    from PySide6.QtCore import Qt

    window = make_window()
    on_a_lecture_screen(window, qtbot)
    docks = window.view_docks
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["shapes"])
    window.tabifyDockWidget(docks["shapes"], docks["backprop"])
    docks["shapes"].raise_()
    settle(qtbot)
    window.grab()
    settle(qtbot)
    assert stray_tab_bars(window) == []
    shown = [[b.tabText(i) for i in range(b.count())] for b in tab_bars(window)]
    assert [docks["shapes"].windowTitle(), docks["backprop"].windowTitle()] in shown, shown
