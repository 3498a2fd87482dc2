"""Which modules a piece of code loads, measured in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_loaded_by(code: str) -> set[str]:
    """Run ``code`` in a new Python process and return the names of every module it has loaded."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    return set(json.loads(done.stdout.splitlines()[-1]))
