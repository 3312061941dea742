"""Resolving typed exercise text (``bench``, ``rom dead``, ``pullup``) to an Exercise.

Matching is case-insensitive and ignores spaces, hyphens and other punctuation, so
``pullup``, ``pull up`` and ``Pull-Up`` are the same. Each exercise is tried by its name
and each alias; the strongest way it matches puts it in a tier:

0. exact: ``squat`` is an alias of Back Squat, ``pull up`` is Pull-Up;
1. prefix of a name or alias, or prefixes of its words from the first on, in order:
   ``dead`` for Deadlift, ``rom dead`` for Romanian Deadlift;
2. prefixes of later words, in order: ``row`` for Cable Row, ``rom dead`` for Dumbbell
   Romanian Deadlift;
3. initials: ``cgbp`` for Close-Grip Bench Press;
4. letters in order, starting with the first: ``bnchprs`` for Bench Press;
5. difflib closeness, for typos: ``bnech`` for Bench Press (only looked at when nothing
   matched in tiers 0-4).

`find_exercise` returns an exercise only when it is the single candidate in the strongest
tier that matched; several there are ambiguous. In tier 5 that means a ratio of at least
FUZZY_CUTOFF with no other within FUZZY_MARGIN of it. `resolve_exercise` also says which
other exercises the text matched in a weaker tier (``leg curl`` is Lying Leg Curl, and
matches Seated Leg Curl too), so that whoever typed it sees what it was read as.

`resolve_for_set` reads the name of a typed set: an exercise done for the set's kind (reps,
time, distance: `takes`) wins among those the name matches (``row 2000m`` is the Rowing
Machine, ``row 100x8`` the Barbell Row); one that is not is taken only by its own name or
alias typed in full (``pull-up 30s``, a hold), never by a part of it or a guess
(``run 5km`` is no Triceps Pushdown): `WrongKindExercise` says what it was read as.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storage.entry.set_line import EntryError, quote
from storage.model.records import Exercise

EXACT, PREFIX, WORDS, INITIALS, LETTERS, CLOSE = range(6)
FUZZY_CUTOFF = 0.7  # least difflib ratio `find_exercise` accepts for a typo
PREFIX_DISCOUNT = 0.9  # a typo in the start of a name counts less than in a whole name
FUZZY_MARGIN = 0.05  # candidates this close to the best ratio are as good as it
RANK_CUTOFF = 0.6  # least difflib ratio `rank_exercises` shows
MAX_AMBIGUOUS = 5
MAX_CLOSEST = 3

_WORD = re.compile(r"[^\W_]+")


class UnknownExercise(EntryError):
    """No exercise matches; the message lists the closest few. `query` is the text typed:
    the caller says how to create an exercise of that name."""

    def __init__(self, message: str, query: str = "") -> None:
        super().__init__(message)
        self.query = query


class WrongKindExercise(UnknownExercise):
    """The name matched only exercises not done for the typed set's kind, and none by its
    own name or alias typed in full."""


class AmbiguousExercise(EntryError):
    """Several exercises match equally well; the message lists them."""


@dataclass(frozen=True, slots=True)
class _Form:
    """A name or alias (or the query) as matched: words, run together, initials."""

    words: tuple[str, ...]
    compact: str
    initials: str


@lru_cache(maxsize=4096)
def _form(text: str) -> _Form:
    words = tuple(_WORD.findall(text.casefold()))
    return _Form(words, "".join(words), "".join(w[0] for w in words))


@lru_cache(maxsize=2048)
def _forms(name: str, aliases: tuple[str, ...]) -> tuple[_Form, ...]:
    return tuple(f for f in map(_form, (name, *aliases)) if f.compact)


def _exercise_forms(exercise: Exercise) -> tuple[_Form, ...]:
    return _forms(exercise.name, tuple(exercise.aliases))


def _words_in_order(query: tuple[str, ...], words: tuple[str, ...]) -> int | None:
    """Index of the first word if each query word starts a later word than the one
    before, else None."""
    first = None
    i = 0
    for q in query:
        while i < len(words) and not words[i].startswith(q):
            i += 1
        if i == len(words):
            return None
        if first is None:
            first = i
        i += 1
    return first


def _in_order(query: str, text: str) -> bool:
    rest = iter(text)
    return all(c in rest for c in query)


def _strict_score(q: _Form, forms: tuple[_Form, ...]) -> tuple[int, int] | None:
    """(tier, tie-break) of the strongest non-fuzzy match of `q` against `forms`."""
    best: tuple[int, int] | None = None
    for f in forms:
        if f.compact == q.compact:
            return (EXACT, 0)
        if f.compact.startswith(q.compact):
            score = (PREFIX, len(f.compact))
        elif (first := _words_in_order(q.words, f.words)) is not None:
            score = (PREFIX, len(f.compact)) if first == 0 else (WORDS, first)
        elif len(q.compact) > 1 and f.initials == q.compact:
            score = (INITIALS, 0)
        elif f.compact[0] == q.compact[0] and _in_order(q.compact, f.compact):
            score = (LETTERS, len(f.compact))
        else:
            continue
        if best is None or score < best:
            best = score
    return best


class _Closeness:
    """difflib ratios of one query against names and aliases, skipping those a cheap
    upper bound already rules out."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.letters = frozenset(query)
        self.matcher = difflib.SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2(query)  # difflib caches its work on seq2

    def __call__(self, forms: tuple[_Form, ...], floor: float = 0.0) -> float:
        """The best ratio against `forms`, or 0.0 when none reaches `floor`. A form is also
        tried cut to the query's length, so that a typo in the first word of a long name
        counts, at a discount so that a whole name or alias wins."""
        n = len(self.query)
        in_query = self.letters.__contains__
        best = 0.0
        for f in forms:
            candidates = [(f.compact, 1.0)]
            if len(f.compact) > n:
                candidates.append((f.compact[:n], PREFIX_DISCOUNT))
            for text, weight in candidates:
                # ratio = 2 * matches / (n + len(text)), and no more than n, len(text) or
                # the letters of text found in the query can match: skip what can't win.
                needed = max(best, floor) * (n + len(text)) / (2 * weight) - 1e-9
                if min(n, len(text)) < needed:
                    continue
                matches = min(n, sum(map(in_query, text)))
                if matches and matches >= needed:
                    self.matcher.set_seq1(text)
                    best = max(best, weight * self.matcher.ratio())
        return best if best >= floor else 0.0


