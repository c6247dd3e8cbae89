"""Every layer's weight matrix W^[l] as a heatmap, with a histogram of its values.

Heatmaps use a diverging colormap with levels symmetric around 0 (blue negative, white zero,
red positive), so the sign and size of each weight read at a glance; hovering shows the value.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg

from .. import style
from ..style import Style, prepare_plot
from .base import View

MIN_INTERVAL = 0.1  # seconds between redraws: big matrices cost milliseconds each


class WeightsView(View):
    export_name = "weights"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._default_caption = self.tr("<b>Weights</b> W<sup>[l]</sup> per layer")
        self.caption.setText(self._default_caption)
        self.graphics = pg.GraphicsLayoutWidget()
        self.body.addWidget(self.graphics)
        self.cmap = pg.colormap.get(style.DIVERGING)
        self.rows = []  # (viewbox, image, histogram curve, title label)
        self._weights = None
        self._last_draw = 0.0
        self.graphics.scene().sigMouseMoved.connect(self._hover)

    def set_network(self, network):
        super().set_network(network)
        self.graphics.clear()
        self.rows = []
        self._weights = None
        if network is None:
            return
        for layer, count in enumerate(network.counts, start=1):
            title = self.graphics.addLabel(
                self.tr("W<sup>[{l}]</sup>: {rows} x {cols}  ({act})").format(
                    l=layer,
                    rows=count.units,
                    cols=count.inputs,
                    act={"mse": self.tr("linear")}.get(
                        network.layer_activation(layer), network.layer_activation(layer)
                    ),
                ),
                row=2 * (layer - 1),
                col=0,
                colspan=2,
            )
            vb = self.graphics.addViewBox(row=2 * layer - 1, col=0)
            vb.invertY(True)
            vb.setMenuEnabled(False)
            image = pg.ImageItem()
            image.setColorMap(self.cmap)
            vb.addItem(image)
            hist = self.graphics.addPlot(row=2 * layer - 1, col=1)
            hist.setMaximumWidth(220)
            hist.hideAxis("left")
            hist.setMouseEnabled(False, False)
            prepare_plot(hist)
            curve = hist.plot(stepMode="center", fillLevel=0, brush=(120, 120, 120, 120))
            self.rows.append((vb, image, curve, title))
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 1)
        self.restyle()

    def restyle(self):
        for _, _, curve, _ in self.rows:
            curve.setPen(Style.instance().pen(style.TARGET, width=1))

    def show_snapshot(self, snapshot):
        now = time.perf_counter()
        if now - self._last_draw < MIN_INTERVAL and not snapshot.is_final:
            return
        self._last_draw = now
        self._weights = snapshot.weights
        for (vb, image, curve, _), (w, b) in zip(self.rows, snapshot.weights):
            finite = np.isfinite(w)
            bound = float(np.abs(w[finite]).max()) if finite.any() else 1.0
            bound = bound if bound > 0 else 1.0
            first = image.image is None
            image.setImage(np.nan_to_num(w), levels=(-bound, bound), autoLevels=False)
            if first:
                vb.autoRange(padding=0)
            values = np.concatenate([w.ravel(), b])
            values = values[np.isfinite(values)]
            if values.size:
                counts, edges = np.histogram(values, bins=40)
                curve.setData(edges, counts)

    def _hover(self, pos):
        if self._weights is None:
            return
        for layer, (vb, _, _, _) in enumerate(self.rows, start=1):
            if not vb.sceneBoundingRect().contains(pos):
                continue
            point = vb.mapSceneToView(pos)
            i, j = int(np.floor(point.y())), int(np.floor(point.x()))
            w = self._weights[layer - 1][0]
            if 0 <= i < w.shape[0] and 0 <= j < w.shape[1]:
                self.caption.setText(
                    self.tr(
                        "W<sup>[{l}]</sup><sub>{i},{j}</sub> = {v:.4g}  (unit {i} of layer "
                        "{l}, input {j})"
                    ).format(l=layer, i=i + 1, j=j + 1, v=w[i, j])
                )
                return
        self.caption.setText(self._default_caption)

    def has_content(self):
        return self._weights is not None and all(
            img.image is not None for _, img, _, _ in self.rows
        )

    def plot_widget(self):
        return self.graphics
