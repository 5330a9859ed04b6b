"""The page "Jämför svar" and the status overview on Mina anteckningar,
rendered from ``macros/compare/templates/``."""
from __future__ import annotations

from macros.compare import STYLESHEET
from macros.compare.status import process_tasks
from macros.data.catalog import Catalog
from macros.data.question_index import index_json
from macros.render import Renderer


def compare(renderer: Renderer, catalog: Catalog, titles: dict[str, str]) -> str:
    """Files in, answers side by side (compare.js), with the question index."""
    return renderer.render("compare/compare.html.j2",
                           index_json=index_json(catalog, titles, renderer.context.page_url),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def status(renderer: Renderer, catalog: Catalog) -> str:
    """Each process's steps as a task list, filled in by status.js."""
    return renderer.render("compare/status.html.j2",
                           processes=process_tasks(catalog, renderer.context.page_url),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)
