"""The history screen's trends: one chart at a time over a chosen span (4 weeks to all
time): readiness with P and C, sleep, bodyweight, soreness, weekly hard sets per muscle,
monotony and strain, and the ACWR.

    Readiness, P and C  ← 1/7 →                 span  4w [12w] 6m 1y all
    ┌────────────────────────────────────────────────────────────────────┐
    │ (the chart)                                                        │
    └────────────────────────────────────────────────────────────────────┘
    ⣿ readiness  + P peripheral  x C central        points: one per day
    Latest (24 Nov): readiness 72 · P 80 · C 65. Each morning's score, 0-100.

The view picks the chart, the span and the muscle, and says what its points are; the
series come from `storage.read.trend_series`, thinned to the chart's width (weekly or
monthly means) so that a chart draws in milliseconds whatever the span, and
`trend_charts` draws them. The morning scores come from the screen: the view asks for the
ones it is missing (`MorningsWanted`) and shows what it has meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static
from textual_plotext import PlotextPlot

from storage.read.chart_points import bucket_kind, bucket_start
from storage.read.trend_series import TrendSeries
from tui.format.units import to_unit
from tui.widgets.history import trend_charts
from tui.widgets.history.chart_axes import BUCKET_WORDS, date_ticks

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
MAX_WANTED = 150  # morning scores asked for at once
TOP_MUSCLES = 4
DEFAULT_WIDTH = 70  # the plot's columns before the widget has a size


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
        self.mornings: Mapping[date, MorningScore] = {}
        self.unit = "kg"
        self.span = 1  # 12 weeks
        self.chart = 0
        self.muscle: str | None = None  # None: the top muscles
        self._requested: set[date] = set()
        self._series: TrendSeries | None = None  # the index shown, as of today

    def compose(self) -> ComposeResult:
        with Horizontal(id="trends-bar"):
            yield Static(id="trends-chart-name")
            yield Static(id="trends-span")
        yield PlotextPlot(id="trends-plot")
        yield Static(id="trends-empty")
        yield Static(id="trends-legend")
        yield Static(id="trends-caption")

    def on_mount(self) -> None:
        if not self.children:  # the app closed as it mounted: Textual removes children first
            return
        self.query_one("#trends-empty").display = False
        if self._series is None:
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
        if self._series is None or index is not self._series.index or today != self._series.today:
            self._series = TrendSeries(index, today)
            self._requested = set()
        self.mornings, self.unit = mornings, unit
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
        order: list[str | None] = [None]
        if self._series is not None:
            order += self._series.muscles_by_sets(*self._series.span(SPANS[self.span][2]))
        position = order.index(self.muscle) if self.muscle in order else 0
        self.muscle = order[(position + 1) % len(order)]
        self.draw()

    # -- drawing -----------------------------------------------------------------------------

    def draw(self) -> None:
        if not self.is_mounted:
            return
        self._draw_bar()
        if self._series is None:
            self._message("Reading your log…")
            return
        first, last = self._series.span(SPANS[self.span][2])
        plot = self.query_one(PlotextPlot)
        columns = max((plot.size.width or DEFAULT_WIDTH + 8) - 8, 20)
        kind = bucket_kind((last - first).days + 1, columns)
        plt = plot.plt
        plt.clear_figure()
        figure = trend_charts.Figure(plt, columns)
        chart = self._draw_chart(figure, first, last, kind)
        figure.finish()
        if not chart.drawn:
            self._message(chart.caption)
            self.query_one("#trends-legend", Static).update(chart.legend)
            return
        plt.xlim(bucket_start(first, kind).toordinal(), last.toordinal())
        plt.xticks(*date_ticks(first, last))
        plot.display = True
        self.query_one("#trends-empty").display = False
        kind = chart.step or kind
        legend = Text.assemble(chart.legend, "   ", (f"points: {BUCKET_WORDS[kind]}", "dim"))
        if kind != "day" and not (self.chart_key == "hard_sets" and kind == "week"):
            legend.append(" means", "dim")
        self.query_one("#trends-legend", Static).update(legend)
        self.query_one("#trends-caption", Static).update(chart.caption)
        plot.refresh()

    def _draw_chart(
        self, figure: trend_charts.Figure, first: date, last: date, kind: str
    ) -> trend_charts.Chart:
        """The chart picked, from its series over the span."""
        series = self._series
        key = self.chart_key
        if key == "readiness":
            trend = series.readiness(self.mornings, first, last, kind)
            self._want(trend.missing)
            return trend_charts.readiness(figure, trend)
        if key == "sleep":
            return trend_charts.sleep(figure, series.wellness("sleep_hours", first, last, kind))
        if key == "bodyweight":
            to_shown = partial(to_unit, unit=self.unit)
            trend = series.wellness("bodyweight_kg", first, last, kind, to_shown)
            return trend_charts.bodyweight(figure, trend, self.unit)
        if key == "soreness":
            return trend_charts.soreness(figure, series.wellness("soreness", first, last, kind))
        if key == "hard_sets":
            order = series.muscles_by_sets(first, last)
            if self.muscle is not None and self.muscle not in order:
                self.muscle = None
                self._draw_bar()
            muscles = order[:TOP_MUSCLES] if self.muscle is None else [self.muscle]
            trend = series.hard_sets(muscles, first, last, kind)
            return trend_charts.hard_sets(
                figure, trend, muscles, one_muscle=self.muscle is not None
            )
        if key == "load":
            return trend_charts.load(figure, series.load(first, last, kind))
        return trend_charts.acwr(figure, series.acwr(first, last, kind))

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
            name.append(
                trend_charts.muscle_words(self.muscle) if self.muscle else f"top {TOP_MUSCLES}",
                "bold",
            )
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

    # -- morning scores ------------------------------------------------------------------------

    def _want(self, missing: list[date]) -> None:
        fresh = [d for d in missing if d not in self._requested][:MAX_WANTED]
        if fresh:
            self._requested.update(fresh)
            self.post_message(self.MorningsWanted(fresh))
