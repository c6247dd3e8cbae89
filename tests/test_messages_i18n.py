"""Qt-free messages go through the interface's translation and number format when the GUI
installs them (mlpstudio.i18n), and stay plain English on the command line."""

import pytest

from mlpstudio import i18n
from mlpstudio.experiment.compare import (
    MAX_ARCHITECTURES,
    Comparison,
    check_count,
    grid,
    parse_architecture,
)
from mlpstudio.experiment.config import Config, ConfigError


def spanish_numbers(value, decimals=0, significant=None, percent=False):
    """A stand-in for the GUI's formatter: Spanish separators, an independent formatting."""
    text = f"{value:,.{decimals}f}" if significant is None else f"{value:.{significant}g}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


@pytest.fixture
def interface():
    """A translator that marks every text it is asked for, and the Spanish numbers."""
    asked = []

    def translator(context, text):
        asked.append((context, text))
        return "«" + text + "»"

    i18n.install(translator)
    i18n.install_number(spanish_numbers)
    yield asked
    i18n.install(None)
    i18n.install_number(None)


def refusal(call) -> str:
    with pytest.raises(ConfigError) as info:
        call()
    (problem,) = info.value.problems
    return problem


@pytest.mark.parametrize(
    ("spec", "english"),
    [
        ("50,50,", "hidden layers '50,50,': a width is missing; write widths separated by commas"),
        ("abc", "hidden layers 'abc': 'abc' is not a whole number; write widths"),
        ("100000", "every width must be from 1 to 65,536 (got 100,000); use 0 alone"),
        ("10 50", "hidden layers '10 50': ambiguous; write widths"),
        ("", "hidden layers '': empty; write widths"),
    ],
)
def test_the_architecture_parser_speaks_plain_english_without_the_gui(spec, english):
    assert english in refusal(lambda: parse_architecture(spec))


@pytest.mark.parametrize("spec", ["50,50,", "abc", "100000", "10 50", "", ",".join(["5"] * 99)])
def test_the_architecture_parser_speaks_the_interfaces_language(interface, spec):
    problem = refusal(lambda: parse_architecture(spec))
    assert problem.startswith("«hidden layers '") and "»" in problem
    assert all(context == "Compare" for context, _ in interface)
    if spec in ("50,50,", "abc", "10 50", ""):
        assert "«write widths separated by commas" in problem  # the example, translated too
    if spec == "100000":
        assert "65.536" in problem and "100.000" in problem and "65,536" not in problem


def test_grid_and_count_refusals_speak_the_interfaces_language(interface):
    problem = refusal(lambda: grid([1], [70000]))
    assert problem == "«grid width {width}: must be from 1 to {most}»".format(
        width="70.000", most="65.536"
    )
    too_many = [[n] for n in range(1, MAX_ARCHITECTURES + 2)]
    assert refusal(lambda: check_count(too_many)) == (
        f"«{MAX_ARCHITECTURES + 1} architectures: at most {MAX_ARCHITECTURES} can be compared "
        "at once»"
    )
    assert refusal(lambda: Comparison(Config(), too_many)).startswith("«")
    assert refusal(lambda: check_count([])) == "«give at least one architecture to compare»"


def test_the_memory_refusal_uses_the_interfaces_numbers(interface, monkeypatch):
    from mlpstudio.core.network import check_network_memory
    from mlpstudio.memory import MemoryBudgetError

    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "64M")
    with pytest.raises(MemoryBudgetError) as info:
        check_network_memory([1, 60000, 60000, 1], 3_600_240_001, 8, buffers=2)
    message = str(info.value)
    # 2 x 3,600,240,001 x 8 bytes = 53.6 GiB (57,603,840,016 bytes); 64 MiB budget
    assert "3.600.240.001" in message and "53,6 GiB" in message and "64,0 MiB" in message
    assert "3,600,240,001" not in message and "«Use fewer or narrower hidden layers.»" in message


def test_the_memory_refusal_is_plain_english_without_the_gui(monkeypatch):
    from mlpstudio.core.network import check_network_memory
    from mlpstudio.memory import MemoryBudgetError, format_bytes

    monkeypatch.setenv("MLPSTUDIO_MEMORY_BUDGET", "64M")
    with pytest.raises(MemoryBudgetError) as info:
        check_network_memory([1, 60000, 60000, 1], 3_600_240_001, 8, buffers=2)
    message = str(info.value)
    assert "(3,600,240,001 parameters) needs 53.6 GiB" in message
    assert "the memory budget is 64.0 MiB" in message
    assert format_bytes(1536) == "1.5 KiB" and format_bytes(100) == "100 bytes"


def test_plain_numbers_without_the_gui():
    assert i18n.number(2701) == "2,701" and i18n.number(0.5, 1) == "0.5"
    assert i18n.number(0.012345, significant=3) == "0.0123"
    assert i18n.number(0.8, 1, percent=True) == "80.0%"
    assert i18n.number(float("nan")) == "NaN"
