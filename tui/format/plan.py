"""Today's plan as text (scoring spec 7): each exercise planned and adjusted side by side
with the reasons, in the lifter's unit; what `restday plan` prints."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from storage.read.readiness import ReadinessView
from tui.format.readiness import BAND_STYLE
from tui.format.text import log_text
from tui.format.units import format_weight


def _load(unit: str, bodyweight: bool) -> Callable[[float], str]:
    """'140 kg'; for a move that lifts the body 'bw' or 'bw+10 kg'."""
    if not bodyweight:
        return lambda kg: format_weight(kg, unit)
    return lambda kg: f"bw+{format_weight(kg, unit)}" if kg > 0 else "bw"


def done_line(view: ReadinessView) -> Text:
    """Home's line once today's workout is finished (scoring spec 6): what it loaded,
    tomorrow's estimate and what is left of tonight's targets."""
    done = view.done
    text = Text(no_wrap=True, overflow="ellipsis")
    if done is None:
        return text
    text.append("Done  ", "bold")
    text.append(f"{done.hard_sets} hard set{'' if done.hard_sets == 1 else 's'}")
    if done.muscles:
        text.append(": " + ", ".join(m.replace("_", " ") for m in done.muscles))
    ahead = view.tomorrow.readiness if view.tomorrow is not None else None
    if ahead is not None:
        text.append(f" · tomorrow ~{ahead:.0f} (estimate)")
    tonight = [f"sleep {done.sleep_hours:g} h+"]
    if done.protein_g is not None:
        tonight.append(f"{done.protein_g:.0f} g protein")
    if done.water_cups is not None:
        tonight.append(f"{done.water_cups:.0f} cups water")
    text.append(" · tonight " + ", ".join(tonight))
    return text


def plan_line(view: ReadinessView) -> Text:
    """Home's line of today's plan: the workout and what to do of each exercise, the
    planned prescription beside it where the day changed it."""
    plan, unit = view.plan, view.unit
    text = Text(no_wrap=True, overflow="ellipsis")
    if plan is None or not plan.items:
        return text
    text.append("Plan  ", "bold")
    text.append_text(log_text(plan.name or "today"))
    for item in plan.items:
        text.append(" · ")
        fmt = _load(unit, item.bodyweight)
        text.append_text(log_text(item.name))
        if item.adjusted.sets == 0:
            text.append(" skip", "yellow")
            continue
        text.append(f" {item.adjusted.text(fmt)}")
        if item.adjusted != item.planned:
            text.append(f" (was {item.planned.text(fmt)})", "dim")
    return text


def plan_text(view: ReadinessView) -> Text:
    result, plan, unit = view.assessment, view.plan, view.unit
    text = Text.assemble(("restday", "bold"), f" · plan for {result.day:%a %-d %b %Y}")
    if result.band is not None:
        text.append(" · ")
        text.append(result.band, f"bold {BAND_STYLE.get(result.band, '')}")
        text.append(f" (readiness {result.readiness:.0f})")
    if plan is None:
        text.append("\nNo plan yet: start a workout, or one from a template.")
        return text
    if plan.rest is not None:
        text.append(f"\n{plan.rest}. Training anyway:", "bold")
    if plan.name:
        text.append("\n")
        text.append_text(log_text(plan.name))
    for item in plan.items:
        text.append("\n  ")
        text.append_text(log_text(item.text(_load(unit, item.bodyweight))))
        if item.stop_fraction is not None:
            text.append(f" · stop at -{100 * item.stop_fraction:g} % e1RM", "dim")
    text.append("\nGuidance, not medical advice.", "dim italic")
    return text
