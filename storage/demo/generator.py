"""A deterministic, realistic demo training log ending on a given day.

The demo lifter (about 82 kg) runs a 4-day upper/lower split (Monday Upper A, Tuesday Lower A,
Thursday Upper B, Friday Lower B, around 18:00 local time) with progressive overload on the
main lifts (squat, bench, deadlift, overhead press, row), logs recovery (sleep, intake,
bodyweight, stress) nearly every morning and symptoms (weakness, energy, mood, motivation,
soreness) on most mornings.

About every 26 weeks there is a fatigue episode the scoring can see: ten training days in a
row in which the main lifts' e1RM falls session to session (over 10 % in total on bench and
squat), sleep shortens to 5-6 h (under 5 h the last two nights), soreness climbs and
motivation, mood and energy sink. Four rest days and a deload week (two sets per lift at
about 60 % of e1RM, RPE 6) follow, then the e1RMs rebound. The last episode ends 3-5 weeks
before the end day; logs shorter than about 10 weeks have none.

Everything comes from one seeded `random.Random`, ids included, so a seed gives the same log
every time. The end day itself has only its morning entries (its workout has not happened).
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from scoring.constants import SCORING
from storage.model.records import (
    Exercise,
    Record,
    Recovery,
    SetEntry,
    SymptomEntry,
    Template,
    TemplateItem,
    Workout,
)

# The RPE chart's percentages (Tuchscherer), to turn an e1RM into a load and back.
_RTS = SCORING.rts_percent_sequence

BODYWEIGHT_KG = 82.0
EPISODE_DAYS = 10  # consecutive training days
EPISODE_EVERY_DAYS = 26 * 7
EPISODE_DROP_PER_DAY = 0.017  # of e1RM, per day into the episode
REST_DAYS_AFTER_EPISODE = 4
MIN_HISTORY_DAYS = 28  # before the first episode
TRAINING_HOUR = 18
PROGRESS_GAIN = 0.45  # a lifter's e1RM rises by up to 45 % over years ...
PROGRESS_DAYS = 600.0  # ... approaching it with this time constant
WEEKDAY_SESSIONS = {0: "Upper A", 1: "Lower A", 3: "Upper B", 4: "Lower B"}
ROTATION = ("Upper A", "Lower A", "Upper B", "Lower B")


@dataclass(frozen=True)
class _Slot:
    """One exercise of a template: the first id present in the library is used."""

    candidates: tuple[str, ...]
    main: bool
    reps: int  # base reps (main) or target reps (accessory)
    end_e1rm: float  # e1RM at the end of a long log, kg (total load for bodyweight moves)
    step: float  # load step, kg
    rest_s: int
    bodyweight: bool = False
    sets: int = 3
    bar: float = 20.0  # a main lift's first warm-up load


TEMPLATES: dict[str, tuple[_Slot, ...]] = {
    "Upper A": (
        _Slot(("bench-press",), True, 5, 117.0, 2.5, 180, sets=4),
        _Slot(("barbell-row",), True, 8, 107.0, 2.5, 150, sets=4),
        _Slot(("incline-dumbbell-press", "dumbbell-bench-press"), False, 10, 42.0, 2.0, 90),
        _Slot(("lat-pulldown", "seated-cable-row"), False, 10, 95.0, 2.5, 90),
        _Slot(("triceps-pushdown", "skull-crusher"), False, 12, 45.0, 2.5, 60),
    ),
    "Lower A": (
        _Slot(("back-squat",), True, 5, 162.0, 2.5, 210, sets=4),
        _Slot(("romanian-deadlift", "stiff-leg-deadlift"), False, 8, 150.0, 2.5, 120),
        _Slot(("leg-extension",), False, 12, 90.0, 2.5, 60),
        _Slot(("lying-leg-curl", "seated-leg-curl", "leg-curl"), False, 10, 65.0, 2.5, 60),
        _Slot(("standing-calf-raise", "seated-calf-raise"), False, 12, 150.0, 5.0, 60),
    ),
    "Upper B": (
        _Slot(("overhead-press",), True, 6, 72.0, 2.5, 180, sets=4),
        _Slot(("pull-up", "lat-pulldown"), False, 8, 120.0, 2.5, 120, bodyweight=True),
        _Slot(("dumbbell-bench-press", "incline-dumbbell-press"), False, 10, 48.0, 2.0, 90),
        _Slot(
            ("lateral-raise", "dumbbell-lateral-raise", "cable-lateral-raise"),
            False,
            12,
            20.0,
            2.0,
            60,
        ),  # fmt: skip
        _Slot(("barbell-curl", "ez-bar-curl", "dumbbell-curl"), False, 10, 55.0, 2.5, 60),
    ),
    "Lower B": (
        _Slot(("deadlift",), True, 4, 200.0, 2.5, 240, sets=3, bar=60.0),
        _Slot(("leg-press", "hack-squat"), False, 10, 280.0, 5.0, 120),
        _Slot(("seated-leg-curl", "lying-leg-curl", "leg-curl"), False, 12, 70.0, 2.5, 60),
        _Slot(("standing-calf-raise", "seated-calf-raise"), False, 10, 150.0, 5.0, 60),
        _Slot(("hanging-leg-raise", "cable-crunch"), False, 12, 0.0, 0.0, 60, bodyweight=True),
    ),
}

# Over a 4-week wave: main-lift working sets, rep offset, first-set RPE.
_WAVE_SETS = (0, 1, 0, -1)
_WAVE_REPS = (1, 0, 0, -1)
_WAVE_RPE = (7.0, 7.5, 8.0, 8.5)

_NOTES = (
    "Felt strong today.",
    "Gym was busy, longer rests.",
    "Bar speed good.",
    "Left shoulder a bit tight in warm-ups.",
    "Short on time, kept rests tight.",
    "Great session.",
    "New belt.",
    "Grip slipping on the last set.",
)
_EPISODE_NOTES = (
    "Everything felt heavy.",
    "Bar speed way down.",
    "Slept badly, pushed through anyway.",
    "No pop at all today.",
    "Legs still wrecked from yesterday.",
    "Ground out the last set, form broke down.",
    "Really didn't want to be here.",
)
_DELOAD_NOTES = ("Deload: easy weights, short session.", "Deload week, everything light.")


@dataclass
class DemoLog:
    """A generated log: records in time order, plus where its fatigue episodes are."""

    workouts: list[Workout] = field(default_factory=list)
    sets: list[SetEntry] = field(default_factory=list)
    recovery: list[Recovery] = field(default_factory=list)
    symptoms: list[SymptomEntry] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)
    # (first, last) training day of each fatigue episode, oldest first.
    episodes: list[tuple[date, date]] = field(default_factory=list)

    def records(self) -> Iterator[Record]:
        yield from self.templates
        yield from self.workouts
        yield from self.sets
        yield from self.recovery
        yield from self.symptoms


class _Importer(Protocol):
    def import_records(self, records: Iterable[Record]) -> int: ...


def write_demo(repo: _Importer, log: DemoLog) -> None:
    """Write the whole demo log into `repo` in one write."""
    repo.import_records(list(log.records()))


# -- helpers ---------------------------------------------------------------------------------


def _pct(reps: int, rpe: float) -> float:
    """Chart percentage, clamped to the chart's edges."""
    reps = min(12, max(1, reps))
    rpe = min(10.0, max(6.5, rpe))
    return _RTS[2 * (reps - 1) + round(2 * (10 - rpe))]


