"""The trends view's seven charts drawn on a plotext figure from their series
(`storage.read.trend_series`): the lines, markers, reference lines and y axis of each, and
the legend and caption under it.

The series differ by marker as well as by colour, and the legend says which is which, so
the charts read on a 16-colour or NO_COLOR terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from rich.text import Text

from scoring.constants import SCORING
from storage.read.chart_points import Point
from storage.read.trend_series import (
    AcwrTrend,
    HardSetsTrend,
    LoadTrend,
    ReadinessTrend,
    WellnessTrend,
)
from tui.format.units import format_number
from tui.widgets.history.chart_axes import y_axis

# Plotext's own colour names (it has no "yellow": "orange" is ANSI colour 3, which a
# 16-colour terminal shows as its yellow). Never white, black or gray for data: one of
# them is the canvas on a light or dark theme.
SERIES = (  # (legend mark, plotext marker, plotext colour, the same colour for rich)
    ("⣿", "braille", "green", "green"),
    ("+", "+", "cyan", "cyan"),
    ("x", "x", "magenta", "magenta"),
    ("o", "o", "orange", "yellow"),
)
RULE_COLOR = "gray"
MARKER_GAP = 4  # columns between two markers of a series, about


class Chart(NamedTuple):
    """A chart as drawn: its legend, its caption (the message shown in its place when it
    has nothing to draw), and the step of its points when coarser than the span's."""

    legend: Text
    caption: str | Text
    drawn: bool
    step: str | None = None


def short_day(day: date) -> str:
    return f"{day.day} {day:%b}"


def muscle_words(name: str) -> str:
    return name.replace("_", " ")


def legend(*entries: tuple[int, str]) -> Text:
    """'⣿ readiness  + P ...': each series' marker in its colour, and its name."""
    text = Text()
    for series, label in entries:
        mark, _marker, _color, color = SERIES[series]
        if text:
            text.append("  ")
        text.append(mark, f"bold {color}")
        text.append(f" {label}")
    return text


class Figure:
    """A plotext figure `columns` wide being drawn: its series' lines as they come, their
    markers at the end (`finish`), so that no line hides them."""

    def __init__(self, plt, columns: int) -> None:
        self.plt = plt
        self.columns = columns
        self._markers: list[tuple] = []

    def series(self, series: int, points: Sequence[Point], **options) -> None:
        """One series: a line in its colour, and its marker on each point unless it is the
        first series: the series differ without colour too."""
        if not points:
            return
        _mark, marker, color, _rich = SERIES[series]
        xs = [x for x, _y in points]
        ys = [y for _x, y in points]
        self.plt.plot(xs, ys, marker="braille", color=color, **options)
        if marker != "braille":
            self._markers.append((xs, ys, marker, color, options))

    def finish(self) -> None:
        """The markers, about one every `MARKER_GAP` columns so the lines stay visible,
        each series' shifted a little so they do not fall on one another."""
        for k, (xs, ys, marker, color, options) in enumerate(self._markers):
            step = max(1, round(len(xs) * MARKER_GAP / self.columns))
            start = (k * step) // max(len(self._markers), 1) if step > 1 else 0
            chosen = list(range(start, len(xs), step))
            if step > 1 and chosen[-1] != len(xs) - 1:
                chosen.append(len(xs) - 1)  # the latest value: always marked
            xs = [xs[i] for i in chosen]
            ys = [ys[i] for i in chosen]
            self.plt.scatter(xs, ys, marker=marker, color=color, **options)
        self._markers = []


# -- the charts ------------------------------------------------------------------------------


def readiness(figure: Figure, trend: ReadinessTrend) -> Chart:
    key = legend((0, "readiness"), (1, "P peripheral"), (2, "C central"))
    scored = trend.wanted - len(trend.missing)
    waiting = f"working out the scores… ({scored} of {trend.wanted})"
    if not trend.drawn:
        return Chart(key, waiting if trend.missing else "No morning scores in this span.", False)
    plt = figure.plt
    plt.ylim(0, 100)
    levels = [0, SCORING.rest_up_to, SCORING.train_from, 100]
    plt.yticks(levels, [f"{v:g}" for v in levels])
    for level in (SCORING.rest_up_to, SCORING.train_from):
        plt.hline(level, RULE_COLOR)
    series = (trend.readiness, trend.peripheral, trend.central)
    for k in (2, 1, 0):  # readiness on top
        figure.series(k, series[k])
    caption = Text()
    if trend.latest is not None:
        day, score = trend.latest
        parts = [f"readiness {score.readiness:.0f}"]
        parts += [
            f"{n} {v:.0f}"
            for n, v in (("P", score.peripheral), ("C", score.central))
            if v is not None
        ]
        caption.append(f"{short_day(day)}: " + " · ".join(parts) + ". ", "bold")
    caption.append(
        f"Each morning's score, 0-100: {SCORING.train_from:.0f}+ train as planned, "
        f"{SCORING.rest_up_to:.0f} or under rest."
    )
    if trend.missing:
        caption.append(f"  {waiting}", "italic")
    return Chart(key, caption, True)


