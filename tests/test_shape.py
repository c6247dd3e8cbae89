"""One shape function: what the config alone says equals what the built network has."""

import pytest

from mlpstudio.experiment.build import build_dataset, build_network
from mlpstudio.experiment.config import Config, ConfigError
from mlpstudio.experiment.shape import experiment_shape

CASES = [
    ([], "regression", (1,), None, "mse", (1, 10, 1), 31),
    (
        ["data.formula=sin(pi*x1)*x2", "data.step=0", "model.hidden=[5,4]"],
        "regression",
        (2,),
        None,
        "mse",
        (2, 5, 4, 1),
        15 + 24 + 5,
    ),
    (["data.kind=toy", "model.hidden=[6]"], "classification", (2,), 2, "sigmoid", (2, 6, 1), 25),
    (
        ["data.kind=toy", "model.head=softmax", "model.hidden=[]"],
        "classification",
        (2,),
        2,
        "softmax",
        (2, 2),
        6,
    ),
]


@pytest.mark.parametrize("overrides, task, shape, classes, head, sizes, params", CASES)
def test_shape_from_the_config_matches_the_built_network(
    overrides, task, shape, classes, head, sizes, params
):
    config = Config().with_overrides(overrides)
    got = experiment_shape(config)
    assert (got.task, got.input_shape, got.n_classes, got.head) == (task, shape, classes, head)
    assert got.sizes == sizes and got.params == params
    dataset = build_dataset(config.data)
    network = build_network(config, dataset)
    assert tuple(network.sizes) == got.sizes and network.n_params == got.params
    assert network.head.name == got.head
    assert experiment_shape(config, dataset) == got  # from the data, the same answer


IMAGE_CASES = [
    ("mnist", "fine", (28, 28), 10, 784),
    ("fashion-mnist", "fine", (28, 28), 10, 784),
    ("cifar10", "fine", (32, 32, 3), 10, 3072),
    ("cifar100", "fine", (32, 32, 3), 100, 3072),
    ("cifar100", "coarse", (32, 32, 3), 20, 3072),
]


@pytest.mark.parametrize("kind, labels, shape, classes, inputs", IMAGE_CASES)
def test_image_shapes_come_from_the_catalogue_without_reading_files(
    tmp_path, kind, labels, shape, classes, inputs
):
    config = Config().with_overrides(
        [f"data.kind={kind}", f"data.labels={labels}", f"data.root={tmp_path}"]
    )
    got = experiment_shape(config)  # tmp_path is empty: nothing is read
    assert got.input_shape == shape and got.n_classes == classes and got.inputs == inputs
    assert got.head == "softmax" and got.sizes == (inputs, 10, classes)


def test_shape_from_genuine_mnist_agrees(shared_datasets):
    config = Config().with_overrides(
        ["data.kind=mnist", f"data.root={shared_datasets / 'mnist'}", "data.subset=100"]
    )
    assert experiment_shape(config) == experiment_shape(config, build_dataset(config.data))


def test_heads_that_cannot_learn_are_refused():
    for overrides, words in (
        (["model.head=softmax"], "needs class labels"),
        (["data.kind=toy", "model.head=mse"], "mse is for regression; use softmax or sigmoid"),
        (
            ["data.kind=mnist", "model.head=sigmoid"],
            "sigmoid is for at most 2 classes; use softmax",
        ),
    ):
        with pytest.raises(ConfigError, match=words):
            experiment_shape(Config().with_overrides(overrides))


def test_csv_shape_reads_the_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "a,b,c,label\n" + "".join(f"{i},{i % 3},{i * 2},{'xyz'[i % 3]}\n" for i in range(30))
    )
    config = Config().with_overrides(["data.kind=csv", f"data.path={path}", "model.hidden=[4]"])
    got = experiment_shape(config)
    assert got.task == "classification" and got.n_classes == 3 and got.sizes == (3, 4, 3)
    assert got == experiment_shape(config, build_dataset(config.data))
