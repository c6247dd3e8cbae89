"""The training timeline inside an experiment file (see :mod:`mlpstudio.experiment.archive`).

Two members, present only when the run kept one::

    timeline/epochs.npy    int64, (k,): the kept epochs, increasing
    timeline/params.npy    float, (k, parameters): each epoch's flat parameters, in the
                           network's layout (as ``Network.set_params`` takes them)

``experiment.json`` says ``"timeline": {"epochs": k}``. Saving thins the timeline to
:data:`~mlpstudio.core.insight.TIMELINE_FILE_BUDGET` bytes (the same schedule training uses,
so early epochs stay dense and the last one is always there) and leaves out epochs whose
numbers are not finite (a diverged epoch). Opening checks k against that cap before anything
is read, and every value after.
"""

from __future__ import annotations

import numpy as np

from ..core.insight import TIMELINE_FILE_BUDGET, Timeline
from .archive_checks import MAX_HISTORY_ROWS, ArchiveError

EPOCHS = "timeline/epochs.npy"
PARAMS = "timeline/params.npy"


def timeline_members(timeline: Timeline | None, n_params: int) -> tuple[dict, dict | None]:
    """(members, meta entry) to store ``timeline`` for a network of ``n_params``."""
    if timeline is None or not len(timeline):
        return {}, None
    kept = [
        (epoch, params)
        for epoch, params in timeline.thinned(TIMELINE_FILE_BUDGET).items()
        if params.shape == (n_params,) and np.isfinite(params).all()
    ]
    if not kept:
        return {}, None
    epochs = np.array([e for e, _ in kept], dtype=np.int64)
    params = np.stack([p for _, p in kept])
    return {EPOCHS: epochs, PARAMS: params}, {"epochs": len(kept)}


def max_epochs_kept(n_params: int) -> int:
    """The most epochs a file may keep for ``n_params`` parameters (float32, the smallest
    the engine uses, at the cap)."""
    return max(1, TIMELINE_FILE_BUDGET // (4 * max(1, n_params)))


def expected_members(meta: dict, n_params: int, name: str) -> dict:
    """The timeline's members as ``archive`` expects them: member -> (shape, kinds)."""
    entry = meta.get("timeline")
    if entry is None:
        return {}
    count = entry.get("epochs") if isinstance(entry, dict) else None
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ArchiveError(f"{name}: the timeline's epoch count is not a positive whole number.")
    cap = min(max_epochs_kept(n_params), MAX_HISTORY_ROWS)
    if count > cap:
        raise ArchiveError(
            f"{name}: the timeline claims {count:,} epochs; a file keeps at most {cap:,} for "
            f"{n_params:,} parameters; refused."
        )
    return {EPOCHS: ((count,), "iu"), PARAMS: ((count, n_params), "f")}


def timeline_from(
    arrays: dict, history: dict, name: str, dtype: str = "float32"
) -> Timeline | None:
    """The timeline the checked members describe, or None when the file has none. ``dtype``:
    the run's precision (the config's training.dtype); every kept parameter must be
    representable in it, as the file's own weights must (beyond it, a float32 network's
    weights would become infinite the moment the slider shows that epoch)."""
    if EPOCHS not in arrays:
        return None
    epochs, params = arrays[EPOCHS].astype(np.int64), arrays[PARAMS]
    last = history.get("epoch")
    last_epoch = int(last[-1]) if last is not None and len(last) else 0
    if len(epochs) and (epochs[0] < 0 or epochs[-1] > last_epoch or np.any(np.diff(epochs) <= 0)):
        raise ArchiveError(
            f"{name}: the timeline's epochs are not increasing within the history's 0 to "
            f"{last_epoch}; the file is damaged."
        )
    if not np.isfinite(params).all():
        raise ArchiveError(f"{name}: the timeline's parameters are not all finite numbers.")
    largest = float(np.finfo(dtype).max)
    if float(np.abs(params).max(initial=0.0)) > largest:
        raise ArchiveError(
            f"{name}: the timeline's parameters are too large for {dtype} (over "
            f"{largest:.3g}); the file is damaged."
        )
    timeline = Timeline()
    for epoch, row in zip(epochs, params):
        timeline.add(int(epoch), row)
    return timeline
