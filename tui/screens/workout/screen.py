"""Today's workout: type a set between sets, see it at once, rest, repeat.

The entry line has focus, and every key that can begin a set or an exercise name goes
to it wherever the focus is on this screen (`take_typing`): letters and digits always
type here, and the screen's commands are on keys that never type (Alt+letter, Delete,
arrows, Escape). A set shows on screen the moment Enter is pressed and is saved
on the store's background thread; a failed save stays on screen until a retry succeeds.
The screen wires keys, widgets and saves: what it holds and what a typed line does is the
session's (`session.py`); the exercise list and the current exercise draw themselves.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from storage.entry.exercise_names import AmbiguousExercise, UnknownExercise
from storage.entry.set_line import (
    FIRST_EXAMPLES,
    NEXT_EXAMPLES,
    SET_FORMS,
    EntryError,
    typed_set,
)
from storage.errors import ValidationError
from storage.log.reader import LogReader
from storage.model.records import Exercise, SetEntry, Template, Workout
from storage.model.set_rules import touches_rest_timer
from storage.model.template_plan import NOTHING_TO_PLAN, plan_of_sets
from storage.read.exercise_history import ExerciseHistory
from storage.read.history_index import session_summary
from tui.format.e1rm import e1rm_said, from_bodyweight
from tui.format.plan import stop_said
from tui.format.text import log_text
from tui.format.units import format_set
from tui.log_store import Reply
from tui.messages import LogChanged, SetSaved, StoredOtherwise, WorkoutFinished
from tui.screens.log_screen import LogScreen
from tui.screens.takes_typing import NOT_TYPING_FIRST, TakesTyping, typed_character
from tui.screens.too_small import CompactLayout
from tui.screens.workout.exercise_list import ExerciseList
from tui.screens.workout.exercise_panel import ExercisePanel
from tui.screens.workout.plate_hint import plate_hint, plates_for_typed
from tui.screens.workout.session import (
    Change,
    ExerciseName,
    ExerciseNumber,
    TypedSets,
    WorkoutSession,
)
from tui.screens.workout.set_table import SetTable
from tui.screens.workout.warmups import warmup_hint
from tui.widgets.app_header import AppHeader
from tui.widgets.entry_line import EntryLine

ENTRY_HINT = "100x5@8 · +2.5x5 · x6 · Enter repeats · rdl switches exercise"
START_HINT = "bench 100x5 or a name starts a workout · Enter starts the one highlighted"
TYPING_RULE = (
    "Letters, digits and + - x @ always type into the entry line here, wherever the "
    "cursor is: a set or an exercise name is never read as a command. Commands are "
    "Alt+letter (with no Alt key: Escape then the letter; to press them one after the "
    "other, start restday with ESCDELAY=300), #2 or "
    "Alt+2 goes to exercise 2; Escape then the arrows pick a set in the table."
)
REOPEN = "__reopen__"  # the start option that reopens today's finished workout


T = TypeVar("T")


class _FromSession(Generic[T]):
    """A read-only attribute of the screen that is its session's of the same name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, screen: WorkoutScreen | None, owner: type | None = None) -> T:
        return self if screen is None else getattr(screen.session, self.name)


