"""The demo's mornings: a recovery entry (sleep, intake, bodyweight, stress) on nearly every
morning and a symptom entry (weakness, energy, mood, motivation, soreness from the last two
days' training) on most, both every morning of the last week and around each episode. In an
episode sleep shortens to 5-6 h (under 5 h the last two nights), soreness climbs and
motivation, mood and energy sink."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.demo.arithmetic import clamp, round_to
from storage.demo.chance import Chance
from storage.demo.schedule import EPISODE_DAYS, Schedule
from storage.demo.sessions import Trained
from storage.model.records import Recovery, SymptomEntry


def mornings(
    days: Schedule,
    fatigue: list[float],
    bodyweight: list[float],
    trained: list[Trained],
    chance: Chance,
) -> tuple[list[Recovery], list[SymptomEntry]]:
    """Every day's morning entries, in time order."""
    recovery: list[Recovery] = []
    symptoms: list[SymptomEntry] = []
    always = set(range(max(0, days.count - 7), days.count))
    for s in days.episode_starts:
        always.update(range(max(0, s - 3), min(days.count, s + EPISODE_DAYS + 3)))
    for i in range(days.count):
        wake = days.at(i, chance.randint(6 * 60 + 15, 8 * 60 + 30) * 60)
        if i in always or chance.random() < 0.97:
            recovery.append(_recovery(days, i, wake, bodyweight[i], chance))
        if i in always or chance.random() < 0.85:
            soreness = _soreness(i, fatigue[i], trained, chance)
            symptoms.append(_symptoms(days, i, wake, fatigue[i], soreness, chance))
    return recovery, symptoms


def _recovery(days: Schedule, i: int, wake: datetime, bw: float, chance: Chance) -> Recovery:
    rand, gauss, randint = chance.random, chance.gauss, chance.randint
    p, k = days.phase[i], days.phase_pos[i]
    if p == "episode":
        if k >= EPISODE_DAYS - 2:
            sleep = round(4.3 + rand() * 0.6, 1)  # under 5 h the last two nights
        else:
            sleep = clamp(6.0 - 0.9 * k / (EPISODE_DAYS - 3) + gauss(0, 0.15), 5.0, 6.0)
            sleep = round(sleep * 4) / 4
        quality = 2 if k < 5 else 1
        stress = min(5, 3 + k // 4)
        water = randint(5, 8)
        protein = round_to(bw * (1.3 + rand() * 0.3), 5)
        carbs = round_to(bw * (2.0 + rand() * 0.6), 5)
    else:
        mean = 7.9 if p == "rest" else 7.4
        sleep = round(clamp(gauss(mean, 0.45), 6.5, 8.5) * 4) / 4
        quality = clamp(round(1 + sleep - 4.5 + gauss(0, 0.7)), 2, 5)
        stress = clamp(round(gauss(2.0, 0.8)), 1, 4)
        water = randint(8, 13)
        protein = round_to(bw * (1.8 + rand() * 0.4), 5)
        carbs = round_to(bw * (3.0 + rand() * 1.8), 5)
    return Recovery(
        id=chance.new_id(),
        created=wake,
        updated=wake,
        day=days.day(i),
        sleep_hours=float(sleep),
        sleep_quality=int(quality),
        water_cups=water,
        protein_g=float(protein),
        carbs_g=float(carbs),
        bodyweight_kg=bw,
        stress=int(stress),
    )


def _soreness(i: int, fatigue: float, trained: list[Trained], chance: Chance) -> dict[str, int]:
    """Per muscle, 0-10: from the training of the last two days, and the fatigue felt."""
    gauss = chance.gauss
    soreness: dict[str, int] = {}
    for back, base in ((1, 3.0), (2, 2.0)):
        if i - back < 0:
            continue
        for ex, effort in trained[i - back]:
            for muscle, coefficient in ex.muscles.items():
                value = base * effort * coefficient + 5.5 * fatigue + gauss(0, 0.6)
                value = int(clamp(round(value), 0, 10))
                if value > soreness.get(muscle, 0):
                    soreness[muscle] = value
    return soreness


def _symptoms(
    days: Schedule,
    i: int,
    wake: datetime,
    fatigue: float,
    soreness: dict[str, int],
    chance: Chance,
) -> SymptomEntry:
    gauss = chance.gauss
    f = fatigue
    if days.phase[i] == "episode":
        weakness = int(clamp(round(1 + 7.5 * f + gauss(0, 0.4)), 0, 10))
        energy = int(clamp(round(4.5 - 3.5 * f + gauss(0, 0.3)), 1, 5))
        mood = int(clamp(round(4.3 - 3.6 * f + gauss(0, 0.3)), 1, 5))
        motivation = int(clamp(round(4.5 - 3.8 * f + gauss(0, 0.3)), 1, 5))
    else:
        weakness = int(clamp(round(gauss(1.0, 0.8) + 4 * f), 0, 10))
        energy = int(clamp(round(gauss(3.9, 0.7) - 2 * f), 1, 5))
        mood = int(clamp(round(gauss(3.9, 0.6) - 1.5 * f), 1, 5))
        motivation = int(clamp(round(gauss(4.0, 0.7) - 2 * f), 1, 5))
    moment = wake + timedelta(seconds=chance.randint(60, 900))
    return SymptomEntry(
        id=chance.new_id(),
        created=moment,
        updated=moment,
        day=days.day(i),
        timestamp=moment,
        weakness=weakness,
        energy=energy,
        mood=mood,
        motivation=motivation,
        soreness={m: v for m, v in soreness.items() if v >= 2},
    )
