"""Everything on disk and the rules of the records kept there.

- `log/`: the log file (written atomically, shared safely by several processes), the
  repository that is its only door, and the recent copy `restday status` reads.
- `model/`: the records, training days, validation, the exercise library.
- `entry/`: the grammars of what a lifter types (a set, a recovery or symptom line) and
  exercise names.
- `read/`: the log read for a purpose: history's aggregate, the scoring window.
- `exchange/`: import from other apps and export.
- `demo/`: the demo log.

Never imports textual or rich (a test checks).
"""
