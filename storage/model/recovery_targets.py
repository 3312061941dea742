"""A day's recovery targets, worked out from the settings: sleep and water as set, protein
and carbs scaled by the lifter's bodyweight. Numbers only, in each field's own unit
(`tui.format.recovery` says them in words)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.model.records import LB_PER_KG, Settings


@dataclass(frozen=True)
class Target:
    """`low` (and `high`, for a range) in the field's own unit; `bodyweight_kg` is the
    bodyweight a target scaled by it was worked out at. `low` None: the target can't be
    worked out yet (no bodyweight logged)."""

    low: float | None
    high: float | None = None
    bodyweight_kg: float | None = None

    def progress(self, value: float | None) -> float:
        """0 to 1: how much of the target's low end `value` reaches."""
        if self.low is None or not value:
            return 0.0
        return min(1.0, value / self.low)

    def met(self, value: float | None) -> bool:
        return self.low is not None and value is not None and value >= self.low


def recovery_targets(settings: Settings, bodyweight_kg: float | None) -> dict[str, Target]:
    """Targets for sleep, water, protein and carbs (`Recovery` fields); protein and carbs
    scale with `bodyweight_kg` (the day's, or the latest before it)."""
    t = settings.targets
    targets = {"sleep_hours": Target(t["sleep_hours"]), "water_cups": Target(t["water_cups"])}
    if bodyweight_kg is None:
        targets["protein_g"] = targets["carbs_g"] = Target(None)
        return targets
    pounds = bodyweight_kg * LB_PER_KG
    targets["protein_g"] = Target(
        t["protein_g_per_lb_min"] * pounds, t["protein_g_per_lb_max"] * pounds, bodyweight_kg
    )
    targets["carbs_g"] = Target(
        t["carbs_g_per_kg_min"] * bodyweight_kg,
        t["carbs_g_per_kg_max"] * bodyweight_kg,
        bodyweight_kg,
    )
    return targets
