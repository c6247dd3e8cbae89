"""A run's past epoch as a snapshot: the views redraw it when the timeline slider moves.

:func:`replay_snapshot` takes a snapshot of the run (for its history, status and identity)
and the flat parameters a :class:`~mlpstudio.core.insight.Timeline` kept for one epoch, and
returns the same snapshot with that epoch's weights and what follows from them: the test
outputs (predictions, confusion matrix, gallery), the plot outputs (the fitted curve or the
region map) and the hidden units' states (grey dead or saturated units). The outputs are
computed by a scratch network of the same shape on the same backend, so they are the numbers
training computed at that epoch.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from . import insight
from .network import Network
from .training import INSIGHT_ROWS, Snapshot


class Replayer:
    """Computes past snapshots of ``network`` (its shape and backend) on ``dataset``."""

    def __init__(self, network: Network, dataset, chunk: int = 4096):
        self.layout = network
        self.dataset = dataset
        self.chunk = chunk
        self._scratch = Network(
            network.sizes, network.activation_names, network.head.name,
            init=network.init, backend=network.backend,
        )  # fmt: skip
        plot = dataset.plot_inputs(None) if not dataset.is_image else None
        self._plot = None if plot is None or not len(plot) else plot
        self._insight_rows = dataset.x_train[:INSIGHT_ROWS]

    def _rows(self, rows):
        """Float rows on the backend from stored rows (images: ``(x - shift) * scale``)."""
        backend = self._scratch.backend
        rows = np.asarray(rows).reshape(len(rows), -1)
        if rows.dtype == np.uint8:
            x = rows.astype(backend.dtype)
            if self.dataset.input_shift:
                x -= self.dataset.input_shift
            if self.dataset.input_scale != 1.0:
                x *= self.dataset.input_scale
            return backend.asarray(x)
        return backend.asarray(rows, dtype=backend.dtype)

    def _outputs(self, rows) -> np.ndarray:
        net, backend = self._scratch, self._scratch.backend
        parts = [
            backend.to_host(net.forward(self._rows(rows[i : i + self.chunk])))
            for i in range(0, len(rows), self.chunk)
        ]
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def snapshot(self, base: Snapshot, epoch: int, params) -> Snapshot:
        """``base`` as it was at ``epoch``, whose flat parameters are ``params``."""
        net = self._scratch
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            net.set_params(params)
            weights = tuple(self.layout.layers_of(np.asarray(params)))
            test_output = self._outputs(self.dataset.x_test)
            plot_output = None
            if self._plot is not None and base.plot_output is not None:
                plot_output = self._outputs(self._plot)
            x_insight = np.asarray(
                net.backend.to_host(self._rows(self._insight_rows)), dtype=np.float64
            )
            states = insight.unit_states(weights, net.activation_names, x_insight)
        return dataclasses.replace(
            base,
            epoch=int(epoch),
            batch_in_epoch=0,
            weights=weights,
            test_output=test_output,
            plot_output=plot_output,
            unit_states=tuple(states),
            epoch_params=(),
        )
