"""A day's recovery against the user's targets: what each target is, in the user's unit,
and how far the day has come. Pure: settings and values in, numbers and words out."""

from __future__ import annotations

from dataclasses import dataclass

from storage.model.records import LB_PER_KG, Settings
from tui.format.units import format_number, format_weight


@dataclass(frozen=True)
class Target:
    """`low` (and `high`, for a range) in the field's own unit; `text` says it in words.
    `low` None: the target can't be worked out yet, and `text` says what is missing."""

    low: float | None
    high: float | None
    text: str

    def progress(self, value: float | None) -> float:
        """0 to 1: how much of the target's low end `value` reaches."""
        if self.low is None or not value:
            return 0.0
        return min(1.0, value / self.low)

    def met(self, value: float | None) -> bool:
        return self.low is not None and value is not None and value >= self.low


def recovery_targets(
    settings: Settings, bodyweight_kg: float | None, unit: str
) -> dict[str, Target]:
    """Targets for sleep, water, protein and carbs; protein and carbs scale with
    `bodyweight_kg` (the day's, or the latest before it)."""
    t = settings.targets
    targets = {
        "sleep_hours": Target(
            t["sleep_hours"], None, f"{format_number(t['sleep_hours'])} h or more"
        ),
        "water_cups": Target(t["water_cups"], None, f"{format_number(t['water_cups'])} cups"),
    }
    if bodyweight_kg is None:
        missing = "log bodyweight (bw 80) for a target"
        targets["protein_g"] = Target(None, None, missing)
        targets["carbs_g"] = Target(None, None, missing)
        return targets
    at = f"at {format_weight(bodyweight_kg, unit)}"
    pounds = bodyweight_kg * LB_PER_KG
    protein = (t["protein_g_per_lb_min"] * pounds, t["protein_g_per_lb_max"] * pounds)
    carbs = (t["carbs_g_per_kg_min"] * bodyweight_kg, t["carbs_g_per_kg_max"] * bodyweight_kg)
    targets["protein_g"] = Target(*protein, f"{_grams_range(*protein)} {at}")
    targets["carbs_g"] = Target(*carbs, f"{_grams_range(*carbs)} {at}")
    return targets


def _grams_range(low: float, high: float) -> str:
    return f"{low:.0f}-{high:.0f} g"
