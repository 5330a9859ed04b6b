"""Glossary terms as abbreviations, which Material shows as tooltips.

Chapters get them from Markdown's abbr extension (``abbreviations``); text
that the macros render from data is HTML, which Markdown leaves alone, so
the templates mark it with a ``Glosser`` in the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from macros.data.schema import Glossary


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _spellings(term: str, forms: tuple[str, ...], exact: bool = False) -> list[str]:
    """Each form as written and, unless ``exact``, with a capital first letter
    (sentence start)."""
    words: list[str] = []
    for word in (term, *forms):
        for spelling in ((word,) if exact else (word, word[:1].upper() + word[1:])):
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
        for word in _spellings(term.term, term.forms, term.exact):
            words[word] = definition
    return words


@dataclass(frozen=True)
class Glosser:
    """Marks glossary words in plain text, as the abbr extension does in Markdown."""

    words: dict[str, str]
    pattern: re.Pattern[str] | None
    # A question is shown on its chapter, in the question bank and in the
    # booklet: each text is marked once per build.
    _marked: dict[str, Markup] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, glossary: Glossary) -> Glosser:
        words = abbreviations(glossary)
        # Longest first, whole words only: the abbr extension's own rule.
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return cls(words, re.compile(rf"\b(?:{alternatives})\b") if words else None)

    def __call__(self, text: str) -> Markup:
        """``text`` escaped, with each glossary word as ``<abbr title="definition">``."""
        if text not in self._marked:
            self._marked[text] = self._mark(text)
        return self._marked[text]

    def _mark(self, text: str) -> Markup:
        if self.pattern is None:
            return escape(text)
        parts, last = [], 0
        for match in self.pattern.finditer(text):
            parts.append(escape(text[last:match.start()]))
            parts.append(Markup('<abbr title="{}">{}</abbr>').format(self.words[match[0]], match[0]))
            last = match.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)
