"""Exports of an experiment for use outside MLP Studio: CSV, stand-alone scripts, an HTML report.

* :func:`export_history_csv`: the per-epoch history as CSV (the same text as ``--out``).
* :func:`numpy_script`: a Python script that needs only numpy and reruns the experiment the
  way the engine does, with the registry entries' own functions; its last line is the JSON
  summary ``mlpstudio train --json`` prints, with the same values (:mod:`.script_export`,
  built from the template modules in :mod:`.export_templates`).
* :func:`pytorch_script`: the same experiment written the PyTorch way (``nn.Sequential``,
  ``torch.optim``), on the same data, batches and first weights.
* :func:`html_report`: one self-contained HTML page (:mod:`.report_export`).

The command line's ``mlpstudio export`` and the File menu both call these.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .files import atomic_write_text, history_csv
from .formula_code import formula_to_numpy
from .report_export import html_report
from .script_export import numpy_script, pytorch_script

__all__ = [
    "export_history_csv",
    "formula_to_numpy",
    "html_report",
    "numpy_script",
    "pytorch_script",
]


def export_history_csv(path: str | Path, history: dict[str, np.ndarray]) -> Path:
    """The per-epoch history as CSV, one row per epoch (row 0 is the untrained network)."""
    return atomic_write_text(path, history_csv(history))
