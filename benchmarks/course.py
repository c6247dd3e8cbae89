"""The course example, five seeds: MLP Studio's defaults against scikit-learn on the same splits.

For each seed the data split, the initialisation and the shuffling change. Prints the test R^2
of MLP Studio's default recipe (one hidden layer of 10), its wall time, the test R^2 of the
course's scikit-learn recipe ``MLPRegressor([10], max_iter=1000)`` on the same split, and of
scikit-learn given MLP Studio's recipe (tanh, Adam, lr 0.01, batch 16, no early stop).

    python benchmarks/course.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlpstudio.experiment.build import build_dataset, build_trainer  # noqa: E402
from mlpstudio.experiment.config import Config  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.metrics import r2_score
        from sklearn.neural_network import MLPRegressor
    except ImportError:
        print("scikit-learn is needed: pip install scikit-learn")
        return 1
    warnings.simplefilter("ignore", ConvergenceWarning)

    config = Config()
    t = config.training
    print(
        f"MLP Studio defaults: hidden {config.model.hidden}, {config.model.activation}, "
        f"{t.optimizer} lr {t.learning_rate}, batch {t.batch_size}, {t.epochs} epochs"
    )
    print(
        f"{'seed':>4} {'ours R2':>8} {'ours s':>7} {'sklearn course R2':>18} "
        f"{'sklearn same recipe R2':>23}"
    )
    ours, course, same = [], [], []
    for seed in range(args.seeds):
        config = Config()
        config.data.seed = config.training.seed = seed
        data = build_dataset(config.data)
        started = time.perf_counter()
        final = build_trainer(config, dataset=data, snapshot_interval=0.05).run()
        seconds = time.perf_counter() - started
        ours.append(r2_score(data.y_test, final.test_output))
        reference = MLPRegressor(hidden_layer_sizes=[10], max_iter=1000, random_state=seed)
        reference.fit(data.x_train, data.y_train[:, 0])
        course.append(r2_score(data.y_test[:, 0], reference.predict(data.x_test)))
        recipe = MLPRegressor(
            hidden_layer_sizes=config.model.hidden,
            activation="tanh",
            solver="adam",
            alpha=0.0,
            batch_size=t.batch_size,
            learning_rate_init=t.learning_rate,
            max_iter=t.epochs,
            tol=0.0,
            n_iter_no_change=t.epochs,
            random_state=seed,
        ).fit(data.x_train, data.y_train[:, 0])
        same.append(r2_score(data.y_test[:, 0], recipe.predict(data.x_test)))
        print(f"{seed:>4} {ours[-1]:8.4f} {seconds:7.2f} {course[-1]:18.4f} {same[-1]:23.4f}")
    print(
        f"{'median':>6} {statistics.median(ours):6.4f} {'':7} {statistics.median(course):18.4f} "
        f"{statistics.median(same):23.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
