"""The data panel: what the network learns (a formula, or a 2-D classification set)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...data.catalog import SETS
from ...data.expr import describe_allowed
from ...data.functions import TOY_LABELS, TOYS
from ...experiment.config import CSV_KEYS, DataConfig, field_spec
from ...experiment.presets import PRESETS
from ...i18n import translate
from ..locks import Locks
from ..style import number
from ..views.gallery_view import GalleryView
from ..views.prediction_view import PredictionView
from ..widgets import (
    WARNING_COLOUR,
    CurrentPageStack,
    ElidingCheckBox,
    ElidingComboBox,
    error_style,
    message_label,
    wrap_long_rows,
)
from . import data_pages as extra
from .training_panel import spec_range

FORMULA_DELAY_MS = 200  # validate this long after the last keystroke


SUBSETS = (1_000, 10_000, 0)  # 0: all images
#: The keys the Import CSV dialog sets (a lab that locks any of them locks the dialog's button).


class DataPanel(QWidget):
    changed = Signal()
    presetChosen = Signal(str)
    downloadRequested = Signal(str)  # dataset name
    importRequested = Signal(str)
    manageRequested = Signal()
    csvRequested = Signal()  # File > Import CSV...

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.locks = Locks()
        layout = QVBoxLayout(self)

        form = QFormLayout()
        wrap_long_rows(form)
        self.preset = ElidingComboBox()
        self.preset.addItem(self.tr("(choose a preset)"), "")
        for name, (label, _) in PRESETS.items():
            self.preset.addItem(translate("Presets", label), name)
        self.preset.setToolTip(
            self.tr("Load a ready-made experiment: the course example and other targets.")
        )
        self.preset.activated.connect(self._preset_activated)
        form.addRow(self.tr("Preset"), self.preset)

        self.kind = ElidingComboBox()
        self.kind.addItem(self.tr("Function y = f(x)"), "function")
        self.kind.addItem(self.tr("2-D classification set"), "toy")
        self.kind.addItem(self.tr("2-D classes from a condition"), "formula-class")
        for name, spec in SETS.items():  # the image sets, from the catalogue
            label = translate("Datasets", spec.label)
            self.kind.addItem(self.tr("Images: {name}").format(name=label), name)
        self.kind.addItem(self.tr("Your own data: a CSV file"), "csv")
        self.kind.setToolTip(
            self.tr(
                "Regression: the network approximates a function you type. Classification: "
                "it separates two classes of points in the plane."
            )
        )
        form.addRow(self.tr("Task"), self.kind)
        layout.addLayout(form)

        self.pages = CurrentPageStack()
        self.pages.addWidget(self._function_page())
        self.pages.addWidget(self._toy_page())
        self.pages.addWidget(self._image_page())
        self.csv_page = extra.CsvPage()
        self.csv_page.button.clicked.connect(self.csvRequested)
        self.csv_summary, self.csv_button = self.csv_page.summary, self.csv_page.button
        self.pages.addWidget(self.csv_page)
        self.condition_page = extra.FormulaClassPage()
        self.condition_page.edited.connect(self._emit_changed)
        self.pages.addWidget(self.condition_page)
        layout.addWidget(self.pages)
        self.data_message = message_label()
        layout.addWidget(self.data_message)

        common = self.common_form = QFormLayout()
        wrap_long_rows(common)
        self.test_fraction = QSpinBox()
        self.test_fraction.setRange(5, 90)
        self.test_fraction.setSuffix(" %")
        self.test_fraction.setToolTip(
            self.tr(
                "Share of the points held out as the test set. The network never trains on "
                "them: they measure how well it generalises."
            )
        )
        common.addRow(self.tr("Test set"), self.test_fraction)
        self.seed = QSpinBox()
        spec_range(self.seed, "data", "seed")
        self.seed.setToolTip(
            self.tr(
                "Seed of the random train/test split and of the noise: the same seed gives "
                "the same data."
            )
        )
        common.addRow(self.tr("Data seed"), self.seed)
        layout.addLayout(common)

        self.preview = PredictionView(show_network=False)
        self.preview.caption.setText(self.tr("<b>Preview</b> of the data"))
        self.preview.export_button.hide()
        self.preview.setMinimumHeight(180)
        self.image_preview = GalleryView(preview=True)
        self.image_preview.setMinimumHeight(180)
        self.previews = CurrentPageStack()
        self.previews.addWidget(self.preview)
        self.previews.addWidget(self.image_preview)
        layout.addWidget(self.previews, 1)

        self._formula_timer = QTimer(self)
        self._formula_timer.setSingleShot(True)
        self._formula_timer.setInterval(FORMULA_DELAY_MS)
        self._formula_timer.timeout.connect(self._emit_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for spin in (self.test_fraction, self.seed):
            spin.valueChanged.connect(self._emit_changed)
        self.load(DataConfig())

    def _function_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        wrap_long_rows(form)
        self.formula = QLineEdit()
        self.formula.setPlaceholderText("sin(3*pi*x) + cos(2*pi*x)")
        self.formula.setToolTip(
            self.tr(
                "The target function the network must learn, in x (or in x1 and x2 for two inputs)."
            )
            + "\n"
            + describe_allowed(("x",))
        )
        self.formula.textEdited.connect(lambda _: self._formula_timer.start())
        self.formula_message = message_label()
        # Warnings about a usable formula (a singularity on the domain): amber, not red.
        self.formula_warning = message_label(WARNING_COLOUR)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.formula)
        box.addWidget(self.formula_message)
        box.addWidget(self.formula_warning)
        form.addRow(self.tr("f(x) ="), box)

        self.domain_lo, self.domain_hi = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.domain_lo, self.domain_hi):
            spin.setRange(-1e6, 1e6)
            spin.setDecimals(3)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.setToolTip(
                self.tr(
                    "The interval of x on which the function is sampled (for "
                    "x1, x2: the same interval on both axes)."
                )
            )
            spin.valueChanged.connect(self._emit_changed)
        row = QHBoxLayout()
        row.addWidget(self.domain_lo)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.domain_hi)
        form.addRow(self.tr("Domain"), row)

        self.sampling = ElidingComboBox()
        self.sampling.addItem(self.tr("Step"), "step")
        self.sampling.addItem(self.tr("Number of points"), "points")
        self.sampling.setToolTip(
            self.tr(
                "Sample x every 'step' (like numpy.arange), or take a "
                "number of evenly spaced points."
            )
        )
        self.step = QDoubleSpinBox()
        self.step.setDecimals(4)
        self.step.setRange(0.0001, field_spec("data", "step").high)  # 0: by points
        self.step.setSingleStep(0.001)
        self.step.setKeyboardTracking(False)
        self.step.setToolTip(self.tr("Distance between consecutive samples of x."))
        self.points = QSpinBox()
        spec_range(self.points, "data", "points")
        self.points.setSingleStep(50)
        self.points.setKeyboardTracking(False)
        self.points.setToolTip(self.tr("How many samples of the function (train + test)."))
        row = QHBoxLayout()
        row.addWidget(self.sampling)
        row.addWidget(self.step)
        row.addWidget(self.points)
        form.addRow(self.tr("Sampling"), row)
        self.sampling.currentIndexChanged.connect(self._sampling_changed)
        self.step.valueChanged.connect(self._emit_changed)
        self.points.valueChanged.connect(self._emit_changed)

        self.noise = QDoubleSpinBox()
        spec_range(self.noise, "data", "noise")
        self.noise.setDecimals(3)
        self.noise.setSingleStep(0.01)
        self.noise.setKeyboardTracking(False)
        self.noise.setToolTip(
            self.tr(
                "Standard deviation of the Gaussian noise added to every y: "
                "real measurements are never exact."
            )
        )
        self.noise.valueChanged.connect(self._emit_changed)
        form.addRow(self.tr("Noise"), self.noise)

        self.normalize = ElidingCheckBox(self.tr("Divide y"))
        self.normalize.setToolTip(self.tr("Normalise the targets, as in the course."))
        self.normalize.toggled.connect(self._emit_changed)
        self.normalize_by = extra.normalize_by_box()
        self.normalize_by.currentIndexChanged.connect(self._emit_changed)
        self.normalize.toggled.connect(self.normalize_by.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.normalize)
        row.addWidget(self.normalize_by, 1)
        form.addRow(self.tr("Normalise"), row)
        return page

    def _toy_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        wrap_long_rows(form)
        self.toy = ElidingComboBox()
        for name in TOYS:
            self.toy.addItem(translate("Toys", TOY_LABELS[name]), name)
        self.toy.setToolTip(
            self.tr(
                "Classes of points in the plane, as in TensorFlow "
                "Playground: the network learns the boundaries between them."
            )
        )
        self.toy.currentIndexChanged.connect(self._emit_changed)
        form.addRow(self.tr("Set"), self.toy)
        self.classes = extra.classes_box()
        self.classes.valueChanged.connect(self._emit_changed)
        self.toy.currentIndexChanged.connect(self._toy_changed)
        form.addRow(self.tr("Classes"), self.classes)
        self.toy_points = QSpinBox()
        spec_range(self.toy_points, "data", "points")
        self.toy_points.setSingleStep(100)
        self.toy_points.setKeyboardTracking(False)
        self.toy_points.setToolTip(self.tr("How many points (train + test)."))
        self.toy_points.valueChanged.connect(self._emit_changed)
        form.addRow(self.tr("Points"), self.toy_points)
        self.toy_noise = QDoubleSpinBox()
        spec_range(self.toy_noise, "data", "noise")
        self.toy_noise.setDecimals(2)
        self.toy_noise.setSingleStep(0.05)
        self.toy_noise.setKeyboardTracking(False)
        self.toy_noise.setToolTip(self.tr("How much the classes overlap (0: cleanly separated)."))
        self.toy_noise.valueChanged.connect(self._emit_changed)
        form.addRow(self.tr("Noise"), self.toy_noise)
        return page

    def _image_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        wrap_long_rows(form)
        self.image_status = QLabel()
        self.image_status.setWordWrap(True)
        form.addRow(self.tr("On this computer"), self.image_status)
        buttons = QGridLayout()
        self.download_button = QPushButton(self.tr("Download..."))
        self.download_button.setToolTip(
            self.tr(
                "Download the files from the official source (or "
                "the lab's mirror) and verify their checksums."
            )
        )
        self.import_button = QPushButton(self.tr("Import from folder..."))
        self.import_button.setToolTip(
            self.tr(
                "Use files a teacher copied onto this computer "
                "(.gz or uncompressed); they are verified first."
            )
        )
        self.manage_button = QPushButton(self.tr("Manage..."))
        self.manage_button.setToolTip(
            self.tr("See every dataset, its size and whether it verified.")
        )
        buttons.addWidget(self.download_button, 0, 0)
        buttons.addWidget(self.manage_button, 0, 1)
        buttons.addWidget(self.import_button, 1, 0, 1, 2)
        form.addRow("", buttons)
        self.root = QLineEdit()
        self.root.setPlaceholderText(self.tr("(the data store)"))
        self.root.setToolTip(
            self.tr(
                "A folder holding this dataset's files, for example one a teacher shared. "
                "Empty: the app's own data store (see Datasets...)."
            )
        )
        self.root.editingFinished.connect(self._root_edited)
        self.root_button = QPushButton(self.tr("Choose..."))
        self.root_button.setToolTip(self.tr("Choose the folder with the dataset's files."))
        self.root_button.clicked.connect(self._choose_root)
        row = QHBoxLayout()
        row.addWidget(self.root, 1)
        row.addWidget(self.root_button)
        form.addRow(self.tr("Data folder"), row)
        self.download_button.clicked.connect(lambda: self.downloadRequested.emit(self._kind()))
        self.import_button.clicked.connect(lambda: self.importRequested.emit(self._kind()))
        self.manage_button.clicked.connect(self.manageRequested)

        self.subset = ElidingComboBox()
        for n in SUBSETS:
            self.subset.addItem(number(n) if n else self.tr("All"), n)
        self.subset.setToolTip(
            self.tr(
                "How many images of each split to use: fewer train "
                "faster on a modest PC, more generalise better."
            )
        )
        self.subset.currentIndexChanged.connect(self._emit_changed)
        form.addRow(self.tr("Images"), self.subset)
        self.scaling = ElidingComboBox()
        self.scaling.addItem(self.tr("Pixels / 255 (0 to 1)"), "unit")
        self.scaling.addItem(self.tr("Standardise (mean 0, std 1)"), "standardize")
        self.scaling.setToolTip(
            self.tr(
                "How pixel values 0-255 become inputs. Standardising "
                "centres them, which often helps training."
            )
        )
        self.scaling.currentIndexChanged.connect(self._emit_changed)
        form.addRow(self.tr("Scaling"), self.scaling)
        self.labels = ElidingComboBox()
        self.labels.addItem(self.tr("100 fine classes"), "fine")
        self.labels.addItem(self.tr("20 superclasses"), "coarse")
        self.labels.setToolTip(
            self.tr(
                "CIFAR-100 has two labels per image: one of 100 classes and one of 20 superclasses."
            )
        )
        self.labels.currentIndexChanged.connect(self._emit_changed)
        self.labels_label = QLabel(self.tr("Labels"))
        form.addRow(self.labels_label, self.labels)
        self.flattening = QLabel()
        self.flattening.setWordWrap(True)
        self.flattening.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.flattening)
        return page

    def _kind(self) -> str:
        return self.kind.currentData()

    def set_locked_keys(self, keys) -> None:
        """Lock the controls of ``keys``; any lock also locks the presets (they change all)."""
        lockable = self.lockable()
        lockable["*preset"] = [self.preset]
        self.locks.apply(lockable, set(keys) | ({"*preset"} if keys else set()))

    def lockable(self) -> dict[str, list]:
        """The widgets behind every ``data.*`` key (for lab files)."""
        return {
            "data.kind": [self.kind],
            "data.formula": [self.formula],
            "data.domain": [
                self.domain_lo,
                self.domain_hi,
                self.condition_page.lo,
                self.condition_page.hi,
            ],  # fmt: skip
            "data.points": [self.points, self.toy_points, self.condition_page.points],
            "data.step": [self.step, self.sampling],
            "data.noise": [self.noise, self.toy_noise, self.condition_page.noise],
            "data.test_fraction": [self.test_fraction],
            "data.normalize": [self.normalize],
            "data.normalize_by": [self.normalize_by],
            "data.classes": [self.classes],
            **self.condition_page.lockable(),
            "data.seed": [self.seed],
            "data.toy": [self.toy],
            "data.subset": [self.subset],
            "data.scaling": [self.scaling],
            "data.labels": [self.labels],
            "data.root": [self.root, self.root_button],
            **{f"data.{key}": [self.csv_button] for key in CSV_KEYS},
        }

    def _update_image_page(self) -> None:
        kind = self._kind()
        spec = SETS.get(kind)
        if spec is None:
            return
        shape, inputs = spec.shape, spec.inputs
        if not spec.colour:
            text = self.tr(
                "Each {h}&times;{w} grey image is flattened, row after row, into a "
                "vector of <b>{n}</b> inputs: N<sub>0</sub> = {n}."
            )
        else:
            text = self.tr(
                "Each {h}&times;{w} colour image has 3 values per pixel (red, green, "
                "blue): flattened, it is a vector of <b>{n}</b> inputs, "
                "N<sub>0</sub> = {h}&times;{w}&times;3 = {n}."
            )
        self.flattening.setText(text.format(h=shape[0], w=shape[1], n=number(inputs)))
        superclasses = bool(spec.coarse_classes)  # CIFAR-100: fine or coarse labels
        self.labels.setVisible(superclasses)
        self.labels_label.setVisible(superclasses)

    def show_image_status(self, text: str, present: bool) -> None:
        """What the data store holds for the chosen image set (from the main window)."""
        self.image_status.setText(text)
        self.download_button.setText(self.tr("Download again...") if present
                                     else self.tr("Download..."))  # fmt: skip

    # -- values ------------------------------------------------------------------------------
    def load(self, data: DataConfig) -> None:
        """Show ``data`` in the controls without reporting it as an edit."""
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
            self._show_page()
            self.subset.setCurrentIndex(max(0, self.subset.findData(data.subset)))
            if self.subset.findData(data.subset) < 0:
                self.subset.addItem(number(data.subset), data.subset)
                self.subset.setCurrentIndex(self.subset.count() - 1)
            self.scaling.setCurrentIndex(max(0, self.scaling.findData(data.scaling)))
            self.labels.setCurrentIndex(max(0, self.labels.findData(data.labels)))
            self.root.setText(data.root)
            self.formula.setText(data.formula)
            self.domain_lo.setValue(data.domain[0])
            self.domain_hi.setValue(data.domain[1])
            self.sampling.setCurrentIndex(0 if data.step else 1)
            if data.step:
                self.step.setValue(data.step)
            self.points.setValue(data.points)
            self.toy_points.setValue(data.points)
            self._sampling_changed()
            self.noise.setValue(data.noise if data.kind == "function" else 0.0)
            self.toy_noise.setValue(data.noise if data.kind == "toy" else 0.1)
            self.normalize.setChecked(data.normalize)
            self.normalize_by.setCurrentIndex(max(0, self.normalize_by.findData(data.normalize_by)))
            self.toy.setCurrentIndex(max(0, self.toy.findData(data.toy)))
            extra.update_classes_box(self.classes, data.toy, self.locks)
            self.classes.setValue(data.classes)
            self.condition_page.load(data)
            self.test_fraction.setValue(int(round(data.test_fraction * 100)))
            self.seed.setValue(data.seed)
            self.csv_page.show_config(data)
        finally:
            self._loading = False

    def data_config(self, base: DataConfig) -> DataConfig:
        """``base`` with the values of the controls."""
        kind = self.kind.currentData()
        data = dataclasses.replace(base)
        data.kind = kind
        data.test_fraction = self.test_fraction.value() / 100
        data.seed = self.seed.value()
        if kind == "function":
            data.formula = self.formula.text()
            data.domain = [self.domain_lo.value(), self.domain_hi.value()]
            data.step = self.step.value() if self.sampling.currentData() == "step" else 0.0
            data.points = self.points.value()
            data.noise = self.noise.value()
            data.normalize = self.normalize.isChecked()
            data.normalize_by = self.normalize_by.currentData()
        elif kind == "formula-class":
            self.condition_page.apply(data)
        elif kind == "csv":
            for key, value in self.csv_page.values.items():
                setattr(data, key, list(value) if isinstance(value, list) else value)
        elif kind == "toy":
            data.toy = self.toy.currentData()
            data.points = self.toy_points.value()
            data.noise = self.toy_noise.value()
            data.classes = self.classes.value()
        else:
            data.subset = int(self.subset.currentData())
            data.scaling = self.scaling.currentData()
            data.labels = self.labels.currentData()
            data.root = self.root.text().strip()
        return data

    def show_data_error(self, message: str | None, position: int | None = None) -> None:
        """Show (or clear) the problem with the data where the user is looking: beside the
        formula for functions, under the options for the other sets."""
        bad = bool(message)
        condition = self.kind.currentData() == "formula-class"
        self.condition_page.show_error(message if condition else None, position)
        function = self.kind.currentData() == "function"
        self.formula_message.setVisible(bad and function)
        self.data_message.setVisible(bad and not function and not condition)
        error_style(self.formula, bad and function)
        if not bad:
            return
        if function:
            if position is not None:
                text = self.formula.text()
                caret = text[:position] + " ▸" + text[position:]
                message = f"{message}\n{caret}"
            self.formula_message.setText(message)
        else:
            self.data_message.setText(message)

    def set_dataset(self, dataset) -> None:
        warnings = dataset.warnings if dataset is not None and dataset.formula is not None else ()
        self.formula_warning.setText("\n".join(warnings))
        self.formula_warning.setVisible(bool(warnings))
        image = dataset is not None and dataset.is_image
        self.previews.setCurrentIndex(1 if image else 0)
        self.preview.set_dataset(None if image else dataset)
        self.image_preview.set_dataset(dataset if image else None)
        if dataset is not None and self._kind() == "csv" and not dataset.domain:
            self.csv_summary.setText(dataset.description)  # rows, target, task, inputs

    # -- events ------------------------------------------------------------------------------
    def _show_page(self) -> None:
        kind = self._kind()
        pages = {"function": 0, "toy": 1, "csv": 3, "formula-class": 4}  # else images: 2
        self.pages.setCurrentIndex(pages.get(kind, 2))
        # image sets come with their own official test set
        self.common_form.setRowVisible(self.test_fraction, kind in pages)
        self._update_image_page()

    def _toy_changed(self) -> None:
        extra.update_classes_box(self.classes, self.toy.currentData(), self.locks)

    def _kind_changed(self) -> None:
        self._show_page()
        self._emit_changed()

    def _sampling_changed(self) -> None:
        by_step = self.sampling.currentData() == "step"
        self.step.setVisible(by_step)
        self.points.setVisible(not by_step)
        self._emit_changed()

    def _root_edited(self) -> None:
        if self.root.isModified():
            self.root.setModified(False)
            self._emit_changed()

    def _choose_root(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with the dataset's files"), self.root.text()
        )
        if folder:
            self.root.setText(folder)
            self._emit_changed()

    def _preset_activated(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name:
            self.presetChosen.emit(name)

    def _emit_changed(self, *_) -> None:
        if not self._loading:
            self.changed.emit()
