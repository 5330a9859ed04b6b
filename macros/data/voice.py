"""The handbook's voice: one word for each thing (``data/terms.yml``).

The shape is declared here once and checked by :mod:`macros.data.validate` like
every other data file, so a broken entry stops the build with the file, the
entry and what is wrong. :func:`variants_in` finds the avoided variants in a
text; ``tests/data/test_terms.py`` runs it over every built page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from macros.data.schema import Id, Text
from macros.data.validate import Collector, Problem, build
from macros.data.yamlfile import read


@dataclass(frozen=True)
class VoiceTerm:
    """A thing and its one name: the words to use, and the variants to avoid."""

    id: Id
    use: tuple[Text, ...]
    avoid: tuple[Text, ...]
    allow: tuple[Text, ...] = ()  # exact phrases where an avoided word is right
    note: Text | None = None
    # Where the choice holds: every built page, or only the texts of the questions
    # (the lists a group reads aloud and ticks together).
    scope: Literal["pages", "questions"] = "pages"

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.use:
            yield "use", "is empty; name at least one word to use"
        if not self.avoid:
            yield "avoid", "is empty; name at least one variant to avoid"
        used = {w.casefold() for w in self.use}
        for i, word in enumerate(self.avoid):
            if word.casefold() in used:
                yield f"avoid[{i}]", f"{word!r} is also in use; a word cannot be both"
        for i, phrase in enumerate(self.allow):
            if not _pattern(self.avoid).search(phrase):
                yield f"allow[{i}]", f"{phrase!r} holds none of the avoided words; remove it"


@dataclass(frozen=True)
class Terms:
    terms: tuple[VoiceTerm, ...]

    def problems(self) -> Iterator[tuple[str, str]]:
        seen: dict[str, int] = {}
        for i, term in enumerate(self.terms):
            if term.id in seen:
                yield f"terms[{i}].id", f"{term.id!r} is used twice (first at terms[{seen[term.id]}])"
            seen.setdefault(term.id, i)
        owner: dict[str, str] = {}
        for i, term in enumerate(self.terms):
            for j, word in enumerate(term.avoid):
                key = word.casefold()
                if key in owner and owner[key] != term.id:
                    yield (f"terms[{i}].avoid[{j}]",
                           f"{word!r} is already avoided under {owner[key]!r}; list it once")
                owner.setdefault(key, term.id)


@dataclass(frozen=True)
class Finding:
    term: VoiceTerm
    word: str  # as found in the text
    context: str  # some words around it


def _pattern(words: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![\wÅÄÖåäö-])(?:{alternatives})(?![\wÅÄÖåäö-])", re.IGNORECASE)


def variants_in(text: str, terms: Terms, scope: str = "pages") -> list[Finding]:
    """Every avoided variant in ``text``, outside the phrases each term allows,
    for the terms whose choice holds in ``scope``."""
    found = []
    for term in terms.terms:
        if term.scope != scope:
            continue
        rest = text
        for phrase in term.allow:
            rest = re.sub(r"\s+".join(map(re.escape, phrase.split())), " ", rest, flags=re.IGNORECASE)
        for match in _pattern(term.avoid).finditer(rest):
            start, end = max(0, match.start() - 60), match.end() + 60
            found.append(Finding(term, match.group(0), " ".join(rest[start:end].split())))
    return found


def load_terms(data_dir: Path, problems: list[Problem]) -> Terms:
    """Read and check ``data/terms.yml``; a fork without the file has no terms."""
    path = Path(data_dir) / "terms.yml"
    if not path.exists():
        return Terms(terms=())
    out = Collector(path.relative_to(Path(data_dir).parent))
    raw = read(path, out)
    terms = build(Terms, raw, out) if raw is not None else None
    problems.extend(out.problems)
    return terms or Terms(terms=())
