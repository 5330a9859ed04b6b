"""A process drawn as a timeline, its planner, its questions phase by phase
and the "Var är vi nu?" marker, from the templates in
``macros/timeline/templates/``.

The arithmetic is in :mod:`macros.timeline.placement`; the ladder is drawn by
:mod:`macros.timeline.ladder`; each question by :mod:`macros.worksheets.render`.
"""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.render import Renderer
from macros.timeline import NOW_STYLESHEET, STYLESHEET
from macros.timeline.placement import noun, place, time_text, total_text
from macros.worksheets.render import render_lists


def _render(renderer: Renderer, template: str, **values) -> str:
    return renderer.render(template, css=renderer.stylesheet(STYLESHEET), **values)


def timeline(renderer: Renderer, catalog: Catalog, process_id: str, compact: bool = False,
             level: int = 3) -> str:
    """A process as a timeline: an ordered list of its steps with a "Vi är här" marker."""
    process = catalog.process(process_id)
    placed = place(process)
    one, the = noun(process)
    return _render(renderer, "timeline/timeline.html.j2", placed=placed, process=process,
                   compact=compact, level=level, one=one, the=the,
                   total=len(process.steps), time_text=time_text)


def phase_questions(renderer: Renderer, catalog: Catalog, process_id: str, level: int = 3) -> str:
    """The questions of each step of a process, under one heading per step."""
    process = catalog.process(process_id)
    placed = place(process)
    total = sum(len(s.questions) for s in process.steps)
    return render_lists(renderer, "timeline/timeline_questions.md.j2",
                        css=renderer.stylesheet(STYLESHEET), placed=placed, process=process,
                        level=level, total=total, one=noun(process)[0])


def planner(renderer: Renderer, catalog: Catalog, process_id: str, target: str | None = None) -> str:
    """Start date (and target date for a milestone) in, indicative dates and .ics out."""
    process = catalog.process(process_id)
    placed = place(process)
    if not placed.dated:
        missing = ", ".join(s.step.id for s in placed.steps if s.step.duration is None and not s.endless)
        raise ValueError(f"timeline_planner({process_id!r}): every step needs a duration "
                         "(or open_ended or repeat) "
                         f"in data/processes/{process_id}.yml to plan dates; missing in: {missing}")
    target_step = target_milestone = None
    if target:
        target_step, target_milestone = placed.milestone(target)
    return _render(renderer, "timeline/timeline_planner.html.j2", placed=placed, process=process,
                   target_step=target_step, target_milestone=target_milestone,
                   typical_total=total_text(placed, target), time_text=time_text)


def current_phase(renderer: Renderer, catalog: Catalog, process_id: str, clear: bool = False) -> str:
    """A short line saying which step the reader has marked as "Vi är här"."""
    process = catalog.process(process_id)
    placed = place(process)
    steps = [[s.step.id, s.step.title, s.anchor] for s in placed.steps]
    return renderer.render("timeline/timeline_now.html.j2", css=renderer.stylesheet(NOW_STYLESHEET),
                           process=process, steps=steps, one=noun(process)[0], clear=clear)
