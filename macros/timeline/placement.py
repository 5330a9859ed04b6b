"""Where each step and milestone of a process falls in time.

The timelines are drawn by :mod:`macros.timeline.render`, their
markup in ``macros/timeline/templates/``.
What can be worked out at build time is: each step's typical duration turns
into offsets from the start of the process, as whole months plus days
(``from`` and ``to``), and each milestone gets a place inside its step as a
fraction (``at``): the milestones of a step are spread evenly over it and the
last one falls on the step's end. The browser (``timeline.js``) only adds
those offsets to the reader's start date and writes the dates out.

A step marked ``open_ended`` starts and has no end (the Genomförandefas): the
steps after it run alongside it, from its start. A step that repeats yearly
(follow-up) falls a year after its start and then once a year. The months
in the data are the handbook's example, not a norm: the sources give only
the whole, about two years to the signing.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from macros.data.schema import Duration, Milestone, Process, Step


@dataclass(frozen=True, order=True)
class Offset:
    """A distance from the start of a process: whole months, then days."""

    months: int = 0
    days: int = 0

    def plus(self, duration: Duration) -> "Offset":
        return Offset(self.months + duration.months,
                      self.days + 7 * duration.weeks + duration.days)

    def attr(self) -> str:
        """The form used in data attributes: ``"<months>:<days>"``."""
        return f"{self.months}:{self.days}"


@dataclass(frozen=True)
class PlacedMilestone:
    milestone: Milestone
    at: Fraction  # where in its step, 0 < at <= 1
    anchor: str

    @property
    def at_attr(self) -> str:
        return format(float(self.at), ".6g")


@dataclass(frozen=True)
class PlacedStep:
    number: int
    step: Step
    start: Offset | None  # None when an earlier step has no duration
    end: Offset | None  # None also for a step without an end (open or yearly)
    milestones: tuple[PlacedMilestone, ...]
    anchor: str  # the id of the step's item in the timeline
    questions_anchor: str  # where the step's questions are shown on the process page

    @property
    def endless(self) -> bool:
        """True for a step that has no end by design: open-ended or yearly."""
        return self.step.open_ended or self.step.repeat is not None


@dataclass(frozen=True)
class Placed:
    """A process with every step and milestone placed in time (when it can be)."""

    process: Process
    steps: tuple[PlacedStep, ...]

    @property
    def dated(self) -> bool:
        """True when every step can be placed in time, so dates can be planned."""
        return all(s.start is not None and (s.end is not None or s.endless) for s in self.steps)

    def milestone(self, milestone_id: str) -> tuple[PlacedStep, PlacedMilestone]:
        for placed in self.steps:
            for m in placed.milestones:
                if m.milestone.id == milestone_id:
                    return placed, m
        known = ", ".join(m.milestone.id for s in self.steps for m in s.milestones) or "none"
        raise KeyError(f"the process {self.process.id!r} has no milestone {milestone_id!r}; "
                       f"known milestones: {known}")


def step_anchor(process: Process, step: Step) -> str:
    return f"tl-{process.id}-{step.id}"


def questions_anchor(process: Process, step: Step) -> str:
    """The heading id of a step's questions: the same for worksheets and phases."""
    return f"{process.id}-{step.id}"


def milestone_fractions(count: int) -> list[Fraction]:
    """Spread ``count`` milestones evenly over a step; the last is at its end."""
    return [Fraction(i, count) for i in range(1, count + 1)]


YEAR = Duration(months=12)


def place(process: Process) -> Placed:
    """Work out offsets for every step and milestone of ``process``."""
    placed = []
    cursor: Offset | None = Offset()
    for number, step in enumerate(process.steps, start=1):
        start = cursor
        if step.repeat and start is not None:
            start = start.plus(YEAR)  # the first time, a year in
        end = start.plus(step.duration) if start is not None and step.duration else None
        milestones = tuple(
            PlacedMilestone(m, at, f"{step_anchor(process, step)}-{m.id}")
            for m, at in zip(step.milestones, milestone_fractions(len(step.milestones))))
        placed.append(PlacedStep(number, step, start, end, milestones,
                                 step_anchor(process, step), questions_anchor(process, step)))
        if not (step.open_ended or step.repeat):
            cursor = end  # an endless step leaves the cursor at its start
    return Placed(process, tuple(placed))


_UNITS = {"months": ("månad", "månader"), "weeks": ("vecka", "veckor"), "days": ("dag", "dagar")}


def time_text(step: Step) -> str:
    """What the timeline and planner say about a step's length."""
    if step.open_ended:
        return "inget slut"
    if step.repeat == "yearly":
        return "en gång om året"
    return duration_text(step.duration)


def duration_text(duration: Duration | None) -> str:
    """A duration in Swedish words: "ca 4 månader", "ca 1 månad och 2 veckor"."""
    if duration is None:
        return ""
    parts = []
    for unit, (one, many) in _UNITS.items():
        value = getattr(duration, unit)
        if value:
            parts.append(f"{value} {one if value == 1 else many}")
    if not parts:
        return ""
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"ca {words}"


def total_text(placed: Placed, until: str | None = None) -> str:
    """The typical total time, up to and including the step holding ``until``."""
    months = weeks = days = 0
    for s in placed.steps:
        if s.step.duration is None:
            return ""
        months += s.step.duration.months
        weeks += s.step.duration.weeks
        days += s.step.duration.days
        if until and any(m.milestone.id == until for m in s.milestones):
            break
    return duration_text(Duration(months, weeks, days))


def noun(process: Process) -> tuple[str, str]:
    """How to name one step of this process: ("fas", "fasen") or ("steg", "steget")."""
    return ("fas", "fasen") if process.kind == "phases" else ("steg", "steget")
