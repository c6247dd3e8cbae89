"""The image-set catalogue is self-consistent: every fact written once there agrees with the
others (file sizes with image shapes and counts, class lists with label ranges), and the
readers and the GUI take their facts from it."""

import math

import pytest

from mlpstudio.data import catalog
from mlpstudio.data.catalog import SET_LABELS, SET_NAMES, SETS, IdxFile, RecordFile


@pytest.mark.parametrize("name", SET_NAMES)
def test_file_sizes_follow_from_shape_and_counts(name):
    spec = SETS[name]
    assert spec.inputs == math.prod(spec.shape)
    for file in spec.files:
        if isinstance(file, IdxFile):  # IDX: a 16-byte header (images) or 8 bytes (labels)
            per_item = spec.inputs if "images" in file.role else 1
            header = 16 if "images" in file.role else 8
            assert file.content_size == header + file.count * per_item, file.name
        else:
            assert isinstance(file, RecordFile)
            assert file.record_bytes == file.label_bytes + spec.inputs
            assert file.label_bytes == (2 if spec.coarse_classes else 1)
            # the CIFAR page: "1 byte label (2 for CIFAR-100) + 3072 bytes of pixels"
            assert file.record_bytes == {1: 3073, 2: 3074}[file.label_bytes]
    assert {f.role.split("-")[0] for f in spec.files} == {"train", "test"}


@pytest.mark.parametrize("name", SET_NAMES)
def test_classes_and_superclasses_agree(name):
    spec = SETS[name]
    assert len(spec.classes) == 10 or len(spec.classes) == 100
    assert len(set(spec.classes)) == len(spec.classes)
    if spec.coarse_classes:
        assert len(spec.coarse_of) == len(spec.classes)
        assert set(spec.coarse_of) == set(range(len(spec.coarse_classes)))
        assert spec.class_names("coarse") == spec.coarse_classes
    else:
        assert spec.coarse_of == () and spec.class_names("coarse") == spec.classes
    assert catalog.cifar_set(1).name == "cifar10" and catalog.cifar_set(2).name == "cifar100"


def test_the_readers_and_the_gui_read_the_catalogue(qtbot):
    from mlpstudio.data.images import class_names
    from mlpstudio.gui.panels.data_panel import DataPanel

    assert set(SET_LABELS) == set(SET_NAMES)
    for name, spec in SETS.items():
        assert class_names(name, "coarse") == spec.class_names("coarse")
    panel = DataPanel()
    qtbot.addWidget(panel)
    offered = [panel.kind.itemData(i) for i in range(panel.kind.count())]
    assert [k for k in offered if k in SETS] == list(SET_NAMES)
    for name, spec in SETS.items():
        index = panel.kind.findData(name)
        assert spec.label in panel.kind.itemText(index)
        panel.kind.setCurrentIndex(index)  # as a user choosing the Task
        assert f"{spec.inputs:,}".replace(",", "") in panel.flattening.text().replace(",", "")
