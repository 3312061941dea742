"""A template's name is its own: a name another template has gets a number, "Upper (2)",
so that the start screen and the templates list never show two of one name."""

from __future__ import annotations

from collections.abc import Iterable

from storage.model.records import Template


def unique_template_name(name: str, templates: Iterable[Template], own_id: str = "") -> str:
    """`name`, or the first of "name (2)", "name (3)", ... that no template but the one
    with `own_id` has (case and surrounding spaces aside)."""
    name = name.strip()
    taken = {t.name.strip().casefold() for t in templates if t.id != own_id}
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate
