"""The shapes of the handbook's data, declared once.

Every YAML file under ``data/`` is turned into these frozen dataclasses by
:func:`macros.data.validate.build`, which checks types, required and unknown keys,
empty texts and id syntax against the annotations below. Cross-entry rules
(unique ids, link targets) live in :mod:`macros.data.catalog`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Iterator, Literal


class Rule:
    """Marker for a constrained string in an annotation."""

    def __init__(self, name: str, pattern: str, hint: str) -> None:
        self.name = name
        self.pattern = pattern
        self.hint = hint


# A stable identifier, written in the data by hand. Notes are stored under
# question ids, so an id must never be derived from position or wording.
Id = Annotated[str, Rule("id", r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                         "lowercase letters a-z, digits and single hyphens, e.g. 'rb-teman-vilka'")]
# Plain text shown to readers. Blank lines separate paragraphs; a paragraph
# whose lines all start with "- " is a bulleted list. Never HTML.
Text = Annotated[str, Rule("text", r"\S", "a non-empty text")]
# A chapter in docs/, as a path relative to docs/, optionally with #anchor.
PagePath = Annotated[str, Rule("page", r"^[A-Za-z0-9_./-]+\.md(?:#[a-z0-9_-]+)?$",
                               "a path under docs/ ending in .md, e.g. 'verktyg/rundabordssamtal.md'")]


@dataclass(frozen=True)
class Link:
    """A link from a step to a chapter of the handbook."""

    page: PagePath
    title: Text


@dataclass(frozen=True)
class Question:
    """A question to ask; the reader can tick it and write a note."""

    id: Id
    text: Text
    help: Text | None = None


@dataclass(frozen=True)
class Milestone:
    """A point in a process worth marking, such as the signing."""

    id: Id
    title: Text
    text: Text | None = None


@dataclass(frozen=True)
class Duration:
    """Typical length of a step: at least one of the parts is above zero."""

    months: int = 0
    weeks: int = 0
    days: int = 0

    def problems(self) -> Iterator[tuple[str, str]]:
        if not (self.months or self.weeks or self.days):
            yield "", "is zero; give months, weeks or days above zero, or remove the key"


@dataclass(frozen=True)
class Step:
    """One step or phase of a process, in order."""

    id: Id
    title: Text
    text: Text
    questions: tuple[Question, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    duration: Duration | None = None
    links: tuple[Link, ...] = ()
    # A step that starts and never ends (the Genomförandefas): later steps run
    # alongside it, from its start.
    open_ended: bool = False
    # A step that comes back once a year (follow-up), first a year after it starts.
    repeat: Literal["yearly"] | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        for key in ("open_ended", "repeat"):
            if getattr(self, key) and (self.duration or self.milestones):
                yield key, ("a step without an end has no duration and no milestones; "
                            "remove duration and milestones, or this key")
        if self.open_ended and self.repeat:
            yield "repeat", "a step is either open_ended or repeated, not both"


@dataclass(frozen=True)
class Process:
    """A process with ordered steps: a worksheet, a checklist or a set of phases."""

    id: Id
    title: Text
    kind: Literal["worksheet", "checklist", "phases"]
    page: PagePath
    steps: tuple[Step, ...]
    intro: Text | None = None
    source: Text | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.steps:
            yield "steps", "is empty; a process needs at least one step"
        yield from _duplicates("steps", "id", [s.id for s in self.steps])
        for i, step in enumerate(self.steps):
            yield from _duplicates(f"steps[{i}].milestones", "id", [m.id for m in step.milestones])


@dataclass(frozen=True)
class QuestionList:
    """A chapter's list of questions to ask ("Frågor att ställa")."""

    id: Id
    title: Text
    page: PagePath
    questions: tuple[Question, ...]
    intro: Text | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.questions:
            yield "questions", "is empty; a question list needs at least one question"


@dataclass(frozen=True)
class Term:
    """A glossary term. ``forms`` are the inflected forms that also get a tooltip."""

    id: Id
    term: Text
    definition: Text
    forms: tuple[Text, ...] = ()
    exact: bool = False  # only as written: no capitalised form is added


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def problems(self) -> Iterator[tuple[str, str]]:
        yield from _duplicates("terms", "id", [t.id for t in self.terms])
        words = [w.casefold() for t in self.terms for w in (t.term, *t.forms)]
        for word in sorted({w for w in words if words.count(w) > 1}):
            yield "terms", f"the word {word!r} belongs to more than one term"


# A web address shown as a link: https only, so data cannot carry a script URL.
Url = Annotated[str, Rule("url", r"^https://[^\s<>\"']+$", "an address starting with https://")]


@dataclass(frozen=True)
class LadderLevel:
    """One level of the involvement ladder (data/ladder.yml)."""

    id: Id
    title: Text
    promise: Text  # what the level promises the participants
    asks: Text  # what the level asks of the hosts
    text: Text | None = None


@dataclass(frozen=True)
class Ladder:
    """The involvement ladder, lowest level first; a fork may swap the model."""

    title: Text
    source: Text
    levels: tuple[LadderLevel, ...]
    intro: Text | None = None
    source_url: Url | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        if len(self.levels) < 2:
            yield "levels", "needs at least two levels; a ladder with one step is no ladder"
        yield from _duplicates("levels", "id", [level.id for level in self.levels])

def _duplicates(where: str, key: str, values: list[str]) -> Iterator[tuple[str, str]]:
    """Report every repeated value of ``key`` in a list, pointing at the repeat."""
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        if value in first:
            yield (f"{where}[{i}].{key}",
                   f"{value!r} is used twice (first at {where}[{first[value]}]); ids must be unique")
        else:
            first[value] = i
