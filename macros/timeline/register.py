"""Register the timeline macros with mkdocs-macros: a process drawn as a
timeline, its planner, its questions phase by phase, the "Var är vi nu?"
marker and the ladder. Each calls :mod:`macros.timeline.render` (the ladder
:mod:`macros.timeline.ladder`) with the page's renderer.
"""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.render import RendererFactory
from macros.timeline import render
from macros.timeline.ladder import render_ladder


def register(env, catalog: Catalog, renderer: RendererFactory) -> None:
    """``renderer`` makes a Renderer for the page being built."""

    @env.macro
    def timeline(process_id: str, compact: bool = False, level: int = 3) -> str:
        """A process as a timeline: an ordered list of its steps with a "Vi är här" marker."""
        return render.timeline(renderer(), catalog, process_id, compact=compact, level=level)

    @env.macro
    def phase_questions(process_id: str, level: int = 3) -> str:
        """The questions of each step of a process, under one heading per step."""
        return render.phase_questions(renderer(), catalog, process_id, level=level)

    @env.macro
    def timeline_planner(process_id: str, target: str | None = None) -> str:
        """Start date (and target date for a milestone) in, indicative dates and .ics out."""
        return render.planner(renderer(), catalog, process_id, target=target)

    @env.macro
    def current_phase(process_id: str, clear: bool = False) -> str:
        """A short line saying which step the reader has marked as "Vi är här"."""
        return render.current_phase(renderer(), catalog, process_id, clear=clear)

    @env.macro
    def ladder(choose: bool = False, step: str | None = None) -> str:
        """The involvement ladder; with choose=True the reader picks a level."""
        return render_ladder(renderer(), catalog, choose=choose, step=step)
