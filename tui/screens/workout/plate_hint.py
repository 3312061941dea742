"""The plates for the set being entered on a barbell exercise, in one short line beside
the entry line: for the load typed, or with nothing typed for the set Enter logs (the
next warm-up, or the set it repeats). Plain state: no Textual here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.entry.set_line import EntryError
from storage.errors import ValidationError
from storage.model.plates import MAX_LOAD, Loading, PlateSet, loading
from storage.model.units import shown_load
from tui.format.units import format_amount_of, format_number
from tui.screens.workout.session import TypedSets

if TYPE_CHECKING:
    from tui.screens.workout.session import WorkoutSession


def plate_hint(session: WorkoutSession, typed: str) -> str:
    """The plates a side for the barbell load being entered, "" when there is none."""
    load_kg = _load_entered(session, typed)
    if load_kg is None:
        return ""
    plates = session.settings.plate_set()
    return plates_text(loading(shown_load(load_kg, plates.unit), plates), plates)


def plates_text(found: Loading, plates: PlateSet) -> str:
    """What the plates do for a load, in one short line: "100 kg: 25 15 a side"."""
    unit = plates.unit
    load = f"{format_amount_of(found.load)} {unit}"
    if found.per_side == ():
        return f"{load}: the bar alone"
    if found.per_side is not None:
        return f"{load}: {' '.join(f'{p:g}' for p in found.per_side)} a side"
    if found.lower is None:
        return f"{load}: under the {format_number(plates.bar)} {unit} bar"
    nearest = [format_number(x) for x in (found.lower, found.higher) if x is not None]
    return f"{load}: plates make {' or '.join(nearest)}"


def plates_for_typed(text: str, plates: PlateSet) -> str:
    """The plates for a load typed on its own ("102.5"), in the plate set's unit. Raises
    EntryError when it is not a load."""
    try:
        load = float(text.strip().replace(",", "."))
    except ValueError:
        raise EntryError(f"a load in {plates.unit}, e.g. 102.5; not {text.strip()!r}") from None
    if not 0 < load <= MAX_LOAD:
        raise EntryError(f"a load from 0 to {MAX_LOAD:g} {plates.unit}")
    return plates_text(loading(load, plates), plates)


def _load_entered(session: WorkoutSession, typed: str) -> float | None:
    """The external load in kg of the set being entered on a barbell exercise."""
    if typed.strip():
        try:
            line = session.read_line(typed)
        except (EntryError, ValidationError):
            return None
        if not isinstance(line, TypedSets) or line.exercise.equipment != "barbell":
            return None
        spec = line.spec
        if spec.bodyweight or spec.weight <= 0:
            return None
        try:
            return spec.weight_kg(session.unit)
        except EntryError:
            return None
    exercise = session.current
    if exercise is None or exercise.equipment != "barbell" or session.workout is None:
        return None
    warmup = session.warmups.next(session, exercise)
    if warmup is not None:
        return warmup.spec.weight_kg(session.unit)
    last = session.last_set(exercise)
    if last is None or last.bodyweight or last.weight_kg <= 0:
        return None
    return last.weight_kg
