"""The page "Jämför svar" and the status overview on Mina anteckningar,
rendered from ``macros/compare/templates/``."""
from __future__ import annotations

from macros.compare.status import process_tasks
from macros.data.catalog import Catalog
from macros.render import Renderer
from macros.worksheets.overview import INDEX_VERSION, question_index, script_json

STYLESHEET = "assets/stylesheets/compare.css"  # only these two pages load it


def compare(renderer: Renderer, catalog: Catalog, titles: dict[str, str]) -> str:
    """Files in, answers side by side (compare.js), with the question index."""
    index = {"version": INDEX_VERSION,
             "questions": question_index(catalog, titles, renderer.context.page_url)}
    return renderer.render("compare/compare.html.j2", index_json=script_json(index),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def status(renderer: Renderer, catalog: Catalog) -> str:
    """Each process's steps as a task list, filled in by status.js."""
    return renderer.render("compare/status.html.j2",
                           processes=process_tasks(catalog, renderer.context.page_url),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)
