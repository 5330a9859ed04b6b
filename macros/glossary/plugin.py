"""Register the glossary: the page of terms, and every term as an
abbreviation (a tooltip) on every page."""
from __future__ import annotations

from collections.abc import Callable

from macros.data.schema import Glossary
from macros.glossary.focus import TermsOncePerSection
from macros.glossary.terms import abbreviations
from macros.render import Renderer


def glossary_page(renderer: Renderer, glossary: Glossary) -> str:
    """The glossary as a definition list, sorted by term."""
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    # The definitions themselves are left unmarked: no tooltips within the glossary.
    return renderer.render("glossary/glossary.md.j2", gloss=False, terms=terms)


def register(env, terms: Glossary, renderer: Callable[[], Renderer]) -> None:
    """The ``glossary()`` macro, and the terms as the abbr extension's glossary."""

    @env.macro
    def glossary() -> str:
        """The glossary as a definition list."""
        return glossary_page(renderer(), terms)

    # The glossary as abbreviations on every page (tooltips): the abbr
    # extension's own option, set once here rather than appended to each page.
    abbr = env.conf["mdx_configs"].setdefault("abbr", {})
    abbr["glossary"] = abbreviations(terms)
    # Each term once per section, as a tab stop (macros/glossary/focus.py).
    extensions = env.conf["markdown_extensions"]
    if not any(isinstance(e, TermsOncePerSection) for e in extensions):
        extensions.append(TermsOncePerSection())
