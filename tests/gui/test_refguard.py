"""The guard that keeps the Qt bindings' reference-count defect from aborting a long session."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_CALLS = """
import sys
from PySide6.QtWidgets import QApplication, QToolButton
{guard}
app = QApplication(sys.argv[:1])
button = QToolButton()
for _ in range(100_000):  # a few hours of scoring, in calls that return nothing
    button.setChecked(True)
print("still running")
"""


def _run(guard: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = _CALLS.format(guard=guard)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_a_long_session_survives_with_the_guard() -> None:
    done = _run("from planner.ui import refguard\nrefguard.install()")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "still running"


def test_without_the_guard_the_defect_aborts_the_process() -> None:
    from planner.ui import refguard

    if sys.version_info >= (3, 12):
        pytest.skip("immortal None: the defect is harmless on this interpreter")
    probe = subprocess.run(
        [sys.executable, "-c", "from planner.ui.refguard import defect_present; print(defect_present())"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    if probe.stdout.strip() != "True":
        pytest.skip("these Qt bindings do not have the defect: the guard can go")
    done = _run("")
    assert done.returncode != 0
    assert "deallocating None" in done.stderr
    assert refguard.EXTRA_REFERENCES > 10**11
