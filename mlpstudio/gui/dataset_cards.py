"""Dataset cards for the Datasets dialog (issue #13): what a set is, its sizes and classes, and
a class-balance chart counted from its actual label files; information cards for ImageNet and
COCO, which MLP Studio describes but never loads.

Every fact comes from :mod:`mlpstudio.data.catalog`; the counts from
:func:`mlpstudio.data.balance.class_balance` (the label files on this computer).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..data.balance import Balance, class_balance
from ..data.catalog import INFO_SETS, SETS, IdxFile, ImageSet, InfoSet
from ..data.dataset import DataError
from ..i18n import translate
from . import style
from .style import add_legend, number, plot_widget, prepare_plot


def split_name(split: str) -> str:
    return {
        "train": translate("Datasets", "training"),
        "test": translate("Datasets", "test"),
        "validation": translate("Datasets", "validation"),
    }.get(split, split)


def published_splits(spec: ImageSet) -> list[tuple[str, int]]:
    """Images per split as the catalogue lists the files (the whole official set)."""
    totals: dict[str, int] = {}
    for file in spec.files:
        if isinstance(file, IdxFile):
            if file.role.endswith("labels"):
                role = file.role.split("-")[0]
                totals[role] = totals.get(role, 0) + file.count
        else:
            totals[file.role] = totals.get(file.role, 0) + file.records
    return list(totals.items())


class DatasetCard(QWidget):
    """The card of one set: facts on the left, class balance (image sets) on the right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()  # a long card scrolls rather than push the dialog taller
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 2)
        right = QVBoxLayout()
        self.chart_title = QLabel()
        self.chart_title.setWordWrap(True)
        self.chart_title.setMinimumHeight(1)
        self.chart_title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.chart_title)
        self.plot = plot_widget()
        self.plot.setMouseEnabled(False, False)
        self.plot.setLabel("left", self.tr("images"))
        self.plot.showGrid(y=True, alpha=0.15)
        self.legend = add_legend(self.plot, offset=(-5, 2), brush=(255, 255, 255, 220), colCount=2)
        prepare_plot(self.plot)
        self.train_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.TRAIN,
                                          name=self.tr("training"))  # fmt: skip
        self.test_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=style.TEST,
                                         name=self.tr("test"))  # fmt: skip
        self.plot.addItem(self.train_bars)
        self.plot.addItem(self.test_bars)
        self.plot.setMinimumSize(300, 120)
        right.addWidget(self.plot, 1)
        self.chart = QWidget()
        self.chart.setLayout(right)
        layout.addWidget(self.chart, 3)
        self.balance: Balance | None = None
        self._cache: dict[tuple, Balance | str] = {}

    def forget(self) -> None:
        """The store changed (a download or an import): count the labels again."""
        self._cache.clear()

    def show_set(self, name: str) -> None:
        if name in INFO_SETS:
            self._show_info(INFO_SETS[name])
        else:
            self._show_image_set(SETS[name])

    # -- image sets ----------------------------------------------------------------------------
    def _show_image_set(self, spec: ImageSet) -> None:
        labels = "coarse" if spec.coarse_classes else "fine"
        shape = "×".join(number(n) for n in spec.shape)
        splits = ", ".join(
            self.tr("{split} {n}").format(split=split_name(s), n=number(n))
            for s, n in published_splits(spec)
        )
        names = [translate("Classes", c) for c in spec.classes]
        if names != [str(i) for i in range(len(names))]:  # digits need no number ("0 0, 1 1")
            names = [f"{number(i)} {name}" for i, name in enumerate(names)]
        lines = [
            f"<b>{spec.title}</b>: {translate('Datasets', spec.label)}",
            self.tr("Images: {shape} pixels ({colour}), {inputs} inputs when flattened.").format(
                shape=shape,
                colour=self.tr("colour") if spec.colour else self.tr("grey"),
                inputs=number(spec.inputs),
            ),
            self.tr("Published splits: {splits} images.").format(splits=splits),
            self._class_list(names, 12),
        ]
        if spec.coarse_classes:
            coarse = [
                f"{number(i)} {translate('Classes', c)}" for i, c in enumerate(spec.coarse_classes)
            ]
            lines.append(
                self.tr("{n} superclasses of 5 classes each: {names}.").format(
                    n=number(len(coarse)), names=", ".join(coarse)
                )
            )
        lines.append(self.tr("Source: {credit}.").format(credit=spec.credit))
        self.text.setText("<br>".join(lines))
        self.chart.show()
        self._show_balance(spec, labels)

    def _class_list(self, names: list[str], limit: int) -> str:
        """ "10 classes: 0 airplane, ...", or for a long list its first ``limit`` names."""
        if len(names) <= limit:
            return self.tr("{n} classes: {names}.").format(
                n=number(len(names)), names=", ".join(names)
            )
        return self.tr("{n} classes, the first {k}: {names}.").format(
            n=number(len(names)), k=number(limit), names=", ".join(names[:limit])
        )

    def _show_balance(self, spec: ImageSet, labels: str) -> None:
        key = (spec.name, labels, id(spec))
        if key not in self._cache:
            try:
                self._cache[key] = class_balance(spec.name, labels)
            except DataError as exc:
                self._cache[key] = str(exc)
        found = self._cache[key]
        self.set_balance(found if isinstance(found, Balance) else None, spec, labels)

    def set_balance(self, balance: Balance | None, spec: ImageSet, labels: str) -> None:
        """Draw ``balance`` (None: the set is not on this computer)."""
        self.balance = balance
        self.plot.setVisible(balance is not None)  # no empty axes for a set that is not here
        if balance is None:
            self.train_bars.setOpts(x=[], height=[])
            self.test_bars.setOpts(x=[], height=[])
            self.chart_title.setText(
                self.tr(
                    "Class balance: appears once the set is on this computer (Download or Import)."
                )  # fmt: skip
            )
            return
        counts = {s.split: s.counts for s in balance.splits}
        n = len(spec.class_names(labels))
        xs = np.arange(n, dtype=float)
        train, test = counts.get("train", np.zeros(n)), counts.get("test", np.zeros(n))
        self.train_bars.setOpts(x=xs - 0.2, height=train, width=0.4)
        self.test_bars.setOpts(x=xs + 0.2, height=test, width=0.4)
        step = 1 if n <= 10 else 2  # the class numbers; the card's text lists the names
        self.plot.getAxis("bottom").setTicks([[(i, number(i)) for i in range(0, n, step)]])
        self.plot.setXRange(-0.7, n - 0.3, padding=0)
        top = float(max(train.max(initial=0), test.max(initial=0)))
        self.plot.setYRange(0, top * 1.3 or 1, padding=0)
        what = self.tr("superclasses") if labels == "coarse" else self.tr("classes")
        text = self.tr(
            "Class balance counted from the label files: {train} training and {test} test "
            "images in {n} {what}; per class (training + test) from {low} to {high}."
        ).format(
            train=number(int(train.sum())),
            test=number(int(test.sum())),
            n=number(n),
            what=what,
            low=number(int((train + test).min())),
            high=number(int((train + test).max())),
        )
        if balance.missing:
            text += " " + self.tr("Not on this computer: {files}.").format(
                files=", ".join(balance.missing)
            )
        self.chart_title.setText(text)

    # -- information only ----------------------------------------------------------------------
    def _show_info(self, info: InfoSet) -> None:
        splits = ", ".join(
            self.tr("{split} {n}").format(split=split_name(s), n=number(n)) for s, n in info.splits
        )
        lines = [
            f"<b>{info.title}</b> · "
            + self.tr("information only: MLP Studio does not load this set."),
            self.tr("Task: {text}").format(text=translate("Datasets", info.task)),
            self.tr("Images: {text}").format(text=translate("Datasets", info.images)),
            self.tr("Classes: {text}").format(text=translate("Datasets", info.classes)),
            self.tr("Splits: {splits} images.").format(splits=splits),
            self.tr("<b>Why not an MLP?</b> {text}").format(
                text=translate("Datasets", info.why_not_mlp)
            ),
            self.tr("Source: {credit}. {url}").format(credit=info.credit, url=info.homepage),
        ]
        self.text.setText("<br>".join(lines))
        self.balance = None
        self.chart.hide()