def _ranked(q: _Form, exercises: Sequence[Exercise]) -> list[tuple]:
    """(tier, tie-break, name, index) of each exercise matching in tiers 0-4, best first."""
    scored = []
    for i, e in enumerate(exercises):
        forms = _exercise_forms(e)
        if forms and (score := _strict_score(q, forms)) is not None:
            scored.append((*score, e.name.casefold(), i))
    scored.sort()
    return scored


def _fuzzy(q: _Form, exercises: Sequence[Exercise], cutoff: float) -> list[tuple]:
    """(CLOSE, -ratio, name, index) of each exercise with a ratio of at least `cutoff`,
    best first; with `cutoff` 0, of every exercise (the ratio may read 0 for those not
    among the closest MAX_CLOSEST)."""
    closeness = _Closeness(q.compact)
    scored = []
    top: list[float] = []  # the best few ratios so far
    for i, e in enumerate(exercises):
        floor = max(cutoff, top[-1]) if len(top) == MAX_CLOSEST else cutoff
        ratio = closeness(_exercise_forms(e), floor)
        if cutoff == 0:
            top = sorted([*top, ratio], reverse=True)[:MAX_CLOSEST]
        elif not ratio:
            continue
        scored.append((CLOSE, -ratio, e.name.casefold(), i))
    scored.sort()
    return scored


def rank_exercises(query: str, exercises: Sequence[Exercise], limit: int = 10) -> list[Exercise]:
    """Exercises matching `query`, best first, for a picker; all of them, by name, when
    the query is empty. Typos (tier 5) are only looked for when nothing matched otherwise."""
    q = _form(query)
    if not q.compact:
        return sorted(exercises, key=lambda e: e.name.casefold())[:limit]
    ranked = _ranked(q, exercises)
    if not ranked:
        ranked = _fuzzy(q, exercises, RANK_CUTOFF)
    return [exercises[r[-1]] for r in ranked[:limit]]


