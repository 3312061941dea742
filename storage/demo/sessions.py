"""The demo's workouts: each training day's session with its sets as they happen (warm-ups and
working sets of the main lifts, accessories in double progression), timed with the rest before
each, RPEs read off the RPE chart, and the session's RPE and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from scoring.constants import SCORING
from storage.demo.arithmetic import clamp, round_to
from storage.demo.chance import Chance
from storage.demo.lifter import Strength
from storage.demo.program import WAVE_REPS, WAVE_RPE, WAVE_SETS, Program, Slot
from storage.demo.schedule import Schedule
from storage.model.records import Exercise, SetEntry, Template, Workout

# The RPE chart's percentages (Tuchscherer), to turn an e1RM into a load and back.
_RTS = SCORING.rts_percent_sequence

TRAINING_HOUR = 18

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

# What one day trained: each exercise with its effort (1.0 a normal main lift), for soreness.
Trained = list[tuple[Exercise, float]]


@dataclass
class Training:
    """The log's workouts and sets in time order, and what each day trained."""

    workouts: list[Workout] = field(default_factory=list)
    sets: list[SetEntry] = field(default_factory=list)
    trained: list[Trained] = field(default_factory=list)


def train(
    days: Schedule,
    program: Program,
    templates: dict[str, Template],
    bodyweight: list[float],
    chance: Chance,
) -> Training:
    """Every training day's workout, for the sessions the program has."""
    training = Training(trained=[[] for _ in range(days.count)])
    strength = Strength(days.count)
    accessories: dict[str, _Accessory] = {}
    for i in range(days.count):
        name = days.session[i]
        if name not in program:
            continue
        p, k = days.phase[i], days.phase_pos[i]
        week_of_wave = ((days.first.toordinal() - 1 + i) // 7) % 4  # Monday-aligned weeks
        form = strength.form(i, p, k, chance)
        minute = TRAINING_HOUR * 60 + chance.randint(-40, 40)
        session = _Session(chance, chance.new_id(), days.day(i), days.at(i, minute * 60))
        session.clock = chance.randint(4, 9) * 60  # warming up, setting up
        for slot, ex in program[name]:
            capacity = slot.end_e1rm * form.level * form.noise
            if slot.main:
                _main_lift(session, slot, ex, capacity, week_of_wave, p, k)
                effort = 0.4 if p == "deload" else 1.0 + form.strain
            else:
                state = accessories.setdefault(ex.id, _Accessory())
                _accessory(session, slot, ex, capacity, state, bodyweight[i], p == "deload")
                effort = 0.4 if p == "deload" else 0.8 + form.strain
            training.trained[i].append((ex, effort))
            session.clock += chance.randint(60, 180)  # moving to the next exercise
        training.workouts.append(_workout(session, name, templates[name].id, p, k))
        training.sets.extend(session.sets)
    return training


class _Session:
    """The sets of one workout as they happen: numbered, timed, with the rest before each."""

    def __init__(self, chance: Chance, workout_id: str, day: date, start: datetime):
        self.chance = chance
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
                id=self.chance.new_id(),
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


def _main_lift(
    session: _Session,
    slot: Slot,
    ex: Exercise,
    capacity: float,
    week_of_wave: int,
    phase: str,
    k: int,
) -> None:
    """Warm-ups, then working sets at the wave's reps and RPE; two light sets in a deload, four
    grinding ones in an episode."""
    rand, randint = session.chance.random, session.chance.randint
    episode = phase == "episode"
    deload = phase == "deload"
    reps = slot.reps + WAVE_REPS[week_of_wave]
    if deload:
        n_sets, rpe0 = 2, 6.0
        weight = max(slot.bar, round_to(capacity * 0.6, 2.5))
    else:
        if episode:
            n_sets, rpe0 = 4, min(9.5, 8.5 + 0.5 * (k // 4))
        else:
            n_sets = max(3, slot.sets + WAVE_SETS[week_of_wave])
            rpe0 = WAVE_RPE[week_of_wave]
        weight = max(slot.bar, round_to(capacity * _pct(reps, rpe0) / 100, 2.5))
        # Record the half step that fits the rounded load best (within 0.5).
        fit = _rpe_for(reps, 100 * weight / capacity)
        rpe0 = clamp(fit, max(7.0, rpe0 - 0.5), min(9.5, rpe0 + 0.5))
    # Warm-ups: the bar (or first plates), then about 40, 60, 80 % of the load.
    last = 0.0
    for frac, wreps in ((0.0, 10), (0.4, 5), (0.6, 3), (0.8, 2)):
        w = slot.bar if frac == 0.0 else round_to(weight * frac, 2.5)
        too_close = w < last + max(5.0, 0.1 * weight)
        if too_close or w >= weight:
            continue
        if frac == 0.0:
            wreps = 5 if slot.bar > 20 else 10
        session.add(ex, w, wreps, None, warmup=True)
        session.clock += randint(60, 150)
        last = w
    session.clock += randint(60, 120)
    rpe = rpe0
    cap = 10.0 if episode else 9.5
    for n in range(n_sets):
        recorded: float | None = rpe
        if n > 0 and not deload and rand() < 0.22:
            recorded = None
        session.add(ex, weight, reps, recorded)
        session.clock += slot.rest_s + randint(-30, 45) + 25 + 3 * reps
        if not deload and rand() < (0.8 if episode else 0.55):
            rpe = min(cap, rpe + 0.5)


@dataclass
class _Accessory:
    """An accessory's double progression: the load, and the reps it is up to."""

    weight: float = -1.0
    reps: int = 0


def _accessory(
    session: _Session,
    slot: Slot,
    ex: Exercise,
    capacity: float,
    state: _Accessory,
    bodyweight: float,
    deload: bool,
) -> None:
    """Three sets: the reps rise by two a session from 8 to 12, then the load is set again from
    the day's strength and the reps start at 8; in a deload, two light sets of 10."""
    rand, randint = session.chance.random, session.chance.randint
    offset = bodyweight if slot.bodyweight else 0.0
    if slot.end_e1rm == 0.0:  # a bodyweight core move: reps only
        weight, reps = 0.0, slot.reps - randint(0, 2)
        rpe = 8.0
    else:
        if not deload:
            if state.weight < 0 or state.reps >= 12:
                target = capacity * _pct(10, 8.0) / 100 - offset
                state.weight = max(0.0, round_to(target, slot.step))
                state.reps = 8
            else:
                state.reps += 2
        weight, reps = state.weight, state.reps
        rpe = clamp(_rpe_for(reps, 100 * (weight + offset) / capacity), 7.0, 9.5)
    if deload:
        weight = max(0.0, round_to(weight * 0.7, slot.step) if weight else 0.0)
        reps, rpe = 10, 6.0
    n_sets = 2 if deload else 3
    for n in range(n_sets):
        recorded: float | None = rpe
        if n > 0 and not deload and rand() < 0.22:
            recorded = None
        set_reps = reps if n == 0 or deload else max(8, reps - randint(0, 1))
        session.add(ex, weight, set_reps, recorded, bw=slot.bodyweight)
        session.clock += slot.rest_s + randint(-15, 30) + 20 + 3 * set_reps
        if not deload and rand() < 0.5:
            rpe = min(9.5, rpe + 0.5)


def _workout(session: _Session, name: str, template_id: str, phase: str, k: int) -> Workout:
    """The workout the session's sets belong to, ended a few minutes after the last set."""
    chance = session.chance
    start = session.start
    end = start + timedelta(seconds=session.clock + chance.randint(120, 420))
    if phase == "deload":
        session_rpe, notes = chance.randint(4, 5), chance.choice(_DELOAD_NOTES) if k == 0 else ""
    elif phase == "episode":
        session_rpe = min(10, 8 + k // 4 + chance.randint(0, 1))
        notes = chance.choice(_EPISODE_NOTES) if chance.random() < 0.6 else ""
    else:
        session_rpe = chance.randint(6, 8)
        notes = chance.choice(_NOTES) if chance.random() < 0.15 else ""
    return Workout(
        id=session.workout_id,
        created=start,
        updated=end,
        day=session.day,
        start=start,
        end=end,
        name=name,
        template=template_id,
        session_rpe=session_rpe,
        notes=notes,
    )


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
