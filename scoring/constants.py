"""Every constant of the scoring model, in one table (the spec: scoring-model.md, version 2).

The model is tuned here and nowhere else: code in `scoring/` reads `SCORING`, and a test or
an experiment that wants other values builds its own table with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ScoringConstants:
    """The scoring model's constants, grouped by the spec's sections."""

    # -- 1. Established measures ---------------------------------------------------------

    # Tuchscherer's RPE chart ("Beginning RTS", 2015) as one sequence of percentages of
    # 1RM. A cell depends only on reps + RIR, so pct(reps, RPE) is
    # rts_percent_sequence[2 * (reps - 1) + 2 * (10 - RPE)]: reps 1 at RPE 10 is 100 %; one
    # more rep moves two places down the sequence, half a point less RPE one place.
    rts_percent_sequence: tuple[float, ...] = (
        100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0,
        83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3,
        70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
    )  # fmt: skip
    # The chart covers reps 1-12 and RPE 6.5-10 in half steps; outside it, no estimate.
    rts_min_reps: int = 1
    rts_max_reps: int = 12
    rts_min_rpe: float = 6.5
    rts_max_rpe: float = 10.0
    # Brzycki (1993) is defined for 1-10 reps only.
    brzycki_max_reps: int = 10
    # "Which e1RM a set gets": Epley is the fallback up to this many reps.
    epley_max_reps: int = 12
    # Foster 1998: monotony and strain are taken over 7 consecutive days.
    monotony_days: int = 7
    # Williams et al. 2017: EWMA time constants N (lam = 2 / (N + 1)) for acute and chronic
    # load; the ratio is not shown before `acwr_min_history_days` of history.
    acwr_acute_days: int = 7
    acwr_chronic_days: int = 28
    acwr_min_history_days: int = 28

    # -- 2.1 Dose per muscle -------------------------------------------------------------

    # Effort multiplier of a working set by RIR (= 10 - RPE): RIR below 1 -> 1.5, below 2 ->
    # 1.25, below 4 ("2-3") -> 1.0, below 5 ("4") -> 0.75, else 0. A half-step RIR takes
    # the bin of the whole number below it (RPE 9.5 counts as RIR 0).
    effort_by_rir: tuple[tuple[float, float], ...] = ((1, 1.5), (2, 1.25), (4, 1.0), (5, 0.75))
    effort_missing_rpe: float = 1.0  # a working set without RPE (flagged as estimated)
    # A set without RPE (`effort_missing_rpe`) takes at most that: its reps in reserve are
    # estimated against the best set of the exercise that day (Epley, as if that one went
    # to failure), and a set 5 or more reps short counts as a warm-up. Exports from Strong
    # and FitNotes mark no warm-ups, and their ramp-up sets would otherwise count as hard.
    # Half-life of carried fatigue in days (Thomas et al. 2018), per muscle in the spec's
    # order (results list muscles in this order). front_delts has 1.0 day, not the 1.5 days
    # of the table in 2.1: the worked example (section 5) gives front_delts F = 0.625 and
    # P_m = 92.2 two days after bench, which only 1.0 day reproduces (1.5 gives 0.992, 87.6).
    half_life_days: tuple[tuple[str, float], ...] = (
        ("chest", 1.5), ("lats", 1.5), ("upper_back", 1.5), ("front_delts", 1.0),
        ("side_delts", 1.0), ("rear_delts", 1.0), ("biceps", 1.0), ("triceps", 1.0),
        ("forearms", 1.0), ("abs", 1.0), ("lower_back", 2.0), ("glutes", 2.0), ("quads", 2.0),
        ("hamstrings", 2.0), ("adductors", 2.0), ("calves", 1.0),
    )  # fmt: skip
    # Sets older than this are left out of F: they carry under 2^-21 of their dose.
    fatigue_window_days: int = 42

    # -- 2.2 Per-muscle score ------------------------------------------------------------

    dose_capacity: float = 8.0  # C: hard-set equivalents that empty s_dose
    soreness_max: float = 10.0
    soreness_window_hours: float = 24.0  # symptoms (soreness, weakness, moods) this recent
    perf_full_drop: float = 0.10  # s_perf = clamp(1 + delta / 0.10, 0, 1)
    perf_reference_days: int = 21  # delta against the best of the previous 21 days
    perf_history_days: int = 42  # ... with >= 3 sessions in 42 days
    perf_min_sessions: int = 3
    perf_recent_days: int = 7  # ... and the latest session within 7 days
    # Like for like: the reference takes only sets within this many reps of the top set's.
    perf_rep_window: int = 2
    # A top set at this RPE or below never makes a decline by itself (Zourdos 2016: low RPEs
    # are rated least accurately): a light day is not a weak day.
    perf_light_rpe: float = 7.0
    muscle_weight_dose: float = 0.5
    muscle_weight_sore: float = 0.3
    muscle_weight_perf: float = 0.2

    # -- 2.3 Overall peripheral score ----------------------------------------------------

    trained_days: int = 7  # P_local averages muscles trained in the last 7 days ...
    dose_share_days: int = 28  # ... weighted by their share of the 28-day dose
    weakness_max: float = 10.0
    fuel_days: int = 3  # 3-day means of intake: the three whole days before today
    fuel_weight_carbs: float = 0.35
    fuel_weight_water: float = 0.35
    fuel_weight_protein: float = 0.30
    carbs_g_per_kg: float = 3.0
    water_cups: float = 12.0
    protein_g_per_kg: float = 1.6  # Morton et al. 2018
    peripheral_weight_local: float = 0.65
    peripheral_weight_weakness: float = 0.15
    peripheral_weight_fuel: float = 0.20
    # Contributions name this many of the least recovered muscles for local fatigue.
    named_muscles: int = 2

    # -- 3. Central score ----------------------------------------------------------------

    # h_eff = 0.6 last night + 0.4 mean(two nights before): 0.6, 0.2, 0.2 per night.
    sleep_night_weights: tuple[float, ...] = (0.6, 0.2, 0.2)
    sleep_floor_hours: float = 5.0  # s_sleep = clamp((h_eff - 5) / 2, 0, 1)
    sleep_span_hours: float = 2.0  # so 7 h and more is full marks (Watson et al. 2015)
    central_weight_sleep: float = 0.25
    central_weight_quality: float = 0.15
    central_weight_motivation: float = 0.20
    central_weight_mood: float = 0.15
    central_weight_energy: float = 0.10
    central_weight_stress: float = 0.10  # (5 - x) / 4, 1 very relaxed (McLean 2010, Hooper 1995)
    central_weight_load: float = 0.15
    scale_min: float = 1.0  # 1-5 wellness scales (McLean et al. 2010): (x - 1) / 4
    scale_max: float = 5.0
    acwr_ok: float = 1.3  # clamp(1 - (ACWR - 1.3) / 0.7, 0, 1)
    acwr_span: float = 0.7
    monotony_ok: float = 1.5  # clamp(1 - (monotony - 1.5) / 1.0, 0, 1)
    monotony_span: float = 1.0
    streak_ok: float = 4.0  # clamp(1 - (consecutive days - 4) / 6, 0, 1)
    streak_span: float = 6.0

    # -- 4. Readiness, recommendation, explanation ---------------------------------------

    weaker_side_weight: float = 0.6  # R = 0.6 min(P, C) + 0.4 max(P, C)
    train_from: float = 67.0  # R >= 67: Train as planned (R rounded to a whole number)
    rest_up_to: float = 33.0  # R <= 33: Rest day; between: Reduce
    prefer_muscle_from: float = 67.0  # Reduce: prefer muscles with P_m >= 67
    # A declining lift (compound only): its latest session 10 % or more under its like-for-
    # like reference, or its two latest sessions each 3 % or more under theirs. It caps the
    # P_m of its direct muscles at 50 and clears when trained again without a decline or
    # after 10 days.
    decline_drop: float = 0.10
    decline_consecutive_drop: float = 0.03
    decline_muscle_cap: float = 50.0
    decline_clear_days: int = 10
    # Band caps (overrides only lower the band). "Rest day": under 5 h of sleep on each of
    # the last two nights with C < 50; a broad decline, declining lifts covering 3 or more
    # primary muscle groups within 10 days, until a day without working sets; lingering
    # soreness, soreness >= 6 in the same muscle on each of the last 3 days, in 3 or more
    # muscles. A broad decline also needs 3 declining lifts (the spec sets no number; one
    # lift's decline must never make a rest day): with 2, a real Strong export read "Rest
    # day" on 11.7 % of its training mornings, as two Epley e1RMs without RPE 3 % under
    # their best twice running is everyday noise for a lifter of many lift variations; with
    # 3, 6.2 %, and those sessions were 2.8 % under their reference against +0.2 % on Train.
    short_sleep_hours: float = 5.0
    short_sleep_central_below: float = 50.0
    broad_decline_muscles: int = 3
    broad_decline_lifts: int = 3
    lingering_soreness_from: float = 6.0
    lingering_soreness_days: int = 3
    lingering_soreness_muscles: int = 3
    # "At most Reduce": a declining lift with C < 50; a deload week; a run of this many
    # training days in which a lift's e1RM fell.
    decline_cap_central_below: float = 50.0
    streak_cap_days: int = 10
    skip_soreness_from: float = 8.0  # "skip today": soreness >= 8 ...
    skip_score_below: float = 34.0  # ... or P_m < 34 (or lingering soreness)
    deload_readiness_below: float = 55.0  # Deload week: R < 55 ...
    deload_low_days: int = 5  # ... on at least 5 ...
    deload_window_days: int = 7  # ... of the last 7 mornings,
    deload_declined_lifts: int = 3  # or 3 or more lifts declined ...
    decline_window_days: int = 14  # ... within 14 days.
    low_confidence_below: float = 0.5
    history_days: int = 14  # readiness each morning, for the sparkline

    # -- 6. One readiness per day --------------------------------------------------------

    # Tomorrow's estimate is the assessment at this hour of tomorrow, on the lifter's clock.
    tomorrow_hour: float = 7.0

    # -- 7. Today's plan -----------------------------------------------------------------

    plan_cut_from_readiness: float = 50.0  # Reduce: sets * 0.7 when R >= 50, ...
    plan_sets_kept_high: float = 0.7
    plan_sets_kept_low: float = 0.5  # ... * 0.5 when R < 50 (rounded, at least 1)
    plan_reduce_rpe: float = 8.0  # RPE target min(planned, 8) on Reduce ...
    plan_central_rpe: float = 7.0  # ... min(planned, 7) when C < P
    plan_deload_sets: float = 0.5  # Deload week: half the sets (at least 1) ...
    plan_deload_rpe: float = 6.5  # ... at RPE 6.5
    plan_rest_readiness: float = 33.0  # a rest day started anyway: the Reduce plan at R = 33
    # Stop rule (Tuchscherer's fatigue percent): items of 3 or more sets with an RPE target;
    # the floor is the first working set's e1RM * (1 - f).
    stop_min_sets: int = 3
    stop_fraction_planned: float = 0.05
    stop_fraction_reduced: float = 0.03
    load_step_kg: float = 2.5  # the load step of a lifter in kg ...
    load_step_lb: float = 5.0  # ... and in lb, in pounds
    load_step_tolerance: float = 1e-9  # float noise when a load is divided by its step


SCORING: Final = ScoringConstants()
