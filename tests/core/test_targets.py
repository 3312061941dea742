"""Recovery targets: as the targets dialog reads them, as the log checks them, and what
the recovery screen shows for them."""

from __future__ import annotations

import pytest

from storage.errors import ValidationError
from storage.model.records import Settings, default_targets
from storage.model.recovery_targets import Target, recovery_targets
from storage.model.validation import check_settings, check_targets
from tui.format.recovery import target_text
from tui.screens.recovery.targets import parse_targets, shown_target

DEFAULTS = {"water": "12", "protein": "0.8-1", "carbs": "3-5", "sleep": "7"}


def test_the_defaults_read_back_as_they_are_shown() -> None:
    settings = Settings()
    assert {field: shown_target(settings, field) for field in DEFAULTS} == DEFAULTS
    assert parse_targets(DEFAULTS, settings).targets == default_targets()


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"protein": "0.7 - 0.9"}, {"protein_g_per_lb_min": 0.7, "protein_g_per_lb_max": 0.9}),
        ({"protein": "1"}, {"protein_g_per_lb_min": 1, "protein_g_per_lb_max": 1}),
        ({"carbs": "4 to 6"}, {"carbs_g_per_kg_min": 4, "carbs_g_per_kg_max": 6}),
        ({"water": "10", "sleep": "7,5"}, {"water_cups": 10, "sleep_hours": 7.5}),
    ],
)
def test_targets_as_typed(texts: dict[str, str], expected: dict[str, float]) -> None:
    targets = parse_targets(texts, Settings()).targets
    assert {key: targets[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({"water": "lots"}, "Water, cups a day: can't read 'lots'; type a number, e.g. 12"),
        ({"water": "8-10"}, "Water, cups a day: can't read '8-10'"),
        ({"protein": "x"}, "type a number or a range, e.g. 0.8-1.0"),
        ({"protein": "1.2-1"}, "protein target's low end 1.2 is above its high end 1"),
        ({"water": "0"}, "water target 0 is out of range: 1 to 100 cups a day"),
        ({"sleep": "20"}, "sleep target 20 is out of range: 3 to 14 hours a night"),
        ({"carbs": "3-50"}, "carbs target 50 is out of range: 0.5 to 15 g per kg"),
    ],
)
def test_bad_targets_say_what_is_accepted(texts: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_targets(texts, Settings())
    assert message in str(error.value)


def test_the_log_refuses_bad_targets() -> None:
    with pytest.raises(ValidationError, match="unknown target 'fibre_g'"):
        check_targets({"fibre_g": 30})
    with pytest.raises(ValidationError, match="water target"):
        check_settings(Settings(targets={**default_targets(), "water_cups": 500}))


def in_words(targets: dict[str, Target], unit: str) -> dict[str, str]:
    return {field: target_text(field, target, unit) for field, target in targets.items()}


def test_protein_and_carbs_scale_with_bodyweight_in_the_users_unit() -> None:
    settings = Settings()
    lb = in_words(recovery_targets(settings, 180 / 2.2046226218), "lb")
    assert lb["protein_g"] == "144-180 g at 180 lb"
    assert lb["carbs_g"] == "245-408 g at 180 lb"
    kg = in_words(recovery_targets(settings, 80), "kg")
    assert kg["protein_g"] == "141-176 g at 80 kg"
    assert kg["carbs_g"] == "240-400 g at 80 kg"
    assert kg["water_cups"] == "12 cups" and kg["sleep_hours"] == "7 h or more"
    unknown = recovery_targets(settings, None)
    assert unknown["protein_g"].low is None
    assert "log bw" in in_words(unknown, "kg")["protein_g"]


def test_progress_towards_a_target() -> None:
    water = recovery_targets(Settings(), None)["water_cups"]
    assert [water.progress(cups) for cups in (None, 0, 6, 12, 20)] == [0, 0, 0.5, 1, 1]
    assert not water.met(11) and water.met(12)
