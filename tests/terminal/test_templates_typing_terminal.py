"""Typing on the templates screens in a real 80x24 terminal (tmux) at a person's pace:
a typed name is a name, never a command."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.support.terminal import (
    Terminal,
    isolated,
    open_log,
    type_slowly,
    write_demo_log,
)


def test_a_name_typed_on_the_templates_screen_makes_a_template(tmp_path: Path) -> None:
    """README: "On the templates screen, type a name to make one". On a fresh log, `l`
    then "Push day" at a person's pace: the list has the focus, so the letters are
    commands: `s` went to Symptoms and "h day" landed in the symptoms line (a `d` there
    would have asked to delete a template). No template was made."""
    log = tmp_path / "log.json"
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Home")
        term.keys("l")
        term.wait_for("Templates ·")
        time.sleep(0.5)
        type_slowly(term, "Push day\r")
        time.sleep(1.5)
        screen = term.screen()
        term.keys("C-q")
        term.wait_for("[exited")
    with open_log(log) as repo:
        names = [t.name for t in repo.templates()]
    assert "Push day" in names, f"{names}\n{screen}"


def test_typing_a_template_name_never_deletes_a_template(tmp_path: Path) -> None:
    """The demo's templates screen (`l`), a new user following the README ("type a name
    to make one") types "day" at a person's pace: `d` asks to delete the highlighted
    template, `a` is nothing, `y` confirms. "Deleted the template 'Lower A'.": a
    template lost by typing a name."""
    log = write_demo_log(tmp_path)
    with open_log(log) as repo:
        before = sorted(t.name for t in repo.templates())
    command = [sys.executable, "-m", "tui", "--db", str(log)]
    with Terminal(command, size="80x24", env=isolated(tmp_path)) as term:
        term.wait_for("Guidance, not medical advice.")
        term.keys("l")
        term.wait_for("Templates ·")
        time.sleep(0.5)
        type_slowly(term, "day")
        time.sleep(1.5)
        screen = term.screen()
        term.keys("C-q")
        term.wait_for("[exited")
    with open_log(log) as repo:
        after = sorted(t.name for t in repo.templates())
    assert set(before) <= set(after), f"{before} -> {after}\n{screen}"
