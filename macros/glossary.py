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


def abbreviations(glossary: Glossary) -> str:
    """Markdown ``*[word]: definition`` lines for every term and inflected form.

    The abbr extension escapes the definition when it writes the title
    attribute, so the text from data never becomes markup.
    """
    lines = []
    for term in glossary.terms:
        definition = _one_line(term.definition)
        for word in _spellings(term.term, term.forms):
            lines.append(f"*[{word}]: {definition}")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
