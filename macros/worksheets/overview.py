"""The "Mina anteckningar" page: the index of every question, embedded as JSON.

Notes are stored in the reader's browser under question ids. The overview page
needs the current list of questions to group the notes by chapter, link back
to each question and tell live notes from orphaned ones (notes whose question
was removed or renamed). This module builds that index; the script
``overrides/assets/javascripts/worksheets.js`` reads it.
"""
from __future__ import annotations

import json
from typing import Callable

from markupsafe import Markup

from macros.data.catalog import Catalog
from macros.render import Renderer

INDEX_VERSION = 1


def question_index(catalog: Catalog, page_titles: dict[str, str],
                   page_url: Callable[[str], str]) -> list[dict[str, str]]:
    """One entry per question, chapters in navigation order, data order within."""
    order = {path: i for i, path in enumerate(page_titles)}
    rows = []
    for home in catalog.question_homes():
        path = home.page.split("#", 1)[0]
        rows.append((order.get(path, len(order)), {
            "id": home.question.id,
            "text": home.question.text,
            "list": home.owner_title,
            "step": home.step_title or "",
            "chapter": page_titles.get(path, home.owner_title),
            "url": page_url(f"{path}#q-{home.question.id}"),
        }))
    rows.sort(key=lambda row: row[0])  # stable: keeps data order within a chapter
    return [row for _, row in rows]


def script_json(value) -> Markup:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def notes_overview(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str]) -> str:
    """The overview's placeholder markup and the question index."""
    index = {"version": INDEX_VERSION,
             "questions": question_index(catalog, page_titles, renderer.context.page_url)}
    return renderer.render("worksheets/notes_overview.html.j2", index_json=script_json(index))
