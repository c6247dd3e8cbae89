"""The memory budget: how many bytes one network, optimiser state, dataset or file may claim.

Every request for a large block of memory whose size comes from user input (layer widths, a
file's header, an archive's declared architecture) is checked here *before* it is allocated,
so a request that cannot fit is refused with one sentence saying what it needs and what fits,
instead of numpy's allocation error or the operating system killing the app.

The budget is 75 % of the memory available when the check runs (``MemAvailable`` on Linux,
the free physical pages elsewhere; 4 GiB where neither can be read). ``MLPSTUDIO_MEMORY_BUDGET``
sets it explicitly: a number of bytes with an optional K, M, G or T suffix (``512M``, ``8G``).
Qt-free and free of project imports, so core, data and experiment can all use it.
"""

from __future__ import annotations

import os
import re

from .i18n import number, translate

ENV_VAR = "MLPSTUDIO_MEMORY_BUDGET"
#: Share of the currently available memory that one request may claim by default.
DEFAULT_SHARE = 0.75
#: Budget when the available memory cannot be read.
FALLBACK_BYTES = 4 << 30
#: The smallest budget accepted from the variable: below this nothing useful runs.
MIN_BUDGET = 16 << 20
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


class MemoryBudgetError(ValueError):
    """A request larger than the memory budget (or an invalid budget setting)."""


def format_bytes(n: float) -> str:
    """1536 -> '1.5 KiB' for messages (1,5 KiB in the Spanish interface: :func:`i18n.number`)."""
    value = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            if unit == "bytes":
                return translate("Memory", "{n} bytes").format(n=number(int(value)))
            return f"{number(value, 1)} {unit}"
        value /= 1024
    return f"{number(value, 1)} PiB"  # pragma: no cover


def parse_budget(text: str) -> int:
    """'512M' -> 536870912; raises :class:`MemoryBudgetError` for anything else."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*", str(text), re.IGNORECASE)
    if not match:
        raise MemoryBudgetError(
            translate(
                "Memory",
                "{var}={value!r} is not a size; write a number of bytes, optionally with K, M, "
                "G or T (for example 2G).",
            ).format(var=ENV_VAR, value=text)
        )
    number = float(match.group(1)) * _UNITS[match.group(2).upper()]
    if not number < float(1 << 62):
        number = float(1 << 62)
    value = int(number)
    if value < MIN_BUDGET:
        raise MemoryBudgetError(
            translate("Memory", "{var}={value} is below the minimum of {minimum}.").format(
                var=ENV_VAR, value=text, minimum=format_bytes(MIN_BUDGET)
            )
        )
    return value


def available_memory() -> int | None:
    """Bytes of memory available now, or None when the system does not say."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def budget() -> tuple[int, str]:
    """(bytes, where the figure comes from) for one request."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if raw:
        return parse_budget(raw), translate("Memory", "set by {var}").format(var=ENV_VAR)
    available = available_memory()
    if available is None:
        return FALLBACK_BYTES, translate("Memory", "the default; set {var} to change it").format(
            var=ENV_VAR
        )
    return int(available * DEFAULT_SHARE), translate(
        "Memory", "75% of the available memory; set {var} to change it"
    ).format(var=ENV_VAR)


def check_memory(needed: int, what: str, advice: str = "") -> None:
    """Refuse, before allocating, a request of ``needed`` bytes that does not fit the budget.

    ``what`` names the request ("The network 784-65536-10"); ``advice`` says how to make it
    smaller. The message gives both figures."""
    limit, source = budget()
    if needed <= limit:
        return
    message = translate(
        "Memory", "{what} needs {needed}, but the memory budget is {limit} ({source})."
    ).format(what=what, needed=format_bytes(needed), limit=format_bytes(limit), source=source)
    raise MemoryBudgetError(f"{message} {advice}".strip())
