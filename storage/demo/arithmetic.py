"""Clamping, and rounding to a step (a load to the plates, grams to 5 g), for the demo's values."""

from __future__ import annotations


def round_to(value: float, step: float) -> float:
    return round(value / step) * step


def clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value