class WorkoutScreen(TakesTyping, CompactLayout, LogScreen):
    CSS_PATH = ["../log_screen.tcss", "workout.tcss"]
    typing_rule = TYPING_RULE
    entry_forms = SET_FORMS
    BINDINGS = [
        Binding("escape", "leave_entry", "Leave field", id="workout.leave"),
        Binding("enter", "focus_entry", "Type a set", id="workout.entry"),
        Binding("alt+p", "pick_exercise", "Exercise", id="workout.pick"),
        Binding("alt+e", "edit_set", "Edit set", id="workout.edit"),
        Binding("alt+d,delete", "delete_set", "Delete set", id="workout.delete"),
        Binding("alt+u", "undo", "Undo", id="workout.undo"),
        Binding("alt+n", "note_set", "Set note", id="workout.note_set"),
        Binding("alt+shift+n", "note_workout", "Workout note", id="workout.note_workout"),
        Binding("alt+shift+f", "finish", "Finish", id="workout.finish"),
        Binding("alt+shift+t", "save_template", "Save as template", id="workout.save_template"),
        Binding("alt+c", "plates", "Plates", id="workout.plates"),  # alt+b reads as ctrl+left
        Binding("alt+k", "warmups", "Warm-ups", id="workout.warmups"),
        Binding(
            "alt+shift+h", "load_per_hand", "Per hand/total", show=False, id="workout.per_hand"
        ),
        Binding("alt+g", "group", "Superset with above", id="workout.group"),
        Binding("ctrl+n", "new_exercise", "New exercise", show=False, id="workout.new_exercise"),
        Binding("up", "switch_exercise(-1)", "Prev exercise", id="workout.prev"),
        Binding("down", "switch_exercise(1)", "Next exercise", id="workout.next"),
        *(
            Binding(
                f"alt+{n}",
                f"exercise_number({n})",
                f"Exercise {n}",
                show=False,
                id=f"workout.exercise_{n}",
            )
            for n in range(1, 10)
        ),
    ]

    # What the session holds, read through the screen.
    workout = _FromSession[Workout | None]()
    template = _FromSession[Template | None]()
    sets = _FromSession[list[SetEntry]]()
    order = _FromSession[list[str]]()
    current = _FromSession[Exercise | None]()
    editing = _FromSession[SetEntry | None]()

    def __init__(self) -> None:
        super().__init__()
        self.session = WorkoutSession()
        self.missing_name = ""  # the exercise last typed that none matched: ctrl+n makes it
        self._noted: str | None = None  # the exercise the message says a name was read as
        self.to_reopen: Workout | None = None  # asked for before the log was read here
        self._behind = False  # the log changed while another mode was on show
        self._start_default: str | None = None  # the start option the list opened on
        self._left = False  # another mode was shown (not a dialog over this screen)

    def history(self, exercise_id: str) -> ExerciseHistory:
        return self.session.history(exercise_id, self.app.store.snapshot)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that can do nothing right now."""
        session = self.session
        started = session.workout is not None
        if action in ("edit_set", "delete_set", "note_set"):
            return started and self.is_mounted and self.query_one(SetTable).row_count > 0
        if action in (
            "finish",
            "note_workout",
            "pick_exercise",
            "focus_entry",
            "plates",
        ):
            return started
        if action == "load_per_hand":
            return session.current is not None
        if action == "group":
            return started and len(session.order) > 1
        if action == "switch_exercise" and not started:
            return True  # the choice of how to start
        if action in ("switch_exercise", "exercise_number"):
            order = session.order
            return len(order) > 1 or (action == "exercise_number" and bool(order))
        if action == "undo":
            return bool(session.undo_stack)
        if action == "new_exercise":  # before a workout too: the line typed then starts one
            return bool(self.missing_name) or started
        if action == "warmups":
            current = session.current
            return current is not None and current.equipment == "barbell"
        if action == "leave_entry":
            return isinstance(self.focused, Input) or session.editing is not None
        return True

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="start"):
            yield Static(id="start-title")
            yield OptionList(id="start-options")
        with Horizontal(id="main"):
            yield ExerciseList(id="exercise-list")
            yield ExercisePanel(id="exercise-panel")
        yield from self.below(EntryLine(self.submit_entry, placeholder=START_HINT, id="entry"))

    def on_mount(self) -> None:
        self.query_one("#start-title", Static).update(
            "No workout in progress: ↑↓ and Enter start one, or type a set (bench 100x5).\n"
            f"{self.key_of('screen.templates')}: make, change or delete templates · "
            f"{self.key_of('workout.save_template')}: today's as one"
        )
        if not self.app.store.ready:  # the first frame comes before the log is read
            self.query_one("#main").display = False
            self.query_one("#start").display = False
        self.watch(self.app, "now", self._follow_day, init=False)

    def load(self) -> None:
        """Read today's workout from the log."""
        self.session.load(self.app.store.snapshot)
        self.refresh_all()
        if self.session.workout is not None:
            self.query_one("#entry").focus()
        if self.to_reopen is not None:
            workout, self.to_reopen = self.to_reopen, None
            self.reopen(workout)

    @on(LogChanged)
    def _follow_unit(self) -> None:
        """Weights in the unit the settings now say (set on the settings screen, or by
        `restday config`): what is shown, and what a typed number means."""
        if not self.app.store.ready:
            return
        settings = self.app.store.snapshot.settings()
        if settings.unit != self.session.unit:
            self.session.settings = settings
            if self.session.current is not None:
                self.refresh_exercise()

    def on_screen_suspend(self) -> None:
        self._left = self not in self.app.screen_stack  # by then the mode is the next one

    def on_screen_resume(self) -> None:
        self._follow_unit()
        if self._behind:
            self._follow_log()
        if self._left and self.session.workout is None and self.session.today is not None:
            self._fill_start_options(keep_choice=False)  # `w` from home: on today's plan
        self._left = False

    def _follow_day(self) -> None:
        """The day turned over (the day's start, 04:00) before a workout was begun: the
        start list is of the new day (its plan; yesterday's workout is not today's)."""
        session, store = self.session, self.app.store
        if session.workout is not None or session.today is None or not store.ready:
            return
        if session.settings.day_of(self.app.now) != session.today:
            self._follow_log()

    @on(LogChanged)
    def _follow_log(self) -> None:
        """The log changed (a save of this screen's, or another process's change): show
        it with this screen's changes still on their way; what is typed, the edit and the
        current exercise stay."""
        store = self.app.store
        if not store.ready or self._stale:  # stale: `LogScreen` shows the log as stored
            return
        if not self.is_current:  # another mode is on show: this one follows once back
            self._behind = True
            return
        self._behind = False
        shown = self.session.workout
        if not self.session.follow(store.snapshot, ours_on_the_way=bool(store.pending)):
            return
        now = self.session.workout
        if shown is not None and (now is None or now.id != shown.id):
            self.show_message("")  # it spoke of a workout another copy finished or replaced
        table = self.query_one(SetTable)
        selected = table.selected_key() if self.focused is table else None
        was_started = self.query_one("#main").display
        self.refresh_all()
        if self.session.workout is not None and not was_started:
            self.set_focus(self.query_one("#entry"))
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected))

    # -- drawing ---------------------------------------------------------------------------

    def refresh_all(self) -> None:
        started = self.session.workout is not None
        listed = self.query_one("#start").display  # the lifter may have moved in it
        self.query_one("#start").display = not started
        self.query_one("#main").display = started
        self.query_one("#entry", Input).placeholder = ENTRY_HINT if started else START_HINT
        if not started:
            self.query_one(AppHeader).subtitle = "Workout: not started"
            self._fill_start_options(keep_choice=listed)
            # At once (not Widget.focus, queued): a reopen right after must take it back.
            # A line typed keeps the focus (the log changed under it: an exercise made).
            if not self.query_one("#entry", Input).value:
                self.set_focus(self.query_one("#start-options"))
            return
        self._refresh_subtitle()
        self.refresh_exercise_list()
        self.refresh_exercise()
        self.refresh_bindings()

    def _refresh_subtitle(self) -> None:
        workout = self.session.workout
        name = workout.name or "Workout"
        if self.session.earlier_day:
            name += f" of {workout.day:%a %-d %b %Y} (reopened)"
        count = len(self.session.sets)
        self.query_one(AppHeader).subtitle = f"{name} · {count} set{'' if count == 1 else 's'}"

    def _fill_start_options(self, keep_choice: bool) -> None:
        """The ways to start, on today's plan; with `keep_choice`, on the one the lifter
        moved to (another copy's change fills the list again under their cursor)."""
        exercises = self.session.exercises
        options = self.query_one("#start-options", OptionList)
        at = options.highlighted
        moved_to = options.get_option_at_index(at).id if keep_choice and at is not None else None
        if moved_to == self._start_default:
            moved_to = None
        options.clear_options()
        options.add_option(Option(Text("Empty workout"), id="empty"))
        highlighted = 0
        for template in self.session.templates:
            names = ", ".join(
                ("+ " if i.with_above else "") + exercises[i.exercise].name
                for i in template.items
                if i.exercise in exercises
            ).replace(", + ", " + ")
            planned = template.id == self.session.planned
            if planned:  # home's plan is of it: Enter starts it
                highlighted = options.option_count
            options.add_option(
                Option(
                    Text.assemble(
                        ("today's plan  " if planned else "", "bold"),  # first: never cut
                        log_text(template.name),
                        "  ",
                        log_text(names, "dim"),
                    ),
                    id=template.id,
                )
            )
        finished = self.session.finished_today
        if finished is not None:
            label = f"Reopen today's {finished.name or 'workout'} to add or change a set"
            options.add_option(Option(log_text(label), id=REOPEN))
        self._start_default = options.get_option_at_index(highlighted).id
        if moved_to is not None and moved_to in {o.id for o in options.options}:
            highlighted = options.get_option_index(moved_to)
        options.highlighted = highlighted

    def refresh_exercise_list(self) -> None:
        self.query_one(ExerciseList).show(self.session, self.key_of("workout.pick"))

    def refresh_exercise(self) -> None:
        session, panel = self.session, self.query_one(ExercisePanel)
        exercise = session.current
        if exercise is None:
            panel.ask_for_exercise(self.key_of("workout.pick"))
            return
        panel.show(
            exercise,
            session.target(exercise.id),
            self.history(exercise.id),
            session.sets_of(exercise.id),
            session.unit,
            session.rest_after(exercise),
            session.unsaved,
            session.plan_item(exercise.id),
            session.stop_floor(exercise.id),
            per_hand=session.settings.per_hand(exercise),
            bodyweight_kg=session.bodyweight_kg,
        )
        table = self.query_one(SetTable)
        if session.editing is not None and session.editing.id in table.rows:
            # ◂ stays on the set being edited, whatever came in
            table.move_cursor(row=table.get_row_index(session.editing.id))
        self._show_next()

    # -- typing ----------------------------------------------------------------------------

    def types(self, key: str) -> bool:
        """Whether `key` (as bound: "h", "plus", "alt+h") types into the entry line here
        rather than being a command: every key that can begin a set or an exercise name
        does, before a workout as during one (a set typed then starts an empty one)."""
        character = typed_character(key)
        return character is not None and character not in NOT_TYPING_FIRST

    def _show_next(self) -> None:
        """What Enter on an empty entry line logs, shown before it is pressed."""
        session = self.session
        exercise = session.current
        last = session.last_set(exercise)
        hint = ENTRY_HINT
        if last is not None:
            verb = "repeats" if session.sets_of(exercise.id) else "logs"
            planned = not session.sets_of(exercise.id) and last == session.planned_set(exercise.id)
            shown = format_set(last, session.unit) + (" (plan)" if planned else "")
            hint = f"Enter {verb} {shown} · {NEXT_EXAMPLES[session.unit][last.kind]}"
        elif exercise is not None and exercise.kind in FIRST_EXAMPLES[session.unit]:
            hint = f"{FIRST_EXAMPLES[session.unit][exercise.kind]} · rdl switches exercise"
        if (warmup := session.warmups.next(session, exercise)) is not None:
            hint = warmup_hint(warmup, self.key_of("workout.warmups"))
        self.query_one("#entry", Input).placeholder = hint
        self._show_plates()

    @on(Input.Changed, "#entry")
    def _show_plates(self) -> None:
        """The plates a side for the barbell load being entered, on the entry line's edge."""
        entry_line = self.query_one("#entry", Input)
        entry_line.border_subtitle = plate_hint(self.session, entry_line.value)

    def action_plates(self) -> None:
        """Ask for any load and show the plates a side for it."""
        from tui.screens.dialogs.prompt import PromptScreen

        plates = self.session.settings.plate_set()
        self.app.push_screen(
            PromptScreen(
                f"Plates for which load ({plates.unit})?",
                check=lambda text: plates_for_typed(text, plates),
                hint=f"Bar and plates: {plates.line()} (settings)",
                enter="Enter shows the plates",
            ),
            lambda said: said is None or self.show_message(said),
        )

    def action_load_per_hand(self) -> None:
        """Switch whether the current exercise's typed load is the weight in each hand or
        the total (`Settings.load_per_hand`): what its volume counts."""
        exercise, before = self.session.current, self.session.settings
        if exercise is None:
            return
        per_hand = not before.per_hand(exercise)
        after = replace(before, load_per_hand={**before.load_per_hand, exercise.id: per_hand})
        self.session.settings = after
        self.save(lambda repo: repo.update_settings(before, after))
        self.refresh_exercise()
        said = "the weight in each hand (volume counts both)" if per_hand else "the total"
        self.show_message(f"{exercise.name}: the load typed is {said}")

    def action_warmups(self) -> None:
        """Offer the warm-up ramp before the current exercise's first working set, or skip
        the one offered."""
        session, exercise = self.session, self.session.current
        if exercise is None:
            return
        session.history(exercise.id, self.app.store.snapshot)  # the set the ramp leads to
        was_offered = session.warmups.next(session, exercise) is not None
        if session.warmups.toggle(session, exercise):
            self.show_message("Warm-ups: Enter logs each, then the working set.")
        elif was_offered:
            self.show_message("Warm-ups skipped: Enter logs the working set.")
        elif any(not s.warmup for s in session.sets_of(exercise.id)):
            self.show_message("Warm-ups come before the first working set.")
        elif session.suggested(exercise) is None:
            self.show_message("No working set to warm up for yet: type one.")
        else:
            self.show_message("No warm-ups under this working set: it is light already.")
        self._show_next()

    # -- starting --------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "start-options":
            self.start(event.option.id)

    def start(self, choice: str | None) -> None:
        if choice == REOPEN:
            self.reopen(self.session.finished_today)
            return
        start = self.app.clock().replace(microsecond=0)
        day = self.app.store.snapshot.day_of(start)
        self.save(self.session.start(choice, start, day))
        self.session.read_plan(self.app.store.snapshot)
        self.session.begin_on_plan()
        self.refresh_all()
        self.set_focus(self.query_one("#entry"))
        name = self.session.workout.name
        self.show_message(f"Started {name or 'a workout'}. Type a set: {ENTRY_HINT}")

    def reopen(self, workout: Workout) -> None:
        """Open a finished workout (today's or an earlier day's) again to add, change or
        delete sets; `f` finishes it again."""
        session = self.session
        if session.today is None:  # not loaded yet (just mounted): once it is
            self.to_reopen = workout
            return
        if session.workout is not None:
            if session.workout.id != workout.id:
                self.show_message(
                    "Finish the workout in progress first (f), then reopen the other one.",
                    error=True,
                )
            return
        self.save(session.reopen(workout, self.app.store.snapshot))
        self.refresh_all()
        self.set_focus(self.query_one("#entry"))
        when = f"of {workout.day:%a %-d %b}" if session.earlier_day else "of today"
        self.show_message(
            f"Reopened the workout {when}: type a set, {self.key_of('workout.edit')} "
            f"(edit), {self.key_of('workout.delete')} (delete); "
            f"{self.key_of('workout.finish')} finishes it."
        )

    # -- the entry line --------------------------------------------------------------------

    def submit_entry(self, entry_line: EntryLine) -> None:
        """Enter in the entry line (called at once, not by message: see `EntryLine`)."""
        try:
            self.enter(entry_line.value)
        except UnknownExercise as exc:
            self.missing_name = exc.query
            self.show_message(f"{exc}; ctrl+n creates it", error=True)
            return
        except (EntryError, ValidationError) as exc:
            self.show_message(str(exc), error=True)
            return
        entry_line.value = ""

    def still_wrong(self, text: str) -> bool:
        try:
            self.session.read_line(text)
        except (EntryError, ValidationError):
            return True
        return self.session.editing is not None

    def enter(self, text: str) -> None:
        """Act on what was typed: a set, a change of exercise, or an edit."""
        if self.session.editing is not None:
            self._finish_edit(text)
            return
        if self.session.workout is None and not text.strip():
            options = self.query_one("#start-options", OptionList)
            self.start(options.get_option_at_index(options.highlighted or 0).id)
            return
        line = self.session.read_line(text)
        if self.session.workout is None and isinstance(line, ExerciseName):
            self.start(None)  # a name typed before a workout: an empty one, on that exercise
        if isinstance(line, ExerciseNumber):
            self.action_exercise_number(line.number)
        elif isinstance(line, ExerciseName):
            self.switch_to_named(line.name)
        else:
            self.log_sets(line)

    def log_sets(self, typed: TypedSets) -> None:
        """Put the sets on screen now, start the rest timer; save them in the background."""
        session, exercise = self.session, typed.exercise
        if session.workout is None:
            self.start(None)
        if exercise is not session.current:
            self.set_current(exercise)
        logged = []
        for _ in range(typed.spec.sets):
            moment = session.set_time(self.app.clock().replace(microsecond=0))
            placed, change = session.log_set(exercise, typed.spec, moment)
            if touches_rest_timer(placed.entry, session.settings, session.today):
                self.app.start_rest(placed.rest)
            again = typed_set(exercise.name, placed.entry, session.unit)
            self.save(change, reply=_stored_set(placed.entry.id), entry=again)
            logged.append(placed.entry)
        following = session.supersets.next_after(session, logged[-1])
        if following is not None:  # a superset's next exercise
            self.set_current(following)
        else:  # Only what changed: rebuilding the table costs a frame and its scroll position.
            self.query_one(SetTable).append(logged, session.unsaved)
            self.query_one(ExercisePanel).show_plan(
                session.plan_item(exercise.id),
                session.stop_floor(exercise.id),
                session.unit,
                session.rest_after(exercise),
            )
            self._show_next()
        self.refresh_exercise_list()
        self._refresh_subtitle()
        self.refresh_bindings()
        said = [f"Logged {len(logged)} sets of {exercise.name}."] if len(logged) > 1 else []
        if following is not None:
            said.append(f"Superset: now {following.name}.")
        if typed.named:
            said.append(f"{typed.named}.")
        if from_bodyweight(logged[-1]):
            said.append(f"{e1rm_said(logged[-1], session.bodyweight_kg, session.unit)}.")
        under = next(filter(None, map(session.under_floor, logged)), None)
        if under is not None:
            said.append(stop_said(exercise.name, *under, session.unit))
        self.show_message(" ".join(said))
        self._noted = exercise.id if typed.named else None

    @on(SetSaved)
    def _take_stored_set(self, message: SetSaved) -> None:
        """The log saved the set (it is on disk) and numbered it under its lock: take its
        number, rest and day, and stop showing it as not yet saved."""
        if self.session.take_stored(message.entry):
            self.refresh_exercise()  # in its place among another process's sets
        self.query_one(SetTable).mark_saved(message.entry.id)

    # -- changing exercise -----------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        super().show_message(text, error=error)
        self._noted = None

    def set_current(self, exercise: Exercise) -> None:
        if self._noted not in (None, exercise.id):  # what a name was read as: not this one
            self.show_message("")
        self.session.go_to(exercise)
        self.refresh_exercise_list()
        self.refresh_exercise()

    def switch_to_named(self, name: str) -> None:
        try:
            resolved = self.session.resolve(name)
        except AmbiguousExercise:
            self.action_pick_exercise(name)
            return
        self.set_current(resolved.exercise)
        named = f" {note}." if (note := resolved.note()) else ""
        self.show_message(f"{resolved.exercise.name}: type a set, e.g. 100x5@8.{named}")
        self._noted = resolved.exercise.id if named else None

    def action_switch_exercise(self, step: int) -> None:
        if self.session.workout is None:
            options = self.query_one("#start-options", OptionList)
            highlighted = (options.highlighted or 0) + step
            options.highlighted = max(0, min(options.option_count - 1, highlighted))
            return
        exercise = self.session.step(step)
        if exercise is not None:
            self.set_current(exercise)

    def action_group(self) -> None:
        """Superset the current exercise with the one above it in the list, or take it out."""
        session, exercise = self.session, self.session.current
        if exercise is None:
            return
        regrouped = session.group_with_above(exercise)
        if regrouped is None:
            self.show_message("The first exercise has none above to superset with.", error=True)
            return
        grouped, change = regrouped
        self.save_change(change)
        above = session.exercises[session.order[session.order.index(exercise.id) - 1]]
        self.refresh_exercise_list()
        self.refresh_exercise()  # what follows a set of it: the rest, or the next exercise
        if grouped:
            self.show_message(f"{exercise.name} is a superset with {above.name}: a set moves on.")
        else:
            self.show_message(f"{exercise.name} is no longer a superset with {above.name}.")

    def action_exercise_number(self, number: int) -> None:
        exercise = self.session.numbered(number)
        if exercise is not None:
            self.set_current(exercise)
            self.set_focus(self.query_one("#entry"))

    def action_pick_exercise(self, query: str = "") -> None:
        from tui.screens.dialogs.exercise_picker import ExercisePickerScreen

        def picked(exercise: Exercise | None) -> None:
            if exercise is not None:
                self.set_current(exercise)
            self.set_focus(self.query_one("#entry"))

        exercises = list(self.session.exercises.values())
        self.app.push_screen(ExercisePickerScreen(exercises, query), picked)

    def action_new_exercise(self) -> None:
        """Make a new exercise, named as the one typed that no exercise matched."""
        from tui.screens.dialogs.new_exercise import NewExerciseScreen

        def created(exercise: Exercise | None) -> None:
            if exercise is not None:
                if self.session.workout is None:  # Enter on the line typed starts one with it
                    self.session.know(exercise)
                else:
                    self.set_current(exercise)
                typed = self.query_one("#entry", Input).value.strip()
                then = "Enter logs the line typed" if typed else "type a set, e.g. 100x5@8"
                self.show_message(f"Created {exercise.name}: {then}.")
            self.set_focus(self.query_one("#entry"))

        self.app.push_screen(NewExerciseScreen(self.missing_name.title()), created)

    def on_data_table_row_selected(self) -> None:
        self.set_focus(self.query_one("#entry"))

    # -- focus -----------------------------------------------------------------------------

    # Keys move the focus at once (Screen.set_focus), not after the keys already typed
    # behind them (Widget.focus): "i" then a set typed ahead goes into the line.
    def action_focus_entry(self) -> None:
        self.set_focus(self.query_one("#entry"))

    def action_leave_entry(self) -> None:
        if self.session.editing is not None:
            self.session.editing = None
            self.query_one("#entry", Input).value = ""
            self.show_message("Edit cancelled.")
        if isinstance(self.focused, Input):
            started = self.session.workout is not None
            self.set_focus(self.query_one(SetTable if started else "#start-options"))

    # -- editing, deleting, notes, undo ----------------------------------------------------

    def save_change(self, change: Change) -> None:
        """Save a change to a stored workout or set; if another copy's changes were merged
        with it, show today's workout as stored."""
        shown = self.session.as_shown()
        self.save(change, reply=lambda repo: None if shown(repo) else StoredOtherwise())

    def selected_set(self) -> SetEntry | None:
        key = self.query_one(SetTable).selected_key()
        return None if key is None else self.session.set_by_id(key)

    def action_edit_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        entry_line = self.query_one("#entry", Input)
        entry_line.value = self.session.begin_edit(entry)
        self.set_focus(entry_line)
        entry_line.select_all()  # as on focus from the table, when it had the focus already
        self.show_message("Editing the set: change it and press Enter; Escape cancels.")

    def _finish_edit(self, text: str) -> None:
        self.save_change(self.session.finish_edit(text))
        self.refresh_all()
        self.show_message(f"Set changed ({self.key_of('workout.undo')} undoes).")

    def action_delete_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        self.save_change(self.session.delete(entry))
        self.refresh_all()
        self.show_message(
            f"Deleted {format_set(entry, self.session.unit)} "
            f"({self.key_of('workout.undo')} undoes)."
        )

    def action_undo(self) -> None:
        undo = self.session.undo()
        if undo is None:  # `u` is disabled then; a remapped key may still get here
            return
        self.save_change(undo.in_log)
        self.refresh_all()
        self.show_message(f"Undone: {undo.what}.")

    def action_note_set(self) -> None:
        entry = self.selected_set()
        if entry is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is not None:
                self.save_change(self.session.note_set(entry, text))
                self.refresh_all()

        self.app.push_screen(PromptScreen("Note on this set", entry.notes), noted)

    def action_note_workout(self) -> None:
        workout = self.session.workout
        if workout is None:
            return
        from tui.screens.dialogs.prompt import PromptScreen

        def noted(text: str | None) -> None:
            if text is not None:
                self.save_change(self.session.note_workout(workout, text))
                self.show_message("Noted on today's workout.")

        self.app.push_screen(PromptScreen("Note on today's workout", workout.notes), noted)

    # -- finishing and templates -----------------------------------------------------------

    def action_finish(self) -> None:
        workout = self.session.workout
        if workout is None:
            return
        from tui.screens.workout.finish import Finish, FinishWorkoutScreen

        def finished(result: Finish | None) -> None:
            if result is None:
                return
            end = self.session.finish_time(self.app.clock().replace(microsecond=0))
            change = self.session.finish(workout, result.session_rpe, result.notes, end)
            self.save(change, reply=_finished(workout.id))
            self.query_one("#entry", Input).value = ""  # a line not entered goes with it
            self.app.start_rest(None)  # the finish ends it in the log too (`update_workout`)
            self.refresh_all()
            self.show_message("Finishing the workout…")

        what = "today's workout"
        if self.session.earlier_day:
            what = f"the workout of {workout.day:%a %-d %b}"
        self.app.push_screen(
            FinishWorkoutScreen(workout.notes, workout.session_rpe, what, workout.id), finished
        )

    @on(WorkoutFinished)
    def _say_finished(self, message: WorkoutFinished) -> None:
        """What the finished workout holds, by the log: every set logged to it counts."""
        done = message.summary
        minutes = round(done.duration_min or 0)
        self.show_message(
            f"Workout finished: {done.working_sets} working "
            f"set{'' if done.working_sets == 1 else 's'} in {minutes} min, "
            f"session RPE {done.session_rpe}."
        )

    def action_save_template(self) -> None:
        """Make a template of today's workout in progress or, with none, of the last one
        finished today; with neither (or only warm-ups), say so."""
        from storage.model.template_names import unique_template_name
        from tui.screens.dialogs.prompt import PromptScreen

        chosen = self._workout_for_template()
        if chosen is None:
            return
        what, workout, sets = chosen

        def named(name: str | None) -> None:
            if not name:
                self.show_message("No template made.")
                return
            name = unique_template_name(name, self.session.templates)
            self.save(self.session.save_template(name, sets))
            if self.session.workout is None:
                self.refresh_all()  # the start screen offers it
            self.show_message(f"{what.capitalize()} made into the template {name!r}.")

        self.app.push_screen(PromptScreen(f"Template name ({what})", workout.name), named)

    def _workout_for_template(self) -> tuple[str, Workout, list[SetEntry]] | None:
        """What `T` makes a template of, or None having said why there is nothing."""
        session = self.session
        if session.workout is not None:
            if plan_of_sets(session.sets):
                return "today's workout", session.workout, session.sets
            self.show_message(
                f"Nothing to save as a template yet: {NOTHING_TO_PLAN}. Log a set first.",
                error=True,
            )
            return None
        workout = session.finished_today
        if workout is None:
            self.show_message(
                "No workout to save as a template: start one and log sets, or press T on "
                "a session in history (y).",
                error=True,
            )
            return None
        sets = self.app.store.snapshot.sets(workout=workout.id)
        if not plan_of_sets(sets):
            self.show_message(
                f"Today's finished workout has {NOTHING_TO_PLAN}: no template to make.",
                error=True,
            )
            return None
        return "today's finished workout", workout, sets


def _finished(workout_id: str) -> Reply:
    """The reply to a finish: the workout as the log holds it then."""

    def reply(repo: LogReader) -> WorkoutFinished | None:
        summary = session_summary(repo, workout_id)
        return None if summary is None else WorkoutFinished(summary)

    return reply


def _stored_set(set_id: str) -> Reply:
    """The reply to a set's save: the set as the log stored it."""

    def reply(repo: LogReader) -> SetSaved | None:
        stored = repo.set_entry(set_id)
        return None if stored is None else SetSaved(stored)

    return reply
