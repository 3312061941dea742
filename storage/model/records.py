"""The training log's records: plain dataclasses, in and out of the repository.

Weights are stored in kilograms; the user's unit is for display only. Timestamps are
timezone-aware UTC datetimes; days are `datetime.date`s computed in the user's timezone
(see `storage.model.days`). On disk, fields holding their default (None, "", False, empty) are
left out of a document to keep a large log small; reading fills them back in.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Any, ClassVar, Self

from storage.model.days import day_of, machine_timezone
from storage.model.plates import DEFAULT_PLATE_SETS, PlateSet
from storage.model.text import printable

SCHEMA_VERSION = 1

MUSCLES: tuple[str, ...] = (
    "chest",
    "lats",
    "upper_back",
    "front_delts",
    "side_delts",
    "rear_delts",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "lower_back",
    "glutes",
    "quads",
    "hamstrings",
    "adductors",
    "calves",
)
EXERCISE_KINDS: tuple[str, ...] = ("compound", "isolation", "bodyweight", "timed", "distance")
EQUIPMENT: tuple[str, ...] = (
    "barbell",
    "dumbbell",
    "machine",
    "cable",
    "bodyweight",
    "kettlebell",
    "band",
    "cardio",
    "other",
)
UNITS: tuple[str, ...] = ("kg", "lb")
LB_PER_KG = 2.2046226218


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return value.to_doc()
    return value


# A record's created, updated and timestamp are mostly one moment, and a day's records
# share its day: read as one object each, a ten-year log's records take 6 MB less.
_moment = lru_cache(maxsize=1024)(datetime.fromisoformat)
_day = lru_cache(maxsize=1024)(date.fromisoformat)


def _is_empty_default(value: Any) -> bool:
    return value is None or value is False or value == "" or value == () or value == {}


@dataclass(kw_only=True, slots=True)
class Record:
    """Fields every stored document has: a stable id, timestamps, the day it belongs to."""

    TABLE: ClassVar[str] = ""
    DATETIME_FIELDS: ClassVar[tuple[str, ...]] = ("created", "updated")
    DATE_FIELDS: ClassVar[tuple[str, ...]] = ("day",)

    id: str = field(default_factory=new_id)
    created: datetime | None = None
    updated: datetime | None = None
    day: date | None = None

    def __post_init__(self) -> None:
        # Every door into the log (typed, imported, read from an older log) comes here, as
        # often as a ten-year log has records: one check in C when the text is printable.
        read, strings, several = self._texts()
        try:
            clean = "".join(filter(None, read(self))).isprintable()
        except TypeError:  # not text: left for the log's schema check to report
            clean = False
        if not clean:
            for name in strings:
                if isinstance(value := getattr(self, name), str):
                    setattr(self, name, printable(value))
        for name in several:
            texts = getattr(self, name)
            setattr(self, name, tuple(printable(t) if isinstance(t, str) else t for t in texts))

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if _is_empty_default(value) and f.name != "id":
                continue
            doc[f.name] = _to_json(value)
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Self:
        names = cls._field_names()
        values = {k: v for k, v in doc.items() if k in names}
        for name in cls.DATETIME_FIELDS:
            if values.get(name) is not None:
                values[name] = _moment(values[name])
        for name in cls.DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = _day(values[name])
        return cls(**cls._decode(values))

    @classmethod
    def _decode(cls, values: dict[str, Any]) -> dict[str, Any]:
        return values

    @classmethod
    def _texts(cls) -> tuple[Callable[[Record], Any], tuple[str, ...], tuple[str, ...]]:
        """What reads the fields holding text (names, notes, ids), their names, and the
        fields holding several texts (aliases)."""
        texts = cls.__dict__.get("_text_fields")
        if texts is None:
            fields = dataclasses.fields(cls)
            strings = tuple(f.name for f in fields if f.type in ("str", "str | None"))
            several = tuple(f.name for f in fields if f.type == "tuple[str, ...]")
            texts = cls._text_fields = (attrgetter(*strings), strings, several)
        return texts

    @classmethod
    def _field_names(cls) -> frozenset[str]:
        names = cls.__dict__.get("_names")
        if names is None:
            names = frozenset(f.name for f in dataclasses.fields(cls))
            cls._names = names
        return names


@dataclass(kw_only=True)
class Exercise(Record):
    """An exercise; `muscles` maps a muscle to 1.0 (trained directly) or 0.5 (indirectly)."""

    TABLE: ClassVar[str] = "exercises"

    name: str
    aliases: tuple[str, ...] = ()
    equipment: str = "other"
    muscles: dict[str, float] = field(default_factory=dict)
    kind: str = "compound"
    default_rest_s: int = 120
    builtin: bool = False

    @classmethod
    def _decode(cls, values: dict[str, Any]) -> dict[str, Any]:
        if "aliases" in values:
            values["aliases"] = tuple(values["aliases"])
        return values

    @property
    def primary_muscles(self) -> tuple[str, ...]:
        return tuple(m for m, c in self.muscles.items() if c >= 1.0)

    @property
    def load_per_hand(self) -> bool:
        """Whether a typed load is the weight in each hand unless the lifter says otherwise
        (`Settings.load_per_hand`): so for dumbbells, as lifters name them ("the 30s")."""
        return self.equipment == "dumbbell"


@dataclass(kw_only=True, slots=True)
class Workout(Record):
    """A training session. It is in progress while `end` is None, or while it is
    `reopened`: a finished workout opened again to change a set keeps its `end` in the log
    (a copy of restday killed meanwhile loses nothing) until it is finished again.

    `groups` holds the supersets made (an exercise id and its group's id) or undone (the
    id and "") with a key during the workout, over the template's and those its sets
    carry (`SetEntry.group`): a group is kept before its exercises have sets."""

    TABLE: ClassVar[str] = "workouts"
    DATETIME_FIELDS: ClassVar[tuple[str, ...]] = ("created", "updated", "start", "end")

    start: datetime
    end: datetime | None = None
    name: str = ""
    template: str | None = None
    session_rpe: int | None = None
    notes: str = ""
    reopened: bool = False
    groups: dict[str, str] = field(default_factory=dict)

    @property
    def in_progress(self) -> bool:
        return self.end is None or self.reopened

    @property
    def duration_minutes(self) -> float | None:
        if self.end is None:
            return None
        return (self.end - self.start).total_seconds() / 60


SET_KINDS: tuple[str, ...] = ("reps", "timed", "distance")
SET_TYPES: tuple[str, ...] = ("drop", "failure", "amrap")
"""A working set's type beyond a plain working set ("" on a `SetEntry`); a warm-up is the
`warmup` flag, as logs have always stored it."""
MAX_SET_REPS = 1000
MAX_DURATION_S = 24 * 3600
MAX_DISTANCE_M = 1_000_000.0
# 90 km/h: faster than anyone runs, rows, skis or rides on the flat; `5km 0:25` is a typo
MAX_SPEED_M_S = 25.0


class SetShape:
    """A set's kind and type, from its fields: for a logged set and the last set the
    workout screen starts from alike."""

    __slots__ = ()

    duration_s: int | None
    distance_m: float | None
    warmup: bool
    set_type: str

    @property
    def kind(self) -> str:
        """Which of `SET_KINDS` the set is."""
        if self.distance_m is not None:
            return "distance"
        return "timed" if self.duration_s is not None else "reps"

    @property
    def type_name(self) -> str:
        """The set's type: "warmup", "working" or one of `SET_TYPES`."""
        return "warmup" if self.warmup else self.set_type or "working"


