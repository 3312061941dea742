"""kg or lb, set once, through a real 80x24 terminal at a person's pace: lb chosen on the
settings screen, a set typed as 225x5 shows as 225 lb, and `restday status` and the CSV
export say the same."""

from __future__ import annotations

import csv
import io
import sys
from datetime import timedelta
from pathlib import Path

from tests.support.clock import TUESDAY_EVENING
from tests.support.terminal import Terminal, isolated, open_log, restday, type_slowly


def test_225x5_in_lb_is_225_lb_everywhere(tmp_path: Path) -> None:
    log = tmp_path / "log.json"
    env = isolated(tmp_path)
    # Friday's bench, 5 reps at 225 lb, logged in kg's numbers before the unit was set
    friday = TUESDAY_EVENING - timedelta(days=4)
    restday(tmp_path, "log", "--db", str(log), "bench 102.058kgx5", now=friday, check=True)

    with Terminal([sys.executable, "-m", "tui", "--db", str(log)], env=env) as term:
        term.wait_for("Guidance, not medical advice.")  # home
        type_slowly(term, ",")
        term.wait_for("Weights are shown and typed in")
        type_slowly(term, "l")
        term.wait_for("now shown and typed in lb (were kg)")
        assert "● lb  pounds" in term.screen()

        type_slowly(term, "w")  # the workout screen
        term.keys("Enter")  # an empty workout
        term.wait_for("Started a workout")
        type_slowly(term, "bench 225x3")
        term.keys("Enter")
        screen = term.wait_for("225 lb x 3")
        assert "last: " in screen and "225x5" in screen  # Friday's, in lb
        term.keys("C-q")  # on the workout screen a plain q types
        assert "Traceback" not in term.wait_for("[exited 0]")

    (stored,) = [s for s in open_log(log).sets() if s.reps == 3]
    assert 102.05 < stored.weight_kg < 102.06  # the log keeps kg
    later = TUESDAY_EVENING + timedelta(minutes=10)
    status = restday(
        tmp_path, "status", "--db", str(log), now=later, check=True
    ).stdout  # after the set (the app's clock ran)
    # The score names no load (a decline is an e1RM change, scoring spec 2.2): no kg shows.
    assert "readiness on " in status and " kg" not in status and "102" not in status
    rows = list(
        csv.DictReader(
            io.StringIO(
                restday(tmp_path, "export", "--db", str(log), "--format", "csv", check=True).stdout
            )
        )
    )
    assert [(r["Weight"], r["Unit"], r["Reps"]) for r in rows] == [
        ("225", "lb", "5"),
        ("225", "lb", "3"),
    ]
