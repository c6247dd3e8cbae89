"""From a :class:`~mlpstudio.experiment.config.Config` to the objects that train.

The command line, the GUI and the comparison runner all build experiments here, so a config
means the same thing everywhere.
"""

from __future__ import annotations

import numpy as np

from ..core.backend import Backend, get_backend
from ..core.network import Network, check_network_memory
from ..core.optimizers import state_arrays
from ..core.training import History, Trainer
from ..data.dataset import Dataset
from ..data.functions import formula_class_dataset, function_dataset, toy_dataset
from .config import IMAGE_KINDS, Config, ConfigError, DataConfig
from .csv_data import csv_dataset
from .shape import experiment_shape


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
            normalize_by=data.normalize_by,
        )
    if data.kind == "toy":
        return toy_dataset(
            data.toy,
            points=data.points,
            noise=data.noise,
            test_fraction=data.test_fraction,
            seed=data.seed,
            classes=data.classes,
        )
    if data.kind == "formula-class":
        return formula_class_dataset(
            data.condition,
            domain=data.domain,
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


def build_network(config: Config, dataset: Dataset, backend: Backend | None = None) -> Network:
    shape = experiment_shape(config, dataset)  # refuses heads that cannot learn the task
    backend = backend or get_backend(config.training.backend, config.training.dtype)
    # Parameters, gradients and the optimiser's buffers must fit together: refuse before
    # allocating any of them.
    sizes = list(shape.sizes)
    check_network_memory(
        sizes,
        shape.params,
        np.dtype(backend.dtype).itemsize,
        buffers=2 + state_arrays(config.training.optimizer),
    )
    return Network(
        sizes,
        config.model.activations(),
        head=shape.head,
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
    trainer = Trainer(
        network,
        dataset,
        options,
        history=history,
        optimizer_state=optimizer_state,
        **trainer_kwargs,
    )
    # A continued run shuffles as the uninterrupted run would have: its generator first draws
    # the batch orders of the epochs already trained, so 20 + 20 epochs equal 40 straight.
    for _ in range(trainer.start_epoch):
        trainer.epoch_order()
    return trainer
