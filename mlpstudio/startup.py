"""The app's start without Python's cyclic garbage collector.

Importing numpy, Qt and pyqtgraph and building the window allocate hundreds of thousands of
objects that live as long as the process, and the collector scans them again and again while
they are made: about 50 ms of a 0.5 s start. :func:`pause` stops it at the entry point;
:func:`resume` freezes what the start made (it is never scanned again: it lives on anyway) and
starts the collector once the window is shown, or before any command runs. Only the entry
point pauses it: code that imports the package (the tests) keeps its collector."""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Start the collector again (idempotent), leaving what exists now out of its scans."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
