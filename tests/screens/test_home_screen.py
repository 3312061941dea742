"""The home screen, driven in Pilot at 80x24 on a 12-week demo log: the score, its reasons,
the checklist, updates after logging elsewhere, and what it says without data."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from tests.support.clock import TUESDAY_EVENING, FakeClock
from tests.support.screen_helpers import make_app, saved, workers_done
from tests.support.typing import type_line
from tui.app import RestdayApp
from tui.screens.home.screen import HomeScreen
from tui.widgets.big_digits import BigDigits

SIZE = (80, 24)
END = TUESDAY_EVENING


def text(app: RestdayApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


async def scored(pilot: Pilot) -> HomeScreen:
    """Wait until the home screen shows its score (worked out in the background)."""
    await saved(pilot.app, pilot)
    await workers_done(pilot, "score")
    screen = pilot.app.screen
    assert isinstance(screen, HomeScreen) and screen.view is not None
    return screen


async def test_the_app_opens_on_home_with_the_score_and_its_reasons(twelve_week_log: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    app = make_app(twelve_week_log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await scored(pilot)
        result = screen.view.assessment
        assert result.readiness is not None
        assert app.screen.query_one("#score", BigDigits).value == f"{result.readiness:.0f}"
        assert result.band in text(app, "#band")
        reasons = text(app, "#reasons").splitlines()
        top = [c for c in result.contributors if c.points >= 0.5][:3]
        assert len(reasons) == len(top)
        for line, contribution in zip(reasons, top, strict=True):
            if contribution.factor == "Local muscle fatigue":  # the muscles come first
                assert line.startswith(contribution.value.capitalize() + " still fatigued")
            else:
                assert line.startswith(f"{contribution.factor} {contribution.value}")
            assert line.endswith(f"-{contribution.points:.0f}")
        assert "Peripheral" in text(app, "#sides") and "Central" in text(app, "#sides")
        assert "✓ recovery (r)" in text(app, "#checklist")
        assert "no workout yet (w)" in text(app, "#checklist")
        assert text(app, "#history").startswith("14 days")
        assert text(app, "#disclaimer") == "Guidance, not medical advice."


async def test_the_score_follows_what_is_logged_without_a_restart(twelve_week_log: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    app = make_app(twelve_week_log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        before = (await scored(pilot)).view.assessment
        await pilot.press("s")
        await pilot.pause()
        await type_line(pilot, "mot 1 mood 1 energy 1 weak 8")
        await pilot.press("alt+h")  # on the symptoms screen a plain h types
        after = (await scored(pilot)).view.assessment
        assert after.central < before.central and after.readiness < before.readiness
        assert "Motivation 1/5" in text(app, "#reasons")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")  # an empty workout; the entry line takes the focus
        await pilot.pause()
        await pilot.press("alt+h")
        await scored(pilot)
        assert "workout in progress (w)" in text(app, "#checklist")


async def test_in_the_fatigue_episode_it_says_rest_or_reduce_and_why(twelve_week_log: Path) -> None:
    clock = FakeClock(datetime(2026, 10, 28, 9, 0, tzinfo=UTC))
    app = make_app(twelve_week_log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        result = (await scored(pilot)).view.assessment
        assert result.band in ("Rest day", "Reduce")
        assert result.band in text(app, "#band")
        assert "in a row" in str(app.screen.query_one("#trends", Static).visual)


async def test_an_empty_log_says_what_to_log_first(tmp_path: Path) -> None:
    clock = FakeClock(END)
    app = make_app(tmp_path / "log.json", clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        screen = await scored(pilot)
        assert screen.view.assessment.readiness is None
        assert app.screen.query_one("#score", BigDigits).value == "--"
        band = text(app, "#band")
        assert band.startswith("No score yet") and "To get one, log" in band
        assert "· recovery (r)" in text(app, "#checklist")


async def test_a_score_from_sets_alone_is_marked_low_confidence(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        workout = repo.start_workout(at=datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
        for _ in range(4):
            repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 140, 5, rpe=8)
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        result = (await scored(pilot)).view.assessment
        assert result.central is None and result.readiness == result.peripheral
        assert "low confidence" in text(app, "#band")
        assert "Central" in text(app, "#sides") and "no data" in text(app, "#sides")


def test_a_declining_lift_reads_with_its_day() -> None:
    from scoring import Decline
    from tui.format.readiness import trends

    text = "Back Squat e1RM -12 % vs 21-day best"
    decline = Decline("back-squat", "Back Squat", date(2026, 11, 23), text, 0.12, True)

    class Result:
        day = date(2026, 11, 24)
        consecutive_days = 6
        declines = (decline,)
        deload = "readiness under 55 on 5 of the last 7 days"

    shown = str(trends(Result))
    assert "6 training days in a row" in shown
    assert "Back Squat e1RM -12 % (Mon 23 Nov)" in shown
    assert "Deload week suggested: readiness under 55 on 5 of the last 7 days" in shown


def reduce_day(muscles: dict[str, float]) -> object:
    from scoring.constants import SCORING

    class Result:
        band = "Reduce"
        low_confidence = False
        confidence = 1.0
        recommendation = "Reduce: cut sets 30-50 %, RPE at most 8"
        overrides = ()
        prefer_muscles = tuple(m for m, p in muscles.items() if p >= SCORING.prefer_muscle_from)

    Result.muscles = muscles
    return Result


def test_a_reduce_day_names_the_muscles_to_go_easy_on_when_they_are_fewer() -> None:
    """ "favour chest, lats, upper back and 13 more" named what needed no care."""
    from tui.format.readiness import verdict

    fresh = dict.fromkeys(["chest", "lats", "upper_back", "biceps", "triceps", "calves"], 90.0)
    shown = str(verdict(reduce_day({**fresh, "quads": 50.0, "glutes": 60.0})))
    assert "go easy on quads, glutes" in shown and "favour" not in shown
    assert "favour" not in str(verdict(reduce_day(fresh)))  # nothing to tell apart
    shown = str(verdict(reduce_day({"chest": 90.0, "quads": 50.0, "glutes": 40.0})))
    assert "favour chest" in shown and "go easy" not in shown


async def test_home_shows_todays_plan_under_the_checklist(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 20, 18, 0, tzinfo=UTC))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        for day in (10, 14, 17, 20):
            clock.now = datetime(2026, 11, day, 18, 0, tzinfo=UTC)
            workout = repo.start_workout("Full body")
            for _ in range(4):
                repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 140, 5, rpe=8)
            repo.finish_workout(repo.workouts()[-1], 7)
        clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
        repo.start_workout("Full body")
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        await scored(pilot)
        assert text(app, "#plan").startswith("Plan  Full body · Back Squat 4x5@8 142.5 kg")


async def test_once_todays_workout_is_done_home_turns_to_recovery_and_tomorrow(
    tmp_path: Path,
) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 17, 0, tzinfo=UTC))
    log = tmp_path / "log.json"
    with Repository(log, clock=clock) as repo:
        repo.save_settings(replace(repo.settings(), timezone="UTC"))
        workout = repo.start_workout("Legs")
        repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 60, 10, warmup=True)
        for _ in range(4):
            repo.log_set(workout, BUILTIN_BY_ID["back-squat"], 140, 5, rpe=8)
        repo.finish_workout(repo.workouts()[-1], 8)
    clock.now = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    app = make_app(log, clock, first_screen="home")
    async with app.run_test(size=SIZE) as pilot:
        home = await scored(pilot)
        line = text(app, "#plan")
        assert line.startswith("Done  4 hard sets: quads, glutes, ")
        ahead = home.view.tomorrow.readiness
        assert f"tomorrow ~{ahead:.0f} (estimate)" in line
        assert "tonight sleep 7 h+, 12 cups water" in line


def test_no_streak_reads_as_a_rest_not_zero_days() -> None:
    from tui.format.readiness import trends

    class Result:
        day = date(2026, 12, 6)
        consecutive_days = 0
        declines = ()
        deload = None

    assert str(trends(Result)) == "rested yesterday"  # not "0 training days in a row"
