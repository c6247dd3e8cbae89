"""Teacher lab files: the shipped labs load, goals are checked and described, locks hold, and
every mistake in a lab file is reported with the field it is in."""

import pytest

from mlpstudio import i18n
from mlpstudio.cli import run_training
from mlpstudio.data.functions import COURSE_FORMULA
from mlpstudio.experiment.labs import (
    Goal,
    LabError,
    evaluate_goals,
    goal_text,
    lab_from_dict,
    load_lab,
    shipped_labs,
)

MINIMAL = """
[lab]
title = "A lab"
instructions = "Do it."

[experiment]
preset = "course-sine"
lock = ["data.formula", "training.optimizer"]

[[goals]]
metric = "test_mse"
below = 0.01
"""


def write(tmp_path, text, name="lab.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_both_shipped_labs_load():
    labs = {p.name: load_lab(p) for p in shipped_labs()}
    assert {"course_sine.toml", "mnist.toml"} <= set(labs)

    course = labs["course_sine.toml"]
    assert course.language == "es"
    assert "sin" in course.title_in() and course.title_in("en") != course.title_in("es")
    assert "SGD" in course.instructions_in("es") and "optimiser" in course.instructions_in("en")
    assert course.config.data.formula == COURSE_FORMULA
    assert course.config.model.hidden == [3] and course.config.training.optimizer == "sgd"
    assert [(g.metric, g.comparison, g.value) for g in course.goals] == [
        ("test_mse", "below", 0.01),
        ("params", "at_most", 100.0),
        ("epochs", "at_most", 1000.0),
    ]
    assert course.is_locked("data.formula") and course.is_locked("training.seed")
    assert not course.is_locked("model.hidden")

    mnist = labs["mnist.toml"]
    assert mnist.config.data.kind == "mnist" and mnist.preset == "mnist"
    assert mnist.config.model.hidden == [16] and mnist.config.model.activations() == ["relu"]
    assert [(g.metric, g.value) for g in mnist.goals] == [
        ("test_accuracy", 0.97),
        ("epochs", 10),
        ("params", 60000),
    ]
    assert "97" in mnist.title_in("en")


def test_goal_text_reads_as_english():
    assert goal_text(Goal("test_mse", "below", 0.01)) == "Test MSE below 0.01"
    assert goal_text(Goal("params", "at_most", 100)) == "At most 100 parameters"
    assert goal_text(Goal("test_accuracy", "at_least", 0.97)) == "Test accuracy at least 97%"
    assert goal_text(Goal("epochs", "at_most", 2000)) == "At most 2,000 epochs"
    assert goal_text(Goal("test_r2", "above", 0.99)) == "Test R2 above 0.99"


def test_goal_text_goes_through_the_translator():
    i18n.install(lambda context, text: f"[{context}] {text}")
    try:
        assert goal_text(Goal("params", "below", 50)) == "[Labs] Fewer than 50 parameters"
        assert goal_text(Goal("test_loss", "at_most", 0.5)).startswith("[Labs] [Labs] Test loss")
    finally:
        i18n.install(None)


def test_evaluate_goals(tmp_path):
    lab = load_lab(next(p for p in shipped_labs() if p.name == "course_sine.toml"))
    good = evaluate_goals(lab, {"params": 31, "test_mse": 0.005, "epochs": 1000}, "en")
    assert [r.met for r in good] == [True, True, True]
    assert [r.value for r in good] == [0.005, 31.0, 1000.0]
    assert good[0].text == "Test MSE below 0.01"
    bad = evaluate_goals(lab, {"params": 151, "test_mse": 0.02, "epochs": 1000})
    assert [r.met for r in bad] == [False, False, True]
    assert bad[1].text == "Como mucho 100 parámetros"  # the lab's language by default
    missing = evaluate_goals(lab, {"params": 31, "test_mse": float("nan")})
    assert [r.met for r in missing] == [False, True, False]
    assert missing[0].value is None and missing[2].value is None

    plain = load_lab(write(tmp_path, MINIMAL))
    (result,) = evaluate_goals(plain, {"test_mse": 0.001})
    assert result.met and result.text == "Test MSE below 0.01"  # no text: goal_text()


def test_a_student_can_reach_the_course_lab_goals():
    lab = load_lab(next(p for p in shipped_labs() if p.name == "course_sine.toml"))
    start, _ = run_training(lab.config, None, show_progress=False)
    assert not all(r.met for r in evaluate_goals(lab, start))  # the starting point fails
    student = lab.config.with_overrides(["training.optimizer=adam", "training.learning_rate=0.01"])
    # y / y.max() (the slide's normalisation) spans [-1.22, 1]: two small layers (61
    # parameters) meet the goals in 1,000 epochs where 1-10-1 reaches a test MSE of 0.016
    student = student.with_overrides(["model.hidden=[6,6]"])
    assert lab.locked_changes(student) == []
    summary, _ = run_training(student, None, show_progress=False)
    assert all(r.met for r in evaluate_goals(lab, summary)), summary


def test_locks(tmp_path):
    lab = load_lab(write(tmp_path, MINIMAL))
    assert lab.locked_keys() == ["data.formula", "training.optimizer"]
    changed = lab.config.with_overrides(
        ["data.formula=sin(x)", "training.optimizer=sgd", "training.epochs=5"]
    )
    assert lab.locked_changes(changed) == ["data.formula", "training.optimizer"]
    enforced = lab.enforce(changed)
    assert enforced.data.formula == COURSE_FORMULA and enforced.training.optimizer == "adam"
    assert enforced.training.epochs == 5  # unlocked keys keep the student's value


@pytest.mark.parametrize(
    "change, fragment",
    [
        (('metric = "test_mse"', 'metric = "test_mes"'), "did you mean 'test_mse'"),
        (("below = 0.01", "below = 0.01\nabove = 0.001"), "exactly one of below"),
        (("below = 0.01", 'below = "small"'), "goals[1].below: must be a number"),
        (('preset = "course-sine"', 'preset = "course-sin"'), "did you mean 'course-sine'"),
        (('"data.formula"', '"data.formla"'), "did you mean 'formula'"),
        (('title = "A lab"', 'titel = "A lab"'), "lab.titel: unknown key; did you mean 'title'"),
        (('title = "A lab"', ""), "lab.title: missing"),
        (
            ("[experiment]", '[experiment]\n[experiment.training]\noptimizer = "adamw"'),
            "experiment.training.optimizer: must be one of",
        ),
        (("[lab]", "colour = 3\n[lab]"), "colour: unknown key"),
    ],
)
def test_mistakes_are_refused_with_the_field_named(tmp_path, change, fragment):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    with pytest.raises(LabError) as info:
        load_lab(write(tmp_path, text))
    message = str(info.value)
    assert message.startswith("lab.toml: ")
    assert fragment in message


def test_invalid_experiment_values_name_the_experiment_field():
    data = {
        "lab": {"title": "t"},
        "experiment": {"training": {"optimizer": "adamw"}, "model": {"hidden": [0]}},
    }
    with pytest.raises(LabError) as info:
        lab_from_dict(data)
    problems = info.value.problems
    assert any(p.startswith("experiment.training.optimizer: must be one of") for p in problems)
    assert any(p.startswith("experiment.model.hidden") for p in problems)


def test_goals_must_fit_the_task():
    lab = {"lab": {"title": "t"}}
    accuracy_on_regression = {**lab, "goals": [{"metric": "test_accuracy", "at_least": 0.9}]}
    with pytest.raises(LabError, match="test_accuracy needs classes"):
        lab_from_dict(accuracy_on_regression)
    percent = {
        **lab,
        "experiment": {"preset": "xor"},
        "goals": [{"metric": "test_accuracy", "at_least": 97}],
    }
    with pytest.raises(LabError, match="write 0.97 for 97%"):
        lab_from_dict(percent)
    mse_on_classes = {**lab, "experiment": {"preset": "xor"}, "goals": [{"metric": "test_mse"}]}
    with pytest.raises(LabError) as info:
        lab_from_dict({**mse_on_classes, "goals": [{"metric": "test_mse", "below": 0.1}]})
    assert "test_mse is for regression" in str(info.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(LabError, match="cannot be read"):
        load_lab(tmp_path / "missing.toml")
    with pytest.raises(LabError, match="not valid TOML"):
        load_lab(write(tmp_path, "[lab\ntitle = 1"))
    bad = tmp_path / "latin1.toml"
    bad.write_bytes("title = 'caf\xe9'".encode("latin-1"))
    with pytest.raises(LabError, match="not a UTF-8 text file"):
        load_lab(bad)
