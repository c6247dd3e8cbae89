"""The schedule registry: how the learning rate changes over the epochs.

An entry's ``factor(epoch, total_epochs, **hp)`` is the multiplier of the base learning rate
during ``epoch`` (0-based); it is a module-level function that uses only its arguments,
``math`` and literal numbers, so an exported script can inline its source. ``hp`` holds the
entry's options by name.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP
from .options import OptionSpec, merge_specs


@dataclass(frozen=True)
class Schedule:
    name: str
    label: str  # QT_TRANSLATE_NOOP("Schedules", ...)
    formula: str  # the factor, as the UI shows it
    torch: str  # torch.optim.lr_scheduler.X(...) ({optimizer}, {epochs}, options)
    factor: Callable  # factor(epoch, total_epochs, **hp) -> float
    options: tuple[OptionSpec, ...] = ()


STEP_SIZE = OptionSpec(
    "step_size", QT_TRANSLATE_NOOP("Options", "Decay every"), 500, 1, 1_000_000, 50,
    help="epochs between step decays",
    tooltip=QT_TRANSLATE_NOOP("Options", "Step schedule: epochs between two decays."),
)  # fmt: skip
GAMMA = OptionSpec(
    "gamma", QT_TRANSLATE_NOOP("Options", "Decay factor"), 0.5, 0.0, 1.0, 0.05, 3,
    low_open=True, help="step decay factor",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "Step schedule: the learning rate is multiplied by this at every decay."
    ),
)  # fmt: skip
MIN_LR_FACTOR = OptionSpec(
    "min_lr_factor", QT_TRANSLATE_NOOP("Options", "Final factor"), 0.0, 0.0, 1.0, 0.05, 3,
    help="cosine: the share of the learning rate left at the end",
    tooltip=QT_TRANSLATE_NOOP(
        "Options", "Cosine schedule: the learning rate ends at this share of its start."
    ),
)  # fmt: skip


def constant_factor(epoch, total_epochs):
    return 1.0


def step_factor(epoch, total_epochs, step_size, gamma):
    return gamma ** (epoch // max(1, int(step_size)))


def cosine_factor(epoch, total_epochs, min_lr_factor):
    progress = min(1.0, epoch / max(1, total_epochs))
    return min_lr_factor + (1.0 - min_lr_factor) * 0.5 * (1.0 + math.cos(math.pi * progress))


SCHEDULES: dict[str, Schedule] = {
    s.name: s
    for s in (
        Schedule(
            "constant",
            QT_TRANSLATE_NOOP("Schedules", "Constant"),
            "lr_t = lr",
            "torch.optim.lr_scheduler.ConstantLR({optimizer}, factor=1.0, total_iters=0)",
            constant_factor,
        ),
        Schedule(
            "step",
            QT_TRANSLATE_NOOP("Schedules", "Step decay"),
            "lr_t = lr gamma^floor(t / step)",
            "torch.optim.lr_scheduler.StepLR({optimizer}, step_size={step_size}, gamma={gamma})",
            step_factor,
            options=(STEP_SIZE, GAMMA),
        ),
        Schedule(
            "cosine",
            QT_TRANSLATE_NOOP("Schedules", "Cosine annealing"),
            "lr_t = lr (min + (1 - min) (1 + cos(pi t / T)) / 2)",
            "torch.optim.lr_scheduler.CosineAnnealingLR({optimizer}, T_max={epochs}, "
            "eta_min={learning_rate} * {min_lr_factor})",
            cosine_factor,
            options=(MIN_LR_FACTOR,),
        ),
    )
}


def get_schedule(name: str) -> Schedule:
    try:
        return SCHEDULES[name]
    except KeyError:
        raise ValueError(
            f"unknown schedule {name!r}; choose one of {', '.join(SCHEDULES)}"
        ) from None


def option_specs() -> dict[str, OptionSpec]:
    """Every schedule's option specs by name."""
    return merge_specs(s.options for s in SCHEDULES.values())


def schedule_factor(name: str, epoch: int, total_epochs: int, **hp) -> float:
    """Multiplier of the base learning rate during ``epoch``; ``hp`` may hold any schedule's
    options (each entry takes its own, the others' defaults are never needed)."""
    entry = get_schedule(name)
    mine = {s.name: hp.get(s.name, s.default) for s in entry.options}
    return float(entry.factor(epoch, total_epochs, **mine))