@dataclass(kw_only=True, slots=True)
class SetEntry(SetShape, Record):
    """One set. `weight_kg` is the external load; with `bodyweight` the lifter's own
    bodyweight comes on top of it (`bw+20` is bodyweight=True, weight_kg=20), or with
    `assisted` it is the assistance taken off bodyweight (`bw-20`).

    Its kind (`kind`): reps (`reps` >= 1), a timed hold (`duration_s`, reps 0) or a
    distance (`distance_m`, with an optional `duration_s`, reps 0); the load is optional
    for the last two. `set_type` is "" for a plain working set or one of `SET_TYPES`;
    `group` names the superset or circuit the set belongs to."""

    TABLE: ClassVar[str] = "sets"
    DATETIME_FIELDS: ClassVar[tuple[str, ...]] = ("created", "updated", "timestamp")

    workout: str
    exercise: str
    weight_kg: float
    reps: int  # 0 for a timed or distance set
    rpe: float | None = None
    warmup: bool = False
    bodyweight: bool = False
    notes: str = ""
    timestamp: datetime
    order: int = 0
    rest_s: int | None = None
    duration_s: int | None = None
    distance_m: float | None = None
    assisted: bool = False
    set_type: str = ""
    group: str | None = None

    @property
    def effort_rpe(self) -> float | None:
        """The RPE the set was done at: a failure set is RPE 10 (0 reps in reserve)."""
        return 10.0 if self.set_type == "failure" else self.rpe

    @property
    def rir(self) -> float | None:
        rpe = self.effort_rpe
        return None if rpe is None else 10 - rpe

    def load_kg(self, bodyweight_kg: float | None) -> float | None:
        """The load lifted in kg: the external load, or for a bodyweight set the lifter's
        bodyweight plus the added load (minus the assistance); None for a bodyweight set
        when `bodyweight_kg` is not known."""
        if not self.bodyweight:
            return self.weight_kg
        if bodyweight_kg is None:
            return None
        return max(
            0.0, bodyweight_kg - self.weight_kg if self.assisted else bodyweight_kg + self.weight_kg
        )

    def strength_load_kg(self, bodyweight_kg: float | None) -> float | None:
        """The load an e1RM is estimated from (when above 0): a set of reps' `load_kg`;
        None for timed and distance sets."""
        return self.load_kg(bodyweight_kg) if self.kind == "reps" else None

    def volume_kg(self, bodyweight_kg: float | None = None, hands: int = 1) -> float:
        """Load x reps, x 2 `hands` when the load is per hand (`Settings.hands_for`): a
        pair of 30 kg dumbbells moves 60 kg. Without the lifter's bodyweight a bodyweight
        set counts its added load (an assisted one nothing); timed and distance sets have
        no volume. The e1RM (`strength_load_kg`) stays per hand: what each arm lifted,
        comparable from session to session and with the one-arm row it is."""
        if self.kind != "reps":
            return 0.0
        load = self.load_kg(bodyweight_kg)
        if load is None:
            load = 0.0 if self.assisted else self.weight_kg
        return load * self.reps * hands


