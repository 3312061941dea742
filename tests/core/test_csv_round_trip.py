"""restday's own CSV export imported back (real processes): each set's time, an open
workout and every weight come back as the log held them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storage.log.repository import Repository
from storage.model.units import exact_load, to_kg
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.terminal import restday


def test_a_restday_csv_export_imported_keeps_each_sets_time(tmp_path: Path) -> None:
    """restday's CSV export writes each set's time (Date, Time); importing it back spaces
    the sets evenly over the workout instead: the demo's first set at 17:55 comes back at
    17:49 (the workout's start), every other set moves too."""
    log, back = tmp_path / "log.json", tmp_path / "back.json"
    csv = tmp_path / "out.csv"
    restday(tmp_path, "demo", "--db", str(log), "--weeks", "1")
    assert (
        restday(tmp_path, "export", "--db", str(log), "--format", "csv", "-o", str(csv)).returncode
        == 0
    )
    done = restday(tmp_path, "import", "--db", str(back), str(csv))
    assert done.returncode == 0, done.stderr

    def minutes(path: Path) -> list[tuple[str, str]]:
        with Repository(path, clock=FakeClock(TUESDAY_EVENING)) as repo:
            return sorted(
                (s.exercise, s.timestamp.replace(second=0, microsecond=0).isoformat())
                for s in repo.sets()
            )

    assert minutes(back) == minutes(log)


def test_an_open_workout_exported_to_csv_comes_back_open(tmp_path: Path) -> None:
    """A workout in progress (no end: the CSV's duration is empty) imported back from
    restday's CSV comes back finished, with an end and a length nobody gave it."""
    log, back = tmp_path / "log.json", tmp_path / "back.json"
    csv = tmp_path / "out.csv"
    for minute, entry in enumerate(("bench 100x5@8", "x5", "x5")):
        at = TUESDAY_EVENING + timedelta(minutes=3 * minute)
        assert restday(tmp_path, "log", "--db", str(log), entry, now=at).returncode == 0
    restday(tmp_path, "export", "--db", str(log), "--format", "csv", "-o", str(csv))
    assert restday(tmp_path, "import", "--db", str(back), str(csv)).returncode == 0
    with Repository(back, clock=FakeClock(TUESDAY_EVENING)) as repo:
        (workout,) = repo.workouts()
    assert workout.end is None


def test_a_csv_export_imported_keeps_weights_to_the_gram(tmp_path: Path) -> None:
    """A set typed in pounds on a kg log (`squat 225lbx5`, a gym with lb plates) is kept to
    the gram (102.058 kg); the CSV export writes 102.1, so the log restored from it holds
    102.1 kg: 225.1 lb, 134.9 lb for 135 lb, 24.9 lb of assistance for 25 lb."""
    log, back = tmp_path / "log.json", tmp_path / "back.json"
    csv = tmp_path / "out.csv"
    entries = ("squat 225lbx5", "bench 135lbx5", "pullup bw-25lbx8")
    assert restday(tmp_path, "log", "--db", str(log), *entries).returncode == 0
    restday(tmp_path, "export", "--db", str(log), "--format", "csv", "-o", str(csv))
    assert restday(tmp_path, "import", "--db", str(back), str(csv)).returncode == 0

    def weights(path: Path) -> list[float]:
        with Repository(path, clock=FakeClock(TUESDAY_EVENING)) as repo:
            return [round(s.weight_kg, 3) for s in sorted(repo.sets(), key=lambda s: s.order)]

    assert weights(back) == weights(log)


def test_a_lb_csv_export_imported_keeps_weights_to_the_gram(tmp_path: Path) -> None:
    """On a log set to lb, the export writes each load in lb with the decimals it needs to
    come back to the gram (100 kg is 220.462 lb, 225 lb stays 225)."""
    log, back = tmp_path / "log.json", tmp_path / "back.json"
    csv = tmp_path / "out.csv"
    assert restday(tmp_path, "config", "--db", str(log), "unit", "lb").returncode == 0
    entries = ("squat 100kgx5", "bench 225x5", "pullup bw-11.3kgx8")
    done = restday(tmp_path, "log", "--db", str(log), *entries)
    assert done.returncode == 0, done.stdout + done.stderr
    restday(tmp_path, "export", "--db", str(log), "--format", "csv", "-o", str(csv))
    weights_written = [line.split(",")[5] for line in csv.read_text().splitlines()[1:]]
    assert weights_written == ["220.462", "225", "24.912"]
    assert restday(tmp_path, "import", "--db", str(back), str(csv)).returncode == 0

    def weights(path: Path) -> list[float]:
        with Repository(path, clock=FakeClock(TUESDAY_EVENING)) as repo:
            return [s.weight_kg for s in sorted(repo.sets(), key=lambda s: s.order)]

    assert weights(back) == [round(w, 3) for w in weights(log)]


@given(grams=st.integers(0, 1_000_000), unit=st.sampled_from(("kg", "lb")))
def test_an_exact_load_reads_back_as_the_same_gram(grams: int, unit: str) -> None:
    kg = grams / 1000
    written = exact_load(kg, unit)
    assert written == round(written, 3)
    assert round(to_kg(written, unit), 3) == kg


def test_an_open_workout_imported_beside_one_in_progress_that_day_comes_back_finished(
    tmp_path: Path,
) -> None:
    """Two workouts in progress on one day is not a log restday keeps: the imported one
    comes back finished at its last set, and the summary says so, naming its line."""
    log, back = tmp_path / "log.json", tmp_path / "back.json"
    csv = tmp_path / "out.csv"
    for minute, entry in enumerate(("bench 100x5@8", "x5", "x5")):
        at = TUESDAY_EVENING + timedelta(minutes=3 * minute)
        assert restday(tmp_path, "log", "--db", str(log), entry, now=at).returncode == 0
    restday(tmp_path, "export", "--db", str(log), "--format", "csv", "-o", str(csv))
    later = TUESDAY_EVENING + timedelta(hours=1)
    assert restday(tmp_path, "log", "--db", str(back), "squat 140x5", now=later).returncode == 0
    done = restday(tmp_path, "import", "--db", str(back), str(csv), now=later)
    assert done.returncode == 0, done.stderr
    summary = " ".join(done.stdout.split())
    assert "line 2: a workout in progress on a day the log holds one in progress" in summary
    with Repository(back, clock=FakeClock(later)) as repo:
        imported, squat = repo.workouts()
        last = max(s.timestamp for s in repo.sets(workout=imported.id))
        assert squat.in_progress and repo.open_workout() == squat
    assert imported.end == last
