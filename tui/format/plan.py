"""Today's plan as text (scoring spec 7): each exercise planned and adjusted side by side
with the reasons, in the lifter's unit; what `restday plan` prints, home's plan line and the
workout screen's lines of the current exercise."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from scoring.plan import PlanItem
from storage.read.readiness import ReadinessView
from tui.format.readiness import BAND_STYLE
from tui.format.text import log_text
from tui.format.units import format_weight

CONTINUED = 4  # where `restday plan` goes on with a wrapped line: exercises start at 2


def _load(unit: str, bodyweight: bool) -> Callable[[float], str]:
    """'140 kg'; for a move that lifts the body 'bw' or 'bw+10 kg'."""
    if not bodyweight:
        return lambda kg: format_weight(kg, unit)
    return lambda kg: f"bw+{format_weight(kg, unit)}" if kg > 0 else "bw"


def stop_words(item: PlanItem, floor_kg: float | None, unit: str) -> str:
    """The stop rule of an item: its e1RM floor once the first set gave it, else the
    percent under the first set's e1RM ("" without a stop rule)."""
    if item.stop_fraction is None:
        return ""
    if floor_kg is not None:
        return f"stop under e1RM {format_weight(floor_kg, unit)}"
    return f"stop at -{100 * item.stop_fraction:g} % e1RM"


def stop_said(name: str, e1rm_kg: float, floor_kg: float, unit: str) -> str:
    """What the workout screen says when a set fell under the stop floor: the plan ends
    the exercise there, and the lifter may go on."""
    return (
        f"e1RM {format_weight(e1rm_kg, unit)} < stop floor {format_weight(floor_kg, unit)}: "
        f"the plan says stop {name} here."
    )


def exercise_plan(item: PlanItem, floor_kg: float | None, unit: str, rest: str) -> Text:
    """The workout screen's plan of the current exercise: planned -> adjusted and what
    follows a set ("plan 4x5@8 140 kg -> 3x5@7 135 kg · rest 3:00"), then why and the stop
    rule."""
    fmt = _load(unit, item.bodyweight)
    planned, adjusted = item.planned.text(fmt), item.adjusted.text(fmt)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("plan ", "bold")
    if item.adjusted.sets == 0:
        text.append(f"{planned} -> ")
        text.append(" · ".join(item.reasons), "yellow")
        return text
    text.append(planned if adjusted == planned else f"{planned} -> {adjusted}")
    text.append(f" · {rest}")
    why = [*item.reasons, stop_words(item, floor_kg, unit)]
    if any(why):
        text.append("\n" + " · ".join(w for w in why if w))
    return text


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


def plan_text(view: ReadinessView, console: Console) -> Text:
    """What `restday plan` prints on `console`: the day's band, the workout and each
    exercise on its own line, a long line going on further in (not at the margin)."""
    result, plan, unit = view.assessment, view.plan, view.unit
    head = Text.assemble(("restday", "bold"), f" · plan for {result.day:%a %-d %b %Y}")
    if result.band is not None:
        head.append(" · ")
        head.append(result.band, f"bold {BAND_STYLE.get(result.band, '')}")
        head.append(f" (readiness {result.readiness:.0f})")
    lines = [head]
    if plan is None:
        lines.append(Text("No plan yet: start a workout, or one from a template."))
    else:
        if plan.rest is not None:
            lines.append(Text(f"{plan.rest}. Training anyway:", "bold"))
        if plan.name:
            lines.append(log_text(plan.name))
        for item in plan.items:
            line = Text("  ").append_text(log_text(item.text(_load(unit, item.bodyweight))))
            if item.stop_fraction is not None:
                line.append(f" · {stop_words(item, None, unit)}", "dim")
            lines.append(line)
        lines.append(Text("Guidance, not medical advice.", "dim italic"))
    return Text("\n").join(_hanging(line, console) for line in lines)


def _hanging(line: Text, console: Console) -> Text:
    """`line` wrapped at the console's width, its later lines in by `CONTINUED` (further
    than an exercise's line)."""
    first, *rest = line.wrap(console, console.width, justify="default")
    if not rest:
        return first
    after = line.plain[len(first.plain) :]
    remainder = line[len(line.plain) - len(after.lstrip(" ")) :]
    wrapped = remainder.wrap(console, max(1, console.width - CONTINUED), justify="default")
    pieces = [first, *(Text(" " * CONTINUED).append_text(piece) for piece in wrapped)]
    for piece in pieces:
        piece.rstrip()
    return Text("\n").join(pieces)
