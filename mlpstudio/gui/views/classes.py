"""What the classification views share: predictions in the label space being shown."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...core import metrics
from ...i18n import translate


@dataclass(frozen=True)
class ClassResults:
    """Test-set labels and predictions, possibly folded from fine classes into superclasses."""

    true: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray
    names: tuple[str, ...]

    @property
    def n_classes(self) -> int:
        return len(self.names)

    def confusion(self) -> np.ndarray:
        return metrics.confusion_matrix(self.true, self.predicted, self.n_classes)


def class_results(dataset, output: np.ndarray, fold: bool = False) -> ClassResults:
    """Labels and predictions for the views; ``fold`` maps CIFAR-100 fine classes to their
    superclasses (probabilities are summed within each superclass)."""
    probabilities = metrics.class_probabilities(output)
    true = np.asarray(dataset.y_test, dtype=np.int64)
    names = dataset.class_names
    if fold and dataset.coarse_of is not None:
        probabilities = metrics.fold_probabilities(probabilities, dataset.coarse_of)
        true = dataset.coarse_of[true]
        names = dataset.coarse_names
    return ClassResults(
        true=true,
        predicted=probabilities.argmax(axis=1),
        confidence=probabilities.max(axis=1),
        names=tuple(translate("Classes", n) for n in names),
    )


def label_names(dataset, fold: bool = False) -> tuple[str, ...]:
    names = dataset.coarse_names if fold and dataset.coarse_of is not None else dataset.class_names
    return tuple(translate("Classes", n) for n in names)


def test_labels(dataset, fold: bool = False) -> np.ndarray:
    true = np.asarray(dataset.y_test, dtype=np.int64)
    return dataset.coarse_of[true] if fold and dataset.coarse_of is not None else true
