"""What history imports, imported ahead: the app imports them one by one once the log is
read and home is drawn (`RestdayApp._import_history`), so `y` and each view's first visit
(whose modules otherwise load in the key's time, or on a worker the key's answer shares
the interpreter with) find them loaded."""

from __future__ import annotations

MODULES = (
    "tui.screens.history.screen",
    "storage.read.history_index",  # the screen's aggregate, built on a worker
    "scoring.mornings",  # each morning's score, on a worker
    "storage.read.score_window",
    "tui.widgets.history.sessions_view",  # the views mounted after the calendar
    "tui.widgets.history.exercise_progress",
    "tui.widgets.history.trends",
    "tui.screens.history.session_detail",  # Enter on a session
    "tui.screens.history.day_detail",  # Enter on a day, and what it reads
    "tui.commands.status",
    "tui.format.symptoms",
)
