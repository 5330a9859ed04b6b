"""The timeline macros: a process drawn as a timeline, its planner, its
questions phase by phase, the "Var är vi nu?" marker and the ladder.

The arithmetic is in :mod:`macros.timeline.placement`; the markup in
``macros/timeline/templates/``.
"""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.render import Renderer
from macros.timeline import STYLESHEET
from macros.timeline.ladder import render_ladder
from macros.timeline.placement import noun, place, time_text, total_text


class TimelineMacros:
    """The macros of this module, bound to one page's renderer."""

    def __init__(self, catalog: Catalog, renderer: Renderer) -> None:
        self.catalog = catalog
        self.renderer = renderer

    def _render(self, template: str, **values) -> str:
        return self.renderer.render(template, css=self.renderer.stylesheet(STYLESHEET), **values)

    def timeline(self, process_id: str, compact: bool = False, level: int = 3) -> str:
        process = self.catalog.process(process_id)
        placed = place(process)
        one, the = noun(process)
        return self._render("timeline/timeline.html.j2", placed=placed, process=process,
                            compact=compact, level=level, one=one, the=the,
                            total=len(process.steps), time_text=time_text)

    def phase_questions(self, process_id: str, level: int = 3) -> str:
        process = self.catalog.process(process_id)
        placed = place(process)
        total = sum(len(s.questions) for s in process.steps)
        return self._render("timeline/timeline_questions.md.j2", placed=placed, process=process,
                            level=level, total=total, one=noun(process)[0])

    def planner(self, process_id: str, target: str | None = None) -> str:
        process = self.catalog.process(process_id)
        placed = place(process)
        if not placed.dated:
            missing = ", ".join(s.step.id for s in placed.steps if s.step.duration is None and not s.endless)
            raise ValueError(f"timeline_planner({process_id!r}): every step needs a duration "
                             "(or open_ended or repeat) "
                             f"in data/processes/{process_id}.yml to plan dates; missing in: {missing}")
        target_step = target_milestone = None
        if target:
            target_step, target_milestone = placed.milestone(target)
        return self._render("timeline/timeline_planner.html.j2", placed=placed, process=process,
                            target_step=target_step, target_milestone=target_milestone,
                            typical_total=total_text(placed, target), time_text=time_text)

    def current_phase(self, process_id: str, clear: bool = False) -> str:
        process = self.catalog.process(process_id)
        placed = place(process)
        steps = [[s.step.id, s.step.title, s.anchor] for s in placed.steps]
        return self._render("timeline/timeline_now.html.j2", process=process, steps=steps,
                            one=noun(process)[0], clear=clear)


def register(env, catalog: Catalog, renderer) -> None:
    """Register the timeline macros; ``renderer`` makes a Renderer for the current page."""

    def macros() -> TimelineMacros:
        return TimelineMacros(catalog, renderer())

    @env.macro
    def timeline(process_id: str, compact: bool = False, level: int = 3) -> str:
        """A process as a timeline: an ordered list of its steps with a "Vi är här" marker."""
        return macros().timeline(process_id, compact=compact, level=level)

    @env.macro
    def phase_questions(process_id: str, level: int = 3) -> str:
        """The questions of each step of a process, under one heading per step."""
        return macros().phase_questions(process_id, level=level)

    @env.macro
    def timeline_planner(process_id: str, target: str | None = None) -> str:
        """Start date (and target date for a milestone) in, indicative dates and .ics out."""
        return macros().planner(process_id, target=target)

    @env.macro
    def current_phase(process_id: str, clear: bool = False) -> str:
        """A short line saying which step the reader has marked as "Vi är här"."""
        return macros().current_phase(process_id, clear=clear)

    @env.macro
    def ladder(choose: bool = False, step: str | None = None) -> str:
        """The involvement ladder; with choose=True the reader picks a level."""
        return render_ladder(renderer(), catalog, choose=choose, step=step)
