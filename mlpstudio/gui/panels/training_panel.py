"""The training panel: how to train, the run controls and the progress."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
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
from ...core.optimizers import OPTIMIZER_LABELS, OPTIMIZERS, SCHEDULE_LABELS, SCHEDULES
from ...experiment.config import TrainingConfig, field_spec
from ...i18n import translate
from ..locks import Locks
from ..style import number
from ..widgets import ElidingCheckBox, ElidingComboBox, LogSpinSlider, wrap_long_rows


def spec_range(spin, section: str, key: str) -> None:
    """Give ``spin`` the range the configuration allows for ``section.key`` (one source)."""
    spec = field_spec(section, key)
    spin.setRange(spec.low, spec.high)


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

        self.optimizer = ElidingComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem(translate("Optimizers", OPTIMIZER_LABELS[name]), name)
        self.optimizer.setToolTip(
            self.tr(
                "The rule that updates the weights from the gradient. SGD: w -= lr * gradient; "
                "momentum adds a velocity that smooths the steps; Adam adapts the step of "
                "every weight."
            )
        )
        form.addRow(self.tr("Optimiser"), self.optimizer)

        # the smallest rate five decimals can show; the largest the configuration allows
        self.learning_rate = LogSpinSlider(1e-5, field_spec("training", "learning_rate").high)
        self.learning_rate.setToolTip(
            self.tr(
                "The learning rate: how big a step the weights take along the negative "
                "gradient. Too small: slow; too large: the loss jumps or diverges. It can "
                "be changed while training."
            )
        )
        form.addRow(self.tr("Learning rate"), self.learning_rate)

        self.momentum = QDoubleSpinBox()
        spec_range(self.momentum, "training", "momentum")
        self.momentum.setDecimals(3)
        self.momentum.setSingleStep(0.05)
        self.momentum.setToolTip(
            self.tr("Momentum coefficient mu: the share of the previous step kept in the next.")
        )
        form.addRow(self.tr("Momentum"), self.momentum)

        self.batch_size = QSpinBox()
        spec_range(self.batch_size, "training", "batch_size")
        self.batch_size.setToolTip(
            self.tr(
                "Mini-batch size: how many training samples are averaged for each gradient "
                "step. One epoch is one pass over the training set, N/batch steps."
            )
        )
        form.addRow(self.tr("Batch size"), self.batch_size)

        self.epochs = QSpinBox()
        spec_range(self.epochs, "training", "epochs")
        self.epochs.setSingleStep(100)
        self.epochs.setToolTip(
            self.tr("Epochs: how many times the network sees the whole training set.")
        )
        form.addRow(self.tr("Epochs"), self.epochs)

        self.weight_decay = QDoubleSpinBox()
        spec_range(self.weight_decay, "training", "weight_decay")
        self.weight_decay.setDecimals(5)
        self.weight_decay.setSingleStep(0.0001)
        self.weight_decay.setToolTip(
            self.tr(
                "L2 regularisation lambda: adds lambda/2 * sum(W^2) to the loss, which keeps "
                "the weights small and can reduce overfitting."
            )
        )
        form.addRow(self.tr("L2 penalty"), self.weight_decay)

        self.schedule = ElidingComboBox()
        for name in SCHEDULES:
            self.schedule.addItem(translate("Schedules", SCHEDULE_LABELS[name]), name)
        self.schedule.setToolTip(
            self.tr(
                "How the learning rate changes over the epochs: constant, halved every few "
                "epochs (step), or decreasing smoothly to zero (cosine)."
            )
        )
        form.addRow(self.tr("Schedule"), self.schedule)
        self.step_size = QSpinBox()
        spec_range(self.step_size, "training", "step_size")
        self.step_size.setSingleStep(50)
        self.step_size.setToolTip(self.tr("Step schedule: epochs between two decays."))
        form.addRow(self.tr("Decay every"), self.step_size)
        self.gamma = QDoubleSpinBox()
        self.gamma.setDecimals(3)
        self.gamma.setRange(0.001, field_spec("training", "gamma").high)
        self.gamma.setSingleStep(0.05)
        self.gamma.setToolTip(
            self.tr("Step schedule: the learning rate is multiplied by this at every decay.")
        )
        form.addRow(self.tr("Decay factor"), self.gamma)

        self.early_stopping = ElidingCheckBox(self.tr("Stop when validation stops improving"))
        self.early_stopping.setToolTip(
            self.tr(
                "Early stopping: hold out part of the training data for validation and stop "
                "when its loss has not improved for 'patience' epochs, keeping the best "
                "weights."
            )
        )
        form.addRow(self.tr("Early stopping"), self.early_stopping)
        self.patience = QSpinBox()
        spec_range(self.patience, "training", "patience")
        self.patience.setToolTip(self.tr("Epochs without improvement before stopping."))
        form.addRow(self.tr("Patience"), self.patience)
        self.validation_fraction = QSpinBox()
        self.validation_fraction.setRange(
            1, int(field_spec("training", "validation_fraction").high * 100)
        )
        self.validation_fraction.setSuffix(" %")
        self.validation_fraction.setToolTip(
            self.tr("Share of the training data held out to decide when to stop.")
        )
        form.addRow(self.tr("Validation"), self.validation_fraction)
        self.restore_best = ElidingCheckBox(self.tr("Keep the best validation weights"))
        self.restore_best.setToolTip(
            self.tr("When training stops early, go back to the weights of the best epoch.")
        )
        form.addRow("", self.restore_best)

        self.seed = QSpinBox()
        spec_range(self.seed, "training", "seed")
        self.seed.setToolTip(
            self.tr(
                "Seed of the initial weights and of the shuffling: the same seed repeats the "
                "same run."
            )
        )
        form.addRow(self.tr("Seed"), self.seed)

        self.backend = ElidingComboBox()
        self.backend.addItem(self.tr("CPU (NumPy)"), "numpy")
        usable, reason = gpu_status()
        self.backend.addItem(self.tr("GPU (CuPy)"), "cupy")
        if not usable:
            self.backend.model().item(1).setEnabled(False)
        self.backend.setToolTip(
            self.tr("Where the network computes. The GPU needs an NVIDIA card and CuPy.")
        )
        self.backend_reason = QLabel(reason)
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

        for combo in (self.optimizer, self.schedule, self.backend, self.dtype):
            combo.currentIndexChanged.connect(self._emit_changed)
        for spin in (
            self.momentum,
            self.batch_size,
            self.epochs,
            self.weight_decay,
            self.patience,
            self.seed,
            self.step_size,
            self.gamma,
            self.validation_fraction,
        ):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._emit_changed)
        self.early_stopping.toggled.connect(self._emit_changed)
        self.restore_best.toggled.connect(self._emit_changed)
        self.schedule.currentIndexChanged.connect(self._update_enabled)
        self.learning_rate.valueChanged.connect(self._emit_changed)
        self.optimizer.currentIndexChanged.connect(self._update_enabled)
        self.early_stopping.toggled.connect(self._update_enabled)
        self.load(TrainingConfig())

    # -- values ------------------------------------------------------------------------------
    def load(self, training: TrainingConfig) -> None:
        self._loading = True
        try:
            self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(training.optimizer)))
            self.learning_rate.setValue(training.learning_rate)
            self.momentum.setValue(training.momentum)
            self.batch_size.setValue(training.batch_size)
            self.epochs.setValue(training.epochs)
            self.weight_decay.setValue(training.weight_decay)
            self.schedule.setCurrentIndex(max(0, self.schedule.findData(training.schedule)))
            self.early_stopping.setChecked(training.early_stopping)
            self.patience.setValue(training.patience)
            self.seed.setValue(training.seed)
            self.step_size.setValue(training.step_size)
            self.gamma.setValue(training.gamma)
            self.validation_fraction.setValue(int(round(training.validation_fraction * 100)))
            self.restore_best.setChecked(training.restore_best)
            self.dtype.setCurrentIndex(max(0, self.dtype.findData(training.dtype)))
            backend = "cupy" if training.backend == "cupy" and gpu_status()[0] else "numpy"
            self.backend.setCurrentIndex(self.backend.findData(backend))
        finally:
            self._loading = False
        self._update_enabled()

    def training_config(self, base: TrainingConfig) -> TrainingConfig:
        return dataclasses.replace(
            base,
            optimizer=self.optimizer.currentData(),
            learning_rate=self.learning_rate.value(),
            momentum=self.momentum.value(),
            batch_size=self.batch_size.value(),
            epochs=self.epochs.value(),
            weight_decay=self.weight_decay.value(),
            schedule=self.schedule.currentData(),
            early_stopping=self.early_stopping.isChecked(),
            patience=self.patience.value(),
            seed=self.seed.value(),
            backend=self.backend.currentData(),
            step_size=self.step_size.value(),
            gamma=self.gamma.value(),
            validation_fraction=self.validation_fraction.value() / 100,
            restore_best=self.restore_best.isChecked(),
            dtype=self.dtype.currentData(),
        )

    def lockable(self) -> dict[str, list]:
        """The widgets behind every ``training.*`` key (for lab files)."""
        return {
            "training.optimizer": [self.optimizer],
            "training.learning_rate": [self.learning_rate],
            "training.momentum": [self.momentum],
            "training.batch_size": [self.batch_size],
            "training.epochs": [self.epochs],
            "training.weight_decay": [self.weight_decay],
            "training.schedule": [self.schedule],
            "training.early_stopping": [self.early_stopping],
            "training.patience": [self.patience],
            "training.seed": [self.seed],
            "training.backend": [self.backend],
            "training.step_size": [self.step_size],
            "training.gamma": [self.gamma],
            "training.validation_fraction": [self.validation_fraction],
            "training.restore_best": [self.restore_best],
            "training.dtype": [self.dtype],
        }

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
        uses_momentum = self.optimizer.currentData() in ("momentum", "nesterov")
        self.locks.enable(self.momentum, uses_momentum)
        stopping = self.early_stopping.isChecked()
        for widget in (self.patience, self.validation_fraction, self.restore_best):
            self.locks.enable(widget, stopping)
        by_steps = self.schedule.currentData() == "step"
        for widget in (self.step_size, self.gamma):
            self.locks.enable(widget, by_steps)

    def _emit_changed(self, *_) -> None:
        if not self._loading:
            self.changed.emit()
