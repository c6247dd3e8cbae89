"""The four image sets, the one place each of their facts is written: key, title and display
name, image shape, class names (CIFAR-100: fine classes, superclasses and which superclass
each fine class belongs to), file names, official addresses, checksums and sizes.

The readers (:mod:`.images`), the data store (download, teacher's import, ``mlpstudio data
verify``), the GUI's Task box, Data panel and Datasets dialog all read these entries, so that a
checksum, a class name or a shape is written once. Adding an image set means adding an
:class:`ImageSet` to :data:`SETS` (and a reader branch in :mod:`.images` if its file format is
new); ARCHITECTURE.md, "How to add a dataset", lists the rest.

Checksums, and where they come from:

* ``md5`` of the downloadable files: the values the publishers list (LeCun's MNIST page,
  Zalando's Fashion-MNIST README, the CIFAR page).
* ``sha256`` of the downloadable files: computed for this catalog from genuine copies whose
  md5 equals the published one. Where no genuine copy was at hand it is ``None`` and the
  published md5 is what a download is checked against; no hash here is guessed.
* ``content_md5`` / ``content_sha256`` of the *decompressed* IDX files, so that a copy a
  teacher already decompressed can be verified by its content. Computed from the genuine
  files (each content md5 also equals the published md5 of the decompressed file).
* CIFAR's ``.bin`` files inside the archives have no published checksum: a download checks the
  archive's md5, and loose ``.bin`` files are checked by their exact size and label ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP

MNIST_URLS = (
    # The mirror torchvision uses (fast, HTTPS), then the original site as a fallback.
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)
# Plain http is what Zalando publishes; the checksum, not the transport, makes it safe.
FASHION_MNIST_URLS = ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",)
CIFAR_URLS = ("https://www.cs.toronto.edu/~kriz/",)

MNIST_SHAPE = (28, 28)  # grey
CIFAR_SHAPE = (32, 32, 3)  # colour: red, green, blue
IMAGE_BYTES_MNIST = MNIST_SHAPE[0] * MNIST_SHAPE[1]
IMAGE_BYTES_CIFAR = CIFAR_SHAPE[0] * CIFAR_SHAPE[1] * CIFAR_SHAPE[2]

# Class names in label order (English; translated when shown, context "Classes").
MNIST_CLASSES = tuple(str(d) for d in range(10))

FASHION_MNIST_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "T-shirt/top"),
    QT_TRANSLATE_NOOP("Classes", "Trouser"),
    QT_TRANSLATE_NOOP("Classes", "Pullover"),
    QT_TRANSLATE_NOOP("Classes", "Dress"),
    QT_TRANSLATE_NOOP("Classes", "Coat"),
    QT_TRANSLATE_NOOP("Classes", "Sandal"),
    QT_TRANSLATE_NOOP("Classes", "Shirt"),
    QT_TRANSLATE_NOOP("Classes", "Sneaker"),
    QT_TRANSLATE_NOOP("Classes", "Bag"),
    QT_TRANSLATE_NOOP("Classes", "Ankle boot"),
)

CIFAR10_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "airplane"),
    QT_TRANSLATE_NOOP("Classes", "automobile"),
    QT_TRANSLATE_NOOP("Classes", "bird"),
    QT_TRANSLATE_NOOP("Classes", "cat"),
    QT_TRANSLATE_NOOP("Classes", "deer"),
    QT_TRANSLATE_NOOP("Classes", "dog"),
    QT_TRANSLATE_NOOP("Classes", "frog"),
    QT_TRANSLATE_NOOP("Classes", "horse"),
    QT_TRANSLATE_NOOP("Classes", "ship"),
    QT_TRANSLATE_NOOP("Classes", "truck"),
)

# CIFAR-100 names in the official order (fine_label_names.txt, coarse_label_names.txt), with
# the underscores of the official identifiers written as spaces for display.
CIFAR100_FINE_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "apple"),
    QT_TRANSLATE_NOOP("Classes", "aquarium fish"),
    QT_TRANSLATE_NOOP("Classes", "baby"),
    QT_TRANSLATE_NOOP("Classes", "bear"),
    QT_TRANSLATE_NOOP("Classes", "beaver"),
    QT_TRANSLATE_NOOP("Classes", "bed"),
    QT_TRANSLATE_NOOP("Classes", "bee"),
    QT_TRANSLATE_NOOP("Classes", "beetle"),
    QT_TRANSLATE_NOOP("Classes", "bicycle"),
    QT_TRANSLATE_NOOP("Classes", "bottle"),
    QT_TRANSLATE_NOOP("Classes", "bowl"),
    QT_TRANSLATE_NOOP("Classes", "boy"),
    QT_TRANSLATE_NOOP("Classes", "bridge"),
    QT_TRANSLATE_NOOP("Classes", "bus"),
    QT_TRANSLATE_NOOP("Classes", "butterfly"),
    QT_TRANSLATE_NOOP("Classes", "camel"),
    QT_TRANSLATE_NOOP("Classes", "can"),
    QT_TRANSLATE_NOOP("Classes", "castle"),
    QT_TRANSLATE_NOOP("Classes", "caterpillar"),
    QT_TRANSLATE_NOOP("Classes", "cattle"),
    QT_TRANSLATE_NOOP("Classes", "chair"),
    QT_TRANSLATE_NOOP("Classes", "chimpanzee"),
    QT_TRANSLATE_NOOP("Classes", "clock"),
    QT_TRANSLATE_NOOP("Classes", "cloud"),
    QT_TRANSLATE_NOOP("Classes", "cockroach"),
    QT_TRANSLATE_NOOP("Classes", "couch"),
    QT_TRANSLATE_NOOP("Classes", "crab"),
    QT_TRANSLATE_NOOP("Classes", "crocodile"),
    QT_TRANSLATE_NOOP("Classes", "cup"),
    QT_TRANSLATE_NOOP("Classes", "dinosaur"),
    QT_TRANSLATE_NOOP("Classes", "dolphin"),
    QT_TRANSLATE_NOOP("Classes", "elephant"),
    QT_TRANSLATE_NOOP("Classes", "flatfish"),
    QT_TRANSLATE_NOOP("Classes", "forest"),
    QT_TRANSLATE_NOOP("Classes", "fox"),
    QT_TRANSLATE_NOOP("Classes", "girl"),
    QT_TRANSLATE_NOOP("Classes", "hamster"),
    QT_TRANSLATE_NOOP("Classes", "house"),
    QT_TRANSLATE_NOOP("Classes", "kangaroo"),
    QT_TRANSLATE_NOOP("Classes", "keyboard"),
    QT_TRANSLATE_NOOP("Classes", "lamp"),
    QT_TRANSLATE_NOOP("Classes", "lawn mower"),
    QT_TRANSLATE_NOOP("Classes", "leopard"),
    QT_TRANSLATE_NOOP("Classes", "lion"),
    QT_TRANSLATE_NOOP("Classes", "lizard"),
    QT_TRANSLATE_NOOP("Classes", "lobster"),
    QT_TRANSLATE_NOOP("Classes", "man"),
    QT_TRANSLATE_NOOP("Classes", "maple tree"),
    QT_TRANSLATE_NOOP("Classes", "motorcycle"),
    QT_TRANSLATE_NOOP("Classes", "mountain"),
    QT_TRANSLATE_NOOP("Classes", "mouse"),
    QT_TRANSLATE_NOOP("Classes", "mushroom"),
    QT_TRANSLATE_NOOP("Classes", "oak tree"),
    QT_TRANSLATE_NOOP("Classes", "orange"),
    QT_TRANSLATE_NOOP("Classes", "orchid"),
    QT_TRANSLATE_NOOP("Classes", "otter"),
    QT_TRANSLATE_NOOP("Classes", "palm tree"),
    QT_TRANSLATE_NOOP("Classes", "pear"),
    QT_TRANSLATE_NOOP("Classes", "pickup truck"),
    QT_TRANSLATE_NOOP("Classes", "pine tree"),
    QT_TRANSLATE_NOOP("Classes", "plain"),
    QT_TRANSLATE_NOOP("Classes", "plate"),
    QT_TRANSLATE_NOOP("Classes", "poppy"),
    QT_TRANSLATE_NOOP("Classes", "porcupine"),
    QT_TRANSLATE_NOOP("Classes", "possum"),
    QT_TRANSLATE_NOOP("Classes", "rabbit"),
    QT_TRANSLATE_NOOP("Classes", "raccoon"),
    QT_TRANSLATE_NOOP("Classes", "ray"),
    QT_TRANSLATE_NOOP("Classes", "road"),
    QT_TRANSLATE_NOOP("Classes", "rocket"),
    QT_TRANSLATE_NOOP("Classes", "rose"),
    QT_TRANSLATE_NOOP("Classes", "sea"),
    QT_TRANSLATE_NOOP("Classes", "seal"),
    QT_TRANSLATE_NOOP("Classes", "shark"),
    QT_TRANSLATE_NOOP("Classes", "shrew"),
    QT_TRANSLATE_NOOP("Classes", "skunk"),
    QT_TRANSLATE_NOOP("Classes", "skyscraper"),
    QT_TRANSLATE_NOOP("Classes", "snail"),
    QT_TRANSLATE_NOOP("Classes", "snake"),
    QT_TRANSLATE_NOOP("Classes", "spider"),
    QT_TRANSLATE_NOOP("Classes", "squirrel"),
    QT_TRANSLATE_NOOP("Classes", "streetcar"),
    QT_TRANSLATE_NOOP("Classes", "sunflower"),
    QT_TRANSLATE_NOOP("Classes", "sweet pepper"),
    QT_TRANSLATE_NOOP("Classes", "table"),
    QT_TRANSLATE_NOOP("Classes", "tank"),
    QT_TRANSLATE_NOOP("Classes", "telephone"),
    QT_TRANSLATE_NOOP("Classes", "television"),
    QT_TRANSLATE_NOOP("Classes", "tiger"),
    QT_TRANSLATE_NOOP("Classes", "tractor"),
    QT_TRANSLATE_NOOP("Classes", "train"),
    QT_TRANSLATE_NOOP("Classes", "trout"),
    QT_TRANSLATE_NOOP("Classes", "tulip"),
    QT_TRANSLATE_NOOP("Classes", "turtle"),
    QT_TRANSLATE_NOOP("Classes", "wardrobe"),
    QT_TRANSLATE_NOOP("Classes", "whale"),
    QT_TRANSLATE_NOOP("Classes", "willow tree"),
    QT_TRANSLATE_NOOP("Classes", "wolf"),
    QT_TRANSLATE_NOOP("Classes", "woman"),
    QT_TRANSLATE_NOOP("Classes", "worm"),
)

CIFAR100_COARSE_CLASSES = (
    QT_TRANSLATE_NOOP("Classes", "aquatic mammals"),
    QT_TRANSLATE_NOOP("Classes", "fish"),
    QT_TRANSLATE_NOOP("Classes", "flowers"),
    QT_TRANSLATE_NOOP("Classes", "food containers"),
    QT_TRANSLATE_NOOP("Classes", "fruit and vegetables"),
    QT_TRANSLATE_NOOP("Classes", "household electrical devices"),
    QT_TRANSLATE_NOOP("Classes", "household furniture"),
    QT_TRANSLATE_NOOP("Classes", "insects"),
    QT_TRANSLATE_NOOP("Classes", "large carnivores"),
    QT_TRANSLATE_NOOP("Classes", "large man-made outdoor things"),
    QT_TRANSLATE_NOOP("Classes", "large natural outdoor scenes"),
    QT_TRANSLATE_NOOP("Classes", "large omnivores and herbivores"),
    QT_TRANSLATE_NOOP("Classes", "medium mammals"),
    QT_TRANSLATE_NOOP("Classes", "non-insect invertebrates"),
    QT_TRANSLATE_NOOP("Classes", "people"),
    QT_TRANSLATE_NOOP("Classes", "reptiles"),
    QT_TRANSLATE_NOOP("Classes", "small mammals"),
    QT_TRANSLATE_NOOP("Classes", "trees"),
    QT_TRANSLATE_NOOP("Classes", "vehicles 1"),
    QT_TRANSLATE_NOOP("Classes", "vehicles 2"),
)

#: The superclass of every CIFAR-100 fine class (index: fine label; value: coarse label).
CIFAR100_COARSE_OF = (
    4, 1, 14, 8, 0, 6, 7, 7, 18, 3, 3, 14, 9, 18, 7, 11, 3, 9, 7, 11,
    6, 11, 5, 10, 7, 6, 13, 15, 3, 15, 0, 11, 1, 10, 12, 14, 16, 9, 11, 5,
    5, 19, 8, 8, 15, 13, 14, 17, 18, 10, 16, 4, 17, 4, 2, 0, 17, 4, 18, 17,
    10, 3, 2, 12, 12, 16, 12, 1, 9, 19, 2, 10, 0, 1, 16, 12, 9, 13, 15, 13,
    16, 19, 2, 4, 6, 19, 5, 5, 8, 19, 18, 1, 2, 15, 6, 0, 17, 8, 14, 13,
)  # fmt: skip


@dataclass(frozen=True)
class IdxFile:
    """One IDX file of MNIST or Fashion-MNIST, stored as ``name`` or ``name + ".gz"``."""

    name: str  # the decompressed name, e.g. "train-images-idx3-ubyte"
    role: str  # train-images | train-labels | test-images | test-labels
    count: int  # images or labels
    gz_size: int
    gz_md5: str  # published
    gz_sha256: str | None  # computed from a genuine copy; None where none was available
    content_size: int
    content_md5: str
    content_sha256: str

    @property
    def download_name(self) -> str:
        return self.name + ".gz"

    @property
    def gz_known_hash(self) -> str:
        """The strongest known hash of the .gz file, in pooch's ``"algorithm:hex"`` form."""
        return f"sha256:{self.gz_sha256}" if self.gz_sha256 else f"md5:{self.gz_md5}"


