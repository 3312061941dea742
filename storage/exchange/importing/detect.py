"""Which app wrote an export, from its first line: Strong, Hevy, FitNotes, or restday's own
JSON or CSV."""

from __future__ import annotations

import csv

from storage.exchange.importing.csv_rows import first_line, header_key, sniff_delimiter, strip_bom
from storage.exchange.importing.errors import UnknownFormat
from storage.exchange.importing.fitnotes import fitnotes_column
from storage.exchange.importing.restday_csv import is_restday_csv
from storage.exchange.importing.strong import strong_column


def header_fields(line: str) -> list[str]:
    """The header line's cells, as `header_key` spells them."""
    try:
        cells = next(csv.reader([line], delimiter=sniff_delimiter(line)), [])
    except csv.Error:
        return []
    return [header_key(cell) for cell in cells]


def detect(text: str) -> str:
    """Which of `IMPORT_FORMATS` an export's text is in; UnknownFormat when it is none of
    them."""
    if strip_bom(text).lstrip().startswith("{"):
        return "restday"
    line = first_line(text)
    keys = set(header_fields(line))
    if {"exercise_title", "start_time"} <= keys:
        return "hevy"
    if is_restday_csv(keys):
        return "restday-csv"
    strong = {strong_column(key) for key in keys}
    if {"date", "exercise", "set_order"} <= strong:
        return "strong"
    fitnotes = {fitnotes_column(key) for key in keys}
    if {"date", "exercise", "category"} <= fitnotes:
        return "fitnotes"
    shown = line if len(line) <= 60 else line[:57] + "..."
    raise UnknownFormat(
        f"not a Strong, Hevy, FitNotes or restday export: its first line is {shown!r}"
    )
