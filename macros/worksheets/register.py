"""Register the worksheet macros with mkdocs-macros: worksheets, question
lists, the question bank, the booklet, the notes overview and links to files
that a later build step adds (the PDFs)."""
from __future__ import annotations

from markupsafe import escape

from macros.data.catalog import Catalog
from macros.render import RendererFactory
from macros.worksheets import render


def register(env, catalog: Catalog, renderer: RendererFactory, titles: dict[str, str]) -> None:
    """``renderer`` makes a Renderer for the page being built; ``titles`` are
    the chapters' titles in navigation order."""

    @env.macro
    def worksheet(process_id: str, level: int = 2) -> str:
        """All steps of a process with guidance and questions to tick and note."""
        return render.worksheet(renderer(), catalog.process(process_id), level=level)

    @env.macro
    def questions(list_id: str) -> str:
        """One chapter's list of questions to ask."""
        return render.questions(renderer(), catalog.question_list(list_id))

    @env.macro
    def question_bank(level: int = 2) -> str:
        """Every question in the data, grouped by chapter in navigation order."""
        return render.question_bank(renderer(), catalog, titles, level=level)

    @env.macro
    def booklet() -> str:
        """Every worksheet and checklist, in the order of the menu (the booklet)."""
        return render.booklet(renderer(), catalog, titles)

    @env.macro
    def file_url(path: str) -> str:
        """The address of a file that a later step adds to the site (the PDFs),
        relative to this page, for directory and file URLs alike."""
        return str(escape(renderer().context.page_url(path)))

    @env.macro
    def notes_overview() -> str:
        """The "Mina anteckningar" page: saved notes by chapter (drawn by worksheets.js)."""
        return render.notes_overview(renderer(), catalog, titles)
