"""Templates in the log: made from a workout, changed, deleted; the starter templates
every log offers until they are changed or deleted."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.errors import ValidationError
from storage.log.repository import Repository
from storage.model.exercise_library import BUILTIN_BY_ID
from storage.model.merge import ChangeRefused
from storage.model.records import SetEntry, Template, TemplateItem, Workout
from storage.model.starter_templates import STARTER_IDS, STARTER_TEMPLATES
from storage.model.template_names import unique_template_name
from tests.support.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 17, 0, tzinfo=UTC))


@pytest.fixture
def repo(tmp_path: Path, clock: FakeClock):
    with Repository(tmp_path / "log.json", clock=clock) as repo:
        yield repo


def other_copy(repo: Repository, clock: FakeClock) -> Repository:
    return Repository(repo.path, clock=clock)


def test_a_fresh_log_offers_the_starters(repo: Repository) -> None:
    assert repo.templates() == []
    offered = repo.offered_templates()
    assert [t.name for t in offered] == ["Full body", "Upper", "Lower"]
    for template in STARTER_TEMPLATES:
        assert all(item.exercise in BUILTIN_BY_ID for item in template.items)
        assert all(item.rpe is not None and item.rest_s for item in template.items)


def test_a_changed_starter_is_stored_as_the_logs_own(repo: Repository, clock) -> None:
    upper = repo.template("starter-upper")
    changed = replace(upper, name="My upper", items=upper.items[:2])
    repo.update_template(upper, changed)
    with other_copy(repo, clock) as other:
        (stored,) = other.templates()
        assert stored.id == "starter-upper" and stored.name == "My upper"
        assert len(stored.items) == 2 and stored.created is not None
        assert [t.name for t in other.offered_templates()] == ["My upper", "Full body", "Lower"]


def test_a_deleted_starter_stays_deleted(repo: Repository, clock) -> None:
    repo.delete_template(repo.template("starter-lower"))
    edited = repo.template("starter-upper")
    repo.update_template(edited, replace(edited, name="Upper mine"))
    repo.delete_template(repo.template("starter-upper"))
    with other_copy(repo, clock) as other:
        assert [t.name for t in other.offered_templates()] == ["Full body"]
        assert other.templates() == []
        assert set(other.settings().hidden_starters) == {"starter-lower", "starter-upper"}


def test_changes_are_merged_with_another_copys(repo: Repository, clock) -> None:
    mine = repo.save_template(
        Template(name="Push", items=[TemplateItem(exercise="bench-press", sets=3, reps=5)])
    )
    with other_copy(repo, clock) as other:
        other.update_template(mine, replace(mine, name="Push A"))
    repo.refresh()
    items = [TemplateItem(exercise="bench-press", sets=4, reps=5, rpe=8, weight_kg=100)]
    repo.update_template(mine, replace(mine, items=items))
    (stored,) = repo.templates()
    assert stored.name == "Push A" and stored.items == items
    with pytest.raises(ChangeRefused, match="this template"):
        repo.update_template(mine, replace(mine, name="Push B"))
    with pytest.raises(ChangeRefused, match="not deleted"):
        repo.delete_template(mine)
    repo.delete_template(stored)
    assert repo.templates() == []


def test_a_template_is_validated(repo: Repository) -> None:
    mine = repo.save_template(Template(name="A"))
    with pytest.raises(ValidationError, match="needs a name"):
        repo.update_template(mine, replace(mine, name=" "))
    bad = [TemplateItem(exercise="bench-press", sets=3, reps=5, weight_kg=1500)]
    with pytest.raises(ValidationError, match="target load"):
        repo.update_template(mine, replace(mine, items=bad))
    assert repo.templates() == [mine]


def test_a_template_from_a_finished_workout(repo: Repository, clock) -> None:
    workout = repo.save_workout(Workout(start=clock(), name="Monday"))
    for exercise, weight, reps, rpe, warmup in [
        ("back-squat", 60, 5, None, True),
        ("back-squat", 140, 5, 8, False),
        ("back-squat", 140, 5, 9, False),
        ("back-squat", 140, 3, 9.5, False),
        ("bench-press", 100, 8, None, False),
    ]:
        repo.save_set(
            SetEntry(
                workout=workout.id,
                exercise=exercise,
                weight_kg=weight,
                reps=reps,
                rpe=rpe,
                warmup=warmup,
                timestamp=clock.advance(minutes=3),
            )
        )
    repo.finish_workout(workout, 8, "", at=clock.advance(minutes=5))
    template = repo.template_from_workout(workout.id, "Squat day")
    assert template.items == [
        TemplateItem(exercise="back-squat", sets=3, reps=5, rpe=9.5),
        TemplateItem(exercise="bench-press", sets=1, reps=8),
    ]
    assert repo.templates() == [template]


def test_no_template_from_warm_ups_only(repo: Repository, clock) -> None:
    workout = repo.save_workout(Workout(start=clock()))
    repo.save_set(
        SetEntry(
            workout=workout.id,
            exercise="back-squat",
            weight_kg=60,
            reps=5,
            warmup=True,
            timestamp=clock(),
        )
    )
    with pytest.raises(ValidationError, match="no working sets"):
        repo.template_from_workout(workout.id, "Nothing")
    assert repo.templates() == []


def test_starter_ids_are_not_new_ids() -> None:
    assert all(i.startswith("starter-") for i in STARTER_IDS)


def test_a_name_another_template_has_gets_a_number(repo: Repository) -> None:
    assert unique_template_name(" Legs ", []) == "Legs"
    first = repo.save_template(Template(name="upper"))  # the starter "Upper" has it
    second = repo.save_template(Template(name="Upper"))
    assert (first.name, second.name) == ("upper (2)", "Upper (3)")
    assert repo.save_template(replace(first, name="upper (2)")).name == "upper (2)"  # its own
    assert unique_template_name("Upper", repo.offered_templates(), first.id) == "Upper (2)"
