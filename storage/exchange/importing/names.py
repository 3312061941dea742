"""Exercise names from other apps, mapped onto the log's exercises.

Strong and Hevy write the equipment after the name ("Bench Press (Dumbbell)"), FitNotes
before it ("Flat Barbell Bench Press"), and each app has its own words for some lifts
("Squat (Barbell)", "Bicep Curl", "Rope Push Down"). A name is matched exactly, never by
guessing at a typo: by the log's names and aliases, the name with its equipment moved
("Dumbbell Bench Press"), and a table of the other apps' names. A name that still matches
nothing becomes a user exercise, its muscles guessed from its words or FitNotes' category,
for the lifter to check.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.model.records import Exercise

# The other apps' equipment words, as the log's equipment
EQUIPMENT_WORDS = {
    "barbell": "barbell",
    "dumbbell": "dumbbell",
    "dumbbells": "dumbbell",
    "cable": "cable",
    "pulley": "cable",
    "machine": "machine",
    "smith machine": "machine",
    "plate loaded": "machine",
    "bodyweight": "bodyweight",
    "weighted": "bodyweight",
    "assisted": "machine",
    "kettlebell": "kettlebell",
    "band": "band",
    # Strong in German
    "langhantel": "barbell",
    "kurzhantel": "dumbbell",
    "kabel": "cable",
    "kabelzug": "cable",
    "maschine": "machine",
    "körpergewicht": "bodyweight",
}

# Other apps' names for the library's lifts (as `_key` writes them)
KNOWN_NAMES = {
    "squat barbell": "back-squat",
    "barbell squat": "back-squat",
    "squat": "back-squat",
    "barbell front squat": "front-squat",
    "deadlift barbell": "deadlift",
    "flat barbell bench press": "bench-press",
    "bench press barbell": "bench-press",
    "bench press dumbbell": "dumbbell-bench-press",
    "flat dumbbell bench press": "dumbbell-bench-press",
    "bench press close grip barbell": "close-grip-bench-press",
    "incline barbell bench press": "incline-bench-press",
    "incline bench press barbell": "incline-bench-press",
    "incline bench press dumbbell": "incline-dumbbell-press",
    "incline dumbbell bench press": "incline-dumbbell-press",
    "overhead press barbell": "overhead-press",
    "shoulder press dumbbell": "dumbbell-shoulder-press",
    "seated dumbbell press": "dumbbell-shoulder-press",
    "arnold press dumbbell": "arnold-press",
    "bent over row barbell": "barbell-row",
    "bent over barbell row": "barbell-row",
    "pendlay row barbell": "pendlay-row",
    "bent over one arm row dumbbell": "dumbbell-row",
    "t bar row": "t-bar-row",
    "romanian deadlift barbell": "romanian-deadlift",
    "romanian deadlift dumbbell": "dumbbell-romanian-deadlift",
    "hip thrust barbell": "hip-thrust",
    "bicep curl barbell": "barbell-curl",
    "bicep curl dumbbell": "dumbbell-curl",
    "bicep curl cable": "cable-curl",
    "dumbbell hammer curl": "hammer-curl",
    "hammer curl dumbbell": "hammer-curl",
    "preacher curl barbell": "preacher-curl",
    "incline curl dumbbell": "incline-dumbbell-curl",
    "skullcrusher barbell": "skull-crusher",
    "skullcrusher": "skull-crusher",
    "triceps pushdown cable straight bar": "triceps-pushdown",
    "triceps pushdown": "triceps-pushdown",
    "triceps rope pushdown": "triceps-pushdown",
    "rope push down": "triceps-pushdown",
    "triceps extension cable": "cable-overhead-triceps-extension",
    "triceps extension dumbbell": "overhead-triceps-extension",
    "dumbbell overhead triceps extension": "overhead-triceps-extension",
    "triceps kickback dumbbell": "triceps-kickback",
    "lateral raise dumbbell": "lateral-raise",
    "lateral dumbbell raise": "lateral-raise",
    "lateral raise cable": "cable-lateral-raise",
    "face pull cable": "face-pull",
    "face pull pulley": "face-pull",
    "lat pulldown cable": "lat-pulldown",
    "lat pulldown machine": "lat-pulldown",
    "lat pulldown pulley": "lat-pulldown",
    "seated row cable": "seated-cable-row",
    "seated cable row pulley": "seated-cable-row",
    "v grip seated cable row pulley": "seated-cable-row",
    "seated row machine": "machine-row",
    "chin up": "chin-up",
    "pull up": "pull-up",
    "chest dip": "dip",
    "leg press machine": "leg-press",
    "leg extension machine": "leg-extension",
    "lying leg curl machine": "lying-leg-curl",
    "seated leg curl machine": "seated-leg-curl",
    "hack squat machine": "hack-squat",
    "hip abduction machine": "hip-abduction",
    "hip adduction machine": "hip-adduction",
    "standing calf raise machine": "standing-calf-raise",
    "seated calf raise machine": "seated-calf-raise",
    "seated calf raise plate loaded": "seated-calf-raise",
    "shoulder press machine": "machine-shoulder-press",
    "seated shoulder press machine": "machine-shoulder-press",
    "chest fly machine": "pec-deck",
    "butterfly pec deck": "pec-deck",
    "rear delt reverse fly machine": "reverse-pec-deck",
    "knee raise captain s chair": "hanging-leg-raise",
    "hanging knee raise": "hanging-leg-raise",
    "diamond push up": "diamond-push-up",
    "power clean barbell": "power-clean",
    "push press barbell": "push-press",
    # Strong in German
    "bankdrücken langhantel": "bench-press",
    "bankdrücken kurzhantel": "dumbbell-bench-press",
    "schrägbankdrücken langhantel": "incline-bench-press",
    "kniebeuge langhantel": "back-squat",
    "frontkniebeuge langhantel": "front-squat",
    "kreuzheben langhantel": "deadlift",
    "rumänisches kreuzheben langhantel": "romanian-deadlift",
    "schulterdrücken langhantel": "overhead-press",
    "schulterdrücken kurzhantel": "dumbbell-shoulder-press",
    "vorgebeugtes rudern langhantel": "barbell-row",
    "rudern vorgebeugt langhantel": "barbell-row",
    "klimmzug": "pull-up",
    "bizepscurl langhantel": "barbell-curl",
    "bizepscurl kurzhantel": "dumbbell-curl",
    "seitheben kurzhantel": "lateral-raise",
    "latzug kabel": "lat-pulldown",
    "latziehen kabel": "lat-pulldown",
    "beinpresse": "leg-press",
    "beinpresse maschine": "leg-press",
    "dips": "dip",
}

# Words in a name, and what they say about the muscles (first match wins)
MUSCLE_WORDS: tuple[tuple[str, dict[str, float]], ...] = (
    ("calf", {"calves": 1.0}),
    ("wrist", {"forearms": 1.0}),
    ("shrug", {"upper_back": 1.0}),
    ("face pull", {"rear_delts": 1.0, "upper_back": 0.5}),
    ("rear delt", {"rear_delts": 1.0, "upper_back": 0.5}),
    ("lateral raise", {"side_delts": 1.0}),
    ("lu raise", {"side_delts": 1.0, "front_delts": 0.5}),
    ("front raise", {"front_delts": 1.0}),
    ("hamstring", {"hamstrings": 1.0}),
    ("leg curl", {"hamstrings": 1.0}),
    ("glute ham", {"hamstrings": 1.0, "glutes": 0.5}),
    ("leg extension", {"quads": 1.0}),
    ("adduct", {"adductors": 1.0}),
    ("abduct", {"glutes": 1.0}),
    ("kickback", {"triceps": 1.0}),
    ("tricep", {"triceps": 1.0}),
    ("skull", {"triceps": 1.0}),
    ("pushdown", {"triceps": 1.0}),
    ("push down", {"triceps": 1.0}),
    ("dip", {"triceps": 1.0, "chest": 0.5, "front_delts": 0.5}),
    ("curl", {"biceps": 1.0, "forearms": 0.5}),
    ("crunch", {"abs": 1.0}),
    ("leg raise", {"abs": 1.0}),
    ("knee raise", {"abs": 1.0}),
    ("twist", {"abs": 1.0}),
    ("plank", {"abs": 1.0}),
    ("sit up", {"abs": 1.0}),
    ("back extension", {"lower_back": 1.0, "glutes": 0.5, "hamstrings": 0.5}),
    ("hyperextension", {"lower_back": 1.0, "glutes": 0.5, "hamstrings": 0.5}),
    ("hip thrust", {"glutes": 1.0, "hamstrings": 0.5}),
    ("bridge", {"glutes": 1.0, "hamstrings": 0.5}),
    ("rdl", {"hamstrings": 1.0, "glutes": 1.0, "lower_back": 0.5}),
    ("romanian", {"hamstrings": 1.0, "glutes": 1.0, "lower_back": 0.5}),
    ("deadlift", {"glutes": 1.0, "hamstrings": 1.0, "lower_back": 1.0, "quads": 0.5}),
    ("clean", {"glutes": 1.0, "hamstrings": 1.0, "quads": 1.0, "upper_back": 0.5}),
    ("snatch", {"glutes": 1.0, "hamstrings": 1.0, "quads": 1.0, "upper_back": 0.5}),
    ("jerk", {"quads": 1.0, "front_delts": 1.0, "triceps": 0.5}),
    ("lunge", {"quads": 1.0, "glutes": 1.0, "adductors": 0.5}),
    ("split squat", {"quads": 1.0, "glutes": 1.0, "adductors": 0.5}),
    ("step up", {"quads": 1.0, "glutes": 1.0}),
    ("squat", {"quads": 1.0, "glutes": 1.0, "adductors": 0.5, "lower_back": 0.5}),
    ("leg press", {"quads": 1.0, "glutes": 0.5}),
    ("pulldown", {"lats": 1.0, "biceps": 0.5}),
    ("pull down", {"lats": 1.0, "biceps": 0.5}),
    ("pull up", {"lats": 1.0, "biceps": 0.5, "upper_back": 0.5}),
    ("chin up", {"lats": 1.0, "biceps": 0.5, "upper_back": 0.5}),
    ("pullover", {"lats": 1.0, "chest": 0.5}),
    ("row", {"upper_back": 1.0, "lats": 1.0, "biceps": 0.5, "rear_delts": 0.5}),
    ("fly", {"chest": 1.0}),
    ("crossover", {"chest": 1.0}),
    ("pec deck", {"chest": 1.0}),
    ("bench", {"chest": 1.0, "triceps": 0.5, "front_delts": 0.5}),
    ("chest press", {"chest": 1.0, "triceps": 0.5, "front_delts": 0.5}),
    ("push up", {"chest": 1.0, "triceps": 0.5, "front_delts": 0.5}),
    ("overhead press", {"front_delts": 1.0, "side_delts": 0.5, "triceps": 0.5}),
    ("shoulder press", {"front_delts": 1.0, "side_delts": 0.5, "triceps": 0.5}),
    ("military", {"front_delts": 1.0, "side_delts": 0.5, "triceps": 0.5}),
    ("push press", {"front_delts": 1.0, "triceps": 0.5, "quads": 0.5}),
    ("carry", {"forearms": 1.0, "upper_back": 0.5, "abs": 0.5}),
)

# FitNotes' categories, when the name says nothing
CATEGORY_MUSCLES = {
    "chest": {"chest": 1.0, "triceps": 0.5, "front_delts": 0.5},
    "back": {"lats": 1.0, "upper_back": 1.0, "biceps": 0.5},
    "legs": {"quads": 1.0, "glutes": 1.0, "hamstrings": 0.5},
    "shoulders": {"front_delts": 1.0, "side_delts": 1.0},
    "biceps": {"biceps": 1.0},
    "triceps": {"triceps": 1.0},
    "arms": {"biceps": 1.0, "triceps": 1.0},
    "abs": {"abs": 1.0},
    "core": {"abs": 1.0},
    "glutes": {"glutes": 1.0},
    "calves": {"calves": 1.0},
    "forearms": {"forearms": 1.0},
}

_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<equipment>[^()]*)\)\s*$")
_WORD = re.compile(r"[^\W_]+")


def _key(text: str) -> str:
    """'Pull-Up', 'pull up', 'Pull Ups' -> 'pull up': words, lower case, no plural s."""
    words = _WORD.findall(text.casefold())
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


_KNOWN = {_key(name): exercise_id for name, exercise_id in KNOWN_NAMES.items()}


def split_equipment(name: str) -> tuple[str, str | None]:
    """'Bench Press (Dumbbell)' -> ('Bench Press', 'dumbbell'); a bracket that names no
    equipment stays part of the name."""
    match = _SUFFIX.match(name.strip())
    if match:
        words = match["equipment"].casefold().split(" - ")[0].strip()
        if words in EQUIPMENT_WORDS:
            return match["name"], EQUIPMENT_WORDS[words]
    return name.strip(), None


@dataclass(frozen=True, slots=True)
class NameMatch:
    exercise: Exercise
    new: bool  # a user exercise made for this name: its muscles are guessed


class ExerciseNames:
    """Maps the names of one file onto the log's exercises, making user exercises for the
    names it cannot place (the same one for every row with that name)."""

    def __init__(self, exercises: Sequence[Exercise]) -> None:
        self.exercises = {e.id: e for e in exercises}
        self._by_key: dict[str, Exercise] = {}
        for exercise in exercises:  # names win over aliases, built-in ones over the user's
            for text in (*exercise.aliases, exercise.name):
                self._by_key.setdefault(_key(text), exercise)
            self._by_key[_key(exercise.name)] = exercise
        self._found: dict[tuple[str, str], NameMatch] = {}
        self._made: list[Exercise] = []  # the user exercises made, in order
        self._made_ids: set[str] = set()

    def match(self, name: str, category: str = "") -> NameMatch:
        key = (name, category)
        if key not in self._found:
            found = self._known(name)
            match = NameMatch(found, False) if found is not None else self._new(name, category)
            self._found[key] = match
            if match.new and match.exercise.id not in self._made_ids:
                self._made_ids.add(match.exercise.id)
                self._made.append(match.exercise)
        return self._found[key]

    @property
    def new_exercises(self) -> list[Exercise]:
        return list(self._made)

    def new_exercises_since(self, count: int) -> list[Exercise]:
        """The user exercises made after the first `count`."""
        return self._made[count:]

    def _known(self, name: str) -> Exercise | None:
        base, equipment = split_equipment(name)
        candidates = [_key(name), _key(base)]
        if equipment is not None:
            candidates.insert(1, _key(f"{equipment} {base}"))
        for candidate in candidates:
            exercise = self._library(candidate)
            if exercise is not None and (
                candidate != _key(base)
                or equipment is None
                or exercise.equipment == equipment
                or equipment == "machine"
                and exercise.equipment in ("machine", "cable")
            ):
                return exercise
        return None

    def _library(self, key: str) -> Exercise | None:
        known = _KNOWN.get(key)
        if known is not None and known in self.exercises:
            return self.exercises[known]
        return self._by_key.get(key)

    def _new(self, name: str, category: str) -> NameMatch:
        base, equipment = split_equipment(name)
        exercise_id = "imported-" + _slug(name)
        if exercise_id in self.exercises:  # made by an earlier import of this name
            return NameMatch(self.exercises[exercise_id], False)
        muscles = guess_muscles(base, category)
        exercise = Exercise(
            id=exercise_id,
            name=name.strip(),
            equipment=equipment or "other",
            muscles=muscles,
            kind="compound" if len(muscles) > 2 else "isolation",
        )
        return NameMatch(exercise, True)


def guess_muscles(name: str, category: str = "") -> dict[str, float]:
    """The muscles a lift with this name most likely trains; {} when its words and
    category say nothing."""
    key = f" {_key(name)} "
    for words, muscles in MUSCLE_WORDS:
        if f" {_key(words)} " in key:
            return dict(muscles)
    return dict(CATEGORY_MUSCLES.get(category.strip().casefold(), {}))


def _slug(name: str) -> str:
    words = _WORD.findall(name.casefold())
    slug = "-".join(words)[:60] or "exercise"
    if slug.isascii():
        return slug
    return (
        slug.encode("ascii", "ignore").decode() + "-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    )


def describe_muscles(muscles: dict[str, float]) -> str:
    if not muscles:
        return "none guessed"
    direct = [m.replace("_", " ") for m, c in muscles.items() if c >= 1.0]
    indirect = [m.replace("_", " ") for m, c in muscles.items() if c < 1.0]
    return ", ".join(direct) + (f" (and {', '.join(indirect)})" if indirect else "")
