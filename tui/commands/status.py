"""`restday status`: the home screen's summary as text for a terminal (or an SSH login
banner), or as JSON for scripts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from rich.console import Group, RenderableType
from rich.text import Text

from storage.log.repository import Repository
from storage.read.readiness import ReadinessView
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


def morning_of(repo: Repository, day: date) -> datetime:
    """The moment a day's morning score is taken: as the home screen's history takes it."""
    from scoring.constants import SCORING
    from storage.model.days import day_start

    settings = repo.settings()
    start = day_start(day, repo.timezone, settings.rollover_hour)
    return start + timedelta(hours=SCORING.morning_hours)


def status_text(view: ReadinessView) -> RenderableType:
    result = view.assessment
    when = f"{result.moment.astimezone():%a %-d %b %Y, %H:%M}"
    title = Text.assemble(("restday", "bold"), f" · readiness on {when}")
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
    parts += [
        checklist(view.today),
        trends(result, view.unit),
        load(result),
        sparkline(result.history),
    ]
    parts.append(Text("Guidance, not medical advice.", style="dim italic"))
    return Group(*parts)
