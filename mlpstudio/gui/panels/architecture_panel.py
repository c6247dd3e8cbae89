"""The architecture panel: hidden layers, output head, initialisation, parameter count and the
model written in the course's notation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.activations import ACTIVATIONS
from ...core.inits import AUTO, AUTO_LABEL, INITS
from ...core.losses import HEADS
from ...core.network import layer_counts
from ...experiment.config import ModelConfig, field_spec
from ...i18n import translate
from ..locks import Locks
from ..style import number
from ..widgets import ElidingComboBox, wrap_long_rows

_HIDDEN = field_spec("model", "hidden")  # the one place the limits live
MIN_WIDTH, MAX_WIDTH = int(_HIDDEN.low or 1), int(_HIDDEN.high or 1)
MAX_LAYERS = _HIDDEN.max_len


def activation_tooltip(parent: QWidget) -> str:
    return translate(
        "ArchitecturePanel",
        "The activation S(z) applied to every unit of the layer: a = S(z), z = W a + b. "
        "Without a non-linear activation, stacked layers collapse into one linear map.",
    )


class ArchitecturePanel(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.locks = Locks()
        self._locked_keys: set[str] = set()
        layout = QVBoxLayout(self)

        layout.addWidget(QLabel(self.tr("<b>Hidden layers</b>")))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Units N_l"), self.tr("Activation S")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(
            self.tr("Each row is a hidden layer l with N_l units (neurons) and an activation.")
        )
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a hidden layer after the selected one."))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected hidden layer (no hidden layer: a linear model).")
        )
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.setToolTip(self.tr("Move the selected layer towards the input."))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.setToolTip(self.tr("Move the selected layer towards the output."))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button.clicked.connect(lambda: self.move_layer(-1))
        self.down_button.clicked.connect(lambda: self.move_layer(1))

        form = QFormLayout()
        wrap_long_rows(form)
        self.head = ElidingComboBox()
        self.head.addItem(self.tr("Automatic (from the task)"), "auto")
        for name, head in HEADS.items():
            self.head.addItem(translate("Heads", head.label), name)
            self.head.setItemData(self.head.count() - 1, head.formula, Qt.ItemDataRole.ToolTipRole)
        self.head.setToolTip(
            self.tr(
                "The output layer and the loss it is trained with: linear + mean squared "
                "error for regression, sigmoid or softmax + cross-entropy for classes."
            )
        )
        form.addRow(self.tr("Output and loss"), self.head)
        self.init = ElidingComboBox()
        self.init.addItem(translate("Inits", AUTO_LABEL), AUTO)
        for name, init in INITS.items():
            self.init.addItem(translate("Inits", init.label), name)
            self.init.setItemData(self.init.count() - 1, init.formula, Qt.ItemDataRole.ToolTipRole)
        self.init.setToolTip(
            self.tr(
                "How the initial weights are drawn. Scaling them by the layer's size keeps "
                "the signal from vanishing or exploding through the layers."
            )
        )
        form.addRow(self.tr("Initialisation"), self.init)
        layout.addLayout(form)
        self.head.currentIndexChanged.connect(self._emit_changed)
        self.init.currentIndexChanged.connect(self._emit_changed)

        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.count_label.setWordWrap(True)
        self.count_label.setToolTip(
            self.tr("Each layer has N_l x N_(l-1) weights and N_l biases: N_l (N_(l-1) + 1).")
        )
        layout.addWidget(self.count_label)
        self.notation = QLabel()
        self.notation.setTextFormat(Qt.TextFormat.RichText)
        self.notation.setWordWrap(True)
        self.notation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notation.setToolTip(self.tr("The model written as in the course."))
        layout.addWidget(self.notation)
        layout.addStretch(1)
        self.load(ModelConfig())

    # -- rows --------------------------------------------------------------------------------
    def _row_widgets(self, width: int, activation: str) -> tuple[QSpinBox, ElidingComboBox]:
        spin = QSpinBox()
        spin.setRange(MIN_WIDTH, MAX_WIDTH)
        spin.setValue(width)
        spin.setKeyboardTracking(False)
        spin.setToolTip(self.tr("N_l: the number of units in this layer."))
        spin.valueChanged.connect(self._emit_changed)
        combo = ElidingComboBox()
        for name, act in ACTIVATIONS.items():
            combo.addItem(translate("Activations", act.label), name)
            combo.setItemData(combo.count() - 1, act.formula, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(activation)))
        combo.setToolTip(activation_tooltip(self))
        combo.currentIndexChanged.connect(self._emit_changed)
        return spin, combo

    def _set_rows(self, layers: list[tuple[int, str]]) -> None:
        # The rows' widgets are replaced: what the old ones send on their way out (a focused
        # box applies its typed text as it is destroyed) describes rows that no longer exist,
        # and would reach layers() while the table has rows without widgets.
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.blockSignals(True)
        self.table.setRowCount(0)
        for width, activation in layers:
            row = self.table.rowCount()
            self.table.insertRow(row)
            spin, combo = self._row_widgets(width, activation)
            self.table.setCellWidget(row, 0, spin)
            self.table.setCellWidget(row, 1, combo)
        self.table.setVerticalHeaderLabels(
            [self.tr("Layer {l}").format(l=i + 1) for i in range(len(layers))]
        )
        self.locks.enable(self.add_button, len(layers) < MAX_LAYERS)
        self.locks.enable(self.remove_button, len(layers) > 0)
        if self._locked_keys:
            self.set_locked_keys(self._locked_keys)  # the new rows' widgets too

    def lockable(self) -> dict[str, list]:
        """The widgets behind every ``model.*`` key (for lab files)."""
        rows = range(self.table.rowCount())
        return {
            "model.hidden": [self.table.cellWidget(r, 0) for r in rows]
            + [self.add_button, self.remove_button, self.up_button, self.down_button],
            "model.activation": [self.table.cellWidget(r, 1) for r in rows],
            "model.head": [self.head],
            "model.init": [self.init],
        }

    def set_locked_keys(self, keys) -> None:
        self._locked_keys = set(keys)
        self.locks.apply(self.lockable(), self._locked_keys)

    def _apply_typed(self) -> None:
        """Apply a width typed but not yet confirmed (no Enter or Tab: a click on Add, Remove,
        Up or Down leaves the focus in the box on macOS), so that the rows are rebuilt from
        what the user sees, not from the box's previous value."""
        for row in range(self.table.rowCount()):
            spin = self.table.cellWidget(row, 0)
            if spin is not None:
                spin.interpretText()

    def layers(self) -> list[tuple[int, str]]:
        return [
            (self.table.cellWidget(r, 0).value(), self.table.cellWidget(r, 1).currentData())
            for r in range(self.table.rowCount())
        ]

    def add_layer(self) -> None:
        self._apply_typed()
        layers = self.layers()
        at = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else len(layers)
        template = layers[at - 1] if at > 0 and layers else (10, "tanh")
        layers.insert(at, template)
        self._set_rows(layers)
        self.table.selectRow(at)
        self._emit_changed()

    def remove_layer(self) -> None:
        self._apply_typed()
        layers = self.layers()
        if not layers:
            return
        at = self.table.currentRow() if self.table.currentRow() >= 0 else len(layers) - 1
        del layers[at]
        self._set_rows(layers)
        if layers:
            self.table.selectRow(min(at, len(layers) - 1))
        self._emit_changed()

    def move_layer(self, offset: int) -> None:
        self._apply_typed()
        layers = self.layers()
        at = self.table.currentRow()
        to = at + offset
        if at < 0 or not 0 <= to < len(layers):
            return
        layers[at], layers[to] = layers[to], layers[at]
        self._set_rows(layers)
        self.table.selectRow(to)
        self._emit_changed()

    # -- values ------------------------------------------------------------------------------
    def load(self, model: ModelConfig) -> None:
        self._loading = True
        try:
            self._set_rows(list(zip(model.hidden, model.activations())))
            self.head.setCurrentIndex(max(0, self.head.findData(model.head)))
            self.init.setCurrentIndex(max(0, self.init.findData(model.init)))
        finally:
            self._loading = False

    def model_config(self) -> ModelConfig:
        layers = self.layers()
        activations = [a for _, a in layers]
        same = len(set(activations)) <= 1
        return ModelConfig(
            hidden=[w for w, _ in layers],
            activation=(activations[0] if activations else "tanh") if same else activations,
            head=self.head.currentData(),
            init=self.init.currentData(),
        )

    def show_structure(self, sizes: list[int] | None, activations: list[str], head: str) -> None:
        """Parameter count and notation for layer sizes [N_0, ..., N_L] (None: no data)."""
        if not sizes:
            self.count_label.setText(self.tr("<i>Fix the data to see the parameter count.</i>"))
            self.notation.setText("")
            return
        counts = layer_counts(sizes)
        total = sum(c.params for c in counts)
        rows = "".join(
            f"<tr><td>l = {c.layer}:&nbsp;</td><td>N<sub>{c.layer}</sub>(N<sub>{c.layer - 1}"
            f"</sub>+1) = {c.units}&times;{c.inputs}+{c.units}</td><td align='right'>"
            f"&nbsp;= {number(c.params)}</td></tr>"
            for c in counts
        )
        self.count_label.setText(
            self.tr("<b>Parameters: {total}</b>").format(total=number(total))
            + f"<table>{rows}</table>"
        )
        self.notation.setText(model_notation(self, sizes, activations, head))

    def _emit_changed(self, *_) -> None:
        if not self._loading:
            self.changed.emit()


