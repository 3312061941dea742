"""Everything on disk and the rules of the records kept there.

- `log/`: the log file (written atomically, shared safely by several processes), the
  repository that is its only writer, the reader and snapshots every question goes
  through, and the recent copy `restday status` reads.
- `model/`: the records, training days, validation, the exercise library, and the rules
  on them (a set's number and rest, the intake sum, targets, the symptom scales).
- `entry/`: the grammars of what a lifter types (a set, a recovery line, a symptom line)
  and exercise names.
- `read/`: the log read for a purpose: history's aggregate, records so far, trends, the
  scoring window.
- `exchange/`: import from other apps and export.
- `demo/`: the demo log.
- `paths.py` (where files live), `clock.py` (the clock, or $RESTDAY_NOW), `errors.py`.

Never imports textual or rich (a test checks).
"""