@dataclass(kw_only=True, slots=True)
class Recovery(Record):
    """How a day went for recovery: one per day. Water, protein and carbs add up over it."""

    TABLE: ClassVar[str] = "recovery"

    sleep_hours: float | None = None
    sleep_quality: int | None = None
    water_cups: int | None = None
    protein_g: float | None = None
    carbs_g: float | None = None
    bodyweight_kg: float | None = None
    stress: int | None = None
    notes: str = ""


@dataclass(kw_only=True, slots=True)
class SymptomEntry(Record):
    """How the lifter feels at a moment; several a day are allowed."""

    TABLE: ClassVar[str] = "symptoms"
    DATETIME_FIELDS: ClassVar[tuple[str, ...]] = ("created", "updated", "timestamp")

    timestamp: datetime
    weakness: int | None = None
    energy: int | None = None
    mood: int | None = None
    motivation: int | None = None
    soreness: dict[str, int] = field(default_factory=dict)
    notes: str = ""


@dataclass(kw_only=True)
class TemplateItem:
    exercise: str
    sets: int
    reps: int
    rpe: float | None = None
    rest_s: int | None = None
    weight_kg: float | None = None  # the planned load, when the template sets one
    with_above: bool = False  # done as a superset with the item above (`supersets`)

    def to_doc(self) -> dict[str, Any]:
        return {
            k: v for k, v in dataclasses.asdict(self).items() if v is not None and v is not False
        }


@dataclass(kw_only=True)
class Template(Record):
    """A planned workout: exercises in order with their targets."""

    TABLE: ClassVar[str] = "templates"

    name: str
    items: list[TemplateItem] = field(default_factory=list)

    @classmethod
    def _decode(cls, values: dict[str, Any]) -> dict[str, Any]:
        values["items"] = [TemplateItem(**item) for item in values.get("items", [])]
        return values


