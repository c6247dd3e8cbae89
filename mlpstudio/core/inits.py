"""The initialisation registry: how a layer's first weights are drawn.

An entry's ``draw(rng, fan_in, fan_out)`` returns W of shape (fan_out, fan_in) in float64 from a
``numpy.random.Generator``; it is a module-level function that uses only its arguments,
``math`` and literal numbers, so an exported script can inline its source and draw the very
same numbers. ``auto`` is not an entry: it draws, before each layer, the initialisation its
activation names (``Activation.init``: He before ReLU-like units, Glorot otherwise).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP

AUTO = "auto"
AUTO_LABEL = QT_TRANSLATE_NOOP("Inits", "Automatic (He for ReLU, Glorot otherwise)")


@dataclass(frozen=True)
class Init:
    name: str
    label: str  # QT_TRANSLATE_NOOP("Inits", ...)
    formula: str
    torch: str  # a torch.nn.init call on the weight {w}, as Python source
    draw: Callable  # draw(rng, fan_in, fan_out) -> W (fan_out x fan_in), float64


def he_draw(rng, fan_in, fan_out):
    return rng.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_out, fan_in))


def glorot_draw(rng, fan_in, fan_out):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_out, fan_in))


def lecun_draw(rng, fan_in, fan_out):
    return rng.normal(0.0, math.sqrt(1.0 / fan_in), size=(fan_out, fan_in))


INITS: dict[str, Init] = {
    i.name: i
    for i in (
        Init(
            "he",
            QT_TRANSLATE_NOOP("Inits", "He (normal, std = sqrt(2 / N_in))"),
            "W ~ N(0, 2 / N_in)",
            "nn.init.kaiming_normal_({w}, nonlinearity='relu')",
            he_draw,
        ),
        Init(
            "glorot",
            QT_TRANSLATE_NOOP("Inits", "Glorot (uniform, limit = sqrt(6 / (N_in + N_out)))"),
            "W ~ U(-sqrt(6 / (N_in + N_out)), sqrt(6 / (N_in + N_out)))",
            "nn.init.xavier_uniform_({w})",
            glorot_draw,
        ),
        Init(
            "lecun",
            QT_TRANSLATE_NOOP("Inits", "LeCun (normal, std = sqrt(1 / N_in))"),
            "W ~ N(0, 1 / N_in)",
            "nn.init.normal_({w}, std=math.sqrt(1 / {fan_in}))",
            lecun_draw,
        ),
    )
}
#: every name the configuration accepts for ``model.init``
INIT_CHOICES = (AUTO, *INITS)
