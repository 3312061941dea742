"""A symptom entry summed up on one line, for the symptom screen's list of today's entries
and history's day."""

from __future__ import annotations

from storage.model.records import SymptomEntry
from storage.model.symptom_scales import SCALES
from tui.format.muscles import MUSCLE_LABELS

SHORT_NAMES = {"weakness": "weak", "energy": "en", "mood": "mood", "motivation": "mot"}


def soreness(entry: SymptomEntry) -> str | None:
    """'quads 4 hams 5', sorest first; 'no soreness' when every muscle rated is at 0;
    None when none is rated."""
    sore = sorted(((v, m) for m, v in entry.soreness.items() if v > 0), key=lambda p: -p[0])
    if sore:
        return " ".join(f"{MUSCLE_LABELS[m]} {v}" for v, m in sore)
    return "no soreness" if entry.soreness else None


def summary(entry: SymptomEntry) -> str:
    """One line: 'weak 3 en 2 mood 3 mot 2 · quads 4 hams 5', sorest first."""
    scales = [
        f"{SHORT_NAMES[scale.field]} {value}"
        for scale in SCALES
        if (value := getattr(entry, scale.field)) is not None
    ]
    parts = [" ".join(scales)] if scales else []
    if (sore := soreness(entry)) is not None:
        parts.append(sore)
    if entry.notes:
        parts.append(f"“{entry.notes}”")
    return " · ".join(parts) or "nothing rated"