def model_notation(widget: QWidget, sizes: list[int], activations: list[str], head: str) -> str:
    """The network as f_theta(x) = f^[L](...f^[1](x)) with the shape of every W and b (HTML)."""
    n_layers = len(sizes) - 1
    nested = "x"
    for layer in range(1, n_layers + 1):
        nested = f"f<sup>[{layer}]</sup>({nested})"
    output_act = translate("Heads", HEADS[head].output_name)
    lines = [
        f"<b>f<sub>&theta;</sub>(x) = {nested}</b>",
        translate(
            "ArchitecturePanel",
            "f<sup>[l]</sup>: a<sup>[l]</sup> = S<sup>[l]</sup>(z<sup>[l]</sup>), "
            "z<sup>[l]</sup> = W<sup>[l]</sup> a<sup>[l-1]</sup> + b<sup>[l]</sup>, "
            "a<sup>[0]</sup> = x",
        ),
    ]
    for layer in range(1, n_layers + 1):
        act = activations[layer - 1] if layer < n_layers else output_act
        lines.append(
            f"W<sup>[{layer}]</sup> &isin; &#8477;<sup>{sizes[layer]}&times;{sizes[layer - 1]}"
            f"</sup>, b<sup>[{layer}]</sup> &isin; &#8477;<sup>{sizes[layer]}</sup>, "
            f"S<sup>[{layer}]</sup> = {act}"
        )
    return "<br>".join(lines)
