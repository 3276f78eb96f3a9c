"""Guards against defects of the Qt binding that would crash a long session."""

from __future__ import annotations

import subprocess
import sys


def test_emitting_signals_does_not_leak_references_to_true():
    """PySide6 6.12.0 lost a reference to True per emit; CPython 3.11 then aborts."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class P(QObject):\n"
        "    s = Signal(int)\n"
        "p = P()\n"
        "before = sys.getrefcount(True)\n"
        "for i in range(2000): p.s.emit(i)\n"
        "print(before - sys.getrefcount(True))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) <= 0
