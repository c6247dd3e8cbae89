"""Stand-ins for what the exporter writes into a script: the default experiment's settings
and the registry entries' own functions, so that every template imports and lints on its own.

The exporter never copies this module. In a script, the settings block holds the experiment's
values, and the registry functions are the entries' sources inlined with
:func:`inspect.getsource` (:mod:`mlpstudio.experiment.script_export`).
"""

import numpy as np

from ...core import metrics
from ...core.activations import ACTIVATIONS as _ACTIVATIONS
from ...core.inits import INITS as _INITS
from ...core.losses import HEADS as _HEADS
from ...core.optimizers import OPTIMIZERS as _OPTIMIZERS
from ...core.schedules import SCHEDULES as _SCHEDULES
from ...core.training import STATUS_TEXT as _STATUS_TEXT
from ...data.functions import parse_condition, parse_target, toy_maker

# -- settings (the script's first block), for the course example -----------------------------
DATA_KIND = "function"
FORMULA = "sin(3*pi*x) + cos(2*pi*x)"
DOMAIN = [(-1.0, 1.0)]
STEP, POINTS, NOISE, NORMALIZE, NORMALIZE_BY = 0.005, 400, 0.0, True, "max"
TOY = "circle"
DATA_ROOT, LABELS, SUBSET, SCALING = ".", "fine", 0, "unit"
IMAGE_SHAPE, ARCHIVE_FOLDER, LABEL_BYTES = (28, 28), None, 1
IDX_FILES = {"train-images": "train-images-idx3-ubyte"}
RECORD_FILES = {"train": ["data_batch_1.bin"], "test": ["test_batch.bin"]}
TEST_FRACTION, DATA_SEED = 0.2, 0
HIDDEN, ACTIVATIONS, HEAD, INIT = [10], ["tanh"], "mse", "auto"
LAYER_INITS = ["glorot", "glorot"]
CLASSES, OUTPUTS = None, 1  # classes (None: regression); output units N_L
OPTIMIZER, LEARNING_RATE = "adam", 0.01
OPTIMIZER_OPTIONS = {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
BATCH_SIZE, EPOCHS, WEIGHT_DECAY = 16, 3000, 0.0
SCHEDULE, SCHEDULE_OPTIONS = "constant", {}
EARLY_STOPPING, VALIDATION_FRACTION, PATIENCE, RESTORE_BEST = False, 0.1, 200, True
SEED = 0
DTYPE = np.float32
INPUT_SHIFT, INPUT_SCALE = 0.0, 1.0
STATUS_TEXT = _STATUS_TEXT
SAME_START = True


def target(x):
    """The target formula (a script has it generated from the formula's parse tree)."""
    return parse_target(FORMULA)(x)


CONDITION = "x1**2 + x2**2 < 0.5"


def condition(x1, x2):
    """The class condition (a script has it generated from the condition's parse tree)."""
    return parse_condition(CONDITION)(x1, x2)


# -- the registry entries' functions (a script inlines the sources of those it uses) ----------
ACTIVATION_FUNCTIONS = {a.name: (a.forward, a.derivative, a.needs_z) for a in _ACTIVATIONS.values()}
INIT_DRAWS = {i.name: i.draw for i in _INITS.values()}
head_output, head_loss, head_delta = _HEADS[HEAD].output, _HEADS[HEAD].loss, _HEADS[HEAD].delta
HEAD_TARGETS, IS_CLASSIFICATION = _HEADS[HEAD].targets, _HEADS[HEAD].is_classification
optimizer_update = _OPTIMIZERS[OPTIMIZER].update
OPTIMIZER_BUFFERS = _OPTIMIZERS[OPTIMIZER].buffers
schedule_factor = _SCHEDULES[SCHEDULE].factor
mse, r2_score, accuracy = metrics.mse, metrics.r2_score, metrics.accuracy


make_points = toy_maker(TOY)  # a script inlines the app's own maker of its 2-D set


# -- In a script: a data template's make_data, and the entries' ``torch`` sources as functions
def _generated(*args):
    raise NotImplementedError("generated into the exported script from the registries")


make_data = _generated  # one of the data templates, in a script
make_activation = init_weight = make_loss = torch_output = _generated
make_optimizer = make_scheduler = _generated
