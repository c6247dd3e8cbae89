"""Option specs: one description per hyper-parameter, read by everything that shows or checks it.

An :class:`OptionSpec` says what a setting is called, its translatable label and tooltip, its
default, its range and how a widget steps through it. Registry entries (optimisers, schedules)
carry the specs of their own hyper-parameters; :mod:`mlpstudio.core.training_options` holds
those of the training loop. The configuration file (``experiment/config.py``), the core's
``TrainingOptions``, the Training panel's rows and the command line's help are all built from
these specs, so a default or a limit is written exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Value = bool | int | float | str


@dataclass(frozen=True)
class OptionSpec:
    """One setting: its name (the TOML key), label, default and limits.

    ``kind`` is ``bool``, ``int``, ``float`` or ``choice`` (then ``choices`` lists the names).
    ``low``/``high`` bound numbers (``low_open``: the low bound itself is not allowed);
    ``step`` and ``decimals`` are how a spin box moves and shows the value; ``log`` asks for a
    logarithmic slider, ``percent`` shows a share 0..1 as 0..100 %."""

    name: str
    label: str  # QT_TRANSLATE_NOOP("Options", ...)
    default: Value
    low: float | None = None
    high: float | None = None
    step: float = 1.0
    decimals: int = 0
    help: str = ""  # one line for the configuration and the command line (English)
    tooltip: str = ""  # QT_TRANSLATE_NOOP("Options", ...): the widget's longer explanation
    kind: str = ""  # derived from the default when empty
    choices: tuple[str, ...] = ()
    low_open: bool = False
    log: bool = False
    percent: bool = False
    text: str = ""  # QT_TRANSLATE_NOOP("Options", ...): a check box's own text (bool options)
    depends: str = ""  # the bool option that must be on for this one to matter

    def __post_init__(self) -> None:
        if not self.kind:
            kind = "bool" if isinstance(self.default, bool) else type(self.default).__name__
            object.__setattr__(self, "kind", kind)
        if self.kind not in ("bool", "int", "float", "choice"):
            raise TypeError(f"option {self.name!r}: unsupported kind {self.kind!r}")

    @property
    def widget_low(self) -> float:
        """The smallest value a widget offers: the low bound, or one step above an open one."""
        if self.low is None:
            return 0.0
        if self.low_open:
            return self.low + (self.step if self.kind == "int" else 10.0**-self.decimals)
        return self.low


def merge_specs(groups: Iterable[Iterable[OptionSpec]]) -> dict[str, OptionSpec]:
    """The specs of several entries by name; two entries may share a spec (Adam and RMSProp
    share ``eps``) but never give one name two different specs."""
    out: dict[str, OptionSpec] = {}
    for group in groups:
        for spec in group:
            if out.setdefault(spec.name, spec) != spec:
                raise ValueError(f"option {spec.name!r} is defined twice, differently")
    return out