@dataclass(frozen=True)
class RecordFile:
    """One CIFAR binary file: fixed-size records of label bytes then 3,072 pixel bytes."""

    name: str  # e.g. "data_batch_1.bin"
    role: str  # train | test
    records: int
    label_bytes: int  # 1 for CIFAR-10 (label), 2 for CIFAR-100 (coarse, fine)

    @property
    def record_bytes(self) -> int:
        return self.label_bytes + IMAGE_BYTES_CIFAR

    @property
    def size(self) -> int:
        return self.records * self.record_bytes


@dataclass(frozen=True)
class Archive:
    """The official CIFAR tarball and the members taken out of it."""

    name: str  # e.g. "cifar-10-binary.tar.gz"
    size: int  # as published by the many tools that check it
    md5: str  # published
    sha256: str | None  # None: no genuine copy of the archive was available to compute it
    folder: str  # the folder inside the archive, e.g. "cifar-10-batches-bin"
    extras: tuple[str, ...]  # small text members also kept (class names), not required

    @property
    def known_hash(self) -> str:
        return f"sha256:{self.sha256}" if self.sha256 else f"md5:{self.md5}"


@dataclass(frozen=True)
class ImageSet:
    """One downloadable image set."""

    name: str  # the key used everywhere: mnist | fashion-mnist | cifar10 | cifar100
    title: str  # its proper name, untranslated ("CIFAR-10")
    label: str  # what the Task box and the Datasets dialog show (QT_TRANSLATE_NOOP "Datasets")
    shape: tuple[int, ...]  # one image: (height, width) grey or (height, width, 3) colour
    classes: tuple[str, ...]  # class names in label order (CIFAR-100: the fine classes)
    urls: tuple[str, ...]  # base addresses, tried in order; file name appended
    files: tuple[IdxFile, ...] | tuple[RecordFile, ...]
    archive: Archive | None = None
    #: CIFAR-100's 20 superclasses, and the superclass of each fine class (by fine label).
    coarse_classes: tuple[str, ...] = ()
    coarse_of: tuple[int, ...] = ()
    homepage: str = ""
    credit: str = ""
    #: Files that may be left out of a folder given as ``root`` (CIFAR-10's training batches
    #: 2 to 5, for a lighter copy in a lab); the store itself always holds all of them.
    optional: tuple[str, ...] = ()

    @property
    def is_idx(self) -> bool:
        return self.archive is None

    @property
    def inputs(self) -> int:
        """The network's inputs for one flattened image (784 for MNIST, 3,072 for CIFAR)."""
        n = 1
        for size in self.shape:
            n *= size
        return n

    @property
    def colour(self) -> bool:
        return len(self.shape) == 3

    def class_names(self, labels: str = "fine") -> tuple[str, ...]:
        """The class names for ``labels`` ("fine", or "coarse" for CIFAR-100's superclasses)."""
        return self.coarse_classes if labels == "coarse" and self.coarse_classes else self.classes

    @property
    def idx_files(self) -> tuple[IdxFile, ...]:
        """The files of an IDX set (MNIST, Fashion-MNIST); empty for CIFAR."""
        return tuple(f for f in self.files if isinstance(f, IdxFile))

    @property
    def record_files(self) -> tuple[RecordFile, ...]:
        """The files of a CIFAR set; empty for an IDX set."""
        return tuple(f for f in self.files if isinstance(f, RecordFile))


