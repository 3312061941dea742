"""The built-in exercise library: plain data, seeded into a new log.

Each exercise has a stable slug `id` (templates and sets refer to it, so never rename
one), a display name, lowercase aliases lifters actually type ("bp", "rdl", "ohp"), and a
muscle map: 1.0 for a muscle trained directly, 0.5 for one worked indirectly. Cardio
(conditioning: a run, a row, a bike) works muscles only indirectly, so that it adds little
muscle fatigue and trains no muscle directly. Scoring depends on these maps; the Back
Squat, Romanian Deadlift and Bench Press maps are the scoring spec's worked example and
must not change.

Rules (checked by tests/core/test_exercise_library.py): ids and names unique (names
case-insensitively); an alias never equals any exercise's name or another exercise's
alias; muscles come from `MUSCLES`, kinds from `EXERCISE_KINDS`, equipment from
`EQUIPMENT`. Rest follows the kind: compound 180 s, isolation 90 s, bodyweight 120 s,
timed 60 s, distance 120 s.
"""

from __future__ import annotations

from storage.model.records import Exercise

_REST_S_BY_KIND: dict[str, int] = {
    "compound": 180,
    "isolation": 90,
    "bodyweight": 120,
    "timed": 60,
    "distance": 120,
}

# One row an exercise, under a line naming its equipment ("barbell:"); its columns:
# id | name | kind | muscles trained directly | muscles worked indirectly | aliases
_LIBRARY = """
barbell:
bench-press            | Bench Press            | compound  | chest                        | triceps front_delts                             | bp, bench, flat bench
incline-bench-press    | Incline Bench Press    | compound  | chest                        | front_delts triceps                             | incline bench, incline bp
decline-bench-press    | Decline Bench Press    | compound  | chest                        | triceps front_delts                             | decline bench
close-grip-bench-press | Close-Grip Bench Press | compound  | triceps chest                | front_delts                                     | cgbp, close grip bench
floor-press            | Floor Press            | compound  | chest triceps                | front_delts                                     |
back-squat             | Back Squat             | compound  | quads glutes                 | hamstrings lower_back                           | squat, sq
front-squat            | Front Squat            | compound  | quads                        | glutes upper_back abs                           | fsq
box-squat              | Box Squat              | compound  | quads glutes                 | hamstrings lower_back                           |
deadlift               | Deadlift               | compound  | glutes hamstrings lower_back | quads upper_back forearms                       | dl, conventional deadlift, deadlifts
sumo-deadlift          | Sumo Deadlift          | compound  | glutes adductors             | quads hamstrings lower_back upper_back forearms | sumo, sumo dl
romanian-deadlift      | Romanian Deadlift      | compound  | hamstrings glutes            | lower_back                                      | rdl
stiff-leg-deadlift     | Stiff-Leg Deadlift     | compound  | hamstrings                   | glutes lower_back                               | sldl, stiff leg deadlift
rack-pull              | Rack Pull              | compound  | upper_back lower_back glutes | hamstrings forearms                             | rack pulls
good-morning           | Good Morning           | compound  | hamstrings lower_back        | glutes                                          | gm, good mornings
hip-thrust             | Hip Thrust             | compound  | glutes                       | hamstrings                                      | hip thrusts, barbell hip thrust
barbell-lunge          | Barbell Lunge          | compound  | quads glutes                 | adductors hamstrings                            | bb lunge
overhead-press         | Overhead Press         | compound  | front_delts                  | side_delts triceps                              | ohp, press, military press, strict press
push-press             | Push Press             | compound  | front_delts                  | side_delts triceps quads                        |
landmine-press         | Landmine Press         | compound  | front_delts                  | chest triceps                                   |
power-clean            | Power Clean            | compound  | glutes hamstrings upper_back | quads lower_back calves                         | clean
barbell-row            | Barbell Row            | compound  | lats upper_back              | rear_delts biceps lower_back                    | row, bb row, bent over row, bent-over row
pendlay-row            | Pendlay Row            | compound  | upper_back lats              | rear_delts biceps lower_back                    | pendlay
t-bar-row              | T-Bar Row              | compound  | upper_back lats              | rear_delts biceps lower_back                    | tbar row, t bar row
seal-row               | Seal Row               | compound  | upper_back lats              | rear_delts biceps                               | seal rows
upright-row            | Upright Row            | compound  | side_delts                   | upper_back front_delts                          | upright rows
barbell-shrug          | Barbell Shrug          | isolation | upper_back                   | forearms                                        | shrug, shrugs
barbell-curl           | Barbell Curl           | isolation | biceps                       | forearms                                        | bb curl, straight bar curl
ez-bar-curl            | EZ-Bar Curl            | isolation | biceps                       | forearms                                        | ez curl, ez bar curl
preacher-curl          | Preacher Curl          | isolation | biceps                       |                                                 | preacher, preacher curls
skull-crusher          | Skull Crusher          | isolation | triceps                      |                                                 | skullcrusher, skullcrushers, lying triceps extension

dumbbell:
dumbbell-bench-press         | Dumbbell Bench Press         | compound  | chest               | triceps front_delts  | db bench, db bp, dumbbell bench
incline-dumbbell-press       | Incline Dumbbell Press       | compound  | chest               | front_delts triceps  | incline db press, incline db bench
dumbbell-shoulder-press      | Dumbbell Shoulder Press      | compound  | front_delts         | side_delts triceps   | db press, db ohp, db shoulder press
arnold-press                 | Arnold Press                 | compound  | front_delts         | side_delts triceps   |
dumbbell-row                 | Dumbbell Row                 | compound  | lats upper_back     | rear_delts biceps    | db row, one arm row, single arm row
chest-supported-row          | Chest-Supported Row          | compound  | upper_back lats     | rear_delts biceps    | cs row, chest supported row
goblet-squat                 | Goblet Squat                 | compound  | quads               | glutes adductors     |
bulgarian-split-squat        | Bulgarian Split Squat        | compound  | quads glutes        | adductors            | bss, bulgarians, rfess
dumbbell-lunge               | Dumbbell Lunge               | compound  | quads glutes        | adductors hamstrings | lunge, lunges, db lunge, walking lunge
step-up                      | Step-Up                      | compound  | quads glutes        |                      | step up, step ups, stepup
dumbbell-romanian-deadlift   | Dumbbell Romanian Deadlift   | compound  | hamstrings glutes   | lower_back           | db rdl
single-leg-romanian-deadlift | Single-Leg Romanian Deadlift | compound  | hamstrings glutes   | lower_back           | sl rdl, single leg rdl
dumbbell-fly                 | Dumbbell Fly                 | isolation | chest               | front_delts          | db fly, db flye, dumbbell flye
dumbbell-pullover            | Dumbbell Pullover            | isolation | lats                | chest triceps        | pullover, db pullover
lateral-raise                | Lateral Raise                | isolation | side_delts          |                      | lat raise, lateral raises, side raise, db lateral raise
front-raise                  | Front Raise                  | isolation | front_delts         |                      | front raises
rear-delt-fly                | Rear Delt Fly                | isolation | rear_delts          | upper_back           | reverse fly, rear delt raise, rear delt flye
dumbbell-shrug               | Dumbbell Shrug               | isolation | upper_back          | forearms             | db shrug, db shrugs
dumbbell-curl                | Dumbbell Curl                | isolation | biceps              | forearms             | db curl, bicep curl, biceps curl
hammer-curl                  | Hammer Curl                  | isolation | biceps forearms     |                      | hammer curls, hammers
incline-dumbbell-curl        | Incline Dumbbell Curl        | isolation | biceps              |                      | incline curl, incline db curl
concentration-curl           | Concentration Curl           | isolation | biceps              |                      | concentration curls
overhead-triceps-extension   | Overhead Triceps Extension   | isolation | triceps             |                      | ote, overhead extension, db triceps extension
triceps-kickback             | Triceps Kickback             | isolation | triceps             |                      | kickback, kickbacks, tricep kickback
wrist-curl                   | Wrist Curl                   | isolation | forearms            |                      | wrist curls
farmers-carry                | Farmer's Carry               | timed     | forearms upper_back | abs glutes           | farmers carry, farmer carry, farmers walk, farmer's walk, carry

machine:
leg-press              | Leg Press              | compound  | quads           | glutes adductors    | lp
hack-squat             | Hack Squat             | compound  | quads           | glutes              | hack
belt-squat             | Belt Squat             | compound  | quads glutes    | adductors           |
smith-machine-squat    | Smith Machine Squat    | compound  | quads glutes    | hamstrings          | smith squat
machine-chest-press    | Machine Chest Press    | compound  | chest           | triceps front_delts | chest press
machine-shoulder-press | Machine Shoulder Press | compound  | front_delts     | side_delts triceps  | shoulder press
machine-row            | Machine Row            | compound  | upper_back lats | rear_delts biceps   | seated machine row
assisted-pull-up       | Assisted Pull-Up       | compound  | lats            | upper_back biceps   | assisted pullup, assisted pullups
leg-extension          | Leg Extension          | isolation | quads           |                     | leg ext, leg extensions
lying-leg-curl         | Lying Leg Curl         | isolation | hamstrings      |                     | leg curl, leg curls
seated-leg-curl        | Seated Leg Curl        | isolation | hamstrings      |                     | seated curl
standing-calf-raise    | Standing Calf Raise    | isolation | calves          |                     | calf raise, calf raises
seated-calf-raise      | Seated Calf Raise      | isolation | calves          |                     | seated calves
pec-deck               | Pec Deck               | isolation | chest           | front_delts         | pec dec, pec fly, machine fly
reverse-pec-deck       | Reverse Pec Deck       | isolation | rear_delts      | upper_back          | reverse pec dec, rear delt machine
hip-abduction          | Hip Abduction          | isolation | glutes          |                     | abduction, abductor, abductors
hip-adduction          | Hip Adduction          | isolation | adductors       |                     | adduction, adductor, adductor machine

cable:
lat-pulldown                     | Lat Pulldown                     | compound  | lats            | upper_back biceps | pulldown, pulldowns, lat pull down, lat pulldowns
seated-cable-row                 | Seated Cable Row                 | compound  | upper_back lats | rear_delts biceps | cable row, seated row, low row
cable-pull-through               | Cable Pull-Through               | compound  | glutes          | hamstrings        | pull through, pull-through, pullthrough
straight-arm-pulldown            | Straight-Arm Pulldown            | isolation | lats            |                   | straight arm pulldown, stiff arm pulldown
cable-fly                        | Cable Fly                        | isolation | chest           | front_delts       | cable flye, cable crossover, crossover, cable flyes
triceps-pushdown                 | Triceps Pushdown                 | isolation | triceps         |                   | pushdown, pushdowns, tricep pushdown, rope pushdown
cable-overhead-triceps-extension | Cable Overhead Triceps Extension | isolation | triceps         |                   | cable overhead extension
cable-curl                       | Cable Curl                       | isolation | biceps          |                   | cable curls
face-pull                        | Face Pull                        | isolation | rear_delts      | upper_back        | face pulls, facepull, facepulls
cable-lateral-raise              | Cable Lateral Raise              | isolation | side_delts      |                   | cable lat raise
cable-crunch                     | Cable Crunch                     | isolation | abs             |                   | cable crunches, kneeling cable crunch
pallof-press                     | Pallof Press                     | isolation | abs             |                   | pallof
cable-woodchop                   | Cable Woodchop                   | isolation | abs             |                   | woodchop, woodchopper, woodchops
cable-glute-kickback             | Cable Glute Kickback             | isolation | glutes          |                   | glute kickback, glute kickbacks

bodyweight:
pull-up           | Pull-Up           | bodyweight | lats            | upper_back biceps             | pullup, pullups, pull up, pull ups, pull-ups
chin-up           | Chin-Up           | bodyweight | lats biceps     | upper_back                    | chinup, chinups, chin up, chin ups, chin-ups
dip               | Dip               | bodyweight | chest triceps   | front_delts                   | dips, parallel bar dip
muscle-up         | Muscle-Up         | bodyweight | lats            | chest triceps biceps          | muscleup, muscle up, muscle-ups
push-up           | Push-Up           | bodyweight | chest           | triceps front_delts           | pushup, pushups, push up, push ups, push-ups
diamond-push-up   | Diamond Push-Up   | bodyweight | triceps         | chest front_delts             | diamond pushup, diamond pushups, close grip push-up
pike-push-up      | Pike Push-Up      | bodyweight | front_delts     | triceps side_delts            | pike pushup, pike pushups
handstand-push-up | Handstand Push-Up | bodyweight | front_delts     | triceps side_delts upper_back | hspu, handstand pushup
bench-dip         | Bench Dip         | bodyweight | triceps         | front_delts                   | bench dips
inverted-row      | Inverted Row      | bodyweight | upper_back lats | rear_delts biceps             | bodyweight row, australian pull-up, ring row
bodyweight-squat  | Bodyweight Squat  | bodyweight | quads           | glutes                        | air squat, air squats, bw squat
pistol-squat      | Pistol Squat      | bodyweight | quads glutes    | adductors                     | pistol, pistols
nordic-curl       | Nordic Curl       | bodyweight | hamstrings      |                               | nordic, nordics, nordic hamstring curl
glute-bridge      | Glute Bridge      | bodyweight | glutes          | hamstrings                    | glute bridges, bridge
back-extension    | Back Extension    | bodyweight | lower_back      | glutes hamstrings             | hyperextension, hyperextensions, hypers, back extensions
hanging-leg-raise | Hanging Leg Raise | bodyweight | abs             | forearms                      | hlr, leg raise, leg raises, hanging leg raises
crunch            | Crunch            | bodyweight | abs             |                               | crunches
sit-up            | Sit-Up            | bodyweight | abs             |                               | situp, situps, sit up, sit ups, sit-ups
plank             | Plank             | timed      | abs             |                               | planks
side-plank        | Side Plank        | timed      | abs             |                               | side planks
hollow-hold       | Hollow Hold       | timed      | abs             |                               | hollow body hold, hollow body
l-sit             | L-Sit             | timed      | abs             | triceps                       | lsit, l sit
wall-sit          | Wall Sit          | timed      | quads           |                               | wall sits
dead-hang         | Dead Hang         | timed      | forearms        | lats                          | hang, dead hangs

kettlebell:
kettlebell-swing | Kettlebell Swing | compound | glutes hamstrings | lower_back         | kb swing, kb swings, swing, swings, kettlebell swings
turkish-get-up   | Turkish Get-Up   | compound | abs               | front_delts glutes | tgu, get up, get-up, turkish getup
suitcase-carry   | Suitcase Carry   | timed    | abs forearms      |                    | suitcase walk

cardio:
running        | Running        | distance |  | quads hamstrings calves         | run, runs, jog, jogging, treadmill, treadmill run
walking        | Walking        | distance |  | calves                          | walk, walks, hike, hiking, incline walk
rowing-machine | Rowing Machine | distance |  | lats upper_back quads           | rowing, rower, row erg, erg, ergometer, concept2
ski-erg        | Ski Erg        | distance |  | lats triceps abs                | skierg, ski
cycling        | Cycling        | distance |  | quads                           | bike, cycle, stationary bike, exercise bike, spin bike, spin
assault-bike   | Assault Bike   | distance |  | quads front_delts               | air bike, echo bike, fan bike, airdyne
sled-push      | Sled Push      | distance |  | quads glutes calves             | sled, prowler, prowler push
jump-rope      | Jump Rope      | timed    |  | calves                          | rope, skipping, skip rope, jumprope, double unders

other:
ab-wheel-rollout | Ab Wheel Rollout | bodyweight | abs | lats | ab wheel, rollout, rollouts
"""  # noqa: E501


def _exercises(table: str) -> tuple[Exercise, ...]:
    exercises = []
    equipment = ""
    for line in table.splitlines():
        if line.endswith(":"):
            equipment = line[:-1]
        elif line:
            id_, name, kind, direct, indirect, aliases = (cell.strip() for cell in line.split("|"))
            exercises.append(
                Exercise(
                    id=id_,
                    name=name,
                    aliases=tuple(aliases.split(", ")) if aliases else (),
                    equipment=equipment,
                    muscles=dict.fromkeys(direct.split(), 1.0)
                    | dict.fromkeys(indirect.split(), 0.5),
                    kind=kind,
                    default_rest_s=_REST_S_BY_KIND[kind],
                    builtin=True,
                )
            )
    return tuple(exercises)


BUILTIN_EXERCISES: tuple[Exercise, ...] = _exercises(_LIBRARY)

BUILTIN_BY_ID: dict[str, Exercise] = {e.id: e for e in BUILTIN_EXERCISES}