@dataclass(frozen=True)
class Resolved:
    """The exercise typed text means, and the others it matched less well (best first)."""

    query: str
    exercise: Exercise
    others: tuple[Exercise, ...] = ()
    loose: bool = False  # matched only by initials, letters in order or as a typo
    exact: bool = False  # typed as its name or an alias, in full

    def note(self) -> str:
        """One line saying what the text was read as when it matched others too
        ("'leg curl' is Lying Leg Curl; also matches Seated Leg Curl") or only loosely
        ("'wohp' is read as Cable Woodchop"), else empty."""
        said = f"{quote(self.query)} is {'read as ' if self.loose else ''}{self.exercise.name}"
        if not self.others:
            return said if self.loose else ""
        names = ", ".join(e.name for e in self.others[:MAX_CLOSEST])
        if len(self.others) > MAX_CLOSEST:
            names += f" and {len(self.others) - MAX_CLOSEST} more"
        return f"{said}; also matches {names}"


def find_exercise(query: str, exercises: Sequence[Exercise]) -> Exercise:
    """The one exercise `query` means; raises UnknownExercise or AmbiguousExercise."""
    return resolve_exercise(query, exercises).exercise


def resolve_exercise(query: str, exercises: Sequence[Exercise]) -> Resolved:
    """The one exercise `query` means, with the others it matched in a weaker tier (none
    when it is that exercise's own name); raises UnknownExercise or AmbiguousExercise."""
    q = _form(query)
    if not q.compact:
        raise UnknownExercise(
            f"no exercise name in {quote(query)}: type a name or alias, e.g. bench", query
        )
    ranked = _ranked(q, exercises)
    if ranked:
        top = [r for r in ranked if r[0] == ranked[0][0]]
    else:
        fuzzy = _fuzzy(q, exercises, FUZZY_CUTOFF)
        if not fuzzy:
            message = f"no exercise matches {quote(query)}"
            if closest := _fuzzy(q, exercises, 0.0)[:MAX_CLOSEST]:
                message += "; closest: " + ", ".join(exercises[r[-1]].name for r in closest)
            raise UnknownExercise(message, query)
        ranked = fuzzy
        top = [r for r in fuzzy if r[1] <= fuzzy[0][1] + FUZZY_MARGIN]
    if len(top) == 1:
        exercise = exercises[top[0][-1]]
        if _form(exercise.name).compact == q.compact:
            return Resolved(query, exercise, exact=True)
        # Initials and letters in order match much by chance: others only as close as words.
        shown = max(WORDS, top[0][0])
        others = tuple(exercises[r[-1]] for r in ranked[1:] if r[0] <= shown)
        return Resolved(query, exercise, others, loose=top[0][0] > WORDS, exact=top[0][0] == EXACT)
    names = ", ".join(exercises[r[-1]].name for r in top[:MAX_AMBIGUOUS])
    more = f" and {len(top) - MAX_AMBIGUOUS} more" if len(top) > MAX_AMBIGUOUS else ""
    raise AmbiguousExercise(f"{quote(query)} could be: {names}{more}; type more of the name")


# What each kind of exercise is done for (`SetShape.kind`): a hold or a carry for time or
# distance, conditioning for distance or time; every other kind for reps.
_SET_KINDS_OF: dict[str, tuple[str, ...]] = {
    "timed": ("timed", "distance"),
    "distance": ("distance", "timed"),
}
_DONE_FOR = {"reps": "reps", "timed": "time", "distance": "a distance"}


def takes(exercise: Exercise, set_kind: str) -> bool:
    """Whether `exercise` is done for sets of `set_kind` (reps, timed or distance)."""
    return set_kind in _SET_KINDS_OF.get(exercise.kind, ("reps",))


def resolve_for_set(query: str, exercises: Sequence[Exercise], set_kind: str) -> Resolved:
    """The exercise a set of `set_kind` typed with the name `query` is of (`resolve_exercise`):
    among those the name matches, the best one done for that kind; failing that, the one it
    names in full (a timed pull-up). Raises WrongKindExercise when it matched only others,
    and UnknownExercise or AmbiguousExercise as `resolve_exercise` does."""
    resolved = resolve_exercise(query, exercises)
    if takes(resolved.exercise, set_kind):
        return resolved
    fitting = next((e for e in resolved.others if takes(e, set_kind)), None)
    if fitting is not None:
        others = (resolved.exercise, *(e for e in resolved.others if e is not fitting))
        return Resolved(query, fitting, others, loose=resolved.loose)
    if resolved.exact:
        return resolved
    name = resolved.exercise.name
    done_for = _DONE_FOR[_SET_KINDS_OF.get(resolved.exercise.kind, ("reps",))[0]]
    raise WrongKindExercise(
        f"no exercise named {quote(query)} is done for {_DONE_FOR[set_kind]}: it reads as "
        f"{name}, done for {done_for} (its full name logs it so)",
        query,
    )
