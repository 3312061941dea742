"""What a script prints in a Python of its own: what a module loads, or sets, as restday
starts, untouched by what the test process has imported already."""

from __future__ import annotations

import os
import subprocess
import sys


def printed_by(script: str, **changed: str | None) -> str:
    """The script's output, stripped; its failure (with what it said) fails the test. It
    runs in this process's environment with `changed` (a name given None: left out)."""
    env = {name: value for name, value in os.environ.items() if name not in changed}
    env |= {name: value for name, value in changed.items() if value is not None}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
