"""What a script prints in a Python of its own: what a module loads, or sets, as restday
starts, untouched by what the test process has imported already."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping


def printed_by(script: str, env: Mapping[str, str] | None = None) -> str:
    """The script's output, stripped; its failure (with what it said) fails the test."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
