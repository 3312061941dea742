"""The symptom log's scales: weakness 0-10; energy, mood and motivation 1-5, each value
with a short descriptor; and soreness 0-10 per muscle. The log checks a symptom entry
against them, the symptom line reads them, the symptom screen draws them."""

from __future__ import annotations

from dataclasses import dataclass

MOST_SORE = 10  # soreness per muscle is 0 (none) to this


@dataclass(frozen=True)
class Scale:
    """One of the four scales: its field in `SymptomEntry`, its lowest value, and a short
    descriptor for each value from the lowest up."""

    field: str
    low: int
    descriptors: tuple[str, ...]

    @property
    def high(self) -> int:
        return self.low + len(self.descriptors) - 1

    @property
    def accepted(self) -> str:
        return f"{self.field} is {self.low}-{self.high}"

    def describe(self, value: int | None) -> str:
        return "not rated" if value is None else self.descriptors[value - self.low]


SCALES: tuple[Scale, ...] = (
    Scale(
        "weakness",
        0,
        (
            "none: as strong as ever",
            "barely: a hint off",
            "slight: warm-ups feel heavy",
            "mild: the bar moves slower",
            "noticeable: reps grind",
            "moderate: working sets heavy",
            "clear: a rep or two short",
            "strong: well under normal",
            "severe: can't hit the numbers",
            "very severe: light loads hard",
            "can barely move the weight",
        ),
    ),
    Scale(
        "energy",
        1,
        (
            "drained: tired after minimal effort",
            "low: tire quickly",
            "okay: an ordinary day",
            "good: ready for a session",
            "full of energy",
        ),
    ),
    Scale("mood", 1, ("low, irritable", "flat, a bit down", "okay", "good", "great")),
    Scale(
        "motivation",
        1,
        (
            "no drive at all",
            "low: would rather skip",
            "neutral: will train",
            "keen to train",
            "eager to train",
        ),
    ),
)
SCALE_BY_FIELD = {scale.field: scale for scale in SCALES}
