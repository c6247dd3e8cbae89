"""A lab as one line of text, for a chat message or a slide: "Copy lab as text" / "Paste lab".

The form is ``MLPLAB1:<payload>:<check>``: the payload is the lab's TOML text compressed with
zlib and written in URL-safe base64 (no padding); the check is the first 10 hex digits of the
SHA-256 of the payload. Spaces and line breaks anywhere are ignored (a chat wraps long lines).

Unpacking is a boundary for text from anywhere, so it refuses, with one message, before doing
any work it would regret: text longer than :data:`MAX_TEXT_CHARS`, a wrong prefix or version,
characters outside base64, a check that does not match (a flipped, dropped or added character:
the payload is never decompressed then), a payload that inflates beyond the lab file's cap
(a zip bomb is stopped after ``MAX_BYTES["lab"]`` bytes), and text that is not UTF-8. The TOML
then goes through :func:`labs.lab_from_text`, the checks of a lab file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import zlib

from ..data.untrusted import MAX_BYTES
from .labs import Lab, LabError, lab_from_text

PREFIX = "MLPLAB"
VERSION = 1
CHECK_DIGITS = 10
#: The longest pasted text read: a lab file at its cap, base64 of it, and room for wrapping.
MAX_TEXT_CHARS = 2 * MAX_BYTES["lab"]
_SPACE = re.compile(r"\s+")
_B64 = re.compile(r"^[A-Za-z0-9_-]+$")
_HEX = re.compile(r"^[0-9a-f]+$")


def checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("ascii")).hexdigest()[:CHECK_DIGITS]


def pack_text(toml_text: str) -> str:
    """The one-line form of a lab's TOML text."""
    raw = toml_text.encode("utf-8")
    if len(raw) > MAX_BYTES["lab"]:
        raise LabError([f"lab text: {len(raw):,} bytes is more than a lab may hold"])
    payload = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    return f"{PREFIX}{VERSION}:{payload}:{checksum(payload)}"


def pack_lab(lab: Lab) -> str:
    if not lab.text:
        raise LabError(["this lab has no text to copy (it was not read from a file)"])
    return pack_text(lab.text)


def unpack_text(text: str) -> str:
    """The TOML text inside a packed lab; every problem is one :class:`LabError`."""
    if not isinstance(text, str):
        raise LabError(["lab text: expected text"])
    if len(text) > MAX_TEXT_CHARS:
        raise LabError(
            [
                f"lab text: {len(text):,} characters is too long for a lab "
                f"(at most {MAX_TEXT_CHARS:,})"
            ]
        )
    compact = _SPACE.sub("", text)
    head, _, rest = compact.partition(":")
    version = re.fullmatch(rf"{PREFIX}(\d{{1,3}})", head)
    if version is None:
        raise LabError(
            [f"lab text: does not start with {PREFIX}{VERSION}: (copy the whole text of the lab)"]
        )
    if int(version.group(1)) != VERSION:
        raise LabError(
            [
                f"lab text: written as {head!r}, which this version of MLP Studio cannot read "
                f"(it reads {PREFIX}{VERSION})"
            ]  # fmt: skip
        )
    payload, _, check = rest.rpartition(":")
    if not payload or not check:
        raise LabError(["lab text: incomplete (the end of the text is missing)"])
    if not _B64.match(payload) or not _HEX.match(check) or len(check) != CHECK_DIGITS:
        raise LabError(["lab text: holds characters a packed lab never has (changed in transit?)"])
    if checksum(payload) != check:
        raise LabError(
            [
                "lab text: the checksum does not match: a character was changed, lost or added "
                "(copy the text again from the original)"
            ]  # fmt: skip
        )
    try:
        packed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_BYTES["lab"] + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise LabError(["lab text: the payload is damaged"]) from None
    if len(raw) > MAX_BYTES["lab"] or inflater.unconsumed_tail:
        raise LabError([f"lab text: unpacks to more than {MAX_BYTES['lab']:,} bytes; refused"])
    if not inflater.eof:
        raise LabError(["lab text: the payload is cut short"])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LabError(["lab text: does not hold UTF-8 text"]) from None


def unpack_lab(text: str) -> Lab:
    """The :class:`Lab` a packed text holds, checked like a lab file."""
    return lab_from_text(unpack_text(text))
