"""The workplace's shared files beside the project (`../shared`): real exports of Strong,
Hevy and FitNotes, and the `tty-drive` tool. A test that needs one is marked with it; where
it is missing the test does not run, and the run says so loudly (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLES = SHARED / "samples"
TTY_DRIVE = SHARED / "tools" / "tty-drive"

needs_samples = pytest.mark.needs_shared(SAMPLES)
needs_tty_drive = pytest.mark.needs_shared(TTY_DRIVE)
MISSING = "the shared files are missing"
