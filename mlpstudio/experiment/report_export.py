"""The HTML report: one self-contained page (figures embedded as data URIs, the loss curve
as inline SVG) with the configuration, the results and the parameter count, to be mailed or
handed in. Every text the user typed is escaped.

Its words go through :func:`~mlpstudio.i18n.translate` (context "Report"), so the app writes
it in the interface's language; the configuration's keys and the TOML stay as typed, since
they are what ``mlpstudio train FILE.toml`` reads."""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .. import __version__, colours
from ..core.network import count_formula, layer_counts
from ..data.expr import FormulaError
from ..i18n import translate
from .config import Config, ConfigError
from .labs import METRICS
from .shape import experiment_shape

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 60em; color: #222; line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }
figure { margin: 1em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { color: #555; font-size: 0.9em; }
footer { margin-top: 3em; color: #777; font-size: 0.85em; }
"""


def _fmt(value) -> str:
    """A value as short text: floats with 6 significant digits, lists joined with commas."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if not math.isfinite(value) else f"{value:.6g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return str(value)


def _png_data_uri(png: bytes) -> str:
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("html_report: every figure must be PNG bytes")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _loss_svg(history: dict[str, np.ndarray], width: int = 640, height: int = 260) -> str:
    """A small inline SVG of the train and test loss per epoch (log scale), no library."""
    epochs = np.asarray(history.get("epoch", []), dtype=float)
    series = []
    for name, colour in (("train_loss", colours.TRAIN), ("test_loss", colours.TEST)):
        values = np.asarray(history.get(name, []), dtype=float)
        if len(values) == len(epochs) and len(values) > 1:
            series.append((name, colour, values))
    if not series:
        return ""
    finite = np.concatenate([v[np.isfinite(v) & (v > 0)] for _, _, v in series])
    if not len(finite) or epochs[-1] <= epochs[0]:
        return ""
    lo, hi = np.log10(finite.min()), np.log10(finite.max())
    hi = hi if hi > lo else lo + 1.0
    pad = 40

    def point(e, v):
        x = pad + (e - epochs[0]) / (epochs[-1] - epochs[0]) * (width - 2 * pad)
        y = height - pad - (np.log10(v) - lo) / (hi - lo) * (height - 2 * pad)
        return f"{x:.1f},{y:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{html.escape(translate("Report", "Loss per epoch"))}">',
        f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" '
        'fill="none" stroke="#bbb"/>',
    ]
    for i, (name, colour, values) in enumerate(series):
        step = max(1, len(values) // 1000)  # at most ~1000 points per curve
        keep = [
            point(e, v)
            for e, v in zip(epochs[::step], values[::step])
            if math.isfinite(v) and v > 0
        ]
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" '
            f'points="{" ".join(keep)}"/>'
        )
        parts.append(
            f'<text x="{pad + 10 + 120 * i}" y="{pad - 10}" fill="{colour}" '
            f'font-size="12">{html.escape(translate("Labs", METRICS[name]))}</text>'
        )
    first, last = (
        html.escape(translate("Report", "epoch {n}").format(n=int(e)))
        for e in (epochs[0], epochs[-1])
    )
    parts.append(
        f'<text x="{pad}" y="{height - 12}" font-size="11">{first}</text>'
        f'<text x="{width - pad}" y="{height - 12}" font-size="11" text-anchor="end">'
        f"{last}</text>"
        f'<text x="4" y="{pad + 4}" font-size="11">{10**hi:.3g}</text>'
        f'<text x="4" y="{height - pad}" font-size="11">{10**lo:.3g}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def html_report(
    config: Config,
    summary: dict,
    history: dict[str, np.ndarray],
    figures: dict[str, bytes] | None = None,
    title: str | None = None,
    number: Callable[[str, float], str] | None = None,
    language: str = "en",
) -> str:
    """One self-contained HTML page: the configuration, the results, the parameter count and
    the figures (PNG bytes, embedded as base64 data URIs). Every user string is escaped.

    ``number(key, value)``: how a result's number is written (the GUI passes its locale-aware
    formatter; the default is plain, as ``mlpstudio train --json`` prints them); ``language``: the
    page's ``lang``, the language its words were translated to."""
    e = html.escape
    title = title if title is not None else translate("Report", "MLP Studio experiment report")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    data = config.data
    if data.kind == "function":
        what = f"y = {data.formula}"
    elif data.kind == "toy":
        what = translate("Report", "2-D classes: {toy}").format(toy=data.toy)
    elif data.kind == "csv":
        what = translate("Report", "CSV file: {file}, target {target}").format(
            file=Path(data.path).name, target=data.target or translate("Report", "(last column)")
        )
    else:
        what = translate("Report", "image set: {name}").format(name=data.kind)
    label = translate("Report", "Data:")
    out.append(f"<p><strong>{e(label)}</strong> {e(what)}</p>")

    heading = translate("Report", "Results")
    out.append(f"<h2>{e(heading)}</h2><table>")
    for key, value in summary.items():
        if isinstance(value, dict):
            continue
        label = translate("Labs", METRICS[key]) if key in METRICS else str(key)
        out.append(f"<tr><th>{e(label)}</th><td>{e(_result(key, value, number))}</td></tr>")
    out.append("</table>")

    sizes = summary.get("layers") or summary.get("sizes")
    if not sizes:
        try:
            sizes = list(experiment_shape(config).sizes)
        except (ConfigError, FormulaError, ValueError):
            sizes = None
    if sizes and len(sizes) >= 2:
        sizes = [int(s) for s in sizes]
        heading = translate("Report", "Parameters")
        out.append(f"<h2>{e(heading)}</h2>")
        out.append(
            "<p>"
            + translate(
                "Report",
                "Layer l has N<sub>l</sub> (N<sub>l-1</sub> + 1) parameters: the weights "
                "W<sup>[l]</sup> (N<sub>l</sub> &times; N<sub>l-1</sub>) and the biases "
                "b<sup>[l]</sup> (N<sub>l</sub>).",
            )
            + "</p>"
        )
        heads = (
            translate("Report", "layer"),
            translate("Report", "weights"),
            translate("Report", "biases"),
            translate("Report", "total"),
        )
        out.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>")
        for c in layer_counts(sizes):
            out.append(
                f"<tr><td>{c.layer}</td><td class='num'>{c.units} &times; {c.inputs}</td>"
                f"<td class='num'>{c.biases}</td><td class='num'>{c.params}</td></tr>"
            )
        out.append("</table>")
        out.append(f"<p><code>{e(count_formula(sizes))}</code></p>")

    svg = _loss_svg(history)
    if svg:
        heading = translate("Report", "Loss per epoch")
        out.append(f"<h2>{e(heading)}</h2><figure>{svg}</figure>")
    for name, png in (figures or {}).items():
        out.append(
            f'<figure><img src="{_png_data_uri(png)}" alt="{e(str(name))}">'
            f"<figcaption>{e(str(name))}</figcaption></figure>"
        )

    heading = translate("Report", "Configuration")
    out.append(f"<h2>{e(heading)}</h2>")
    for section, values in config.to_dict().items():
        out.append(f"<table><tr><th colspan='2'>[{e(section)}]</th></tr>")
        for key, value in values.items():
            out.append(f"<tr><td>{e(key)}</td><td>{e(_fmt(value))}</td></tr>")
        out.append("</table>")
    out.append(
        "<p>"
        + e(translate("Report", "As an experiment file ({command}):")).format(
            command="<code>mlpstudio train FILE.toml</code>"
        )
        + "</p>"
    )
    out.append(f"<pre>{e(config.to_toml())}</pre>")
    footer = e(translate("Report", "Written by MLP Studio {version}.").format(version=__version__))
    out.append(f"<footer>{footer}</footer></body></html>")
    return "\n".join(out) + "\n"


def _result(key: str, value, number: Callable[[str, float], str] | None) -> str:
    """One result as text, through ``number`` when given."""
    if number is None or isinstance(value, bool) or not isinstance(value, int | float):
        return _fmt(value)
    return number(key, value) if math.isfinite(value) else ""
