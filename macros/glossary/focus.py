"""Glossary terms once per section, and reachable by keyboard.

Markdown's abbr extension (and the ``Glosser`` for text from data) marks every
occurrence of a term with ``<abbr title="definition">``. This last step of the
Markdown conversion keeps the first occurrence of each term in a section (the
text under one ``h1`` or ``h2``) and makes it a tab stop
(``class="shb-term" tabindex="0"``), so that Material's tooltip shows the
definition on focus as on hover and describes the term with it
(``aria-describedby``); later occurrences in the same section become plain
text, so that a page gets one tab stop per term and section and its text
stays calm. Terms in headings and links are left as plain text: a heading is
no place for a tab stop, and a link is one already.

It runs on the page's HTML after the raw HTML from the macros is back in
place, so chapters and text from data are treated alike.
"""
from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

TERM_CLASS = "shb-term"

# The pieces that matter, in document order: a heading, a link, or a term.
# The abbr extension and the Glosser both write exactly '<abbr title="...">'.
# The "<" that all three start with stands outside the alternatives, so
# that the search skips from one "<" to the next (about three times faster).
_PIECES = re.compile(
    r"<(?:(?P<heading>h(?P<level>[1-6])\b[^>]*>.*?</h(?P=level)>)"
    r"|(?P<link>a\b[^>]*>.*?</a>)"
    r'|abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>)',
    re.S,
)
_ABBR = re.compile(r'<abbr title="[^"]*">(.*?)</abbr>', re.S)


def _unmark(html: str) -> str:
    return _ABBR.sub(r"\1", html)


def once_per_section(html: str) -> str:
    """``html`` with each term marked, and focusable, once per section."""
    if "<abbr" not in html:
        return html
    seen: set[str] = set()

    def piece(match: re.Match[str]) -> str:
        if match["heading"]:
            if match["level"] in ("1", "2"):
                seen.clear()
            return _unmark(match[0])
        if match["link"]:
            return _unmark(match[0])
        title, text = match["title"], match["text"]
        if title in seen:
            return text
        seen.add(title)
        return f'<abbr class="{TERM_CLASS}" tabindex="0" title="{title}">{text}</abbr>'

    return _PIECES.sub(piece, html)


class _Terms(Postprocessor):
    def run(self, text: str) -> str:
        return once_per_section(text)


class TermsOncePerSection(Extension):
    """Markdown extension: the postprocessor above, after all others."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Markdown's API
        # Lowest priority: after raw HTML (the macros' output) is restored.
        md.postprocessors.register(_Terms(md), "shb_terms_once", 1)
