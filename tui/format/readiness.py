"""The readiness summary in words, bars and colours (rich Text): the home screen shows it,
and `restday status` prints it. `result` is a `scoring.Assessment`."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from storage.model.records import MUSCLES
from storage.read.readiness import Today
from tui.format.dates import day_text

SPARK = "▁▂▃▄▅▆▇█"
BAND_STYLE = {"Train as planned": "green", "Reduce": "yellow", "Rest day": "red"}
# A band by shape as well as colour (NO_COLOR): up, level, down; filled on a training day.
BAND_GLYPHS = {"Train as planned": ("▲", "△"), "Reduce": ("◆", "◇"), "Rest day": ("▼", "▽")}
BAR_WIDTH = 14


def score_style(score: float) -> str:
    """The band's colour for a 0-100 score."""
    return "green" if score >= 67 else "yellow" if score >= 34 else "red"


def verdict(result) -> Text:
    """The band in colour, the recommendation, and a mark when confidence is low."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(result.band, f"bold {BAND_STYLE.get(result.band, '')}")
    if result.low_confidence:
        text.append(f"  low confidence ({result.confidence:.0%})", "bold yellow")
    recommendation = result.recommendation or ""
    if recommendation.startswith(result.band):
        recommendation = recommendation[len(result.band) :].lstrip(": ")
    if recommendation:
        text.append(f"\n{recommendation}")
    for override in result.overrides:
        if override not in recommendation:
            text.append(f"\n{override}", "red")
    if result.prefer_muscles:
        text.append_text(_muscles_to_favour(result))
    return text


def _muscles_to_favour(result) -> Text:
    """A Reduce day's muscles to favour, or the fewer ones to go easy on (the most tired
    first); nothing when every muscle is fresh enough to favour."""
    tired = sorted((p, m) for m, p in result.muscles.items() if m not in result.prefer_muscles)
    if not tired:
        return Text()
    if len(tired) < len(result.prefer_muscles):
        return Text(f"\ngo easy on {_some([m for _, m in tired])}", "yellow")
    return Text(f"\nfavour {_some(result.prefer_muscles)}", "green")


def _some(muscles) -> str:
    names = ", ".join(m.replace("_", " ") for m in muscles[:3])
    more = len(muscles) - 3
    return f"{names}{f' and {more} more' if more > 0 else ''}"


REASON_WIDTH = 46  # a reason's words before its points


def reasons(result, width: int = REASON_WIDTH) -> Text:
    """The three factors that cost the most, with their values and points, the words cut
    to `width` (with … when cut)."""
    lines = []
    for contribution in result.contributors[:3]:
        if contribution.points < 0.5:
            break
        label = _reason(contribution)
        label = label if len(label) <= width else label[: width - 1] + "…"
        lines.append(Text.assemble(f"{label:<{width}} ", (f"-{contribution.points:.0f}", "bold")))
    return Text("\n").join(lines)


def _reason(contribution) -> str:
    """'Motivation 2/5', 'Sleep duration 6.0 h'; muscle fatigue names the muscles first:
    'Glutes, hamstrings still fatigued'."""
    from scoring.peripheral import LOCAL_FATIGUE

    value = contribution.value
    named = value.split(", ")
    if contribution.factor == LOCAL_FATIGUE and all(m.replace(" ", "_") in MUSCLES for m in named):
        return f"{value[0].upper()}{value[1:]} still fatigued"
    return f"{contribution.factor} {value}".strip()


def _bar(score: float | None) -> Text:
    if score is None:
        return Text("no data".ljust(BAR_WIDTH + 4), "dim")
    filled = round(score / 100 * BAR_WIDTH)
    return Text.assemble(
        ("█" * filled, score_style(score)),
        ("░" * (BAR_WIDTH - filled), "dim"),
        f" {score:3.0f}",
    )


def sides(result) -> Text:
    """Peripheral and central, each a bar with its score; the confidence after them."""
    return Text.assemble(
        ("Peripheral ", "bold"),
        _bar(result.peripheral),
        ("   Central ", "bold"),
        _bar(result.central),
        (f"   confidence {result.confidence:.0%}", "dim"),
    )


def checklist(today: Today) -> Text:
    """Today's three things to log, each ticked or with its key."""

    def item(done: bool, what: str, key: str) -> Text:
        return Text.assemble(
            ("✓ " if done else "· ", "green" if done else "dim"), what, (f" ({key})", "dim")
        )

    workout = {
        "none": "no workout yet",
        "in progress": "workout in progress",
        "done": "workout done",
    }[today.workout]
    return Text.assemble(
        ("Today  ", "bold"),
        item(today.recovery, "recovery", "r"),
        "   ",
        item(today.symptoms, "symptoms", "s"),
        "   ",
        item(today.workout != "none", workout, "w"),
    )


def trends(result) -> Text:
    """Training days in a row and the lifts going backwards; on a line of its own, a deload
    when one is due."""
    days = result.consecutive_days
    if days:
        streak = f"{days} training day{'' if days == 1 else 's'} in a row"
    else:  # neither today nor yesterday trained
        streak = "rested yesterday"
    text = Text(streak, "bold" if days >= 5 else "")
    for decline in result.declines[:2]:
        text.append(" · ", "dim")
        when = day_text(decline.day, result.day)
        text.append(f"{_decline(decline)} ({when})", "yellow")
    if result.deload:
        text.append(f"\nDeload week suggested: {result.deload}", "bold red")
    return text


def _decline(decline) -> str:
    """A lift going backwards, short: 'Bench Press e1RM -6 %'."""
    return f"{decline.name} e1RM -{decline.drop * 100:.0f} %"


def load(result) -> Text:
    """Foster's monotony and strain over the last 7 days, and the acute:chronic ratio."""
    # Foster's monotony divides by the SD of the daily loads: none when every day is alike.
    monotony = "— (every day alike)" if result.monotony is None else f"{result.monotony:.1f}"
    strain = "—" if result.strain is None else f"{result.strain:.0f}"
    acwr = "— (under 28 days)" if result.acwr is None else f"{result.acwr:.2f}"
    return Text(f"Load  monotony {monotony} · strain {strain} · ACWR {acwr}", style="dim")


def sparkline(history: tuple[tuple[date, float | None], ...]) -> Text:
    """Readiness each morning of the last 14 days, oldest first; a gap where there was none."""
    text = Text("14 days  ", style="bold")
    for _day, score in history:
        if score is None:
            text.append("·", "dim")
        else:
            level = min(len(SPARK) - 1, int(score / 100 * len(SPARK)))
            text.append(SPARK[level], score_style(score))
    scored = [score for _day, score in history if score is not None]
    if scored:
        text.append(f"  low {min(scored):.0f} · high {max(scored):.0f}", "dim")
    return text
