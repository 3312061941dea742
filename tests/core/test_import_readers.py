"""The export readers: each layout of Strong, Hevy and FitNotes read into `ImportedRow`s
field by field, bad rows skipped with their line and reason, `detect` naming the format,
and no text making a reader raise."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.errors import StorageError
from storage.exchange.importing.detect import detect
from storage.exchange.importing.errors import UnknownFormat
from storage.exchange.importing.fitnotes import read_fitnotes
from storage.exchange.importing.hevy import read_hevy
from storage.exchange.importing.rows import ImportedRow, ParsedFile, SkippedRow
from storage.exchange.importing.strong import read_strong
from tests.support.shared import SAMPLES as SHARED_SAMPLES
from tests.support.shared import needs_samples

SAMPLES = Path(__file__).resolve().parent / "import_samples"
READERS = {"strong": read_strong, "hevy": read_hevy, "fitnotes": read_fitnotes}


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def parse(name: str) -> ParsedFile:
    text = sample(name)
    parsed = READERS[detect(text)](text)
    assert parsed.skipped == []
    return parsed


def real(name: str) -> str:
    return (SHARED_SAMPLES / name).read_text(encoding="utf-8")


# -- detect ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("strong-comma-12.csv", "strong"),
        ("strong-comma-10.csv", "strong"),
        ("strong-comma-old.csv", "strong"),
        ("strong-semicolon.csv", "strong"),
        ("strong6-kg.csv", "strong"),
        ("strong6-lbs.csv", "strong"),
        ("strong-german.csv", "strong"),
        ("hevy-kg.csv", "hevy"),
        ("hevy-lbs.csv", "hevy"),
        ("fitnotes-old.csv", "fitnotes"),
        ("fitnotes-new.csv", "fitnotes"),
    ],
)
def test_detect_names_each_layout(name: str, expected: str) -> None:
    text = sample(name)
    assert detect(text) == expected
    assert detect("\ufeff" + text.replace("\n", "\r\n")) == expected


def test_detect_restday_json() -> None:
    assert detect('{"version": 1, "workouts": []}') == "restday"
    assert detect('\ufeff\n  {"version": 1}') == "restday"


@pytest.mark.parametrize("text", ["", "\n\n", "hello,world\n1,2\n", "[1, 2]", "Date,Reps\n"])
def test_detect_refuses_other_text(text: str) -> None:
    with pytest.raises(UnknownFormat) as caught:
        detect(text)
    message = str(caught.value)
    assert message.startswith("not a Strong, Hevy, FitNotes or restday export")
    assert "\n" not in message
    assert isinstance(caught.value, StorageError)


def test_detect_quotes_the_first_line() -> None:
    with pytest.raises(UnknownFormat, match="its first line is 'name,score'"):
        detect("name,score\r\nann,3\r\n")


# -- Strong ------------------------------------------------------------------------------

PUSH = datetime(2021, 7, 7, 18, 35, 21)


def test_strong_comma_12_columns() -> None:
    parsed = parse("strong-comma-12.csv")
    assert parsed.format == "strong"
    assert parsed.variant == "Strong, commas"
    common = dict(start=PUSH, workout="Push", duration_s=3780)
    bench = "Bench Press (Barbell)"
    assert parsed.rows == [
        ImportedRow(
            line=2, exercise=bench, kind="warmup", weight=60.0, reps=10, workout_notes="Felt good",
            **common,
        ),
        ImportedRow(
            line=3, exercise=bench, set_order=1, weight=150.0, reps=5, rpe=8.5,
            notes="paused, 1s at the bottom", **common,
        ),
        # the note above spans two lines: the next row is on line 5
        ImportedRow(line=5, exercise=bench, kind="drop", weight=40.0, reps=12, **common),
        ImportedRow(line=6, exercise="Pull Up", set_order=1, weight=None, reps=8, **common),
        ImportedRow(line=7, exercise="Plank", set_order=1, reps=None, seconds=60.0, **common),
        ImportedRow(
            line=8, exercise="Rowing (Machine)", set_order=1, reps=None, distance_m=500.0,
            seconds=119.0, **common,
        ),
    ]  # fmt: skip
    assert all(row.unit is None for row in parsed.rows)


def test_strong_comma_without_notes_columns() -> None:
    parsed = parse("strong-comma-10.csv")
    legs = dict(start=datetime(2022, 3, 1, 7, 5), workout="Legs", exercise="Squat (Barbell)")
    assert parsed.rows == [
        ImportedRow(line=2, duration_s=38 * 60, set_order=1, weight=100.0, reps=5, **legs),
        ImportedRow(
            line=3, duration_s=38 * 60, kind="failure", weight=100.0, reps=3, rpe=10.0, **legs
        ),
        ImportedRow(
            line=4, start=datetime(2022, 3, 2, 7, 0), workout="Short",
            exercise="Squat (Barbell)", duration_s=18, set_order=1, weight=60.0, reps=5,
        ),
    ]  # fmt: skip


def test_strong_comma_without_duration() -> None:
    parsed = parse("strong-comma-old.csv")
    assert [(r.line, r.set_order, r.weight, r.reps, r.duration_s) for r in parsed.rows] == [
        (2, 1, 140.0, 3, None),
        (3, 2, 140.0, 3, None),
    ]
    assert parsed.rows[0].exercise == "Deadlift (Barbell)"
    assert parsed.rows[0].start == datetime(2019, 5, 4, 10, 0)


def test_strong_semicolons_with_unit_columns() -> None:
    parsed = parse("strong-semicolon.csv")
    assert parsed.variant == "Strong, semicolons, unit columns"
    leg = dict(start=datetime(2019, 1, 11, 12, 31, 54), workout="Leg", duration_s=3600)
    assert parsed.rows == [
        ImportedRow(
            line=2, exercise="Deadlift (Barbell)", set_order=1, weight=225.0, unit="lb",
            reps=5, **leg,
        ),
        ImportedRow(
            line=3, exercise="Deadlift (Barbell)", set_order=2, weight=62.5, unit="kg",
            reps=4, rpe=7.0, **leg,
        ),
        ImportedRow(
            line=4, exercise="Running", set_order=1, distance_m=3218.688, seconds=960.0, **leg
        ),
    ]  # fmt: skip


def test_strong_6_kg_rest_timers_and_notes() -> None:
    parsed = parse("strong6-kg.csv")
    assert parsed.variant == "Strong 6, semicolons"
    upper = dict(
        start=datetime(2025, 3, 10, 18, 0), workout="Upper", exercise="Bench Press (Barbell)",
        duration_s=3720, workout_notes="Deload week",
    )  # fmt: skip
    assert parsed.rows == [
        ImportedRow(
            line=2, kind="warmup", weight=40.0, unit="kg", reps=10, notes="elbows in", **upper
        ),
        ImportedRow(
            line=3, set_order=1, weight=80.0, unit="kg", reps=5, notes="elbows in", **upper
        ),
        ImportedRow(line=4, rest_s=120, **upper),  # the rest timer: no set
        ImportedRow(
            line=5, kind="failure", weight=80.0, unit="kg", reps=3, notes="elbows in", **upper
        ),
        # line 6 is the exercise's note, given to its sets above
        ImportedRow(
            line=7, start=datetime(2025, 3, 10, 18, 0), workout="Upper",
            exercise="Rowing (Machine)", duration_s=3720, workout_notes="Deload week",
            set_order=1, unit="kg", reps=None, distance_m=2000.0, seconds=480.0,
        ),
    ]  # fmt: skip


def test_strong_6_pounds_and_miles() -> None:
    parsed = parse("strong6-lbs.csv")
    run, curl = parsed.rows
    assert (run.unit, run.weight, run.reps, run.distance_m, run.seconds) == (
        "lb",
        None,
        None,
        2414.016,
        900.0,
    )
    assert (curl.unit, curl.weight, curl.reps, curl.rpe, curl.duration_s) == (
        "lb",
        30.0,
        12,
        9.0,
        1800,
    )


def test_strong_german_headers() -> None:
    parsed = parse("strong-german.csv")
    assert parsed.variant == "Strong, commas, German headers"
    day = dict(start=datetime(2023, 2, 14, 17, 45, 10), workout="Oberkörper", duration_s=3120)
    assert parsed.rows == [
        ImportedRow(
            line=2, exercise="Bankdrücken (Langhantel)", set_order=1, weight=70.0, reps=8, **day
        ),
        ImportedRow(line=3, exercise="Bankdrücken (Langhantel)", rest_s=90, **day),
        ImportedRow(line=4, exercise="Klimmzug", kind="warmup", reps=5, **day),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "seconds"),
    [("31m", 1860), ("1h 3m", 3780), ("38min", 2280), ("1h", 3600), ("18s", 18), ("1894", 1894)],
)
def test_strong_durations(cell: str, seconds: int) -> None:
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        f"2021-07-07 18:35:21,A,{cell},Squat,1,100,5,0,0\n"
    )
    assert read_strong(text).rows[0].duration_s == seconds


def test_strong_crlf_and_bom() -> None:
    text = "\ufeff" + sample("strong-comma-12.csv").replace("\n", "\r\n")
    parsed = read_strong(text)
    assert parsed.skipped == []
    assert [row.line for row in parsed.rows] == [2, 3, 5, 6, 7, 8]
    assert parsed.rows[1].notes == "paused, 1s at the bottom"  # a line break is a space


def test_strong_bad_rows_are_skipped_with_line_and_reason() -> None:
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        "2021-07-07 18:35:21,A,31m,Squat,1,100,5,0,0\n"
        '2021-07-07 18:35:21,A,31m,"Squat\nnote",2,100,ten,0,0\n'
        "07/07/2021,A,31m,Squat,3,100,5,0,0\n"
        "2021-07-07 18:35:21,A,31m,Squat,X,100,5,0,0\n"
        "2021-07-07 18:35:21,A,31m,Squat,4,heavy,5,0,0\n"
        "2021-07-07 18:35:21,A,31m,Squat,5,100\n"
        "2021-07-07 18:35:21,A,forever,Squat,6,100,5,0,0\n"
        "2021-07-07 18:35:21,A,31m,Squat,7,100,5.5,0,0\n"
        "2021-07-07 18:35:21,A,31m,Squat,8,100,5,0,0\n"
    )
    parsed = read_strong(text)
    assert [(row.line, row.set_order) for row in parsed.rows] == [(2, 1), (11, 8)]
    assert parsed.skipped == [
        SkippedRow(3, "reps 'ten' is not a number"),
        SkippedRow(5, "date '07/07/2021' is not a date like 2021-07-07 18:35:21"),
        SkippedRow(6, "set order 'X' is not a number, W, D, F or Rest Timer"),
        SkippedRow(7, "weight 'heavy' is not a number"),
        SkippedRow(8, "has 6 fields where the header has 9"),
        SkippedRow(9, "duration 'forever' is not a duration like 1h 3m"),
        SkippedRow(10, "reps '5.5' is not a whole number"),
    ]


def test_strong_empty_and_header_only() -> None:
    assert read_strong("") == ParsedFile(format="strong", variant="Strong")
    parsed = read_strong(sample("strong6-kg.csv").splitlines()[0] + "\n")
    assert (parsed.rows, parsed.skipped, parsed.variant) == ([], [], "Strong 6, semicolons")


def test_strong_12_hour_times() -> None:
    text = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        "2024-05-06 7:05:09\u202fPM,A,31m,Squat,1,100,5,0,0\n"
    )
    assert read_strong(text).rows[0].start == datetime(2024, 5, 6, 19, 5, 9)


# -- Hevy --------------------------------------------------------------------------------


def test_hevy_kg() -> None:
    parsed = parse("hevy-kg.csv")
    assert (parsed.format, parsed.variant) == ("hevy", "Hevy, kg")
    push = dict(
        start=datetime(2026, 4, 9, 17, 18), end=datetime(2026, 4, 9, 18, 20), duration_s=3720,
        workout="Push", workout_notes="good day", unit="kg",
    )  # fmt: skip
    bench = "Bench Press (Barbell)"
    assert parsed.rows == [
        ImportedRow(line=2, exercise=bench, set_order=1, kind="warmup", weight=40.0, reps=10,
                    **push),
        ImportedRow(line=3, exercise=bench, set_order=2, weight=80.0, reps=5, rpe=8.0, **push),
        ImportedRow(line=4, exercise=bench, set_order=3, kind="drop", weight=60.0, reps=8,
                    **push),
        ImportedRow(line=5, exercise="Dip", set_order=1, kind="failure", weight=None, reps=12,
                    notes="slow", superset="0", **push),
        ImportedRow(line=6, exercise="Treadmill", set_order=1, distance_m=1200.0,
                    seconds=600.0, superset="0", **push),
    ]  # fmt: skip


def test_hevy_lbs_and_iso_times_keep_the_wall_clock() -> None:
    parsed = parse("hevy-lbs.csv")
    assert parsed.variant == "Hevy, lb"
    squat, run = parsed.rows
    assert squat == ImportedRow(
        line=2, start=datetime(2026, 4, 9, 17, 18), end=datetime(2026, 4, 9, 18, 3, 30),
        duration_s=2730, workout="Legs", exercise="Squat (Barbell)", set_order=1,
        weight=225.0, unit="lb", reps=5,
    )  # fmt: skip
    assert run.start == datetime(2026, 4, 10, 7, 0)  # "+02:00" dropped, not converted
    assert run.start.tzinfo is None
    assert (run.distance_m, run.seconds, run.reps) == (3218.688, 1200.0, None)


def test_hevy_bad_rows() -> None:
    header = sample("hevy-kg.csv").splitlines()[0]
    text = (
        header + "\n"
        '"A","yesterday","","","Squat",,"",0,"normal",100,5,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat",,"",1,"giant",100,5,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat",,"",2,"normal",100,5,,,\n'
    )
    parsed = read_hevy(text)
    assert [(row.line, row.set_order, row.end) for row in parsed.rows] == [(4, 3, None)]
    assert parsed.skipped == [
        SkippedRow(2, "start_time 'yesterday' is not a time like 9 Apr 2026, 17:18"),
        SkippedRow(3, "set_type 'giant' is not normal, warmup, dropset or failure"),
    ]


# -- FitNotes ----------------------------------------------------------------------------


def test_fitnotes_header_unit() -> None:
    parsed = parse("fitnotes-old.csv")
    assert (parsed.format, parsed.variant) == ("fitnotes", "FitNotes, kg")
    day = datetime(2020, 9, 13)
    assert parsed.rows == [
        ImportedRow(line=2, start=day, workout="", exercise="Barbell Squat", category="Legs",
                    weight=100.0, unit="kg", reps=5),
        ImportedRow(line=3, start=day, workout="", exercise="Barbell Squat", category="Legs",
                    weight=100.0, unit="kg", reps=5),
        ImportedRow(line=4, start=day, workout="", exercise="Pull Up", category="Back",
                    weight=None, unit="kg", reps=10),
        ImportedRow(line=5, start=datetime(2020, 9, 14), workout="", exercise="Running",
                    category="Cardio", unit="kg", distance_m=5000.0, seconds=1500.0),
    ]  # fmt: skip


def test_fitnotes_unit_column_and_comment() -> None:
    parsed = parse("fitnotes-new.csv")
    assert parsed.variant == "FitNotes, unit column"
    day = dict(start=datetime(2024, 1, 2), workout="")
    bench = "Flat Barbell Bench Press"
    assert parsed.rows == [
        ImportedRow(line=2, exercise=bench, category="Chest", weight=135.0, unit="lb", reps=8,
                    notes="Felt strong, add 5", **day),
        ImportedRow(line=3, exercise=bench, category="Chest", weight=60.0, unit="kg", reps=8,
                    **day),
        ImportedRow(line=4, exercise="Plank", category="Abs", seconds=90.0, **day),
        ImportedRow(line=5, exercise="Rowing Machine", category="Cardio", distance_m=2000.0,
                    seconds=480.0, **day),
    ]  # fmt: skip


def test_fitnotes_bad_rows() -> None:
    text = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
        "2024-13-02,Squat,Legs,100,kgs,5,,,,\n"
        "2024-01-02,Squat,Legs,100,stone,5,,,,\n"
        "2024-01-02,Plank,Abs,,,,,,1:xx,\n"
        "2024-01-02,Squat,Legs,100,kgs,5,,,,\n"
    )
    parsed = read_fitnotes(text)
    assert [row.line for row in parsed.rows] == [5]
    assert parsed.skipped == [
        SkippedRow(2, "date '2024-13-02' is not a date like 2020-09-13"),
        SkippedRow(3, "weight unit 'stone' is not kg or lb"),
        SkippedRow(4, "time '1:xx' is not a time like 0:01:30"),
    ]


# -- the real exports --------------------------------------------------------------------


@needs_samples
def test_real_strong_sample() -> None:
    text = real("strong-comma.csv")
    assert detect(text) == "strong"
    parsed = read_strong(text)
    assert parsed.skipped == []
    assert len(parsed.rows) == 4690
    assert len({row.start for row in parsed.rows}) > 100
    assert all(row.reps is not None or row.seconds or row.distance_m for row in parsed.rows)
    assert parsed.rows[0].duration_s == 31 * 60


@needs_samples
def test_real_hevy_sample() -> None:
    text = real("hevy.csv")
    assert detect(text) == "hevy"
    parsed = read_hevy(text)
    assert parsed.skipped == []
    assert len(parsed.rows) == 567
    assert {row.kind for row in parsed.rows} == {"normal", "warmup", "drop", "failure"}
    assert all(row.unit == "kg" and row.end is not None for row in parsed.rows)


@needs_samples
def test_real_fitnotes_sample() -> None:
    text = real("fitnotes.csv")
    assert detect(text) == "fitnotes"
    parsed = read_fitnotes(text)
    assert parsed.skipped == []
    assert len(parsed.rows) == 436
    assert all(row.unit == "lb" and row.start.hour == 0 for row in parsed.rows)


def test_15k_strong_rows_are_read() -> None:
    """How fast: benchmarks/import_bench.py (no timing in unit tests)."""
    lines = sample("strong-comma-12.csv").splitlines(keepends=True)
    text = lines[0] + "".join(lines[1:]) * 2143  # ~15,000 rows
    assert len(read_strong(text).rows) == 6 * 2143


# -- no text makes a reader raise --------------------------------------------------------

_HEADERS = [
    sample(name).splitlines()[0]
    for name in ("strong-comma-12.csv", "strong6-kg.csv", "hevy-kg.csv", "fitnotes-new.csv")
]
_CELLS = st.sampled_from(
    ["", "0", "1", "10.0", "-3", "nan", "inf", "1e400", "W", "Rest Timer", "Note", "kg", "mi",
     "31m", "1h 3m", "0:01:30", "2021-07-07 18:35:21", "9 Apr 2026, 17:18", "2024-01-02",
     '"', '""', "\r", "\n", "\x00", "ü", "2026-04-09T17:18:00+02:00", "²", "1:²", "٣", "1_0"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from(_HEADERS),
    rows=st.lists(st.lists(_CELLS | st.text(max_size=8), max_size=16), max_size=5),
    delimiter=st.sampled_from([",", ";"]),
)
def test_readers_never_raise_on_rows(header: str, rows: list[list[str]], delimiter: str) -> None:
    text = header + "\n" + "\n".join(delimiter.join(row) for row in rows)
    for reader in READERS.values():
        parsed = reader(text)
        assert all(isinstance(row, ImportedRow) for row in parsed.rows)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_readers_and_detect_never_raise_on_any_text(text: str) -> None:
    for reader in READERS.values():
        reader(text)
    with contextlib.suppress(UnknownFormat):
        assert detect(text) in (*READERS, "restday")
