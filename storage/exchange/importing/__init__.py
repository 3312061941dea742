"""Bringing other apps' exports (Strong, Hevy, FitNotes) and restday's own into the log."""
