"""The scoring model: pure functions from the log (plain dataclasses) and a moment to
readiness, its parts and a recommendation; no I/O, no UI (spec: scoring-model.md).

    from scoring import TrainingLog, assess
    result = assess(log, moment)

The names below load on first use, so importing a light module (`scoring.e1rm`,
`scoring.constants`) does not load the whole model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.assessment import Assessment, assess, tomorrow
    from scoring.inputs import DayRecovery, ExerciseMuscles, Symptoms, TrainingLog, TrainingSet
    from scoring.plan import Plan, PlanItem, PlannedItem, Prescription, today_plan
    from scoring.readiness import BANDS, REDUCE, REST, TRAIN, Contribution
    from scoring.trends import Decline

_EXPORTS = {
    "Assessment": "scoring.assessment",
    "assess": "scoring.assessment",
    "tomorrow": "scoring.assessment",
    "Plan": "scoring.plan",
    "PlanItem": "scoring.plan",
    "PlannedItem": "scoring.plan",
    "Prescription": "scoring.plan",
    "today_plan": "scoring.plan",
    "DayRecovery": "scoring.inputs",
    "ExerciseMuscles": "scoring.inputs",
    "Symptoms": "scoring.inputs",
    "TrainingLog": "scoring.inputs",
    "TrainingSet": "scoring.inputs",
    "BANDS": "scoring.readiness",
    "REDUCE": "scoring.readiness",
    "REST": "scoring.readiness",
    "TRAIN": "scoring.readiness",
    "Contribution": "scoring.readiness",
    "Decline": "scoring.trends",
}
__all__ = [
    "BANDS",
    "REDUCE",
    "REST",
    "TRAIN",
    "Assessment",
    "Contribution",
    "DayRecovery",
    "Decline",
    "ExerciseMuscles",
    "Plan",
    "PlanItem",
    "PlannedItem",
    "Prescription",
    "Symptoms",
    "TrainingLog",
    "TrainingSet",
    "assess",
    "today_plan",
    "tomorrow",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
