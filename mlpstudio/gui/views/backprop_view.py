"""Backpropagation, step by step, with the engine's own numbers (issue #12, item 4).

One training sample (chosen by its index, or by a click: the training sample nearest to a
point of the predictions plot, or a test image of the gallery) is walked through the forward
pass, the loss, delta^[L], each delta^[l], the gradients and the optimiser's update, one screen
per Next. Each
screen shows its formula in the course's notation and the same formula with the numbers
substituted; the drawing beside it highlights the nodes and edges involved. The numbers are
those of ``mlpstudio explain backprop`` (:func:`mlpstudio.experiment.explain.example_for`,
float64, on the weights of the latest snapshot): Next past the update shows the weights that
the app's Step takes on a batch of one, when that sample is the one it trains on.

The example is recomputed when the network, the sample or a paused, stopped or finished
snapshot arrives; while training runs it keeps the last one (say so) rather than chase every
snapshot. An optimiser with buffers (momentum, Adam) keeps them in the training process while
a run is alive: the update screen then says so instead of showing numbers that are not the
run's.

The window never freezes for it: a network of more than :data:`INSTANT_PARAMS` parameters is
worked out in a worker thread (a 3072-1024-1024-100 network takes seconds), the view says
"Computing..." meanwhile, and the result comes back through a queued signal. Each request has
a number; a result whose request is no longer the latest (another sample, another snapshot,
another experiment) is dropped, never shown. One computation runs at a time: requests made
meanwhile are folded into the newest, started when it ends.

A row of the training data is not always trained on: with early stopping the run holds out a
share of them for validation (:func:`~mlpstudio.core.training.validation_rows`, the trainer's
own draw); the update screen then says that Step never trains on that row.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from html import escape

import numpy as np
from PySide6.QtCore import QLocale, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from ...core.backend import numpy_backend
from ...core.network import Network
from ...core.optimizers import OPTIMIZERS
from ...core.training import validation_rows
from ...experiment.explain import Notation, check_example_memory, example_for, worked_steps
from ...memory import MemoryBudgetError
from ..style import PREDICTION, Style, font_points, number
from ..widgets import OneBasedSpinBox
from .base import View

DRAWN = 8  # a layer up to this many units is drawn whole; a wider one as 6, "...", 1
#: a network up to this many parameters is worked out at once on the GUI thread; a larger one
#: in a worker thread. The example's time on 2 shared cores: 784-128-10 (101,770 parameters)
#: 3.5 ms, 784-256-10 (203,530) 8-17 ms, 3072-1024-1024-100 (4.3 M) 0.8-1.2 s on the GUI thread
#: (benchmarks/backprop_stall.py; the worker leaves the window stalls of 18-33 ms)
INSTANT_PARAMS = 100_000


def drawn_units(n: int) -> list[int | None]:
    """The units of a layer of ``n`` that the drawing shows (None: the "..." gap)."""
    if n <= DRAWN:
        return list(range(n))
    return [*range(DRAWN - 2), None, n - 1]


def highlighted(kind: str, layer: int | None, n_layers: int) -> tuple[set[int], set[int]]:
    """The columns of nodes (0 = inputs) and of edges (l: between columns l-1 and l) that a
    step of this ``kind`` involves."""
    if kind in ("forward", "gradients") and layer is not None:
        return {layer - 1, layer}, {layer}
    if kind in ("loss", "output") and layer is not None:
        return {layer}, set()
    if kind == "backward" and layer is not None:
        return {layer, layer + 1}, {layer + 1}
    if kind == "update":
        return set(range(n_layers + 1)), set(range(1, n_layers + 1))
    return set(), set()


class Diagram(QWidget):
    """The network as columns of nodes; the step's nodes and edges in the highlight colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sizes: list[int] = []
        self.nodes: set[int] = set()
        self.edges: set[int] = set()
        self.setMinimumSize(80, 60)
        self.setAutoFillBackground(True)

    def set_sizes(self, sizes) -> None:
        self.sizes = list(sizes or [])
        self.nodes, self.edges = set(), set()
        self.update()

    def set_highlight(self, nodes: set[int], edges: set[int]) -> None:
        self.nodes, self.edges = set(nodes), set(edges)
        self.update()

    def _positions(self) -> list[list[tuple[QPointF | None, int | None]]]:
        w, h = self.width(), self.height()
        columns = len(self.sizes)
        out = []
        for c, n in enumerate(self.sizes):
            units = drawn_units(n)
            x = w * (c + 0.5) / max(1, columns)
            col = []
            for k, unit in enumerate(units):
                y = h * (k + 0.5) / len(units)
                col.append((QPointF(x, y), unit))
            out.append(col)
        return out

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.sizes:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = Style.instance()
        columns = self._positions()
        rows = max(len(column) for column in columns)
        radius = min(9.0 if s.presentation else 6.0, 0.35 * self.height() / rows)
        grey, hot = QColor(190, 190, 190), QColor(PREDICTION)
        for c in range(1, len(columns)):
            on = c in self.edges
            pen = QPen(hot if on else grey, (2.0 if on else 0.7) * (1.5 if s.presentation else 1))
            p.setPen(pen)
            for a, unit_a in columns[c - 1]:
                for b, unit_b in columns[c]:
                    if unit_a is not None and unit_b is not None:
                        p.drawLine(a, b)
        font = QFont(self.font())
        font.setPointSizeF(font_points())
        p.setFont(font)
        for c, column in enumerate(columns):
            on = c in self.nodes
            for point, unit in column:
                if unit is None:
                    p.setPen(QPen(Qt.GlobalColor.black))
                    p.drawText(QRectF(point.x() - 20, point.y() - 10, 40, 20),
                               Qt.AlignmentFlag.AlignCenter, "...")  # fmt: skip
                    continue
                p.setPen(QPen(hot.darker(130) if on else QColor(110, 110, 110), 1.2))
                p.setBrush(hot if on else QColor(235, 235, 235))
                p.drawEllipse(point, radius, radius)
        p.end()


