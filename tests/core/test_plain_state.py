"""The screens' plain state loads no UI library: what a screen remembers and decides is
tested without a screen, and a screen only draws it and hands its keys to it."""

from __future__ import annotations

import subprocess
import sys

import pytest

PLAIN = (
    "tui.screens.recovery.days",
    "tui.screens.recovery.fields",
    "tui.screens.symptoms.day",
    "tui.format.recovery",
)


@pytest.mark.parametrize("module", PLAIN)
def test_it_loads_no_ui_library(module: str) -> None:
    probe = (
        f"import sys, {module}; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
