"""The training panel: how to train, the run controls and the progress.

Every training option's row is generated from its spec (``core/training_options.py`` for the
loop, the optimiser and schedule registry entries for theirs): the widget kind, the label, the
tooltip, the range, the step and the decimals. An optimiser's or schedule's options are shown
only while it is chosen.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.backend import gpu_status
from ...core.cuda_graph import device_line, run_device_line
from ...core.optimizers import OPTIMIZERS
from ...core.optimizers import option_specs as optimizer_specs
from ...core.options import OptionSpec
from ...core.schedules import SCHEDULES
from ...core.schedules import option_specs as schedule_specs
from ...core.training_options import TRAINING_SPECS
from ...experiment.config import TrainingConfig, field_spec
from ...i18n import translate
from ..locks import Locks
from ..style import number
from ..widgets import ElidingCheckBox, ElidingComboBox, LogSpinSlider, wrap_long_rows

#: the registries behind the choice options, with their translation contexts
REGISTRIES = {"optimizer": (OPTIMIZERS, "Optimizers"), "schedule": (SCHEDULES, "Schedules")}


def spec_range(spin, section: str, key: str) -> None:
    """Give ``spin`` the range the configuration allows for ``section.key`` (one source)."""
    spec = field_spec(section, key)
    spin.setRange(spec.low, spec.high)


def option_widget(spec: OptionSpec) -> QWidget:
    """The control for one option, built from its spec alone."""
    widget: QWidget
    if spec.kind == "bool":
        widget = ElidingCheckBox(translate("Options", spec.text) if spec.text else "")
    elif spec.kind == "choice":
        widget = ElidingComboBox()
        registry, context = REGISTRIES[spec.name]
        for name in spec.choices:
            widget.addItem(translate(context, registry[name].label), name)
            widget.setItemData(widget.count() - 1, registry[name].formula,
                               Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    elif spec.log:
        tiny = spec.decimals > 6  # epsilon: shown as 1e-08
        widget = LogSpinSlider(spec.widget_low, float(spec.high or 1.0), spec.decimals,
                               scientific=tiny)  # fmt: skip
    elif spec.kind == "int" or spec.percent:
        widget = QSpinBox()
        scale = 100 if spec.percent else 1
        widget.setRange(round(spec.widget_low * scale), round((spec.high or 0) * scale))
        widget.setSingleStep(max(1, round(spec.step * scale)))
        if spec.percent:
            widget.setSuffix(" %")
    else:
        widget = QDoubleSpinBox()
        widget.setDecimals(spec.decimals)
        widget.setRange(spec.widget_low, float(spec.high or 0.0))
        widget.setSingleStep(spec.step)
    if spec.tooltip:
        widget.setToolTip(translate("Options", spec.tooltip))
    return widget


def widget_value(spec: OptionSpec, widget):
    if spec.kind == "bool":
        return widget.isChecked()
    if spec.kind == "choice":
        return widget.currentData()
    if spec.percent:
        return widget.value() / 100
    return widget.value()


def set_widget_value(spec: OptionSpec, widget, value) -> None:
    if spec.kind == "bool":
        widget.setChecked(bool(value))
    elif spec.kind == "choice":
        widget.setCurrentIndex(max(0, widget.findData(value)))
    elif spec.percent:
        widget.setValue(int(round(value * 100)))
    else:
        widget.setValue(value)


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{number(seconds, 1)} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class TrainingPanel(QWidget):
    changed = Signal()

    def __init__(self, actions, parent=None):
        """``actions``: the window's start, step, stop and reset QActions (shared with the
        toolbar and the keyboard shortcuts)."""
        super().__init__(parent)
        self._loading = False
        self.locks = Locks()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        wrap_long_rows(form)

        #: every training option's spec and control, by name, in the order of the rows
        self.specs: dict[str, OptionSpec] = {}
        self.options: dict[str, QWidget] = {}
        self._rows: dict[str, QWidget] = {}
        entry_options = {"learning_rate": optimizer_specs(), "schedule": schedule_specs()}
        for spec in TRAINING_SPECS:
            self._add_option(form, spec)
            for extra in entry_options.get(spec.name, {}).values():
                self._add_option(form, extra)
        self.form = form

        self.backend = ElidingComboBox()
        self.backend.addItem(self.tr("CPU (NumPy)"), "numpy")
        usable = gpu_status()[0]
        self.backend.addItem(self.tr("GPU (CuPy)"), "cupy")
        if not usable:
            self.backend.model().item(1).setEnabled(False)
        self.backend.setToolTip(
            self.tr("Where the network computes. The GPU needs an NVIDIA card and CuPy.")
        )
        # what computes, and whether GPU training steps replay as CUDA graphs (issue 14)
        self.backend_reason = QLabel(device_line())
        self.backend_reason.setWordWrap(True)
        self.backend_reason.setStyleSheet("color: #555;")
        form.addRow(self.tr("Device"), self.backend)
        form.addRow("", self.backend_reason)
        self.dtype = ElidingComboBox()
        self.dtype.addItem(self.tr("32-bit (float32, faster)"), "float32")
        self.dtype.addItem(self.tr("64-bit (float64, exact checks)"), "float64")
        self.dtype.setToolTip(
            self.tr("Floating-point precision of the weights and the computation.")
        )
        form.addRow(self.tr("Precision"), self.dtype)
        layout.addLayout(form)

        grid = QGridLayout()
        for i, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
            button.setMinimumWidth(90)
            grid.addWidget(button, i // 2, i % 2)
        layout.addLayout(grid)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.progress.setToolTip(self.tr("Progress of the run: epoch, time left and speed."))
        layout.addWidget(self.progress)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        layout.addStretch(1)

        for combo in (self.backend, self.dtype):
            combo.currentIndexChanged.connect(self._emit_changed)
        for spec in self.specs.values():
            self._connect(spec, self.options[spec.name])
        self.load(TrainingConfig())

    def _add_option(self, form: QFormLayout, spec: OptionSpec) -> None:
        widget = option_widget(spec)
        self.specs[spec.name] = spec
        self.options[spec.name] = widget
        if hasattr(self, spec.name):
            raise ValueError(f"the option {spec.name!r} would hide the panel's own attribute")
        setattr(self, spec.name, widget)  # panel.learning_rate, panel.seed, ...
        form.addRow(translate("Options", spec.label) if spec.label else "", widget)
        self._rows[spec.name] = widget

    def _connect(self, spec: OptionSpec, widget) -> None:
        if spec.kind == "bool":
            widget.toggled.connect(self._emit_changed)
            widget.toggled.connect(self._update_enabled)
        elif spec.kind == "choice":
            widget.currentIndexChanged.connect(self._emit_changed)
            widget.currentIndexChanged.connect(self._update_enabled)
        else:
            if not spec.log:
                widget.setKeyboardTracking(False)
            widget.valueChanged.connect(self._emit_changed)

    # -- values ------------------------------------------------------------------------------
    def load(self, training: TrainingConfig) -> None:
        self._loading = True
        try:
            for name, spec in self.specs.items():
                set_widget_value(spec, self.options[name], getattr(training, name))
            self.dtype.setCurrentIndex(max(0, self.dtype.findData(training.dtype)))
            backend = "cupy" if training.backend == "cupy" and gpu_status()[0] else "numpy"
            self.backend.setCurrentIndex(self.backend.findData(backend))
        finally:
            self._loading = False
        self._update_enabled()

    def training_config(self, base: TrainingConfig) -> TrainingConfig:
        values = {n: widget_value(s, self.options[n]) for n, s in self.specs.items()}
        return dataclasses.replace(
            base, backend=self.backend.currentData(), dtype=self.dtype.currentData(), **values
        )

    def lockable(self) -> dict[str, list]:
        """The widgets behind every ``training.*`` key (for lab files)."""
        out = {f"training.{name}": [widget] for name, widget in self.options.items()}
        out["training.backend"] = [self.backend]
        out["training.dtype"] = [self.dtype]
        return out

    def set_locked_keys(self, keys) -> None:
        self.locks.apply(self.lockable(), set(keys))

    def set_training_locked(self, locked: bool) -> None:
        """While a run is active only the learning rate may change."""
        for widgets in self.lockable().values():
            for widget in widgets:
                if widget is not self.learning_rate:
                    self.locks.enable(widget, not locked)
        if not locked:
            self._update_enabled()

    def show_progress(self, snapshot) -> None:
        # the Device row: what this run's training steps do (a GPU run that had to leave CUDA
        # graph replay says so here), or, with no run, what the next one would do
        device = (
            device_line()
            if snapshot is None
            else run_device_line(snapshot.graph_reason, snapshot.graph_detail)
        )
        if device != self.backend_reason.text():
            self.backend_reason.setText(device)
        if snapshot is None:
            self.progress.setValue(0)
            self.progress.setFormat("")
            self.progress_label.setText("")
            return
        self.progress.setValue(int(round(snapshot.progress * 1000)))
        self.progress.setFormat(
            self.tr("Epoch {epoch} / {total}").format(
                epoch=number(snapshot.epoch), total=number(snapshot.total_epochs)
            )
        )
        self.progress_label.setText(
            self.tr("Time left {eta} · {rate} samples/s · {elapsed} elapsed").format(
                eta=format_duration(snapshot.eta),
                rate=number(snapshot.samples_per_second),
                elapsed=format_duration(snapshot.elapsed),
            )
        )

    # -- events ------------------------------------------------------------------------------
    def _update_enabled(self) -> None:
        """Show the chosen optimiser's and schedule's options only; enable the options that
        depend on a switch (early stopping) only while it is on."""
        chosen = {
            o.name
            for key, (registry, _) in REGISTRIES.items()
            for o in registry[self.options[key].currentData()].options
        }
        entry_owned = set(optimizer_specs()) | set(schedule_specs())
        for name, spec in self.specs.items():
            if name in entry_owned:
                self.form.setRowVisible(self._rows[name], name in chosen)
            if spec.depends:
                self.locks.enable(self.options[name], self.options[spec.depends].isChecked())

    def _emit_changed(self, *_) -> None:
        if not self._loading:
            self.changed.emit()