@dataclass(frozen=True)
class Request:
    """Everything one worked example is computed from, taken on the GUI thread (the
    snapshot's host copies, a copy of the config, the frozen dataset: nothing the GUI thread
    changes later), so a worker thread can compute it while the view moves on."""

    number: int  # the view's count of requests: only the latest one's result is shown
    config: object
    dataset: object
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    head: str
    weights: tuple
    state: dict | None
    epoch: int
    sample: int
    split: str  # "train" (a row of the training data) or "test"
    held_out: bool  # a training-data row the run keeps for validation (never trained on)
    buffers_known: bool  # the optimiser's buffers are the run's own at this moment

    def same_work(self, other: Request) -> bool:
        """Whether ``other`` asks for the very same example (the same snapshot's arrays, data,
        sample, settings and optimiser state): its result would be the same numbers."""
        mine = (self.sizes, self.activations, self.head, self.epoch, self.sample, self.split,
                self.held_out, self.buffers_known)  # fmt: skip
        theirs = (other.sizes, other.activations, other.head, other.epoch, other.sample,
                  other.split, other.held_out, other.buffers_known)  # fmt: skip
        return (
            mine == theirs
            and self.dataset is other.dataset
            and self.state is other.state
            and self.config == other.config
            and len(self.weights) == len(other.weights)
            and all(w is v and b is c for (w, b), (v, c) in zip(self.weights, other.weights))
        )


def compute(request: Request):
    """The worked example of ``request`` (any thread): the engine's float64 copy of the
    snapshot's weights, then :func:`example_for`, as ``mlpstudio explain backprop`` does."""
    shown = Network(list(request.sizes), list(request.activations), head=request.head,
                    backend=numpy_backend("float64"))  # fmt: skip
    shown.set_weights(list(request.weights))
    return example_for(request.config, request.dataset, shown, request.state, request.epoch,
                       request.sample, request.split)  # fmt: skip


class Relay(QObject):
    """Carries a worker thread's result to the GUI thread (a queued connection)."""

    done = Signal(object, object, object)  # the request, its example, or the error it raised


