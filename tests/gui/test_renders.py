"""Key views drawn offscreen and compared with stored reference images, with a tolerance.

The idea is pyqtgraph's own image tests (a per-pixel tolerance and a largest share of pixels
allowed to differ), written for MLP Studio: the network, loss, prediction and weight views draw
one fixed experiment (the course example, 6 tanh units, 120 epochs from seed 0) at a fixed size,
and their plots are compared with ``tests/gui/reference/NAME.png``:

* a pixel differs when one of its channels differs by more than :data:`TOLERANCE` (of 255);
* at most :data:`MAX_SHARE` of the pixels may differ.

Fonts differ between machines, so the views draw with the DejaVu Sans shipped beside the
references (``reference/DejaVuSans.ttf``) at a fixed point size, 96 dpi and a device pixel
ratio of 1 (the offscreen platform), and the run is in float64, so on Linux (where the
references were made) a render matches its reference to the pixel and :data:`MAX_SHARE` can be
small enough to catch one thin curve drawn differently. On Windows and macOS the rasteriser
may anti-alias text and lines differently (not measured: no such machine was at hand), so the
share allowed there is :data:`MAX_SHARE_ELSEWHERE`: a recoloured view (3-6% of its pixels)
still fails there, a single thin curve may not.

A failure saves the actual picture and a map of the differing pixels in the test's tmp_path and
names them. After an intended change of a view, regenerate the references (and look at them):

    MLPSTUDIO_UPDATE_REFERENCE=1 python -m pytest tests/gui/test_renders.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

from .pixels import differing, image_array, picture

REFERENCE = Path(__file__).resolve().parent / "reference"
UPDATE = os.environ.get("MLPSTUDIO_UPDATE_REFERENCE") == "1"
SIZE = (480, 360)
TOLERANCE = 48
MAX_SHARE = 0.002  # same machine: 0 pixels differ; a thin curve drawn mirrored: 0.5%
MAX_SHARE_ELSEWHERE = 0.03
FONT_POINTS = 9.0


@pytest.fixture(scope="module")
def fixed_run(qapp):
    """The experiment every render draws: data, network and the final snapshot, made once."""
    from mlpstudio.experiment.build import build_dataset, build_network, build_trainer
    from mlpstudio.experiment.config import Config

    config = Config()
    config.model.hidden = [6]
    config.training.epochs = 120
    config.training.seed = 0
    config.training.dtype = "float64"  # the same numbers on every machine, to the pixel
    dataset = build_dataset(config.data)
    network = build_network(config, dataset)
    *_, snapshot = build_trainer(config, dataset, network, snapshot_interval=3600)  # the last
    assert snapshot is not None and snapshot.epoch == 120
    return dataset, network, snapshot


@pytest.fixture
def pinned_look(qapp):
    """The shipped font at a fixed size, English number format, normal (not presentation)
    mode; everything put back afterwards."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont, QFontDatabase

    from mlpstudio.gui.style import Style, configure_pyqtgraph

    font_id = QFontDatabase.addApplicationFont(str(REFERENCE / "DejaVuSans.ttf"))
    assert font_id >= 0, "the reference font could not be loaded"
    (family,) = QFontDatabase.applicationFontFamilies(font_id)[:1]
    before = QFont(qapp.font())
    font = QFont(family)
    font.setPointSizeF(FONT_POINTS)
    qapp.setFont(font)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    Style.instance().set_presentation(False)
    configure_pyqtgraph()
    yield
    qapp.setFont(before)
    QFontDatabase.removeApplicationFont(font_id)


def _render(qtbot, view_class, fixed_run):
    dataset, network, snapshot = fixed_run
    view = view_class()
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.show()
    qtbot.waitExposed(view)
    view.set_dataset(dataset)
    view.set_network(network)
    view.show_snapshot(snapshot)
    qtbot.wait(50)
    return view


def _compare(name: str, actual: np.ndarray, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    path = REFERENCE / f"{name}.png"
    if UPDATE:
        _save(actual, path)
        return
    assert path.is_file(), f"no reference {path.name}; make it with MLPSTUDIO_UPDATE_REFERENCE=1"
    expected = image_array(QImage(str(path)))
    share_allowed = MAX_SHARE if sys.platform.startswith("linux") else MAX_SHARE_ELSEWHERE
    diff = differing(actual, expected, TOLERANCE)
    if diff.mean() > share_allowed:
        _save(actual, tmp_path / f"{name}.actual.png")
        marked = expected.copy()
        marked[diff] = (255, 0, 255)
        _save(marked, tmp_path / f"{name}.diff.png")
        pytest.fail(
            f"{name}: {diff.mean():.2%} of the pixels differ by more than {TOLERANCE}/255 "
            f"(at most {share_allowed:.1%} may); see {tmp_path / name}.actual.png and .diff.png"
        )


def _save(pixels: np.ndarray, path: Path) -> None:
    from PySide6.QtGui import QImage

    height, width, _ = pixels.shape
    data = np.ascontiguousarray(pixels)
    image = QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    assert image.copy().save(str(path)), path


def _views():
    from mlpstudio.gui.views.loss_view import LossView
    from mlpstudio.gui.views.network_view import NetworkView
    from mlpstudio.gui.views.prediction_view import PredictionView
    from mlpstudio.gui.views.weights_view import WeightsView

    return {
        "network_view": NetworkView,
        "loss_view": LossView,
        "prediction_view": PredictionView,
        "weights_view": WeightsView,
    }


@pytest.mark.parametrize("name", ["network_view", "loss_view", "prediction_view", "weights_view"])
def test_view_draws_as_its_reference(qtbot, fixed_run, pinned_look, tmp_path, name):
    view = _render(qtbot, _views()[name], fixed_run)
    # the plot alone: the header's check box and button are drawn by the OS's widget style
    plot = view.plot if name == "loss_view" else view.plot_widget()
    actual = picture(plot)
    assert actual.std() > 0, f"{name} draws nothing"
    _compare(name, actual, tmp_path)
