"""Muscles by name as a lifter reads them: "upper back" for `upper_back`."""

from __future__ import annotations

from storage.model.records import MUSCLES

MUSCLE_LABELS: dict[str, str] = {muscle: muscle.replace("_", " ") for muscle in MUSCLES}
