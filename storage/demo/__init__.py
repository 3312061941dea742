"""A deterministic, realistic demo training log ending on a given day.

The demo lifter (about 82 kg) runs a 4-day upper/lower split (Monday Upper A, Tuesday Lower A,
Thursday Upper B, Friday Lower B, around 18:00 local time) with progressive overload on the
main lifts (squat, bench, deadlift, overhead press, row), logs recovery (sleep, intake,
bodyweight, stress) nearly every morning and symptoms (weakness, energy, mood, motivation,
soreness) on most mornings.

About every 26 weeks there is a fatigue episode the scoring can see: ten training days in a
row in which the main lifts' e1RM falls session to session (over 10 % in total on bench and
squat), sleep shortens to 5-6 h (under 5 h the last two nights), soreness climbs and
motivation, mood and energy sink. Four rest days and a deload week (two sets per lift at
about 60 % of e1RM, RPE 6) follow, then the e1RMs rebound. The last episode ends 3-5 weeks
before the end day; logs shorter than about 10 weeks have none.

Everything comes from one seeded `random.Random`, ids included, so a seed gives the same log
every time. The end day itself has only its morning entries (its workout has not happened).

- `program`: the split, its templates and the main lifts' wave.
- `schedule`: the days, their local clock, the training days and where the episodes fall.
- `lifter`: strength over the years and through an episode, fatigue felt, bodyweight.
- `sessions`: each training day's workout and its sets.
- `mornings`: the recovery and symptom entries.
- `generator`: all of it assembled into a `DemoLog`, and the log written.
"""

from storage.demo.generator import DemoLog, generate_demo, write_demo

__all__ = ["DemoLog", "generate_demo", "write_demo"]
