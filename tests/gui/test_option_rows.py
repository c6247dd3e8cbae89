"""The Training panel's rows are generated from the option specs: every spec of the loop, of
every optimiser and of every schedule has its widget, with the spec's range, default and
label, and a value set in the widget reaches the configuration."""

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from mlpstudio.core.optimizers import OPTIMIZERS
from mlpstudio.core.schedules import SCHEDULES
from mlpstudio.core.training_options import all_training_specs
from mlpstudio.experiment.config import TrainingConfig
from mlpstudio.gui.panels.training_panel import TrainingPanel
from mlpstudio.gui.widgets import LogSpinSlider

SPECS = all_training_specs()


@pytest.fixture
def panel(qtbot):
    widget = TrainingPanel([])
    qtbot.addWidget(widget)
    return widget


def _spin(widget):
    return widget.spin if isinstance(widget, LogSpinSlider) else widget


@pytest.mark.parametrize("name", list(SPECS))
def test_every_option_spec_has_its_widget_with_the_specs_range(panel, name):
    spec = SPECS[name]
    widget = panel.lockable()[f"training.{name}"][0]
    if spec.kind == "bool":
        assert isinstance(widget, QCheckBox)
        assert widget.isChecked() == spec.default
        return
    if spec.kind == "choice":
        assert isinstance(widget, QComboBox)
        assert [widget.itemData(i) for i in range(widget.count())] == list(spec.choices)
        assert widget.currentData() == spec.default
        return
    spin = _spin(widget)
    assert isinstance(spin, QSpinBox | QDoubleSpinBox)
    scale = 100 if spec.percent else 1
    assert spin.minimum() == pytest.approx(spec.widget_low * scale)
    assert spin.maximum() == pytest.approx(spec.high * scale)
    assert spin.value() == pytest.approx(spec.default * scale)
    if isinstance(spin, QDoubleSpinBox):
        assert spin.decimals() == spec.decimals
    # A value inside the range reaches the configuration unchanged.
    inside = spec.high if spec.kind == "int" else (spec.widget_low + spec.high) / 2
    if spec.percent:
        spin.setValue(round(inside * 100))
    else:
        spin.setValue(inside)
    got = getattr(panel.training_config(TrainingConfig()), name)
    assert got == pytest.approx(round(inside, spec.decimals), rel=1e-9)  # shown decimals


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_only_the_chosen_optimizers_options_are_shown(panel, optimizer):
    panel.show()
    panel.optimizer.setCurrentIndex(panel.optimizer.findData(optimizer))
    own = {s.name for s in OPTIMIZERS[optimizer].options}
    for other in OPTIMIZERS.values():
        for spec in other.options:
            assert panel.options[spec.name].isVisible() == (spec.name in own)


@pytest.mark.parametrize("schedule", list(SCHEDULES))
def test_only_the_chosen_schedules_options_are_shown(panel, schedule):
    panel.show()
    panel.schedule.setCurrentIndex(panel.schedule.findData(schedule))
    own = {s.name for s in SCHEDULES[schedule].options}
    for other in SCHEDULES.values():
        for spec in other.options:
            assert panel.options[spec.name].isVisible() == (spec.name in own)
