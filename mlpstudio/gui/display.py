"""Can the window open at all? Checked before Qt starts, so the user gets one clear paragraph.

Without a display, or with the X11 (xcb) platform plugin missing a system library, Qt aborts
the process with "Could not load the Qt platform plugin xcb" and a hint about libxcb-cursor0
even when another library is missing. On Linux we check first: is there a display (``DISPLAY``
or ``WAYLAND_DISPLAY``), and can every library that Qt 6.11's xcb plugin links to be loaded?
Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys

from ..i18n import translate

# The system libraries that PySide6 6.11's xcb platform plugin (plugins/platforms/libqxcb.so and
# lib/libQt6XcbQpa.so.6) links to, from ``ldd``, with the Debian/Ubuntu package of each.
XCB_PLUGIN_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
# Platforms that need no display server.
HEADLESS_PLATFORMS = (
    "offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay",
)  # fmt: skip


def _can_load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(libraries: dict[str, str] | None = None, can_load=_can_load) -> list[str]:
    """The libraries of ``libraries`` (default: the xcb plugin's) that cannot be loaded."""
    return [name for name in (libraries or XCB_PLUGIN_LIBRARIES) if not can_load(name)]


def x_display_reachable(display: str) -> bool | None:
    """Whether an X server answers on ``display`` (None: libxcb cannot be loaded to ask)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def _platform(qt_args: list[str], environ) -> str:
    for i, arg in enumerate(qt_args[:-1]):
        if arg in ("-platform", "--platform"):
            return qt_args[i + 1]
    return environ.get("QT_QPA_PLATFORM", "")


def display_problem(qt_args: list[str] = (), environ=None, system: str | None = None,
                    can_load=_can_load, reachable=x_display_reachable) -> str | None:  # fmt: skip
    """One paragraph saying why the window cannot open here, or None when it can (or we
    cannot tell: only Linux with the default or xcb platform is checked)."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return None
    platform = _platform(list(qt_args), environ).split(":")[0].strip().lower()
    if platform.startswith(HEADLESS_PLATFORMS):
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if platform.startswith("wayland") or (wayland and not platform):
        return None  # Qt uses its Wayland plugin (falling back to xcb under XWayland)
    if not environ.get("DISPLAY"):
        return translate(
            "Display",
            "MLP Studio cannot open its window: there is no display (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Start it from a desktop session (or with ssh -X), train "
            'without a window with "mlpstudio train", or check the app without a screen with '
            "QT_QPA_PLATFORM=offscreen mlpstudio --smoke.",
        )
    missing = missing_libraries(can_load=can_load)
    if not missing:
        if reachable(environ["DISPLAY"]) is False:
            return translate(
                "Display",
                "MLP Studio cannot open its window: no X server answers on the display "
                "{display} (DISPLAY). Check that the desktop session is running and that this "
                "user may use it (ssh -X, xhost), or train without a window with "
                '"mlpstudio train".',
            ).format(display=environ["DISPLAY"])
        return None
    packages = sorted({XCB_PLUGIN_LIBRARIES[name] for name in missing})
    return translate(
        "Display",
        "MLP Studio cannot open its window on this X11 display: Qt's xcb platform plugin needs "
        "system libraries that are not installed: {libraries}. On Debian or Ubuntu install them "
        "with: sudo apt install {packages} (other distributions have packages of similar "
        "names).",
    ).format(libraries=", ".join(missing), packages=" ".join(packages))