def _rpe_for(reps: int, pct: float) -> float:
    """The half-step RPE whose chart percentage for `reps` is nearest `pct`."""
    base = 2 * (min(12, max(1, reps)) - 1)
    best = min(range(8), key=lambda i: abs(_RTS[base + i] - pct))
    return 10.0 - best / 2


def _round_to(value: float, step: float) -> float:
    return round(value / step) * step


def _clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def _local_offsets(first: date, days: int, tz: str) -> list[timedelta]:
    """UTC offset at noon of each day (DST changes happen at night)."""
    zone = ZoneInfo(tz)
    offsets = []
    for i in range(days):
        d = first + timedelta(days=i)
        offsets.append(datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset())
    return offsets


class _Session:
    """The sets of one workout as they happen: numbered, timed, with the rest before each."""

    def __init__(self, new_id: Callable[[], str], workout_id: str, day: date, start: datetime):
        self.new_id = new_id
        self.workout_id = workout_id
        self.day = day
        self.start = start
        self.clock = 0  # seconds since the start
        self.previous: int | None = None
        self.sets: list[SetEntry] = []

    def add(
        self,
        ex: Exercise,
        weight: float,
        reps: int,
        rpe: float | None,
        *,
        warmup: bool = False,
        bw: bool = False,
    ) -> None:
        moment = self.start + timedelta(seconds=self.clock)
        rest = None if self.previous is None else self.clock - self.previous
        self.previous = self.clock
        self.sets.append(
            SetEntry(
                id=self.new_id(),
                created=moment,
                updated=moment,
                day=self.day,
                workout=self.workout_id,
                exercise=ex.id,
                weight_kg=float(weight),
                reps=reps,
                rpe=rpe,
                warmup=warmup,
                bodyweight=bw,
                timestamp=moment,
                order=len(self.sets) + 1,
                rest_s=rest,
            )
        )


