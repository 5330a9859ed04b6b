"""Glossary terms as Markdown abbreviations, which Material shows as tooltips."""
from __future__ import annotations

from macros.schema import Glossary


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _spellings(term: str, forms: tuple[str, ...]) -> list[str]:
    """Each form as written and with a capital first letter (sentence start)."""
    words: list[str] = []
    for word in (term, *forms):
        for spelling in (word, word[:1].upper() + word[1:]):
            if spelling not in words:
                words.append(spelling)
    return words


def abbreviations(glossary: Glossary) -> dict[str, str]:
    """Every term and inflected form, mapped to its definition on one line.

    This is the ``glossary`` option of Markdown's abbr extension: it marks
    each word on every page with ``<abbr title="definition">``, which
    Material shows as a tooltip. The extension escapes the title, so text
    from data never becomes markup.
    """
    words: dict[str, str] = {}
    for term in glossary.terms:
        definition = _one_line(term.definition)
        for word in _spellings(term.term, term.forms):
            words[word] = definition
    return words