class BackpropView(View):
    export_name = "backpropagation"
    draws_layers = "all"
    #: a fresh example is on screen (emitted on the GUI thread, after it is shown)
    exampleShown = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption.setText(self.tr("<b>Backpropagation</b>"))
        sample_label = QLabel(self.tr("Sample"))
        self.sample = OneBasedSpinBox()  # value() is the index; people count from 1
        self.sample.setRange(0, 0)
        self.sample.setToolTip(
            self.tr(
                "The row of the training data to follow (numbered from 1). With early "
                "stopping, some rows are held out for validation and never trained on."
            )
        )
        sample_label.setBuddy(self.sample)
        # arrows (named Prev and Next for screen readers): the row fits a narrow dock in
        # presentation mode, in Spanish too ("Anterior", "Siguiente")
        self.prev_button = QToolButton()
        arrow = self.style().standardIcon
        self.prev_button.setIcon(arrow(QStyle.StandardPixmap.SP_ArrowLeft))
        self.prev_button.setAccessibleName(self.tr("Prev"))
        self.prev_button.setToolTip(self.tr("The previous step."))
        self.next_button = QToolButton()
        self.next_button.setIcon(arrow(QStyle.StandardPixmap.SP_ArrowRight))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("The next step."))
        self.position = QLabel()
        controls = QHBoxLayout()
        controls.setContentsMargins(4, 2, 4, 0)
        for widget in (sample_label, self.sample, self.prev_button, self.next_button):
            controls.addWidget(widget)
        controls.addWidget(self.position, 1)
        self.body.addLayout(controls)
        self.sample.valueChanged.connect(self._sample_changed)
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))

        self.title = QLabel()
        self.title.setWordWrap(True)
        #: the step's formula, a blank line, then the formula with the numbers: read-only, it
        #: scrolls down (never sideways: rows wrap), and a low dock keeps its room for them
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        for label in (self.title, self.note):
            label.setContentsMargins(4, 0, 4, 0)
        self.body.addWidget(self.title)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(4, 2, 4, 2)
        self.diagram = Diagram()
        self.row.addWidget(self.diagram, 1)
        self.row.addWidget(self.lines, 3)
        self.body.addLayout(self.row, 1)
        self.body.addWidget(self.note)
        self.setAutoFillBackground(True)  # opaque: nothing of the dock behind shows through

        #: () -> (config, optimizer_state or None, whether that state is the run's own now);
        #: set by the window (the controller's configuration and optimiser state)
        self.context = None
        self.example = None
        self.steps: list = []
        self.index = 0
        self._snapshot = None
        #: the test image a click in the gallery chose (None: the spin box's training sample)
        self.test_image: int | None = None
        #: where the sample came from, shown beside the step's title ("" for the spin box)
        self.origin = ""
        #: the newest epoch a snapshot of this experiment brought: an older one is the
        #: timeline's replay, whose weights are that epoch's but whose optimiser buffers are not
        self._latest_epoch: int | None = None
        self.replayed = False
        #: the sample is a training-data row that the run holds out for validation
        self.held_out = False
        self.buffers_known = True
        #: the number of the latest request: a result of an older one is dropped
        self._requests = 0
        self._running: Request | None = None  # computing in the worker thread now
        self._queued: Request | None = None  # the newest request made meanwhile
        #: larger networks are computed off the GUI thread (tests set 0 to force it)
        self.instant_params = INSTANT_PARAMS
        self._relay = Relay(self)
        self._relay.done.connect(self._computed, Qt.ConnectionType.QueuedConnection)
        self.restyle()
        self._show()

    # -- data --------------------------------------------------------------------------------
    def set_dataset(self, dataset) -> None:
        super().set_dataset(dataset)
        self._forget()
        n = len(dataset.x_train) if dataset is not None else 1
        self.test_image, self.origin = None, ""
        self.sample.blockSignals(True)
        self.sample.setRange(0, max(0, n - 1))
        self.sample.blockSignals(False)

    def set_network(self, network) -> None:
        super().set_network(network)
        self._forget()
        self.diagram.set_sizes(network.sizes if network is not None else [])

    def clear(self) -> None:
        self._snapshot, self._latest_epoch, self.replayed = None, None, False
        self._forget()
        self.example, self.steps, self.index = None, [], 0
        self._show()

    def _forget(self) -> None:
        """Whatever is being computed belongs to what was: its result will be dropped (and
        "Computing..." gives way to what the view shows without an example)."""
        self._requests += 1
        self._queued = None
        if not self.steps:
            self._show()

    @property
    def computing(self) -> bool:
        """A requested example is not there yet (the view says "Computing...")."""
        latest = self._queued or self._running
        return latest is not None and latest.number == self._requests

    def show_snapshot(self, snapshot) -> None:
        epoch = int(snapshot.epoch)
        if self._latest_epoch is None or epoch >= self._latest_epoch:
            self._latest_epoch = epoch
        self.replayed = epoch < self._latest_epoch
        if snapshot.status == "running" and (self.example is not None or self.computing):
            self._snapshot = snapshot
            self.note.setText(self.tr("Training: the example follows when training pauses."))
            return
        self._snapshot = snapshot
        self.recompute()

    # -- the sample: its index, or a click ------------------------------------------------
    def _sample_changed(self, _value: int) -> None:
        """The spin box chose a training sample (by hand, or for a click on the plot)."""
        self.test_image, self.origin = None, ""
        self.recompute()

    def _choose(self, sample: int, origin: str) -> None:
        self.sample.blockSignals(True)
        self.sample.setValue(sample)
        self.sample.blockSignals(False)
        self.origin = origin
        self.recompute()

    def follow_point(self, point, label: str) -> int | None:
        """A click on the predictions plot at ``point`` (the data's coordinates: x, or x1 and
        x2): follow the training sample nearest to it. Returns its index (None: no data)."""
        data = self.dataset
        if data is None or data.is_image or not len(data.x_train):
            return None
        rows = np.asarray(data.x_train, dtype=np.float64).reshape(len(data.x_train), -1)
        point = np.asarray(point, dtype=np.float64).reshape(-1)
        if rows.shape[1] != point.size:
            return None
        nearest = int(np.argmin(((rows - point) ** 2).sum(axis=1)))
        self.test_image = None
        self._choose(nearest, self.tr("the training sample nearest to {point}").format(point=label))
        return nearest

    def follow_test_image(self, index: int, label: str) -> None:
        """A click on test image ``index`` of the gallery: follow that image."""
        data = self.dataset
        if data is None or not 0 <= index < len(data.x_test):
            return
        self.test_image = index
        self._choose(self.sample.value(), label)

    def recompute(self) -> None:
        """The example for the chosen sample on the latest snapshot's weights."""
        snap, net, data = self._snapshot, self.network, self.dataset
        if snap is None or net is None or data is None or not snap.weights or self.context is None:
            return
        config, state, current = self.context()
        split = "train" if self.test_image is None else "test"
        sample = self.sample.value() if self.test_image is None else self.test_image
        if not 0 <= sample < len(data.x_train if split == "train" else data.x_test):
            return
        try:  # the engine's float64 copies: a large network must fit the budget first
            check_example_memory(net.sizes, config.training.optimizer)
        except MemoryBudgetError as exc:
            self._forget()
            self.example, self.steps, self.index = None, [], 0
            self._show(refusal=str(exc))
            return
        has_buffers = bool(OPTIMIZERS[config.training.optimizer].buffers)
        held_out = split == "train" and sample in validation_rows(
            config.training.options(), len(data.x_train)
        )
        request = Request(
            number=self._requests + 1,
            config=copy.deepcopy(config),
            dataset=data,
            sizes=tuple(net.sizes),
            activations=tuple(net.activation_names),
            head=net.head.name,
            weights=tuple((w, b) for w, b in snap.weights),
            state=state,
            epoch=snap.epoch,
            sample=sample,
            split=split,
            held_out=bool(held_out),
            buffers_known=not has_buffers or (current and not self.replayed),
        )
        latest = self._queued or self._running
        if self.computing and latest is not None and latest.same_work(request):
            return  # already on its way (a run's end brings its status and its snapshot)
        self._forget()  # this request supersedes any before it (its number is now the latest)
        if net.n_params <= self.instant_params:  # instant: no "Computing..." flash
            self._present(request, compute(request))
            return
        self.example, self.steps = None, []  # never the previous sample's numbers meanwhile
        if self._running is None:
            self._start(request)
        else:  # one at a time: this one starts when the running one ends
            self._queued = request
        self._show()

    def _start(self, request: Request) -> None:
        self._running = request
        relay = self._relay

        def work() -> None:
            example, error = None, None
            try:
                example = compute(request)
            except Exception as exc:  # noqa: BLE001 (raised again on the GUI thread)
                error = exc
            try:
                relay.done.emit(request, example, error)
            except RuntimeError:  # the view is gone (the window closed meanwhile)
                pass

        threading.Thread(target=work, name="backprop-example", daemon=True).start()

    def _computed(self, request: Request, example, error) -> None:
        """A worker's result (GUI thread): shown if its request is still the latest."""
        self._running = None
        queued, self._queued = self._queued, None
        if queued is not None and queued.number == self._requests:
            self._start(queued)
        if request.number != self._requests:
            return  # stale: another sample, snapshot or experiment was asked for since
        if error is not None:
            raise error  # as it would have on the GUI thread: the app's error dialog
        self._present(request, example)

    def _present(self, request: Request, example) -> None:
        self.example = example
        self.held_out, self.buffers_known = request.held_out, request.buffers_known
        self.steps = worked_steps(self.example, notation())
        self.index = min(self.index, len(self.steps) - 1)
        self._show()
        self.exampleShown.emit()

    # -- stepping ----------------------------------------------------------------------------
    def go(self, index: int) -> None:
        if not self.steps:
            return
        self.index = max(0, min(index, len(self.steps) - 1))
        self._show()

    def _show(self, refusal: str = "") -> None:
        has = bool(self.steps)
        self.prev_button.setEnabled(has and self.index > 0)
        self.next_button.setEnabled(has and self.index < len(self.steps) - 1)
        if not has:
            self.position.setText("")
            self.position.setToolTip("")
            self.title.setText("")
            if refusal:
                text = refusal
            elif self.computing:
                text = self.tr("Computing the example for this sample...")
            else:
                text = self.tr("Train or step once to follow a sample through.")
            self.lines.setPlainText(text)
            self.note.setText("")
            self.note.hide()
            self.title.setToolTip("")
            self.diagram.set_highlight(set(), set())
            return
        step = self.steps[self.index]
        i, n = number(self.index + 1), number(len(self.steps))
        self.position.setText(f"{i}/{n}")  # short: the row holds Prev and Next in any size
        self.position.setToolTip(self.tr("step {i} of {n}").format(i=i, n=n))
        where = [self.origin] if self.origin else []
        if self.held_out:
            where.append(self.tr("a validation row"))
        if self.replayed:  # the timeline's epoch, not the latest: say which
            where.append(
                self.tr("epoch {epoch} of the timeline").format(
                    epoch=number(self.example.epochs_trained)
                )
            )
        # large text (presentation mode): the title keeps one line, and the room goes to the
        # numbers; where the sample and epoch come from moves to the title's tooltip. A test
        # image stays named (short): the spin box beside shows a training sample's index.
        origin = "".join(f" &nbsp;·&nbsp; {escape(w)}" for w in where)
        if Style.instance().presentation:
            origin = f" &nbsp;·&nbsp; {escape(self.origin)}" if self.test_image is not None else ""
        self.title.setText(f"<b>{escape(step.title)}</b>{origin}")
        self.title.setToolTip(" · ".join(where))
        note = ""
        if step.kind == "update" and not self.buffers_known and self.replayed:
            lines = self.tr(
                "The timeline keeps each epoch's weights, not the optimiser's buffers: press "
                "Live to see this update with their numbers."
            )
        elif step.kind == "update" and not self.buffers_known:
            lines = self.tr(
                "The optimiser's buffers are in the training process while a run is alive: "
                "stop training to see this update with their numbers."
            )
        else:
            lines = "\n".join(step.lines)
        if step.kind == "update" and self.test_image is not None:
            note = self.tr(
                "A test image: training never steps on it; these are the weights "
                "a step on it would give."
            )
        elif step.kind == "update" and self.held_out:
            note = self.tr(
                "A validation row: early stopping holds it out, so training never steps on "
                "it; these are the weights one step on this sample would give, but Step "
                "trains only on training rows."
            )
        elif step.kind == "update" and self.replayed:
            note = self.tr(
                "Epoch {epoch} of the timeline: a step on this sample would have given these "
                "weights then; Step continues from the latest epoch."
            ).format(epoch=number(self.example.epochs_trained))
        elif step.kind == "update":
            note = self.tr("Step with batch size 1 on this sample gives exactly these weights.")
        self.lines.setPlainText(f"{step.formula}\n\n{lines}")
        self.note.setText(note)
        self.note.setVisible(bool(note))  # an empty line would take the numbers' room
        self.diagram.set_highlight(*highlighted(step.kind, step.layer, self.example.trace.n_layers))

    # -- looks -------------------------------------------------------------------------------
    def restyle(self) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(font_points())
        self.lines.setFont(mono)
        side = round(QFontMetricsF(mono).height())  # the arrows grow with the text
        for button in (self.prev_button, self.next_button):
            button.setIconSize(QSize(side, side))
        # the note has a style sheet (its colour), so it would keep the small default font
        note_font = QFont(self.font())
        note_font.setPointSizeF(font_points())
        self.note.setFont(note_font)
        # large text: the numbers take the width the drawing can spare
        self.row.setStretch(1, 5 if Style.instance().presentation else 3)
        self.diagram.update()
        if self.steps:  # numbers in the locale of the moment, at the new size
            self.steps = worked_steps(self.example, notation())
            self._show()

    def has_content(self) -> bool:
        return bool(self.steps) or self.computing or self.accepts(self._pending)

    def shown_text(self) -> str:
        """The current step's formula and substituted lines as displayed (for tests)."""
        return self.lines.toPlainText()


def notation() -> Notation:
    """The GUI's numbers: the locale's decimal mark, 4 significant digits. Where the decimal
    mark is a comma, entries are separated by "; " (as Spanish mathematics writes vectors)
    and brackets are spaced, so a one-entry vector reads [ 0,28 ], never two values 0 and 28;
    else ", " and [0.28]."""
    comma = QLocale().decimalPoint() == ","
    return Notation(
        number=lambda v: number(v, significant=4),
        sep="; " if comma else ", ",
        rows=" | " if comma else "; ",
        brackets=("[ ", " ]") if comma else ("[", "]"),
    )
