"""What the first layer looks for: each unit's weights drawn as an image.

Unit i of the first layer computes z_i = w_i . x + b_i, so its weight vector w_i has one
entry per pixel and can be drawn at the image's size (28x28, or 32x32x3). Grey images use the
diverging weight colours (red positive, blue negative, each tile scaled to its own largest
|w|); colour images show each tile's weights stretched to [0, 1] per channel.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QSpinBox

from .. import style
from ..style import number
from .base import View

TILES = 64  # units per page (8 x 8)
GAP = 2
MIN_INTERVAL = 0.2


class FirstLayerView(View):
    export_name = "first_layer"
    draws_layers = (0,)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>First layer</b>: each unit's weights as an image"))
        self.first_unit = QSpinBox()
        self.first_unit.setPrefix(self.tr("from unit "))
        self.first_unit.setSingleStep(TILES)
        self.first_unit.setToolTip(self.tr("Which units to show, 64 at a time."))
        self.first_unit.valueChanged.connect(lambda _: self._draw())
        self.body.addWidget(self.first_unit)  # its own row: the header stays narrow in Spanish
        self.graphics = pg.GraphicsLayoutWidget()
        self.view = self.graphics.addViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.view.addItem(self.image)
        self.body.addWidget(self.graphics)
        self._weights = None
        self._last = 0.0

    def set_network(self, network):
        super().set_network(network)
        self._weights = None
        self.image.clear()
        if network is not None:
            units = network.sizes[1]
            self.first_unit.setRange(1, max(1, units))
            self.first_unit.setSuffix(self.tr(" of {n}").format(n=number(units)))

    def show_snapshot(self, snapshot):
        if self.dataset is None or not self.dataset.is_image:
            return
        if snapshot.weights[0][0] is self._weights:
            return  # the same weights (a lean snapshot repeats the ones it has)
        now = time.perf_counter()
        if now - self._last < MIN_INTERVAL and not snapshot.is_final:
            return
        self._last = now
        self._weights = snapshot.weights[0][0]
        self._draw()

    def _draw(self) -> None:
        w = self._weights
        if w is None or self.dataset is None:
            return
        shape = self.dataset.input_shape
        start = self.first_unit.value() - 1
        units = w[start : start + TILES]
        mosaic = mosaic_of(units, shape)
        if mosaic.ndim == 2:
            self.image.setColorMap(pg.colormap.get(style.DIVERGING))
            self.image.setImage(mosaic, levels=(-1.0, 1.0), autoLevels=False)
        else:
            self.image.setImage(mosaic, levels=(0.0, 1.0), autoLevels=False)
        self.view.autoRange(padding=0.01)

    def has_content(self):
        return self._weights is not None and self.image.image is not None

    def plot_widget(self):
        return self.graphics


def mosaic_of(units: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Tiles of each row of ``units`` reshaped to ``shape``, in a square grid.

    Grey: each tile divided by its largest |w| (values in [-1, 1], NaN between tiles).
    Colour: each tile min-max scaled to [0, 1] (white between tiles).
    """
    n = len(units)
    h, w = shape[0], shape[1]
    colour = len(shape) == 3
    cols = int(np.ceil(np.sqrt(max(n, 1))))
    rows = int(np.ceil(n / cols)) if n else 1
    out_shape = (rows * (h + GAP) - GAP, cols * (w + GAP) - GAP) + ((3,) if colour else ())
    mosaic = np.full(out_shape, 1.0 if colour else 0.0, dtype=np.float32)
    for k in range(n):
        tile = units[k].reshape(shape).astype(np.float32)
        if colour:
            lo, hi = tile.min(), tile.max()
            tile = (tile - lo) / (hi - lo) if hi > lo else tile * 0 + 0.5
        else:
            bound = np.abs(tile).max()
            tile = tile / bound if bound > 0 else tile
        r, c = divmod(k, cols)
        mosaic[r * (h + GAP) : r * (h + GAP) + h, c * (w + GAP) : c * (w + GAP) + w] = tile
    return mosaic
