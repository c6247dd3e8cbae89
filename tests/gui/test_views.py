"""The views, widget by widget, with hand-made snapshots: legible on a projector (ticks that do
not overlap, an x range that follows the data, square weight cells with a colour scale, class
names that fit, captions that are not cut) and scaled by presentation mode."""

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from mlpstudio.core.training import Snapshot
from mlpstudio.experiment.build import build_dataset, build_network
from mlpstudio.experiment.config import Config


@pytest.fixture(autouse=True)
def _pyqtgraph(qapp):
    from mlpstudio.gui.style import Style, configure_pyqtgraph

    configure_pyqtgraph()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    Style.instance().set_presentation(False)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def snapshot(epochs, losses, weights, total, metric=None):
    n = len(epochs)
    history = {
        "epoch": np.asarray(epochs, float),
        "train_loss": np.asarray(losses, float),
        "test_loss": np.asarray(losses, float) * 1.5,
        "val_loss": np.full(n, np.nan),
        "train_metric": np.full(n, np.nan) if metric is None else np.asarray(metric, float),
        "test_metric": np.full(n, np.nan) if metric is None else np.asarray(metric, float),
    }
    return Snapshot(
        status="finished", message="", epoch=int(epochs[-1]), total_epochs=total, step=0,
        batch_in_epoch=0, batches_per_epoch=1, elapsed=0.0, samples_per_second=0.0, eta=None,
        learning_rate=0.01, history=history, weights=weights, test_output=None, plot_output=None,
    )  # fmt: skip


def course_network(hidden=(50, 50)):
    config = Config()
    config.model.hidden = list(hidden)
    dataset = build_dataset(config.data)
    return build_network(config, dataset)


def random_weights(network, seed=0):
    rng = np.random.default_rng(seed)
    return tuple(
        (rng.normal(size=(c.units, c.inputs)), rng.normal(size=c.units)) for c in network.counts
    )


def shown(qtbot, widget, width, height):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    return widget


