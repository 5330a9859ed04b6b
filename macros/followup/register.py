"""Register the follow-up macros with mkdocs-macros:
``{{ yearly_review("uppfoljning") }}`` on Årlig uppföljning and
``{{ feedback_report("aterkoppling") }}`` on Återkoppling."""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.followup import render
from macros.render import RendererFactory


def register(env, catalog: Catalog, renderer: RendererFactory) -> None:
    """``renderer`` makes a Renderer for the page being built."""

    @env.macro
    def yearly_review(register_id: str) -> str:
        """The yearly review: the commitments with their status, the
        questions per commitment and on the whole, the year, the reports
        and the calendar."""
        return render.yearly_review(renderer(), catalog, catalog.register(register_id))

    @env.macro
    def feedback_report(register_id: str) -> str:
        """The feedback register's reports: for the participants, and a
        table for decision makers; each as Word, print and copy."""
        return render.feedback_report(renderer(), catalog.register(register_id))
