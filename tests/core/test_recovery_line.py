"""The recovery line typed on the recovery screen: the grammar and its error messages, and
what a line does to the day's entry."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.entry.line_items import WellnessEntryError
from storage.entry.recovery_line import RecoveryInput, parse_recovery_entry
from storage.entry.set_line import EntryError
from storage.model.records import LB_PER_KG, Recovery


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        (
            "s 7.5 q4 w+2 p30 c60 bw 81.2 st2",
            "kg",
            RecoveryInput(
                sleep_hours=7.5,
                sleep_quality=4,
                water_add=2,
                protein_add_g=30.0,
                carbs_add_g=60.0,
                bodyweight_kg=81.2,
                stress=2,
            ),
        ),
        ("s 7.5", "kg", RecoveryInput(sleep_hours=7.5)),
        ("s7.5", "kg", RecoveryInput(sleep_hours=7.5)),
        ("s 7,5", "kg", RecoveryInput(sleep_hours=7.5)),
        ("s 7:30", "kg", RecoveryInput(sleep_hours=7.5)),
        ("s 7h30", "kg", RecoveryInput(sleep_hours=7.5)),
        ("s7h45m", "kg", RecoveryInput(sleep_hours=7.75)),
        ("s 7h", "kg", RecoveryInput(sleep_hours=7.0)),
        ("s 0", "kg", RecoveryInput(sleep_hours=0.0)),
        ("s 24", "kg", RecoveryInput(sleep_hours=24.0)),
        ("q 1", "kg", RecoveryInput(sleep_quality=1)),
        ("q5", "kg", RecoveryInput(sleep_quality=5)),
        ("w8", "kg", RecoveryInput(water_set=8)),
        ("w 0", "kg", RecoveryInput(water_set=0)),
        ("w+2", "kg", RecoveryInput(water_add=2)),
        ("w -1", "kg", RecoveryInput(water_add=-1)),
        ("p30", "kg", RecoveryInput(protein_add_g=30.0)),
        ("p 42.5g", "kg", RecoveryInput(protein_add_g=42.5)),
        ("c60", "kg", RecoveryInput(carbs_add_g=60.0)),
        ("bw 81.2", "kg", RecoveryInput(bodyweight_kg=81.2)),
        ("bw81.2", "kg", RecoveryInput(bodyweight_kg=81.2)),
        ("bw 180", "lb", RecoveryInput(bodyweight_kg=180 / LB_PER_KG)),
        ("bw 180lb", "kg", RecoveryInput(bodyweight_kg=180 / LB_PER_KG)),
        ("bw 180 lbs", "kg", RecoveryInput(bodyweight_kg=180 / LB_PER_KG)),
        ("bw 81.2kg", "lb", RecoveryInput(bodyweight_kg=81.2)),
        ("st2", "kg", RecoveryInput(stress=2)),
        ("st 5", "kg", RecoveryInput(stress=5)),
        ("n slept  badly, Woke at 3", "kg", RecoveryInput(notes="slept  badly, Woke at 3")),
        ("q3 note st 4 is a typo", "kg", RecoveryInput(sleep_quality=3, notes="st 4 is a typo")),
        ("  ST2   Q4  S 8 ", "KG", RecoveryInput(sleep_hours=8.0, sleep_quality=4, stress=2)),
    ],
)
def test_recovery_forms(text: str, unit: str, expected: RecoveryInput) -> None:
    assert parse_recovery_entry(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "nothing to log: e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2"),
        ("   ", "nothing to log: e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2"),
        (
            "x 5",
            "unknown item 'x': s (sleep), q (sleep quality), w (water), p (protein), "
            "c (carbs), bw (bodyweight), st (stress) or n (note), "
            "e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2",
        ),
        (
            "7.5",
            "unknown item '7.5': s (sleep), q (sleep quality), w (water), p (protein), "
            "c (carbs), bw (bodyweight), st (stress) or n (note), "
            "e.g. s 7.5 q4 w+2 p30 c60 bw 81.2 st2",
        ),
        ("q4 q5", "sleep quality given twice (again in 'q5'): give each item once"),
        ("w8 w+2", "water given twice (again in 'w+2'): give each item once"),
        ("q", "q needs a value: sleep quality is a whole number 1-5, e.g. q4"),
        ("n", "n needs text: the rest of the line is the note, e.g. n slept badly"),
        (
            "s 25",
            "s 25 is out of range: sleep is 0-24 hours, e.g. s 7.5, s 7:30, s 7h30 or s 7h",
        ),
        (
            "s 7:75",
            "s 7:75 is out of range: sleep is 0-24 hours, e.g. s 7.5, s 7:30, s 7h30 or s 7h",
        ),
        (
            "s late",
            "can't read 's late': sleep is 0-24 hours, e.g. s 7.5, s 7:30, s 7h30 or s 7h",
        ),
        ("q7", "q 7 is out of range: sleep quality is a whole number 1-5, e.g. q4"),
        ("q0", "q 0 is out of range: sleep quality is a whole number 1-5, e.g. q4"),
        ("q 3.5", "can't read 'q 3.5': sleep quality is a whole number 1-5, e.g. q4"),
        (
            "w 101",
            "w 101 is out of range: water is in cups: w8 sets the day's total (0-100); "
            "w+2 or w-1 adds or removes",
        ),
        (
            "w +2.5",
            "can't read 'w +2.5': water is in cups: w8 sets the day's total (0-100); "
            "w+2 or w-1 adds or removes",
        ),
        ("p 2001", "p 2001 is out of range: protein is grams added to the day, 0-2000, e.g. p30"),
        ("p -5", "can't read 'p -5': protein is grams added to the day, 0-2000, e.g. p30"),
        ("c 3001", "c 3001 is out of range: carbs are grams added to the day, 0-3000, e.g. c60"),
        (
            "bw 900lb",
            "bw 900lb is out of range: bodyweight is 20-400 kg (44.1-881.8 lb), "
            "e.g. bw 81.2 or bw 180lb",
        ),
        (
            "bw 19",
            "bw 19 is out of range: bodyweight is 20-400 kg (44.1-881.8 lb), "
            "e.g. bw 81.2 or bw 180lb",
        ),
        ("bw 80st", "unknown unit 'st' in 'bw 80st': use kg or lb, e.g. bw 81.2kg or bw 180lb"),
        ("st 6", "st 6 is out of range: stress is a whole number 1-5, e.g. st2"),
    ],
)
def test_recovery_errors(text: str, message: str) -> None:
    with pytest.raises(WellnessEntryError) as info:
        parse_recovery_entry(text, "kg")
    assert str(info.value) == message


def test_recovery_bodyweight_in_lb_is_checked_in_kg() -> None:
    # 40 lb is 18 kg: under the bound even though 40 kg would be fine.
    with pytest.raises(WellnessEntryError, match="bw 40 is out of range"):
        parse_recovery_entry("bw 40", "lb")


def test_unknown_unit_argument() -> None:
    with pytest.raises(WellnessEntryError, match="unknown unit 'stone'"):
        parse_recovery_entry("s 7", "stone")


def test_error_is_an_entry_error() -> None:
    assert issubclass(WellnessEntryError, EntryError)
    assert issubclass(WellnessEntryError, ValueError)


GRAMMAR = "sqwpcbtnoeakmdlhrfgxyz0123456789.,:+-_ \t"


@given(st.text() | st.text(alphabet=GRAMMAR), st.sampled_from(["kg", "lb"]))
def test_recovery_raises_only_its_error(text: str, unit: str) -> None:
    try:
        result = parse_recovery_entry(text, unit)
    except WellnessEntryError as e:
        assert "\n" not in str(e)
    else:
        assert isinstance(result, RecoveryInput)


# A note as the round trip can carry it: no surrounding space, starting with a letter.
notes = st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.!']{0,40}", fullmatch=True).map(str.strip)
gap = st.sampled_from(["", " ", "  "])
between = st.sampled_from([" ", "  ", "\t"])


@st.composite
def decimals(draw: st.DrawFn, low: int, high: int) -> tuple[float, str]:
    """A number from `low` to `high` with up to 2 decimals, and how it may be typed."""
    hundredths = draw(st.integers(low * 100, high * 100))
    whole, part = divmod(hundredths, 100)
    text = draw(st.sampled_from([f"{whole}.{part:02d}", f"{whole},{part:02d}"]))
    return hundredths / 100, str(whole) if part == 0 and draw(st.booleans()) else text


@st.composite
def recovery_lines(draw: st.DrawFn) -> tuple[RecoveryInput, str]:
    """A valid RecoveryInput and a line for it, items in a random order and spelling."""
    items: list[str] = []
    fields: dict[str, object] = {}

    def key(k: str) -> str:
        return draw(st.sampled_from([k, k.upper()])) + draw(gap)

    if draw(st.booleans()):
        minutes = draw(st.integers(0, 24 * 60))
        form = draw(st.sampled_from(["decimal", "clock", "h"]))
        if form == "decimal":
            hours, text = draw(decimals(0, 24))
            items.append(key("s") + text)
            fields["sleep_hours"] = hours
        else:
            h, m = divmod(minutes, 60)
            text = f"{h}:{m:02d}" if form == "clock" else f"{h}h{m}" if m else f"{h}h"
            items.append(key("s") + text)
            fields["sleep_hours"] = h + m / 60
    for k, name in (("q", "sleep_quality"), ("st", "stress")):
        if draw(st.booleans()):
            value = draw(st.integers(1, 5))
            items.append(key(k) + str(value))
            fields[name] = value
    if draw(st.booleans()):
        value = draw(st.integers(-100, 100))
        if draw(st.booleans()):
            items.append(key("w") + f"{value:+d}")
            fields["water_add"] = value
        else:
            items.append(key("w") + str(abs(value)))
            fields["water_set"] = abs(value)
    for k, name, high in (("p", "protein_add_g", 2000), ("c", "carbs_add_g", 3000)):
        if draw(st.booleans()):
            grams, text = draw(decimals(0, high))
            items.append(key(k) + text + draw(st.sampled_from(["", "g"])))
            fields[name] = grams
    if draw(st.booleans()):
        kg, text = draw(decimals(20, 400))
        items.append(key("bw") + text + draw(st.sampled_from(["kg", " kg", "KG"])))
        fields["bodyweight_kg"] = kg
    items = draw(st.permutations(items))
    if draw(st.booleans()) or not items:
        note = draw(notes.filter(bool))
        items.append(draw(st.sampled_from(["n ", "note ", "N "])) + note)
        fields["notes"] = note
    line = items[0]
    for item in items[1:]:
        line += draw(between) + item
    return RecoveryInput(**fields), line


@given(recovery_lines(), st.sampled_from(["kg", "lb"]))
def test_recovery_round_trip(case: tuple[RecoveryInput, str], unit: str) -> None:
    expected, line = case
    assert parse_recovery_entry(line, unit) == expected


# -- applying a line to the day's entry ----------------------------------------------------


def test_a_recovery_line_sets_values_and_adds_intake() -> None:
    day = Recovery(day=date(2026, 3, 10), sleep_hours=6, water_cups=3, protein_g=40, stress=4)
    line = parse_recovery_entry("s 7.5 w+2 p30 c60 n fine", "kg")
    result = line.apply_to(day)
    assert (result.sleep_hours, result.water_cups, result.protein_g, result.carbs_g) == (
        7.5,
        5,
        70,
        60,
    )
    assert (result.stress, result.notes, result.id) == (4, "fine", day.id)  # the rest kept
    assert parse_recovery_entry("w8", "kg").apply_to(day).water_cups == 8


def test_water_never_goes_below_zero() -> None:
    day = Recovery(day=date(2026, 3, 10), water_cups=1)
    assert parse_recovery_entry("w-3", "kg").apply_to(day).water_cups == 0
    assert parse_recovery_entry("w-1", "kg").apply_to(Recovery()).water_cups == 0


@given(recovery_lines(), st.integers(0, 100), st.floats(0, 2000), st.floats(0, 3000))
def test_applying_a_line_only_adds_to_intake(
    case: tuple[RecoveryInput, str], water: int, protein: float, carbs: float
) -> None:
    line, _text = case
    day = Recovery(water_cups=water, protein_g=protein, carbs_g=carbs)
    result = line.apply_to(day)
    assert result.protein_g >= protein and result.carbs_g >= carbs
    assert result.water_cups >= 0
    if line.water_set is None and line.water_add is None:
        assert result.water_cups == water