MNIST = ImageSet(
    name="mnist",
    title="MNIST",
    label=QT_TRANSLATE_NOOP("Datasets", "MNIST handwritten digits"),
    shape=MNIST_SHAPE,
    classes=MNIST_CLASSES,
    urls=MNIST_URLS,
    homepage="http://yann.lecun.com/exdb/mnist/",
    credit="Y. LeCun, C. Cortes, C. J. C. Burges",
    files=(
        IdxFile(
            "train-images-idx3-ubyte",
            "train-images",
            60000,
            gz_size=9912422,
            gz_md5="f68b3c2dcbeaaa9fbdd348bbdeb94873",
            # No genuine copy of the official .gz was available to compute its sha256; a
            # download is checked against the published md5, an import by content hash.
            gz_sha256=None,
            content_size=47040016,
            content_md5="6bbc9ace898e44ae57da46a324031adb",
            content_sha256="ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        ),
        IdxFile(
            "train-labels-idx1-ubyte",
            "train-labels",
            60000,
            gz_size=28881,
            gz_md5="d53e105ee54ea40749a09fcbcd1e9432",
            gz_sha256="3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            content_size=60008,
            content_md5="a25bea736e30d166cdddb491f175f624",
            content_sha256="65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        ),
        IdxFile(
            "t10k-images-idx3-ubyte",
            "test-images",
            10000,
            gz_size=1648877,
            gz_md5="9fb629c4189551a2d022fa330f9573f3",
            gz_sha256="8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            content_size=7840016,
            content_md5="2646ac647ad5339dbf082846283269ea",
            content_sha256="0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        ),
        IdxFile(
            "t10k-labels-idx1-ubyte",
            "test-labels",
            10000,
            gz_size=4542,
            gz_md5="ec29112dd5afa0611ce80d1b7f02629c",
            gz_sha256="f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            content_size=10008,
            content_md5="27ae3e4e09519cfbb04c329615203637",
            content_sha256="ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
        ),
    ),
)

FASHION_MNIST = ImageSet(
    name="fashion-mnist",
    title="Fashion-MNIST",
    label=QT_TRANSLATE_NOOP("Datasets", "Fashion-MNIST clothes"),
    shape=MNIST_SHAPE,
    classes=FASHION_MNIST_CLASSES,
    urls=FASHION_MNIST_URLS,
    homepage="https://github.com/zalandoresearch/fashion-mnist",
    credit="Zalando Research (MIT licence)",
    files=(
        IdxFile(
            "train-images-idx3-ubyte",
            "train-images",
            60000,
            gz_size=26421880,
            gz_md5="8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            gz_sha256="3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            content_size=47040016,
            content_md5="f4a8712d7a061bf5bd6d2ca38dc4d50a",
            content_sha256="c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        ),
        IdxFile(
            "train-labels-idx1-ubyte",
            "train-labels",
            60000,
            gz_size=29515,
            gz_md5="25c81989df183df01b3e8a0aad5dffbe",
            gz_sha256="a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            content_size=60008,
            content_md5="9018921c3c673c538a1fc5bad174d6f9",
            content_sha256="bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        ),
        IdxFile(
            "t10k-images-idx3-ubyte",
            "test-images",
            10000,
            gz_size=4422102,
            gz_md5="bef4ecab320f06d8554ea6380940ec79",
            gz_sha256="346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            content_size=7840016,
            content_md5="8181f5470baa50b63fa0f6fddb340f0a",
            content_sha256="5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        ),
        IdxFile(
            "t10k-labels-idx1-ubyte",
            "test-labels",
            10000,
            gz_size=5148,
            gz_md5="bb300cfdad3c16e7a12a480ee83cd310",
            gz_sha256="67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
            content_size=10008,
            content_md5="15d484375f8d13e6eb1aabb0c3f46965",
            content_sha256="0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
        ),
    ),
)

CIFAR10 = ImageSet(
    name="cifar10",
    title="CIFAR-10",
    label=QT_TRANSLATE_NOOP("Datasets", "CIFAR-10 photos"),
    shape=CIFAR_SHAPE,
    classes=CIFAR10_CLASSES,
    urls=CIFAR_URLS,
    homepage="https://www.cs.toronto.edu/~kriz/cifar.html",
    credit='A. Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009',
    files=tuple(RecordFile(f"data_batch_{i}.bin", "train", 10000, 1) for i in range(1, 6))
    + (RecordFile("test_batch.bin", "test", 10000, 1),),
    archive=Archive(
        name="cifar-10-binary.tar.gz",
        size=170052171,
        md5="c32a1d4ab5d03f1284b67883e8d87530",
        sha256=None,  # the official archive was not available here to compute it
        folder="cifar-10-batches-bin",
        extras=("batches.meta.txt",),
    ),
    optional=tuple(f"data_batch_{i}.bin" for i in range(2, 6)),
)

CIFAR100 = ImageSet(
    name="cifar100",
    title="CIFAR-100",
    label=QT_TRANSLATE_NOOP("Datasets", "CIFAR-100 photos"),
    shape=CIFAR_SHAPE,
    classes=CIFAR100_FINE_CLASSES,
    coarse_classes=CIFAR100_COARSE_CLASSES,
    coarse_of=CIFAR100_COARSE_OF,
    urls=CIFAR_URLS,
    homepage="https://www.cs.toronto.edu/~kriz/cifar.html",
    credit='A. Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009',
    files=(
        RecordFile("train.bin", "train", 50000, 2),
        RecordFile("test.bin", "test", 10000, 2),
    ),
    archive=Archive(
        name="cifar-100-binary.tar.gz",
        size=168513733,
        md5="03b5dce01913d631647c71ecec9e9cb8",
        sha256=None,  # the official archive was not available here to compute it
        folder="cifar-100-binary",
        extras=("fine_label_names.txt", "coarse_label_names.txt"),
    ),
)

SETS: dict[str, ImageSet] = {s.name: s for s in (MNIST, FASHION_MNIST, CIFAR10, CIFAR100)}
SET_NAMES = tuple(SETS)

#: Display names (translated when shown, context "Datasets").
SET_LABELS = {s.name: s.label for s in SETS.values()}

#: The largest extra text member (class names) taken from an archive.
MAX_EXTRA_BYTES = 64 * 1024


def cifar_set(label_bytes: int) -> ImageSet:
    """The CIFAR set whose binary records carry ``label_bytes`` label bytes (1 or 2)."""
    return CIFAR10 if label_bytes == 1 else CIFAR100


def image_set(name: str) -> ImageSet:
    """The catalog entry for ``name``; the error lists the known names."""
    from .dataset import DataError

    try:
        return SETS[name]
    except KeyError:
        raise DataError(
            f"Unknown image set {name!r}; the sets are {', '.join(SET_NAMES)}."
        ) from None


# -- information only: sets an MLP is not the model for --------------------------------------
@dataclass(frozen=True)
class InfoSet:
    """A dataset the app describes but never loads, downloads or lists as a task: its card
    in the Datasets dialog says what it is and why a multilayer perceptron is not its model.
    Not in :data:`SETS`, so no reader, store command or Task box ever offers it."""

    name: str
    title: str
    task: str  # QT_TRANSLATE_NOOP("Datasets", ...)
    images: str  # QT_TRANSLATE_NOOP("Datasets", ...): how many, and their size
    classes: str  # QT_TRANSLATE_NOOP("Datasets", ...)
    splits: tuple[tuple[str, int], ...]  # (split name, images), as published
    why_not_mlp: str  # QT_TRANSLATE_NOOP("Datasets", ...)
    homepage: str
    credit: str


IMAGENET = InfoSet(
    name="imagenet",
    title="ImageNet (ILSVRC 2012)",
    task=QT_TRANSLATE_NOOP("Datasets", "Classification of photos into 1,000 classes."),
    images=QT_TRANSLATE_NOOP(
        "Datasets",
        "About 1.43 million colour photos of varying size (often resized to 224x224x3 = "
        "150,528 inputs); the training images alone are about 140 GB.",
    ),
    classes=QT_TRANSLATE_NOOP(
        "Datasets", "1,000 classes (WordNet synsets; about 120 of them are dog breeds)."
    ),
    splits=(("train", 1281167), ("validation", 50000), ("test", 100000)),
    why_not_mlp=QT_TRANSLATE_NOOP(
        "Datasets",
        "A dense first layer of 1,000 units on 224x224x3 inputs already has 150 million "
        "weights, and it would have to learn every object again at every position. "
        "Convolutional networks and vision transformers share weights across the image and "
        "reach over 80% top-1 accuracy; this is their data set, not an MLP's.",
    ),
    homepage="https://www.image-net.org/",
    credit="J. Deng et al., ImageNet, CVPR 2009; O. Russakovsky et al., ILSVRC, IJCV 2015",
)

COCO = InfoSet(
    name="coco",
    title="COCO (2017)",
    task=QT_TRANSLATE_NOOP(
        "Datasets",
        "Object detection, segmentation and captioning: many objects per photo, each with "
        "a box and an outline.",
    ),
    images=QT_TRANSLATE_NOOP(
        "Datasets",
        "About 164,000 colour photos of everyday scenes, typically 640x480, with about "
        "1.5 million labelled objects; about 25 GB of images.",
    ),
    classes=QT_TRANSLATE_NOOP(
        "Datasets", "80 object categories (91 defined), plus captions and keypoints."
    ),
    splits=(("train", 118287), ("validation", 5000), ("test", 40670)),
    why_not_mlp=QT_TRANSLATE_NOOP(
        "Datasets",
        "The answer is not one class per image but a variable list of boxes and masks, "
        "which a fixed-size MLP output cannot express; detectors (Faster R-CNN, YOLO, DETR) "
        "use convolutional or transformer backbones on the whole image.",
    ),
    homepage="https://cocodataset.org/",
    credit="T.-Y. Lin et al., Microsoft COCO, ECCV 2014",
)

#: Information cards only: never loadable, never downloadable.
INFO_SETS: dict[str, InfoSet] = {s.name: s for s in (IMAGENET, COCO)}
