"""The history screen's trends: one chart at a time over a chosen span (4 weeks to all
time): readiness with P and C, sleep, bodyweight, soreness, weekly hard sets per muscle,
monotony and strain, and the ACWR.

    Readiness, P and C  ← 1/7 →                 span  4w [12w] 6m 1y all
    ┌────────────────────────────────────────────────────────────────────┐
    │ (the chart)                                                        │
    └────────────────────────────────────────────────────────────────────┘
    ⣿ readiness  + P peripheral  x C central        points: one per day
    Latest (24 Nov): readiness 72 · P 80 · C 65. Each morning's score, 0-100.

A long span is thinned to the chart's width (weekly or monthly means), so a chart draws
in milliseconds whatever the span. The series differ by marker as well as by colour, and
the legend says which is which, so the charts read on a 16-colour or NO_COLOR terminal.
The morning scores come from the screen: the view asks for the ones it is missing
(`MorningsWanted`) and shows what it has meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from math import fsum
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static
from textual_plotext import PlotextPlot

from scoring.constants import SCORING
from scoring.load import acwr_ewma, monotony, strain
from storage.read.chart_points import Point, bucket_kind, bucket_start, thin
from tui.format.units import format_number, to_unit
from tui.widgets.history.chart_axes import BUCKET_WORDS, date_ticks, y_axis

if TYPE_CHECKING:
    from scoring.mornings import MorningScore
    from storage.read.history_index import HistoryIndex

SPANS: tuple[tuple[str, str, int | None], ...] = (
    ("4w", "4 weeks", 28),
    ("12w", "12 weeks", 84),
    ("6m", "6 months", 182),
    ("1y", "1 year", 365),
    ("all", "all time", None),
)
CHARTS: tuple[tuple[str, str], ...] = (
    ("readiness", "Readiness, P and C"),
    ("sleep", "Sleep"),
    ("bodyweight", "Bodyweight"),
    ("soreness", "Soreness"),
    ("hard_sets", "Weekly hard sets per muscle"),
    ("load", "Monotony and strain"),
    ("acwr", "ACWR"),
)
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
MAX_WANTED = 150  # morning scores asked for at once
TOP_MUSCLES = 4
MARKER_GAP = 4  # columns between two markers of a series, about
DEFAULT_WIDTH = 70  # the plot's columns before the widget has a size


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def _muscle(name: str) -> str:
    return name.replace("_", " ")


class TrendsView(Vertical, can_focus=True):
    """Call `show(index, mornings, unit, today)` whenever any of them changes; the span,
    chart and muscle picked stay as they are."""

    DEFAULT_CSS = """
    TrendsView { height: 1fr; }
    TrendsView > #trends-bar { height: 1; }
    TrendsView > #trends-bar > #trends-chart-name { width: 1fr; }
    TrendsView > #trends-bar > #trends-span { width: auto; padding-left: 1; }
    TrendsView > PlotextPlot { height: 1fr; min-height: 6; }
    TrendsView > #trends-empty { height: 1fr; content-align: center middle; color: $text-muted; }
    TrendsView > #trends-legend { height: 1; }
    TrendsView > #trends-caption { height: 2; color: $text-muted; }
    """
    BINDINGS = [
        Binding("right,down", "chart(1)", "Next chart", id="trends.next_chart"),
        Binding("left,up", "chart(-1)", "Previous chart", id="trends.previous_chart"),
        Binding("right_square_bracket", "span(1)", "Longer span", id="trends.longer_span"),
        Binding("left_square_bracket", "span(-1)", "Shorter span", id="trends.shorter_span"),
        Binding("m", "muscle", "Muscle", id="trends.muscle"),
    ]

    class MorningsWanted(Message):
        """The chart needs these mornings' scores, missing from the mapping it was given
        (at most `MAX_WANTED`, newest first): work them out and call `show` again."""

        def __init__(self, days: list[date]) -> None:
            super().__init__()
            self.days = days

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.index: HistoryIndex | None = None
        self.mornings: Mapping[date, MorningScore] = {}
        self.unit = "kg"
        self.today = date.today()
        self.span = 1  # 12 weeks
        self.chart = 0
        self.muscle: str | None = None  # None: the top muscles
        self._requested: set[date] = set()
        self._cache: dict[tuple, object] = {}
        self._cache_owner: object = None  # the index the cache is of (held: not an id())
        self._markers: list[tuple] = []
        self._kind_drawn: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="trends-bar"):
            yield Static(id="trends-chart-name")
            yield Static(id="trends-span")
        yield PlotextPlot(id="trends-plot")
        yield Static(id="trends-empty")
        yield Static(id="trends-legend")
        yield Static(id="trends-caption")

    def on_mount(self) -> None:
        self.query_one("#trends-empty").display = False
        if self.index is None:
            self._message("Reading your log…")

    # -- public ------------------------------------------------------------------------------

    @property
    def chart_key(self) -> str:
        return CHARTS[self.chart][0]

    @property
    def span_key(self) -> str:
        return SPANS[self.span][0]

    def show(
        self,
        index: HistoryIndex,
        mornings: Mapping[date, MorningScore],
        unit: str,
        today: date,
    ) -> None:
        if index is not self._cache_owner or today != self.today:
            self._cache = {}
            self._cache_owner = index
            self._requested = set()
        self.index, self.mornings, self.unit, self.today = index, mornings, unit, today
        self.draw()

    # -- keys --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "muscle":
            return self.chart_key == "hard_sets"
        return True

    def action_chart(self, step: int) -> None:
        self.chart = (self.chart + step) % len(CHARTS)
        self.refresh_bindings()
        self.draw()

    def action_span(self, step: int) -> None:
        span = min(max(self.span + step, 0), len(SPANS) - 1)
        if span != self.span:
            self.span = span
            self.draw()

    def action_muscle(self) -> None:
        """Cycle: the top muscles, then each muscle trained in the span, most sets first."""
        totals = self._muscle_totals()
        order = [None, *sorted(totals, key=lambda m: (-totals[m], m))]
        position = order.index(self.muscle) if self.muscle in order else 0
        self.muscle = order[(position + 1) % len(order)]
        self.draw()

    # -- drawing -----------------------------------------------------------------------------

    def span_days(self) -> tuple[date, date]:
        """The span's first and last day (the last is today)."""
        last = self.today
        days = SPANS[self.span][2]
        if days is not None:
            return last - timedelta(days=days - 1), last
        first = self.index.first_day if self.index is not None else None
        if first is None or first > last - timedelta(days=27):
            first = last - timedelta(days=27)
        return first, last

    def draw(self) -> None:
        if not self.is_mounted:
            return
        self._draw_bar()
        if self.index is None:
            self._message("Reading your log…")
            return
        first, last = self.span_days()
        plot = self.query_one(PlotextPlot)
        columns = max((plot.size.width or DEFAULT_WIDTH + 8) - 8, 20)
        kind = bucket_kind((last - first).days + 1, columns)
        plt = plot.plt
        plt.clear_figure()
        draw = getattr(self, f"_draw_{self.chart_key}")
        self._markers = []
        self._kind_drawn = None  # a chart whose points are coarser than `kind` says so
        legend, caption, drawn = draw(plt, first, last, kind)
        self._draw_markers(plt, columns)
        if not drawn:
            self._message(caption)
            self.query_one("#trends-legend", Static).update(legend)
            return
        plt.xlim(bucket_start(first, kind).toordinal(), last.toordinal())
        plt.xticks(*date_ticks(first, last))
        plot.display = True
        self.query_one("#trends-empty").display = False
        kind = self._kind_drawn or kind
        legend = Text.assemble(legend, "   ", (f"points: {BUCKET_WORDS[kind]}", "dim"))
        if kind != "day" and not (self.chart_key == "hard_sets" and kind == "week"):
            legend.append(" means", "dim")
        self.query_one("#trends-legend", Static).update(legend)
        self.query_one("#trends-caption", Static).update(caption)
        plot.refresh()

    def _message(self, text: str | Text) -> None:
        self.query_one(PlotextPlot).display = False
        empty = self.query_one("#trends-empty", Static)
        empty.display = True
        empty.update(text)
        self.query_one("#trends-caption", Static).update("")

    def _draw_bar(self) -> None:
        name = Text(no_wrap=True, overflow="ellipsis")
        name.append(CHARTS[self.chart][1], "bold")
        if self.chart_key == "hard_sets":
            name.append(" · ")
            name.append(_muscle(self.muscle) if self.muscle else f"top {TOP_MUSCLES}", "bold")
            name.append(" (m)", "dim")
        name.append(f"  {self.chart + 1}/{len(CHARTS)} ←→", "dim")
        self.query_one("#trends-chart-name", Static).update(name)
        span = Text(no_wrap=True)
        span.append("span", "dim")
        for k, (key, _label, _length) in enumerate(SPANS):
            span.append(
                f"[{key}]" if k == self.span else f" {key} ",
                "reverse bold" if k == self.span else "dim",
            )
        self.query_one("#trends-span", Static).update(span)

    @staticmethod
    def _legend(*entries: tuple[int, str]) -> Text:
        """'⣿ readiness  + P ...': each series' marker in its colour, and its name."""
        text = Text()
        for series, label in entries:
            mark, _marker, _color, color = SERIES[series]
            if text:
                text.append("  ")
            text.append(mark, f"bold {color}")
            text.append(f" {label}")
        return text

    def _series(self, plt, series: int, points: Sequence[Point], **options) -> None:
        """One series: a line in its colour, then (after every line is drawn, so that no
        line hides them) its marker on each point unless it is the first series: the
        series differ without colour too."""
        if not points:
            return
        _mark, marker, color, _rich = SERIES[series]
        xs = [x for x, _y in points]
        ys = [y for _x, y in points]
        plt.plot(xs, ys, marker="braille", color=color, **options)
        if marker != "braille":
            self._markers.append((xs, ys, marker, color, options))

    def _draw_markers(self, plt, columns: int) -> None:
        """The markers, about one every `MARKER_GAP` columns so the lines stay visible,
        each series' shifted a little so they do not fall on one another."""
        for k, (xs, ys, marker, color, options) in enumerate(self._markers):
            step = max(1, round(len(xs) * MARKER_GAP / columns))
            start = (k * step) // max(len(self._markers), 1) if step > 1 else 0
            chosen = list(range(start, len(xs), step))
            if step > 1 and chosen[-1] != len(xs) - 1:
                chosen.append(len(xs) - 1)  # the latest value: always marked
            xs = [xs[i] for i in chosen]
            ys = [ys[i] for i in chosen]
            plt.scatter(xs, ys, marker=marker, color=color, **options)
        self._markers = []

    # -- the charts: each returns (legend, caption, drawn) --------------------------------

    def _draw_readiness(self, plt, first: date, last: date, kind: str):
        start = max(first, self.index.first_day or first)
        days = _days(start, last)
        wanted = days if kind == "day" else self._bucket_ends(days, kind)
        missing = [d for d in reversed(wanted) if d not in self.mornings]
        self._want(missing)
        scores = [(d, self.mornings.get(d)) for d in days]
        series = [
            thin(((d, getattr(s, field) if s else None) for d, s in scores), kind)
            for field in ("readiness", "peripheral", "central")
        ]
        legend = self._legend((0, "readiness"), (1, "P peripheral"), (2, "C central"))
        waiting = f"working out the scores… ({len(wanted) - len(missing)} of {len(wanted)})"
        if not any(series):
            return legend, waiting if missing else "No morning scores in this span.", False
        plt.ylim(0, 100)
        levels = [0, SCORING.rest_up_to, SCORING.train_from, 100]
        plt.yticks(levels, [f"{v:g}" for v in levels])
        for level in (SCORING.rest_up_to, SCORING.train_from):
            plt.hline(level, RULE_COLOR)
        for k in (2, 1, 0):  # readiness on top
            self._series(plt, k, series[k])
        latest = next(
            ((d, s) for d, s in reversed(scores) if s is not None and s.readiness is not None),
            None,
        )
        caption = Text()
        if latest is not None:
            d, s = latest
            parts = [f"readiness {s.readiness:.0f}"]
            parts += [
                f"{n} {v:.0f}" for n, v in (("P", s.peripheral), ("C", s.central)) if v is not None
            ]
            caption.append(f"{_short(d)}: " + " · ".join(parts) + ". ", "bold")
        caption.append(
            f"Each morning's score, 0-100: {SCORING.train_from:.0f}+ train as planned, "
            f"{SCORING.rest_up_to:.0f} or under rest."
        )
        if missing:
            caption.append(f"  {waiting}", "italic")
        return legend, caption, True

    def _wellness(self, first: date, last: date, field: str, scale: float | None = None):
        wellness = self.index.wellness
        values = []
        for day in _days(first, last):
            entry = wellness.get(day)
            value = None if entry is None else getattr(entry, field)
            if value is not None and scale is not None:
                value = to_unit(value, self.unit)
            values.append((day, value))
        return values

    def _draw_simple(
        self,
        plt,
        values,
        kind: str,
        label: str,
        what: str,
        unit: str,
        empty: str,
        *,
        include: Sequence[float] = (),
        lower: float | None = None,
        upper: float | None = None,
    ):
        points = thin(values, kind)
        legend = self._legend((0, label))
        if not points:
            return legend, empty, False
        self._series(plt, 0, points)
        y_axis(plt, (v for _x, v in points), include=include, lower=lower, upper=upper)
        present = [(d, v) for d, v in values if v is not None]
        day, value = present[-1]
        mean = fsum(v for _d, v in present) / len(present)
        caption = Text()
        caption.append(f"Latest ({_short(day)}): {format_number(value)}{unit}", "bold")
        caption.append(f" · mean {format_number(mean)}{unit} over the span. ")
        caption.append(what)
        return legend, caption, True

    def _draw_sleep(self, plt, first: date, last: date, kind: str):
        values = self._wellness(first, last, "sleep_hours")
        enough = SCORING.sleep_floor_hours + SCORING.sleep_span_hours
        result = self._draw_simple(
            plt,
            values,
            kind,
            "hours slept",
            f"From the recovery entries; {enough:g} h and more is full marks in the score.",
            " h",
            "No sleep entered in this span (r: recovery).",
            include=(enough,),
        )
        if result[2]:
            plt.hline(enough, RULE_COLOR)
        return result

    def _draw_bodyweight(self, plt, first: date, last: date, kind: str):
        values = self._wellness(first, last, "bodyweight_kg", scale=1)
        present = [v for _d, v in values if v is not None]
        change = ""
        if len(present) > 1:
            delta = present[-1] - present[0]
            sign = "+" if delta >= 0 else "−"
            change = f"Change over the span {sign}{format_number(abs(delta))} {self.unit}. "
        return self._draw_simple(
            plt,
            values,
            kind,
            f"bodyweight ({self.unit})",
            change + "From the recovery entries.",
            f" {self.unit}",
            "No bodyweight entered in this span (r: recovery).",
        )

    def _draw_soreness(self, plt, first: date, last: date, kind: str):
        values = self._wellness(first, last, "soreness")
        result = self._draw_simple(
            plt,
            values,
            kind,
            "soreness (0-10)",
            "The day's worst muscle soreness, 0-10, from the symptom entries.",
            "",
            "No soreness entered in this span (s: symptoms).",
            lower=0,
            upper=10,
        )
        return result

    def _weekly_sets(self, first: date, last: date) -> dict[str, list[tuple[date, float]]]:
        key = ("weekly", first, last)
        if key not in self._cache:
            self._cache[key] = self.index.weekly_hard_sets(first, last)
        return self._cache[key]

    def _muscle_totals(self) -> dict[str, float]:
        if self.index is None:
            return {}
        weeks = self._weekly_sets(*self.span_days())
        totals = {m: fsum(v for _d, v in rows) for m, rows in weeks.items()}
        return {m: t for m, t in totals.items() if t > 0}

    def _draw_hard_sets(self, plt, first: date, last: date, kind: str):
        weeks = self._weekly_sets(first, last)
        totals = self._muscle_totals()
        if self.muscle is not None and self.muscle not in totals:
            self.muscle = None
            self._draw_bar()
        if self.muscle is None:
            muscles = sorted(totals, key=lambda m: (-totals[m], m))[:TOP_MUSCLES]
        else:
            muscles = [self.muscle]
        legend = self._legend(*((k, _muscle(m)) for k, m in enumerate(muscles)))
        if not muscles:
            return legend, "No hard sets in this span.", False
        step = "week" if kind in ("day", "week") else kind
        self._kind_drawn = step
        this_week = []
        drawn: list[float] = []
        for k in reversed(range(len(muscles))):
            points = thin(weeks[muscles[k]], step)
            self._series(plt, k, points)
            drawn += [v for _x, v in points]
        y_axis(plt, drawn, lower=0)
        for muscle in muscles:
            this_week.append(f"{_muscle(muscle)} {format_number(weeks[muscle][-1][1])}")
        caption = Text()
        caption.append(f"This week (from {_short(weeks[muscles[0]][-1][0])}): ", "bold")
        caption.append(" · ".join(this_week), "bold")
        caption.append(". Hard sets (RIR 4 or less) per week: 1 a direct set, 0.5 indirect.")
        if self.muscle is None:
            caption.append(" m: one muscle", "dim")
        return legend, caption, True

    def _load_series(self) -> tuple[date, list[float], list[float | None]]:
        """The daily loads from the log's first day to today, and the ACWR of each day
        (None before 28 days of history): cached, they are worked out once."""
        if "loads" not in self._cache:
            start = min(self.index.first_day or self.today, self.today)
            loads = self.index.daily_loads(start, self.today)
            ratio = acwr_ewma(loads) if loads else []
            wait = SCORING.acwr_min_history_days - 1
            ratio = [None if k < wait else r for k, r in enumerate(ratio)]
            self._cache["loads"] = (start, loads, ratio)
        return self._cache["loads"]

    def _weekly_measures(self, first: date, last: date):
        """Monotony and strain over the 7 days ending each day of the span."""
        key = ("weekly-measures", first, last)
        if key not in self._cache:
            start, loads, _ratio = self._load_series()
            days = SCORING.monotony_days
            padded = [0.0] * days + loads
            offset = (first - start).days + days
            mono, strn = [], []
            for k, day in enumerate(_days(first, last)):
                end = offset + k + 1
                if end - days < 0 or end > len(padded) or day < start:
                    mono.append((day, None))
                    strn.append((day, None))
                    continue
                week = padded[end - days : end]
                mono.append((day, monotony(week)))
                strn.append((day, strain(week)))
            self._cache[key] = (mono, strn)
        return self._cache[key]

    def _draw_load(self, plt, first: date, last: date, kind: str):
        mono, strn = self._weekly_measures(first, last)
        legend = self._legend((0, "monotony (left axis)"), (1, "strain (right axis)"))
        mono_points, strain_points = thin(mono, kind), thin(strn, kind)
        if not mono_points:
            return legend, "No training in this span.", False
        self._series(plt, 1, strain_points, yside="right")
        self._series(plt, 0, mono_points)
        plt.hline(SCORING.monotony_ok, RULE_COLOR)
        y_axis(plt, (v for _x, v in mono_points), include=(SCORING.monotony_ok,), lower=0)
        if strain_points:
            y_axis(plt, (v for _x, v in strain_points), lower=0, yside="right")
        latest_m = next((v for _d, v in reversed(mono) if v is not None), None)
        latest_s = next((v for _d, v in reversed(strn) if v is not None), None)
        caption = Text()
        caption.append("Last 7 days: ", "bold")
        caption.append(
            f"monotony {'—' if latest_m is None else f'{latest_m:.2f}'} · "
            f"strain {'—' if latest_s is None else f'{latest_s:.0f}'}. ",
            "bold",
        )
        caption.append(
            "Monotony = 7 days' mean load / its SD (the score's load part drops over "
            f"{SCORING.monotony_ok:g}); strain = 7 days' load × monotony."
        )
        return legend, caption, True

    def _draw_acwr(self, plt, first: date, last: date, kind: str):
        start, _loads, ratio = self._load_series()
        values = []
        for day in _days(first, last):
            k = (day - start).days
            values.append((day, ratio[k] if 0 <= k < len(ratio) else None))
        points = thin(values, kind)
        legend = self._legend((0, "acute:chronic load ratio"))
        if not points:
            return legend, "No ACWR in this span: it needs 28 days of training history.", False
        plt.hline(1.0, RULE_COLOR)
        plt.hline(SCORING.acwr_ok, RULE_COLOR)
        self._series(plt, 0, points)
        y_axis(plt, (v for _x, v in points), include=(1.0, SCORING.acwr_ok))
        latest = next(((d, v) for d, v in reversed(values) if v is not None), None)
        caption = Text()
        caption.append(f"{_short(latest[0])}: ACWR {latest[1]:.2f}. ", "bold")
        caption.append(
            f"Last 7 days' load over last 28 days' (EWMA); over {SCORING.acwr_ok:g} the "
            "score's load part drops. A weak injury predictor."
        )
        return legend, caption, True

    # -- morning scores ------------------------------------------------------------------------

    @staticmethod
    def _bucket_ends(days: list[date], kind: str) -> list[date]:
        """The last day of each bucket: the one morning asked for on a thinned chart."""
        ends = []
        for k, day in enumerate(days):
            if k + 1 == len(days) or bucket_start(days[k + 1], kind) != bucket_start(day, kind):
                ends.append(day)
        return ends

    def _want(self, missing: list[date]) -> None:
        fresh = [d for d in missing if d not in self._requested][:MAX_WANTED]
        if fresh:
            self._requested.update(fresh)
            self.post_message(self.MorningsWanted(fresh))