@dataclass
class _AccessoryState:
    weight: float = -1.0
    reps: int = 0


# -- the generator ---------------------------------------------------------------------------


def generate_demo(
    end_day: date,
    *,
    weeks: int = 12,
    seed: int = 1,
    tz: str = "UTC",
    exercises: Mapping[str, Exercise],
    now: datetime | None = None,
) -> DemoLog:
    """A `weeks`-long demo log whose last day is `end_day`, deterministic for a seed.
    With `now`, nothing is dated after it."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    rng = random.Random(seed)
    rand, gauss, randint = rng.random, rng.gauss, rng.randint
    getrandbits = rng.getrandbits

    def new_id() -> str:
        return uuid.UUID(int=getrandbits(128), version=4).hex

    n_days = weeks * 7
    first = end_day - timedelta(days=n_days - 1)
    offsets = _local_offsets(first, n_days, tz)

    def at(i: int, seconds: float) -> datetime:
        """Day index `i` at `seconds` after local midnight, as a UTC datetime."""
        d = first + timedelta(days=i)
        return datetime(d.year, d.month, d.day, tzinfo=UTC) + (
            timedelta(seconds=int(seconds)) - offsets[i]
        )

    # The lifter's strength grows towards PROGRESS_GAIN with diminishing returns; a log of
    # any length ends near the same strength (a 10-year log starts much weaker).
    def progress(i: int) -> float:
        return 1 + PROGRESS_GAIN * (1 - math.exp(-i / PROGRESS_DAYS))

    end_progress = progress(n_days - 1)

    # -- the calendar: which day is what ---------------------------------------------------
    # kind per day: "" rest, or a session name; phase per day for episodes and deloads.
    kind = [""] * n_days
    phase = ["normal"] * n_days
    phase_pos = [0] * n_days
    for i in range(n_days - 1):  # the end day's workout has not happened yet
        kind[i] = WEEKDAY_SESSIONS.get((first + timedelta(days=i)).weekday(), "")

    # Episodes start on a Monday; the last ends 3-5 weeks before the end day.
    last_start = end_day - timedelta(days=30)
    last_start -= timedelta(days=last_start.weekday())
    episode_starts: list[int] = []
    start_index = (last_start - first).days
    while start_index >= MIN_HISTORY_DAYS:
        episode_starts.append(start_index)
        start_index -= EPISODE_EVERY_DAYS
    episode_starts.reverse()
    episodes: list[tuple[date, date]] = []
    for s in episode_starts:
        for k in range(EPISODE_DAYS):
            kind[s + k] = ROTATION[k % 4]
            phase[s + k], phase_pos[s + k] = "episode", k
        rest_from = s + EPISODE_DAYS
        for k in range(REST_DAYS_AFTER_EPISODE):
            kind[rest_from + k] = ""
            phase[rest_from + k], phase_pos[rest_from + k] = "rest", k
        deload_from = rest_from + REST_DAYS_AFTER_EPISODE
        for k in range(7):
            if deload_from + k < n_days:
                phase[deload_from + k], phase_pos[deload_from + k] = "deload", k
        for k in range(7, 21):
            if deload_from + k < n_days:
                phase[deload_from + k], phase_pos[deload_from + k] = "rebound", k
        episodes.append((first + timedelta(days=s), first + timedelta(days=s + EPISODE_DAYS - 1)))

    # Fatigue felt each day, 0 (fresh) to 1 (overreached).
    fatigue = [0.0] * n_days
    for i in range(n_days):
        p, k = phase[i], phase_pos[i]
        if p == "episode":
            fatigue[i] = 0.15 + 0.85 * k / (EPISODE_DAYS - 1)
        elif p == "rest":
            fatigue[i] = 0.8 - 0.12 * (k + 1)
        elif p == "deload":
            fatigue[i] = max(0.0, 0.3 - 0.05 * k)

    # -- templates -------------------------------------------------------------------------
    created = at(0, 7 * 3600)
    templates: list[Template] = []
    resolved: dict[str, list[tuple[_Slot, Exercise]]] = {}
    template_ids: dict[str, str] = {}
    for name, slots in TEMPLATES.items():
        chosen: list[tuple[_Slot, Exercise]] = []
        for slot in slots:
            ex_id = next((c for c in slot.candidates if c in exercises), None)
            if ex_id is not None:
                chosen.append((slot, exercises[ex_id]))
        if not chosen:  # none of its exercises is in the library: no template, no workouts
            continue
        resolved[name] = chosen
        items = [
            TemplateItem(
                exercise=ex.id,
                sets=slot.sets,
                reps=slot.reps,
                rpe=8.0 if slot.main else None,
                rest_s=slot.rest_s,
            )
            for slot, ex in chosen
        ]
        template = Template(
            id=new_id(), name=name, items=items, created=created, updated=created, day=first
        )
        templates.append(template)
        template_ids[name] = template.id

    # -- workouts and sets -----------------------------------------------------------------
    workouts: list[Workout] = []
    sets: list[SetEntry] = []
    trained: list[list[tuple[Exercise, float]]] = [[] for _ in range(n_days)]  # (ex, effort)
    accessory: dict[str, _AccessoryState] = {}
    bodyweight = [BODYWEIGHT_KG] * n_days
    drift = 0.0
    season = rand() * 2 * math.pi
    for i in range(n_days):
        drift = 0.9 * drift + gauss(0, 0.25)
        bodyweight[i] = round(
            BODYWEIGHT_KG + 1.2 * math.sin(2 * math.pi * i / 365 + season) + drift, 1
        )

    for i in range(n_days):
        name = kind[i]
        if name not in resolved:
            continue
        p, k = phase[i], phase_pos[i]
        week_of_wave = ((first.toordinal() - 1 + i) // 7) % 4  # Monday-aligned weeks
        episode = p == "episode"
        deload = p == "deload"
        # Strength today relative to the end-of-log strength.
        level = progress(i) / end_progress
        strain = 0.0  # extra soreness from grinding through fatigue
        if episode:
            level *= 1 - EPISODE_DROP_PER_DAY * k
            noise = 1.0
            strain = 0.7 * k / (EPISODE_DAYS - 1)
        else:
            noise = 1 + _clamp(gauss(0, 0.006), -0.015, 0.015)
            if p == "rebound":
                level *= 1.01
        minute = TRAINING_HOUR * 60 + randint(-40, 40)
        session = _Session(new_id, new_id(), first + timedelta(days=i), at(i, minute * 60))
        session.clock = randint(4, 9) * 60  # warming up, setting up
        add_set = session.add

        for slot, ex in resolved[name]:
            capacity = slot.end_e1rm * level * noise
            if slot.main:
                reps = slot.reps + _WAVE_REPS[week_of_wave]
                if deload:
                    n_sets, rpe0 = 2, 6.0
                    weight = max(slot.bar, _round_to(capacity * 0.6, 2.5))
                else:
                    if episode:
                        n_sets, rpe0 = 4, min(9.5, 8.5 + 0.5 * (k // 4))
                    else:
                        n_sets = max(3, slot.sets + _WAVE_SETS[week_of_wave])
                        rpe0 = _WAVE_RPE[week_of_wave]
                    weight = max(slot.bar, _round_to(capacity * _pct(reps, rpe0) / 100, 2.5))
                    # Record the half step that fits the rounded load best (within 0.5).
                    fit = _rpe_for(reps, 100 * weight / capacity)
                    rpe0 = _clamp(fit, max(7.0, rpe0 - 0.5), min(9.5, rpe0 + 0.5))
                # Warm-ups: the bar (or first plates), then about 40, 60, 80 % of the load.
                last = 0.0
                for frac, wreps in ((0.0, 10), (0.4, 5), (0.6, 3), (0.8, 2)):
                    w = slot.bar if frac == 0.0 else _round_to(weight * frac, 2.5)
                    too_close = w < last + max(5.0, 0.1 * weight)
                    if too_close or w >= weight:
                        continue
                    if frac == 0.0:
                        wreps = 5 if slot.bar > 20 else 10
                    add_set(ex, w, wreps, None, warmup=True)
                    session.clock += randint(60, 150)
                    last = w
                session.clock += randint(60, 120)
                rpe = rpe0
                cap = 10.0 if episode else 9.5
                for n in range(n_sets):
                    recorded: float | None = rpe
                    if n > 0 and not deload and rand() < 0.22:
                        recorded = None
                    add_set(ex, weight, reps, recorded)
                    session.clock += slot.rest_s + randint(-30, 45) + 25 + 3 * reps
                    if not deload and rand() < (0.8 if episode else 0.55):
                        rpe = min(cap, rpe + 0.5)
                trained[i].append((ex, 0.4 if deload else 1.0 + strain))
            else:
                state = accessory.setdefault(ex.id, _AccessoryState())
                offset = bodyweight[i] if slot.bodyweight else 0.0
                if slot.end_e1rm == 0.0:  # a bodyweight core move: reps only
                    weight, reps = 0.0, slot.reps - randint(0, 2)
                    rpe = 8.0
                else:
                    if not deload:
                        if state.weight < 0 or state.reps >= 12:
                            target = capacity * _pct(10, 8.0) / 100 - offset
                            state.weight = max(0.0, _round_to(target, slot.step))
                            state.reps = 8
                        else:
                            state.reps += 2
                    weight, reps = state.weight, state.reps
                    rpe = _clamp(_rpe_for(reps, 100 * (weight + offset) / capacity), 7.0, 9.5)
                if deload:
                    weight = max(0.0, _round_to(weight * 0.7, slot.step) if weight else 0.0)
                    reps, rpe = 10, 6.0
                n_sets = 2 if deload else 3
                for n in range(n_sets):
                    recorded = rpe
                    if n > 0 and not deload and rand() < 0.22:
                        recorded = None
                    set_reps = reps if n == 0 or deload else max(8, reps - randint(0, 1))
                    add_set(ex, weight, set_reps, recorded, bw=slot.bodyweight)
                    session.clock += slot.rest_s + randint(-15, 30) + 20 + 3 * set_reps
                    if not deload and rand() < 0.5:
                        rpe = min(9.5, rpe + 0.5)
                trained[i].append((ex, 0.4 if deload else 0.8 + strain))
            session.clock += randint(60, 180)  # moving to the next exercise

        start = session.start
        end = start + timedelta(seconds=session.clock + randint(120, 420))
        if deload:
            session_rpe, notes = randint(4, 5), rng.choice(_DELOAD_NOTES) if k == 0 else ""
        elif episode:
            session_rpe = min(10, 8 + k // 4 + randint(0, 1))
            notes = rng.choice(_EPISODE_NOTES) if rand() < 0.6 else ""
        else:
            session_rpe = randint(6, 8)
            notes = rng.choice(_NOTES) if rand() < 0.15 else ""
        workouts.append(
            Workout(
                id=session.workout_id,
                created=start,
                updated=end,
                day=session.day,
                start=start,
                end=end,
                name=name,
                template=template_ids[name],
                session_rpe=session_rpe,
                notes=notes,
            )
        )
        sets.extend(session.sets)

    # -- mornings: recovery and symptoms ---------------------------------------------------
    recovery: list[Recovery] = []
    symptoms: list[SymptomEntry] = []
    always = set(range(max(0, n_days - 7), n_days))
    for s in episode_starts:
        always.update(range(max(0, s - 3), min(n_days, s + EPISODE_DAYS + 3)))
    for i in range(n_days):
        p, k, f = phase[i], phase_pos[i], fatigue[i]
        day = first + timedelta(days=i)
        bw = bodyweight[i]
        wake = at(i, randint(6 * 60 + 15, 8 * 60 + 30) * 60)
        if i in always or rand() < 0.97:
            if p == "episode":
                if k >= EPISODE_DAYS - 2:
                    sleep = round(4.3 + rand() * 0.6, 1)  # under 5 h the last two nights
                else:
                    sleep = _clamp(6.0 - 0.9 * k / (EPISODE_DAYS - 3) + gauss(0, 0.15), 5.0, 6.0)
                    sleep = round(sleep * 4) / 4
                quality = 2 if k < 5 else 1
                stress = min(5, 3 + k // 4)
                water = randint(5, 8)
                protein = _round_to(bw * (1.3 + rand() * 0.3), 5)
                carbs = _round_to(bw * (2.0 + rand() * 0.6), 5)
            else:
                mean = 7.9 if p == "rest" else 7.4
                sleep = round(_clamp(gauss(mean, 0.45), 6.5, 8.5) * 4) / 4
                quality = _clamp(round(1 + sleep - 4.5 + gauss(0, 0.7)), 2, 5)
                stress = _clamp(round(gauss(2.0, 0.8)), 1, 4)
                water = randint(8, 13)
                protein = _round_to(bw * (1.8 + rand() * 0.4), 5)
                carbs = _round_to(bw * (3.0 + rand() * 1.8), 5)
            recovery.append(
                Recovery(
                    id=new_id(),
                    created=wake,
                    updated=wake,
                    day=day,
                    sleep_hours=float(sleep),
                    sleep_quality=int(quality),
                    water_cups=water,
                    protein_g=float(protein),
                    carbs_g=float(carbs),
                    bodyweight_kg=bw,
                    stress=int(stress),
                )
            )
        if i in always or rand() < 0.85:
            soreness: dict[str, int] = {}
            for back, base in ((1, 3.0), (2, 2.0)):
                if i - back < 0:
                    continue
                for ex, effort in trained[i - back]:
                    for muscle, coefficient in ex.muscles.items():
                        value = base * effort * coefficient + 5.5 * f + gauss(0, 0.6)
                        value = int(_clamp(round(value), 0, 10))
                        if value > soreness.get(muscle, 0):
                            soreness[muscle] = value
            if p == "episode":
                weakness = int(_clamp(round(1 + 7.5 * f + gauss(0, 0.4)), 0, 10))
                energy = int(_clamp(round(4.5 - 3.5 * f + gauss(0, 0.3)), 1, 5))
                mood = int(_clamp(round(4.3 - 3.6 * f + gauss(0, 0.3)), 1, 5))
                motivation = int(_clamp(round(4.5 - 3.8 * f + gauss(0, 0.3)), 1, 5))
            else:
                weakness = int(_clamp(round(gauss(1.0, 0.8) + 4 * f), 0, 10))
                energy = int(_clamp(round(gauss(3.9, 0.7) - 2 * f), 1, 5))
                mood = int(_clamp(round(gauss(3.9, 0.6) - 1.5 * f), 1, 5))
                motivation = int(_clamp(round(gauss(4.0, 0.7) - 2 * f), 1, 5))
            moment = wake + timedelta(seconds=randint(60, 900))
            symptoms.append(
                SymptomEntry(
                    id=new_id(),
                    created=moment,
                    updated=moment,
                    day=day,
                    timestamp=moment,
                    weakness=weakness,
                    energy=energy,
                    mood=mood,
                    motivation=motivation,
                    soreness={m: v for m, v in soreness.items() if v >= 2},
                )
            )

    if now is not None:  # the end day's morning entries may still lie ahead
        recovery = [r for r in recovery if r.created <= now]
        symptoms = [s for s in symptoms if s.timestamp <= now]
    return DemoLog(
        workouts=workouts,
        sets=sets,
        recovery=recovery,
        symptoms=symptoms,
        templates=templates,
        episodes=episodes,
    )
