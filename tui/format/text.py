"""Text from the log (a name, a note, what a file held) as the app draws it: a
`rich.text.Text`, so that brackets in it are never read as markup (`[/b]`, `[$x]`,
`[link=...]` are shown as typed), holding printable characters only."""

from __future__ import annotations

from rich.text import Text

from storage.model.text import printable


def log_text(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style)
