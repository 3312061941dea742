"""The home screen's summary as text for a terminal (or an SSH login banner): what
`restday status` prints."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from storage.read.readiness import ReadinessView
from tui.format.plan import done_line, plan_line
from tui.format.readiness import (
    BAND_STYLE,
    checklist,
    load,
    reasons,
    sides,
    sparkline,
    trends,
    verdict,
)


def status_text(view: ReadinessView) -> RenderableType:
    result = view.assessment
    # One readiness per day (its morning's), so the title names the day, not the moment.
    title = Text.assemble(("restday", "bold"), f" · readiness on {result.day:%a %-d %b %Y}")
    if result.readiness is None:
        log_first = "; ".join(result.log_first) or "a workout, your recovery or how you feel"
        return Group(
            title,
            Text(f"No score yet. To get one, log {log_first}.", style="bold"),
            checklist(view.today),
        )
    score = Text.assemble(
        ("Readiness ", "bold"),
        (f"{result.readiness:.0f}", f"bold {BAND_STYLE.get(result.band, '')}"),
        "/100  ",
    )
    score.append_text(verdict(result))
    parts: list[RenderableType] = [title, score, reasons(result), sides(result)]
    if result.skip_muscles:
        names = ", ".join(m.replace("_", " ") for m in result.skip_muscles)
        parts.append(Text(f"Skip today: {names}", style="bold red"))
    parts.append(checklist(view.today))
    line = done_line(view) if view.done is not None else plan_line(view)
    if line.plain:
        parts.append(line)
    parts += [
        trends(result),
        load(result),
        sparkline(result.history),
    ]
    parts.append(Text("Guidance, not medical advice.", style="dim italic"))
    return Group(*parts)
