"""Register the macros of the compare feature: ``compare_answers()`` for the
page "Jämför svar" and ``process_status()`` for the overview on Mina
anteckningar. Both pages get their script from worksheets.js, which loads
compare.js and status.js from beside itself where the page has their mark."""
from __future__ import annotations

from collections.abc import Callable

from macros.compare.status import process_tasks
from macros.data.catalog import Catalog
from macros.render import Renderer
from macros.worksheets.overview import INDEX_VERSION, question_index, script_json

STYLESHEET = "assets/stylesheets/compare.css"  # only these two pages load it
NOTES_PAGE = "verktyg/mina-anteckningar.md"
COMPARE_PAGE = "verktyg/jamfor-svar.md"


def render_compare(renderer: Renderer, catalog: Catalog, titles: dict[str, str]) -> str:
    index = {"version": INDEX_VERSION,
             "questions": question_index(catalog, titles, renderer.context.page_url)}
    return renderer.render("compare/compare.html.j2", index_json=script_json(index),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def render_status(renderer: Renderer, catalog: Catalog) -> str:
    return renderer.render("compare/status.html.j2",
                           processes=process_tasks(catalog, renderer.context.page_url),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def register(env, catalog: Catalog, renderer: Callable[[], Renderer], titles: dict[str, str]) -> None:
    @env.macro
    def compare_answers() -> str:
        """The page "Jämför svar": files in, answers side by side (compare.js)."""
        return render_compare(renderer(), catalog, titles)

    @env.macro
    def process_status() -> str:
        """Where the whole process stands: each step's status (status.js)."""
        return render_status(renderer(), catalog)