def _wellness(
    figure: Figure,
    trend: WellnessTrend,
    label: str,
    what: str,
    unit: str,
    empty: str,
    *,
    include: Sequence[float] = (),
    lower: float | None = None,
    upper: float | None = None,
) -> Chart:
    key = legend((0, label))
    if not trend.points:
        return Chart(key, empty, False)
    figure.series(0, trend.points)
    y_axis(
        figure.plt,
        (v for _x, v in trend.points),
        include=include,
        lower=lower,
        upper=upper,
    )
    day, value = trend.latest
    caption = Text()
    caption.append(f"Latest ({short_day(day)}): {format_number(value)}{unit}", "bold")
    caption.append(f" · mean {format_number(trend.mean)}{unit} over the span. ")
    caption.append(what)
    return Chart(key, caption, True)


def sleep(figure: Figure, trend: WellnessTrend) -> Chart:
    enough = SCORING.sleep_floor_hours + SCORING.sleep_span_hours
    chart = _wellness(
        figure,
        trend,
        "hours slept",
        f"From the recovery entries; {enough:g} h and more is full marks in the score.",
        " h",
        "No sleep entered in this span (r: recovery).",
        include=(enough,),
    )
    if chart.drawn:
        figure.plt.hline(enough, RULE_COLOR)
    return chart


def bodyweight(figure: Figure, trend: WellnessTrend, unit: str) -> Chart:
    change = ""
    if trend.change is not None:
        sign = "+" if trend.change >= 0 else "−"
        change = f"Change over the span {sign}{format_number(abs(trend.change))} {unit}. "
    return _wellness(
        figure,
        trend,
        f"bodyweight ({unit})",
        change + "From the recovery entries.",
        f" {unit}",
        "No bodyweight entered in this span (r: recovery).",
    )


def soreness(figure: Figure, trend: WellnessTrend) -> Chart:
    return _wellness(
        figure,
        trend,
        "soreness (0-10)",
        "The day's worst muscle soreness, 0-10, from the symptom entries.",
        "",
        "No soreness entered in this span (s: symptoms).",
        lower=0,
        upper=10,
    )


def hard_sets(
    figure: Figure, trend: HardSetsTrend, muscles: Sequence[str], *, one_muscle: bool
) -> Chart:
    """The sets of `muscles` (the top ones, or `one_muscle` picked)."""
    key = legend(*((k, muscle_words(m)) for k, m in enumerate(muscles)))
    if not muscles:
        return Chart(key, "No hard sets in this span.", False)
    drawn: list[float] = []
    for k in reversed(range(len(muscles))):
        figure.series(k, trend.series[k])
        drawn += [v for _x, v in trend.series[k]]
    y_axis(figure.plt, drawn, lower=0)
    this_week = [
        f"{muscle_words(m)} {format_number(sets)}"
        for m, sets in zip(muscles, trend.this_week, strict=True)
    ]
    caption = Text()
    caption.append(f"This week (from {short_day(trend.week)}): ", "bold")
    caption.append(" · ".join(this_week), "bold")
    caption.append(". Hard sets (RIR 4 or less) per week: 1 a direct set, 0.5 indirect.")
    if not one_muscle:
        caption.append(" m: one muscle", "dim")
    return Chart(key, caption, True, trend.step)


def load(figure: Figure, trend: LoadTrend) -> Chart:
    key = legend((0, "monotony (left axis)"), (1, "strain (right axis)"))
    if not trend.monotony:
        return Chart(key, "No training in this span.", False)
    plt = figure.plt
    figure.series(1, trend.strain, yside="right")
    figure.series(0, trend.monotony)
    plt.hline(SCORING.monotony_ok, RULE_COLOR)
    y_axis(plt, (v for _x, v in trend.monotony), include=(SCORING.monotony_ok,), lower=0)
    if trend.strain:
        y_axis(plt, (v for _x, v in trend.strain), lower=0, yside="right")
    mono, strn = trend.latest_monotony, trend.latest_strain
    caption = Text()
    caption.append("Last 7 days: ", "bold")
    caption.append(
        f"monotony {'—' if mono is None else f'{mono:.2f}'} · "
        f"strain {'—' if strn is None else f'{strn:.0f}'}. ",
        "bold",
    )
    caption.append(
        "Monotony = 7 days' mean load / its SD (the score's load part drops over "
        f"{SCORING.monotony_ok:g}); strain = 7 days' load × monotony."
    )
    return Chart(key, caption, True)


def acwr(figure: Figure, trend: AcwrTrend) -> Chart:
    key = legend((0, "acute:chronic load ratio"))
    if not trend.points:
        return Chart(key, "No ACWR in this span: it needs 28 days of training history.", False)
    plt = figure.plt
    plt.hline(1.0, RULE_COLOR)
    plt.hline(SCORING.acwr_ok, RULE_COLOR)
    figure.series(0, trend.points)
    y_axis(plt, (v for _x, v in trend.points), include=(1.0, SCORING.acwr_ok))
    day, value = trend.latest
    caption = Text()
    caption.append(f"{short_day(day)}: ACWR {value:.2f}. ", "bold")
    caption.append(
        f"Last 7 days' load over last 28 days' (EWMA); over {SCORING.acwr_ok:g} the "
        "score's load part drops. A weak injury predictor."
    )
    return Chart(key, caption, True)
