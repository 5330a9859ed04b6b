"""Register the glossary: the page of terms, and every term as an
abbreviation (a tooltip) on every page."""
from __future__ import annotations

from macros.data.schema import Glossary
from macros.glossary.focus import TermsOncePerSection
from macros.glossary.render import glossary_page
from macros.glossary.terms import abbreviations
from macros.render import RendererFactory


def register(env, terms: Glossary, renderer: RendererFactory) -> None:
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