def label_rects(axis):
    """The tick labels an axis draws, as rectangles in the axis's coordinates."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert specs is not None
    return [(QRectF(rect), text) for rect, _, text in specs[2]]


def assert_disjoint(rects):
    for (a, ta), (b, tb) in itertools.combinations(rects, 2):
        assert not a.intersects(b), f"labels {ta!r} and {tb!r} overlap"


# -- loss view -------------------------------------------------------------------------------
@pytest.mark.parametrize("presentation", [False, True])
def test_loss_tick_labels_never_overlap_in_the_narrow_dock(qtbot, presentation):
    from mlpstudio.gui.style import Style
    from mlpstudio.gui.views.loss_view import LossView

    Style.instance().set_presentation(presentation)
    view = shown(qtbot, LossView(), 250, 300)
    network = course_network()
    view.set_network(network)
    epochs = np.arange(0, 90_001, 10)
    losses = 10.0 ** np.linspace(0.5, -6, len(epochs))  # six and a half decades
    view.show_snapshot(snapshot(epochs, losses, random_weights(network), 100_000))
    qtbot.wait(20)
    for name in ("left", "bottom"):
        rects = label_rects(view.plot.getAxis(name))
        assert len(rects) >= 2, name
        assert_disjoint(rects)
    # a narrow log range (less than a decade) labels 1-2-5 or every step, without overlap
    view.show_snapshot(
        snapshot(epochs, np.linspace(0.9, 0.62, len(epochs)), random_weights(network), 100_000)
    )
    qtbot.wait(20)
    rects = label_rects(view.plot.getAxis("left"))
    assert len(rects) >= 2
    assert_disjoint(rects)


def test_last_x_tick_label_is_inside_the_widget(qtbot):
    from mlpstudio.gui.views.loss_view import LossView

    view = shown(qtbot, LossView(), 230, 260)
    network = course_network()
    view.set_network(network)
    epochs = np.arange(0, 3001)
    view.show_snapshot(snapshot(epochs, np.exp(-epochs / 500), random_weights(network), 3000))
    qtbot.wait(20)
    axis = view.plot.getAxis("bottom")
    rects = label_rects(axis)
    last_rect, last_text = max(rects, key=lambda r: r[0].right())
    assert last_text == "3,000"  # the run's end is labelled, with the locale's grouping
    right = axis.mapRectToScene(last_rect).right()
    assert right <= view.plot.width(), "the last label is cut off"


def test_x_range_follows_the_data_not_the_budget(qtbot):
    from mlpstudio.gui.views.loss_view import LossView, x_end_for

    assert x_end_for(100, 100_000, None) == 200  # headroom, to a round number
    assert x_end_for(180, 100_000, 200.0) is None  # still inside: the axis does not move
    assert x_end_for(201, 100_000, 200.0) == 500
    assert x_end_for(3, 3, None) == 3  # never past a small budget
    assert x_end_for(900, 1000, 600.0) == 1000
    assert x_end_for(1200, 1000, 1000.0) == 2000  # continued past the budget
    ends, current = [], None
    for epoch in range(0, 100_001, 7):
        current = x_end_for(epoch, 100_000, current) or current
        ends.append(current)
    assert len(set(ends)) <= 12, "the axis moves a few times per run, not every epoch"
    view = shown(qtbot, LossView(), 300, 300)
    network = course_network()
    view.set_network(network)
    epochs = np.arange(0, 1001)
    view.show_snapshot(snapshot(epochs, np.exp(-epochs / 300), random_weights(network), 100_000))
    lo, hi = view.plot.getViewBox().viewRange()[0]
    assert 1000 < hi <= 2100, "the curve fills half the axis or more, not 1 % of it"
    assert view.accuracy_plot.getViewBox().viewRange()[0][1] == pytest.approx(hi)


def test_spanish_ticks_use_a_decimal_comma():
    from mlpstudio.gui.style import LocaleAxis, percent, power_label, tick_label

    QLocale.setDefault(QLocale(QLocale.Language.Spanish))
    assert tick_label(0.5, 0.5) == "0,5"
    assert tick_label(2500.0, 500.0) == "2500" or tick_label(2500.0, 500.0) == "2.500"
    assert power_label(-1) == "0,1"
    assert power_label(-5) == "10⁻⁵"
    assert percent(0.38) == "38\u00a0%"
    axis = LocaleAxis("bottom")
    (step, values), *_ = axis.tickValues(0.0, 1.0, 300)
    assert any("," in s for s in axis.tickStrings(values, 1.0, step))


# -- presentation mode -----------------------------------------------------------------------
def test_presentation_mode_enlarges_legend_axis_titles_and_ticks(qtbot):
    from PySide6.QtWidgets import QApplication

    from mlpstudio.gui.style import Style
    from mlpstudio.gui.views.loss_view import LossView

    view = shown(qtbot, LossView(), 300, 300)

    def sizes():
        QApplication.processEvents()  # (the application font reaches the widgets by events)
        axis = view.plot.getAxis("left")
        return (
            axis.style["tickFont"].pointSizeF(),
            float(axis.labelStyle["font-size"].rstrip("pt")),
            view.legend.font().pointSizeF(),  # the legend line above the plots
            axis.label.boundingRect().height(),
        )

    before = sizes()
    Style.instance().set_presentation(True)
    after = sizes()
    assert QApplication.font().pointSizeF() > before[0]
    for b, a in zip(before, after):
        assert a > 1.4 * b
    Style.instance().set_presentation(False)
    assert sizes() == pytest.approx(before)


# -- weights ---------------------------------------------------------------------------------
def test_weight_heatmaps_have_square_cells_biases_and_a_symmetric_colour_bar(qtbot):
    from mlpstudio.gui.style import significant
    from mlpstudio.gui.views.weights_view import WeightsView

    view = shown(qtbot, WeightsView(), 480, 300)
    network = course_network((50, 50))
    view.set_network(network)
    weights = random_weights(network)
    view.show_snapshot(snapshot([0, 1], [1.0, 0.5], weights, 10))
    qtbot.wait(20)
    for lay, (w, b) in zip(view.layers, weights):
        picture = lay.image.image
        assert picture.shape == (w.shape[0], w.shape[1] + 2)  # W, a gap, b
        np.testing.assert_array_equal(picture[:, -1], b)
        np.testing.assert_array_equal(picture[:, : w.shape[1]], w)
        cell = lay.vb.mapViewToScene(QRectF(0, 0, 1, 1)).boundingRect()
        assert cell.width() == pytest.approx(cell.height(), rel=0.02), "cells are square"
        bound = max(np.abs(w).max(), np.abs(b).max())
        level = lay.image.levels[1]  # the largest |value| rounded up to two digits
        assert lay.image.levels[0] == -level and bound <= level <= 1.05 * bound
        assert float(significant(level, 2)) == pytest.approx(level)
        bound = level
        assert lay.bar.isVisible() and lay.bar_image.image is not None
        assert lay.bar_image.image.min() == pytest.approx(-bound)
        assert lay.bar_image.image.max() == pytest.approx(bound)
        ticks = [t for t, _ in lay.bar.getAxis("right")._tickLevels[0]]
        assert ticks == pytest.approx([-bound, 0.0, bound])
    square = view.layers[1].vb.mapViewToScene(QRectF(0, 0, 52, 50)).boundingRect()
    assert square.width() > 40 and square.height() > 40, "the 50x50 matrix is not a strip"


def test_non_finite_weights_show_a_note_instead_of_a_histogram(qtbot):
    from mlpstudio.gui.views.weights_view import WeightsView

    view = shown(qtbot, WeightsView(), 480, 300)
    network = course_network((10,))
    view.set_network(network)
    weights = list(random_weights(network))
    w = weights[0][0].copy()
    w[0, 0], w[1, 0] = np.inf, -4e23
    weights[0] = (w, weights[0][1])
    view.show_snapshot(snapshot([0, 1], [1.0, np.nan], tuple(weights), 10))
    qtbot.wait(20)
    bad, good = view.layers
    assert bad.note.isVisible() and "1 of 20" in bad.note.toPlainText()
    assert bad.curve.xData is None or len(bad.curve.xData) == 0
    assert not good.note.isVisible() and len(good.curve.xData) == 41
    assert np.isfinite(bad.image.levels).all()


# -- classes ---------------------------------------------------------------------------------
def confusion_results(names, true, seed=0):
    from mlpstudio.gui.views.classes import ClassResults

    rng = np.random.default_rng(seed)
    predicted = np.where(rng.random(len(true)) < 0.6, true, rng.integers(0, len(names), len(true)))
    return ClassResults(true=true, predicted=predicted, confidence=np.full(len(true), 0.5),
                        names=tuple(names))  # fmt: skip


def assert_labels_fit(view, n, every=1):
    axis = view.plot.getAxis("bottom")
    rects = label_rects(axis)
    assert len(rects) >= n // every
    assert_disjoint(rects)
    cell = view.plot.getViewBox().width() / n
    assert all(r.width() <= every * cell + 1 for r, _ in rects)


def test_confusion_class_names_fit_under_their_columns(qtbot):
    from mlpstudio.data.catalog import CIFAR10_CLASSES
    from mlpstudio.gui.views.confusion_view import ConfusionView

    view = shown(qtbot, ConfusionView(), 520, 300)
    true = np.repeat(np.arange(10), 10)
    view.show_results(confusion_results(CIFAR10_CLASSES, true))
    qtbot.wait(20)
    assert_labels_fit(view, 10)
    labels = [t for _, t in label_rects(view.plot.getAxis("bottom"))]
    assert len(set(labels)) == 10 and "automobilebird" not in "".join(labels)
    assert view.cell_text(0, 0) == str(int(view._counts[0, 0]))
    view.resize(1200, 500)  # wide enough: the full names
    qtbot.wait(20)
    assert [t for _, t in label_rects(view.plot.getAxis("bottom"))] == list(CIFAR10_CLASSES)


def test_cifar100_superclass_matrix_is_labelled_legibly(qtbot, shared_datasets):
    from mlpstudio.data.catalog import CIFAR100_COARSE_CLASSES
    from mlpstudio.data.images import read_cifar100
    from mlpstudio.gui.views.confusion_view import ConfusionView

    _, coarse, _ = read_cifar100(shared_datasets / "cifar100-samples" / "test_first20.bin")
    true = np.tile(coarse, 10)  # 200 fake-but-valid predictions over the 20 superclasses
    view = shown(qtbot, ConfusionView(), 520, 320)
    view.show_results(confusion_results(CIFAR100_COARSE_CLASSES, true))
    qtbot.wait(20)
    assert view._counts.shape == (20, 20) and view._counts.sum() == 200
    assert_labels_fit(view, 20, every=2)
    assert label_rects(view.plot.getAxis("bottom"))[0][1] == "1"  # numbers; rows say which
    rows = label_rects(view.plot.getAxis("left"))
    assert_disjoint(rows)
    assert all(len(t) <= 26 for _, t in rows)
    assert rows[0][1].startswith("1 ")
    view._hover(view.plot.getViewBox().mapViewToScene(pg_point(2.5, 3.5)))
    assert CIFAR100_COARSE_CLASSES[3] in view.plot.toolTip()
    assert CIFAR100_COARSE_CLASSES[2] in view.plot.toolTip()


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_gallery_captions_are_not_cut(qtbot, shared_datasets):
    from mlpstudio.gui.style import Style
    from mlpstudio.gui.views.classes import class_results
    from mlpstudio.gui.views.gallery_view import GalleryView

    config = Config()
    config.data.kind = "mnist"
    config.data.root = str(shared_datasets / "mnist")
    config.data.subset = 200
    dataset = build_dataset(config.data)
    rng = np.random.default_rng(0)
    output = rng.random((len(dataset.y_test), 10))
    for presentation, size in ((False, (700, 330)), (True, (700, 330)), (True, (1200, 600))):
        Style.instance().set_presentation(presentation)
        view = shown(qtbot, GalleryView(), *size)
        view.set_dataset(dataset)
        view.show_results(class_results(dataset, output))
        qtbot.wait(20)
        tiles = view.grid.tiles
        assert 1 <= len(tiles) == view.page_size() <= view.PAGE
        metrics = QFontMetricsF(view.grid.font())
        for k, cell in view.grid._cells():
            lines = view.grid.caption_lines(tiles[k][1], cell.width() - 4)
            assert all("…" not in line for line in lines), lines
            assert all(metrics.horizontalAdvance(line) <= cell.width() for line in lines)
        view.close()


# -- network diagram ---------------------------------------------------------------------------
@pytest.mark.parametrize("width", [300, 420, 1000])
def test_network_column_labels_never_run_into_each_other(qtbot, width):
    """Five columns of "layer 3 / 16 sigmoid" in presentation mode's large font: in a narrow
    dock each label goes one word a line, or is elided, so no two labels' text overlap and
    none is cut at the edge."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from mlpstudio.gui.style import Style
    from mlpstudio.gui.views.network_view import NetworkDiagram

    diagram = shown(qtbot, NetworkDiagram(), width, 300)
    sizes = [784, 16, 16, 16, 10]
    labels = ["input\n784"] + [f"layer {k}\n16 sigmoid" for k in (1, 2, 3)] + ["output\n10 softmax"]
    diagram.set_structure(sizes, labels)
    Style.instance().set_presentation(True)
    try:
        font = QFont(diagram.font())
        font.setPointSizeF(18)
        metrics = QFontMetricsF(font)
        columns = diagram.column_labels(metrics, width)
    finally:
        Style.instance().set_presentation(False)
    spans = []
    for column in columns:
        text_width = max(metrics.horizontalAdvance(line) for line in column.lines)
        assert text_width <= column.room + 0.5
        spans.append((column.x - text_width / 2, column.x + text_width / 2))
    assert spans[0][0] >= 0 and spans[-1][1] <= width
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), spans
    words = " ".join(" ".join(c.lines) for c in columns)
    if width >= 1000:  # room enough: every label whole, on its two lines
        assert [len(c.lines) for c in columns] == [2] * 5 and "16 sigmoid" in words
