"""From a :class:`~mlpstudio.experiment.config.Config` to the objects that train.

The command line, the GUI and the comparison runner all build experiments here, so a config
means the same thing everywhere.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.backend import Backend, get_backend
from ..core.losses import default_head
from ..core.network import Network, check_network_memory, parameter_count
from ..core.optimizers import state_arrays
from ..core.training import History, Trainer
from ..data.dataset import DataError, Dataset
from ..data.functions import function_dataset, split_indices, toy_dataset
from ..data.tabular import estimated_bytes, read_table
from ..i18n import translate
from ..memory import MemoryBudgetError, check_memory
from .config import IMAGE_KINDS, Config, ConfigError, DataConfig


def build_dataset(data: DataConfig) -> Dataset:
    """The dataset a ``[data]`` section describes (raises DataError or FormulaError)."""
    if data.kind == "function":
        return function_dataset(
            data.formula,
            domain=data.domain,
            points=data.points,
            step=data.step or None,
            noise=data.noise,
            test_fraction=data.test_fraction,
            normalize=data.normalize,
            seed=data.seed,
        )
    if data.kind == "toy":
        return toy_dataset(
            data.toy,
            points=data.points,
            noise=data.noise,
            test_fraction=data.test_fraction,
            seed=data.seed,
        )
    if data.kind in IMAGE_KINDS:
        from ..data.images import image_dataset  # reads files: only when asked for

        return image_dataset(
            data.kind,
            root=data.root or None,
            labels=data.labels,
            subset=data.subset,
            scaling=data.scaling,
            seed=data.seed,
        )
    if data.kind == "csv":
        return csv_dataset(data)
    raise ValueError(f"unknown data kind {data.kind!r}")


def csv_dataset(data: DataConfig) -> Dataset:
    """A CSV file (``data.path``) split with ``data.seed``/``data.test_fraction``. Inputs are
    standardised with the mean and standard deviation of the *train* rows (``data.standardize``;
    a constant column is only centred). Regression targets are divided by the largest |y| of
    the train rows when ``data.normalize`` is on, as for functions (``Dataset.y_divisor`` keeps
    the divisor, so views can show the file's units); off, they stay in the file's units."""
    if not data.path:
        raise DataError(
            translate(
                "Data",
                "data.path: no CSV file is chosen; give its path (in the app: Import CSV...).",
            )
        )
    try:
        check_memory(
            estimated_bytes(data.path),
            translate("Data", "Reading {file}").format(file=Path(data.path).name),
            translate("Data", "Use a sample of the rows, or fewer columns."),
        )
    except MemoryBudgetError as exc:
        raise DataError(str(exc)) from None
    table = read_table(
        data.path,
        target=data.target or None,
        inputs=list(data.inputs) or None,
        delimiter=data.delimiter,
        decimal=data.decimal,
        task=data.task,
    )
    train, test = split_indices(len(table.x), data.test_fraction, np.random.default_rng(data.seed))
    x_train, x_test = table.x[train], table.x[test]
    if data.standardize:
        mean = x_train.mean(axis=0)
        std = x_train.std(axis=0)
        std[std == 0] = 1.0
        x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    y_train, y_test = table.y[train], table.y[test]
    divisor = 1.0
    if table.task == "regression" and data.normalize:
        divisor = float(np.abs(y_train).max()) or 1.0
        y_train, y_test = y_train / divisor, y_test / divisor
    name = Path(table.path).name
    description = translate(
        "Data", "{file}: {rows} rows; target {target} ({task}); inputs {inputs}."
    ).format(
        file=name,
        rows=len(table.x),
        target=table.target,
        task=translate("Data", table.task),
        inputs=", ".join(table.inputs),
    )
    return Dataset(
        name=name,
        task=table.task,
        x_train=x_train,
        y_train=y_train,
        x_test=x_test,
        y_test=y_test,
        input_shape=(x_train.shape[1],),
        class_names=table.class_names,
        y_divisor=divisor,
        description=description,
    )


def layer_sizes(config: Config, dataset: Dataset) -> list[int]:
    """[N_0, N_1, ..., N_L] for the config's hidden layers on this dataset."""
    return [dataset.n_inputs, *config.model.hidden, output_units(config, dataset)]


def head_name(config: Config, dataset: Dataset) -> str:
    if config.model.head != "auto":
        return config.model.head
    return default_head(dataset.task, dataset.n_classes)


def output_units(config: Config, dataset: Dataset) -> int:
    head = head_name(config, dataset)
    if head == "softmax":
        return int(dataset.n_classes or 1)
    if head == "sigmoid" and dataset.task == "classification":
        return 1
    return dataset.n_outputs


def check_compatible(config: Config, dataset: Dataset) -> None:
    """Refuse heads that cannot learn the task (MSE on class labels and so on)."""
    head = head_name(config, dataset)
    if dataset.task == "regression" and head != "mse":
        raise ConfigError(
            [f"model.head: {head} needs class labels; use mse (or auto) for regression"]
        )
    if dataset.task == "classification" and head == "mse":
        raise ConfigError(["model.head: mse is for regression; use softmax, sigmoid or auto"])
    if head == "sigmoid" and (dataset.n_classes or 0) > 2:
        raise ConfigError(["model.head: sigmoid is for two classes; use softmax or auto"])


def build_network(config: Config, dataset: Dataset, backend: Backend | None = None) -> Network:
    check_compatible(config, dataset)
    backend = backend or get_backend(config.training.backend, config.training.dtype)
    # Parameters, gradients and the optimiser's buffers must fit together: refuse before
    # allocating any of them.
    sizes = layer_sizes(config, dataset)
    check_network_memory(
        sizes,
        parameter_count(sizes),
        np.dtype(backend.dtype).itemsize,
        buffers=2 + state_arrays(config.training.optimizer),
    )
    return Network(
        layer_sizes(config, dataset),
        config.model.activations(),
        head=head_name(config, dataset),
        init=config.model.init,
        seed=config.training.seed,
        backend=backend,
    )


def check_validation_split(config: Config, dataset: Dataset) -> None:
    """Early stopping holds back a share of the training samples (the trainer's rule: at
    least one); refuse when nothing would be left to train on."""
    training = config.training
    if not training.early_stopping:
        return
    n_train = len(dataset.x_train)
    n_val = max(1, int(round(training.validation_fraction * n_train)))
    if n_val >= n_train:
        raise ConfigError(
            [
                f"training.validation_fraction: early stopping would hold back {n_val} of the "
                f"{n_train} training samples, leaving none to train on; use more points, a "
                "smaller data.test_fraction, or turn early stopping off"
            ]
        )


def build_trainer(
    config: Config,
    dataset: Dataset | None = None,
    network: Network | None = None,
    history: History | None = None,
    optimizer_state: dict | None = None,
    epochs: int | None = None,
    **trainer_kwargs,
) -> Trainer:
    """The trainer a config describes; ``epochs`` overrides the config's target (a run that
    continues to a later epoch)."""
    dataset = dataset if dataset is not None else build_dataset(config.data)
    network = network if network is not None else build_network(config, dataset)
    options = config.training.options(**({} if epochs is None else {"epochs": epochs}))
    check_validation_split(config, dataset)
    return Trainer(
        network,
        dataset,
        options,
        history=history,
        optimizer_state=optimizer_state,
        **trainer_kwargs,
    )
