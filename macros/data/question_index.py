"""The index of every question, embedded as JSON in the pages that read
notes: "Mina anteckningar" (worksheets.js) and "Jämför svar" (compare.js).

Notes are stored in the reader's browser under question ids. Those pages
need the current list of questions to group the notes by chapter, link back
to each question and tell live notes from orphaned ones (notes whose question
was removed or renamed). This module builds that index, version
``INDEX_VERSION`` of its shape.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from markupsafe import Markup

from macros.data.catalog import Catalog
from macros.navigation import by_menu

INDEX_VERSION = 1


def question_index(catalog: Catalog, page_titles: dict[str, str],
                   page_url: Callable[[str], str]) -> list[dict[str, str]]:
    """One entry per question, chapters in navigation order, data order within."""
    rows = []
    for home in by_menu(catalog.question_homes(), page_titles, page=lambda home: home.page):
        path = home.page.split("#", 1)[0]
        rows.append({
            "id": home.question.id,
            "text": home.question.text,
            "list": home.owner_title,
            "step": home.step_title or "",
            "chapter": page_titles.get(path, home.owner_title),
            "url": page_url(f"{path}#q-{home.question.id}"),
        })
    return rows


def index_json(catalog: Catalog, page_titles: dict[str, str], page_url: Callable[[str], str]) -> Markup:
    """The whole index, versioned, as JSON for a ``<script type="application/json">``."""
    return script_json({"version": INDEX_VERSION,
                        "questions": question_index(catalog, page_titles, page_url)})


def script_json(value) -> Markup:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
