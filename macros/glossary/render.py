"""The glossary page, rendered from ``macros/glossary/templates/``."""
from __future__ import annotations

from macros.data.schema import Glossary
from macros.render import Renderer


def glossary_page(renderer: Renderer, glossary: Glossary) -> str:
    """The glossary as a definition list, sorted by term."""
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    # The definitions themselves are left unmarked: no tooltips within the glossary.
    return renderer.render("glossary/glossary.md.j2", gloss=False, terms=terms)
