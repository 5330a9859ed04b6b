"""The page "Jämför svar" and the status overview on Mina anteckningar,
rendered from ``macros/compare/templates/``."""
from __future__ import annotations

from markupsafe import Markup

from macros.compare import STYLESHEET
from macros.compare.status import process_tasks
from macros.data.catalog import Catalog
from macros.data.question_index import index_json, script_json
from macros.render import Renderer


def compare(renderer: Renderer, catalog: Catalog, titles: dict[str, str]) -> str:
    """Files in, answers side by side (compare.js), with the question index,
    and the register that takes a party's note as an input (the first with
    ``notes``: Återkoppling), with its page."""
    feedback = next((r for r in catalog.registers.values() if r.notes), None)
    return renderer.render("compare/compare.html.j2",
                           index_json=index_json(catalog, titles, renderer.context.page_url),
                           feedback=feedback and {"id": feedback.id, "title": feedback.title,
                                                  "url": renderer.context.page_url(feedback.page)},
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def status(renderer: Renderer, catalog: Catalog) -> str:
    """Each process's steps as a task list, filled in by status.js, after
    what else the workspace holds (``saved``)."""
    return renderer.render("compare/status.html.j2",
                           processes=process_tasks(catalog, renderer.context.page_url),
                           saved=saved(renderer, catalog),
                           css=renderer.stylesheet(STYLESHEET), gloss=False)


def saved(renderer: Renderer, catalog: Catalog) -> Markup:
    """What the workspace holds besides ticks and notes, filled in by
    status.js: the party, the planned dates (each process's milestones by
    title) and the templates' drafts (each template's title and page)."""
    url = renderer.context.page_url
    names = {
        "processes": [{"id": p.id, "title": p.title, "url": url(p.page),
                       "milestones": {m.id: m.title for s in p.steps for m in s.milestones}}
                      for p in catalog.processes.values()],
        "documents": [{"id": d.id, "title": d.title, "url": url(f"mallar/{d.id}.md")}
                      for d in catalog.documents.values()],
    }
    return Markup(renderer.render("compare/saved.html.j2", names_json=script_json(names), gloss=False))
