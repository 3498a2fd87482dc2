"""Guard against a reference-count defect of the Qt bindings on CPython before 3.12.

Measured with PySide6 6.12.0 on CPython 3.11: every call from Python to a Qt method that returns
nothing releases one reference to ``None`` it never took, and every signal emission does the same
to ``True``. On CPython 3.12 and later these objects are immortal, so nothing happens; on 3.11 the
count runs out after a few thousand calls and the process aborts ("none_dealloc: deallocating
None"), which in this app means a crash a few minutes into scoring a workshop.

:func:`install` probes for the defect once (a handful of harmless calls) and, only when it is
present on an interpreter without immortal objects, gives ``None``, ``True`` and ``False`` a very
large number of extra references: what 3.12 does by making them immortal. Nothing else is touched,
and these three objects are never freed in any case. Remove this module once the bindings are fixed.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

__all__ = ["EXTRA_REFERENCES", "defect_present", "install"]

#: More references than any session can drop (about 10**12 calls).
EXTRA_REFERENCES = 1 << 40
_PROBES = 32


class _Probe(QObject):
    ping = Signal(object)


def defect_present() -> bool:
    """Return whether calls into Qt drop references to ``None`` or ``True`` here."""
    probe = _Probe()
    probe.ping.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
        probe.ping.emit(0)
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    probe.deleteLater()
    return none_lost >= _PROBES // 2 or true_lost >= _PROBES // 2


def install() -> bool:
    """Protect ``None``, ``True`` and ``False`` if this interpreter needs it; return whether it did."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal objects: the defect is harmless
    if sys.getrefcount(None) > EXTRA_REFERENCES // 2 or not defect_present():  # done already, or not needed
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the first field of every object
        count.value += EXTRA_REFERENCES
    return True