@dataclass(kw_only=True)
class RestPeriod(Record):
    """The rest timer: the rest after a set, counted from `started`. Stored, so that a set
    logged from the command line starts it and a restarted app resumes it. Pure
    arithmetic on a moment given by the caller: nothing here reads the clock."""

    TABLE: ClassVar[str] = "rest"
    DATETIME_FIELDS: ClassVar[tuple[str, ...]] = ("created", "updated", "started", "paused_at")

    started: datetime
    duration_s: int
    paused_s: float = 0
    paused_at: datetime | None = None
    after_set: str | None = None
    exercise: str | None = None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def elapsed(self, now: datetime) -> float:
        """Seconds of rest counted so far (pauses left out)."""
        until = self.paused_at or now
        return max(0.0, (until - self.started).total_seconds() - self.paused_s)

    def remaining(self, now: datetime) -> float:
        """Seconds left; negative once the rest runs over."""
        return self.duration_s - self.elapsed(now)

    def pause(self, now: datetime) -> RestPeriod:
        return self if self.paused else dataclasses.replace(self, paused_at=now)

    def resume(self, now: datetime) -> RestPeriod:
        if self.paused_at is None:
            return self
        pause = max(0.0, (now - self.paused_at).total_seconds())
        return dataclasses.replace(self, paused_at=None, paused_s=self.paused_s + pause)

    def adjust(self, seconds: int) -> RestPeriod:
        return dataclasses.replace(self, duration_s=max(0, self.duration_s + seconds))


def default_targets() -> dict[str, float]:
    return {
        "water_cups": 12,
        "protein_g_per_lb_min": 0.8,
        "protein_g_per_lb_max": 1.0,
        "carbs_g_per_kg_min": 3.0,
        "carbs_g_per_kg_max": 5.0,
        "sleep_hours": 7.0,
    }


@dataclass(kw_only=True)
class Settings(Record):
    """The user's settings: one document. `timezone` None means the machine's."""

    TABLE: ClassVar[str] = "settings"

    unit: str = "kg"
    timezone: str | None = None
    rollover_hour: int = 4
    targets: dict[str, float] = field(default_factory=default_targets)
    warmup_rest_s: int = 60
    rest_overrides: dict[str, int] = field(default_factory=dict)
    load_per_hand: dict[str, bool] = field(default_factory=dict)
    """Exercise id -> whether its typed load is per hand, where the lifter set it other
    than the exercise's default (`Exercise.load_per_hand`); kept here as the rest is, the
    library's exercises not being stored in the log."""
    hidden_starters: list[str] = field(default_factory=list)
    """The starter templates (`storage.model.starter_templates`) the lifter deleted."""
    plates: PlateSet | None = None
    """The lifter's bar and plates; None for the defaults of the unit (`plate_set`)."""
    schema_version: int = SCHEMA_VERSION

    def plate_set(self) -> PlateSet:
        """The bar and plates the plate and warm-up calculators load a bar with."""
        return self.plates or DEFAULT_PLATE_SETS[self.unit]

    def day_of(self, moment: datetime) -> date:
        """The training day `moment` falls in: in the user's timezone (the machine's if
        none is set), days starting at `rollover_hour`."""
        return day_of(moment, self.timezone or machine_timezone(), self.rollover_hour)

    def rest_for(
        self, exercise: Exercise, *, warmup: bool = False, template_rest_s: int | None = None
    ) -> int:
        """Seconds of rest after a set: 0 means no timer."""
        if warmup:
            return self.warmup_rest_s
        if template_rest_s is not None:
            return template_rest_s
        return self.rest_overrides.get(exercise.id, exercise.default_rest_s)

    def per_hand(self, exercise: Exercise | None) -> bool:
        """Whether the exercise's typed load is the weight in each hand."""
        if exercise is None:
            return False
        return self.load_per_hand.get(exercise.id, exercise.load_per_hand)

    def hands_for(self, exercise: Exercise | None) -> int:
        """What a typed load counts for in volume: 2 when it is per hand, else 1."""
        return 2 if self.per_hand(exercise) else 1

    def to_doc(self) -> dict[str, Any]:
        doc = super().to_doc()
        doc["unit"] = self.unit
        doc["rollover_hour"] = self.rollover_hour
        doc["warmup_rest_s"] = self.warmup_rest_s
        doc["schema_version"] = self.schema_version
        return doc

    @classmethod
    def _decode(cls, values: dict[str, Any]) -> dict[str, Any]:
        targets = default_targets()
        targets.update(values.get("targets") or {})
        values["targets"] = targets
        if (plates := values.get("plates")) is not None:
            values["plates"] = PlateSet.from_doc(plates)
        return values
