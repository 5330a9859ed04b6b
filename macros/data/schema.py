"""The shapes of the handbook's data, declared once.

Every YAML file under ``data/`` is turned into these frozen dataclasses by
:func:`macros.data.validate.build`, which checks types, required and unknown keys,
empty texts and id syntax against the annotations below. Cross-entry rules
(unique ids, link targets) live in :mod:`macros.data.catalog`.
"""
from __future__ import annotations

import re
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
# (brand.yml's addresses are a WebAddress, macros/brand/config.py.)
HttpsUrl = Annotated[str, Rule("url", r"^https://[^\s<>\"']+$", "an address starting with https://")]


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
    source_url: HttpsUrl | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        if len(self.levels) < 2:
            yield "levels", "needs at least two levels; a ladder with one step is no ladder"
        yield from _duplicates("levels", "id", [level.id for level in self.levels])

# ---- Templates ("Mallar", data/documents/<id>.yml) ---------------------------

# A place for a field's value in a template's text: {field-id}.
PLACEHOLDER = r"\{([^{}]*)\}"
# Where a field's value may come from when the reader has not written it:
# the brand's organisation, the workspace's party name, a planned date of a
# milestone (plan:<process>/<milestone>), the note of a question (answer:<question id>)
# or, for a longer text, the items of a register (register:<register id>).
Prefill = Annotated[str, Rule("prefill", r"^(?:organisation|party|plan:[a-z0-9-]+/[a-z0-9-]+|answer:[a-z0-9-]+|register:[a-z0-9-]+)$",
                              "organisation, party, plan:<process id>/<milestone id>, answer:<question id> "
                              "or register:<register id>")]
# How long a field may be when the template does not say: a line, a text, a table cell.
FIELD_MAX = {"line": 120, "date": 40, "text": 2000, "table": 200}


@dataclass(frozen=True)
class DocumentField:
    """Something the reader fills in: a line, a date, a longer text or a table."""

    id: Id
    label: Text
    kind: Literal["line", "date", "text", "table"] = "line"
    help: Text | None = None
    max: int = 0  # characters; 0 takes FIELD_MAX for the kind (per cell in a table)
    prefill: Prefill | None = None
    columns: tuple[Text, ...] = ()  # a table's column headings
    rows: int = 0  # a table's number of rows
    # "Fyll i med exempel": the invented case's value (a table: its rows of cells).
    example: Text | None = None
    example_rows: tuple[tuple[str, ...], ...] = ()

    @property
    def limit(self) -> int:
        return self.max or FIELD_MAX[self.kind]

    def problems(self) -> Iterator[tuple[str, str]]:
        yield from self._example_problems()
        if self.kind == "table":
            if not self.columns:
                yield "columns", "is missing; a table field needs its column headings"
            if not 0 < self.rows <= 30:
                yield "rows", "a table field needs between 1 and 30 rows"
            if self.prefill:
                yield "prefill", "a table field cannot be pre-filled"
        else:
            if self.columns:
                yield "columns", f"is only for fields of kind 'table', and this one is {self.kind!r}"
            if self.rows:
                yield "rows", f"is only for fields of kind 'table', and this one is {self.kind!r}"
            if self.prefill and self.prefill.startswith("register:") and self.kind != "text":
                yield "prefill", f"a register fills only a field of kind 'text', and this one is {self.kind!r}"

    def _example_problems(self) -> Iterator[tuple[str, str]]:
        """Every field has an example that fits it: the whole template can be
        filled with the invented case."""
        if self.kind == "table":
            if self.example:
                yield "example", "a table field takes example_rows (rows of cells), not example"
            if not self.example_rows:
                yield "example_rows", "is missing; give the invented case's rows for this table"
            if len(self.example_rows) > self.rows:
                yield "example_rows", f"has {len(self.example_rows)} rows, but the table has {self.rows}"
            for r, row in enumerate(self.example_rows):
                if len(row) != len(self.columns):
                    yield f"example_rows[{r}]", f"has {len(row)} cells, but the table has {len(self.columns)} columns"
                for c, value in enumerate(row):
                    if len(value) > self.limit:
                        yield f"example_rows[{r}][{c}]", f"is {len(value)} characters, over the field's {self.limit}"
        else:
            if self.example_rows:
                yield "example_rows", f"is only for fields of kind 'table'; use example for kind {self.kind!r}"
            if not self.example:
                yield "example", "is missing; give the invented case's value for this field"
            elif len(self.example) > self.limit:
                yield "example", f"is {len(self.example)} characters, over the field's {self.limit}"
            elif self.kind != "text" and "\n" in self.example:
                yield "example", f"has a line break, which a field of kind {self.kind!r} cannot hold"


@dataclass(frozen=True)
class DocumentBlock:
    """One piece of a template's part: text (with {field} places; "- " lines
    make a list), a field of its own (a longer text or a table), or the
    questions the part must answer. Exactly one of them."""

    text: Text | None = None
    field: Id | None = None
    questions: tuple[Text, ...] = ()
    # A process step's suggested agenda (<process id>/<step id>), read from
    # the step's text, so that the chapter and the template keep one copy.
    agenda: Annotated[str, Rule("agenda", r"^[a-z0-9-]+/[a-z0-9-]+$", "<process id>/<step id>")] | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        given = [k for k in ("text", "field", "questions", "agenda") if getattr(self, k)]
        if len(given) != 1:
            yield "", ("needs exactly one of text, field, questions or agenda, but has "
                       + (", ".join(given) if given else "none"))


@dataclass(frozen=True)
class DocumentSection:
    """A part of a template, under its own heading."""

    heading: Text
    blocks: tuple[DocumentBlock, ...]

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.blocks:
            yield "blocks", "is empty; a part needs at least one block"


@dataclass(frozen=True)
class DocumentTemplate:
    """A paper the process runs on, filled in on its page and taken out as
    Word, print or text. ``when`` says in one line when in the process it is used."""

    id: Id
    title: Text  # the page's and the file's name
    when: Text
    page: PagePath  # the chapter where the process needs it
    heading: Text  # the document's own heading, may hold {field} places
    fields: tuple[DocumentField, ...]
    sections: tuple[DocumentSection, ...]
    group: Text  # the process it belongs to, a heading on the overview
    intro: Text | None = None  # shown on the page above the fields, not in the document

    def field(self, field_id: str) -> DocumentField | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.sections:
            yield "sections", "is empty; a template needs at least one part"
        yield from _duplicates("fields", "id", [f.id for f in self.fields])
        used: set[str] = set()
        yield from self._places("heading", self.heading, used)
        for i, section in enumerate(self.sections):
            yield from self._places(f"sections[{i}].heading", section.heading, used)
            for j, block in enumerate(section.blocks):
                where = f"sections[{i}].blocks[{j}]"
                if block.text:
                    yield from self._places(f"{where}.text", block.text, used)
                for k, question in enumerate(block.questions):
                    yield from self._places(f"{where}.questions[{k}]", question, used)
                if block.field:
                    used.add(block.field)
                    declared = self.field(block.field)
                    if declared is None:
                        yield f"{where}.field", (f"is {block.field!r}, which is not declared under fields; "
                                                 "declare it or correct the id")
                    elif declared.kind not in ("text", "table"):
                        yield f"{where}.field", (f"is {block.field!r}, a field of kind {declared.kind!r}; "
                                                 "a block of its own is for kinds 'text' and 'table', "
                                                 "put the others in a text as {" + block.field + "}")
        for k, declared in enumerate(self.fields):
            if declared.id not in used:
                yield f"fields[{k}].id", (f"{declared.id!r} is declared but used nowhere in the template; "
                                          "use it in a text as {" + declared.id + "} or remove it")

    def _places(self, where: str, text: str, used: set[str]) -> Iterator[tuple[str, str]]:
        for name in re.findall(PLACEHOLDER, text):
            declared = self.field(name)
            if declared is None:
                yield where, (f"uses {{{name}}}, which is not declared under fields; "
                              "declare the field or correct the name")
            elif declared.kind == "table":
                yield where, f"uses the table field {{{name}}} in a text; give a table a block of its own (field: {name})"
            else:
                used.add(name)
        if re.search(r"[{}]", re.sub(PLACEHOLDER, "", text)):
            yield where, "has a lone { or }; write a field's place as {field-id}"


def _duplicates(where: str, key: str, values: list[str]) -> Iterator[tuple[str, str]]:
    """Report every repeated value of ``key`` in a list, pointing at the repeat."""
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        if value in first:
            yield (f"{where}[{i}].{key}",
                   f"{value!r} is used twice (first at {where}[{first[value]}]); ids must be unique")
        else:
            first[value] = i


# ---- Registers (data/registers/<id>.yml) --------------------------------------

# How long a register field's value may be when the register does not say.
REGISTER_MAX = {"text": 200, "longtext": 2000, "date": 10, "party": 80, "status": 40,
                "section": 200, "item": 60}


@dataclass(frozen=True)
class RegisterStatus:
    """One status in a register's fixed list; ``done`` statuses end an item
    (a done item is never late)."""

    id: Id
    label: Text
    done: bool = False


@dataclass(frozen=True)
class RegisterField:
    """One thing an item of a register holds.

    Kinds: ``text`` (a line), ``longtext``, ``date`` (ISO, a date picker),
    ``party`` (which party, or both), ``status`` (one of the register's
    ``statuses``), ``section`` (a part of a template, by default the
    agreement's skeleton: ``document``) and ``item`` (an item of another
    register: ``register``)."""

    id: Id
    label: Text
    kind: Literal["text", "longtext", "date", "party", "status", "section", "item"] = "text"
    help: Text | None = None
    required: bool = False
    max: int = 0  # characters; 0 takes REGISTER_MAX for the kind
    due: bool = False  # a date that makes a not-done item late once it has passed
    document: Id | None = None  # section: the template whose parts are offered
    register: Id | None = None  # item: the register whose items are offered
    list: bool = True  # shown as a column in the list (all fields show in the form)
    default: Id | None = None  # status: the status a new item starts with

    @property
    def limit(self) -> int:
        return self.max or REGISTER_MAX[self.kind]

    def problems(self) -> Iterator[tuple[str, str]]:
        if self.due and self.kind != "date":
            yield "due", f"only a date can be due, and this field is of kind {self.kind!r}"
        if self.kind == "section" and not self.document:
            yield "document", "is missing; a section field names the template whose parts it offers"
        if self.kind != "section" and self.document:
            yield "document", f"is only for fields of kind 'section', and this one is {self.kind!r}"
        if self.kind == "item" and not self.register:
            yield "register", "is missing; an item field names the register whose items it offers"
        if self.kind != "item" and self.register:
            yield "register", f"is only for fields of kind 'item', and this one is {self.kind!r}"
        if self.kind != "status" and self.default:
            yield "default", f"is only for fields of kind 'status', and this one is {self.kind!r}"


@dataclass(frozen=True)
class RegisterQuestion:
    """A question a register's page asks (the yearly review): of each item
    of another register (``scope: item``, each commitment) or of the whole
    (``scope: whole``, the agreement). ``source`` names where the question
    comes from; without it the question is the handbook's own and is marked so."""

    id: Id
    text: Text
    scope: Literal["item", "whole"] = "whole"
    source: Text | None = None
    change: bool = False  # its answers say what the parties will change (the report's own part)


@dataclass(frozen=True)
class Register:
    """A list a process keeps (commitments, decisions, parked questions):
    its fields, and for a status field its fixed list of statuses."""

    id: Id
    title: Text  # the list's name, "Åtaganden"
    one: Text  # one item, "åtagande"
    many: Text  # several items, "åtaganden"
    page: PagePath  # the page that shows it
    fields: tuple[RegisterField, ...]
    statuses: tuple[RegisterStatus, ...] = ()
    intro: Text | None = None
    late: Text | None = None  # what a late item is called, "Försenat"
    late_many: Text | None = None  # what several are called in a count, "Försenade"
    # Which items a template's field takes (prefill: register:<id>): the ones
    # not done, those of the latest date, or those added on the latest day.
    papers: Literal["open", "latest", "added"] = "open"
    # The field a note of the workspace fills ("Hämta från anteckningarna").
    notes: Id | None = None
    # The field shown for each party on Jämför svar when there is no status.
    answer: Id | None = None
    # Questions the page asks (the yearly review), and the register whose
    # items the questions of scope "item" are asked of.
    questions: tuple[RegisterQuestion, ...] = ()
    asks: Id | None = None

    def field(self, field_id: str) -> RegisterField | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def problems(self) -> Iterator[tuple[str, str]]:
        if not self.fields:
            yield "fields", "is empty; a register needs at least one field"
        yield from _duplicates("fields", "id", [f.id for f in self.fields])
        yield from _duplicates("statuses", "id", [s.id for s in self.statuses])
        kinds = [f.kind for f in self.fields]
        if kinds.count("status") > 1:
            yield "fields", "has more than one field of kind 'status'; a register has one status"
        if "status" in kinds and not self.statuses:
            yield "statuses", "is missing; a register with a status field lists its statuses"
        if self.statuses and "status" not in kinds:
            yield "statuses", "are listed, but no field is of kind 'status'; add one or remove the list"
        known = [s.id for s in self.statuses]
        for i, f in enumerate(self.fields):
            if f.kind == "status" and f.default and f.default not in known:
                yield (f"fields[{i}].default", f"{f.default!r} is not a status of this register; "
                                                f"known: {', '.join(known) or 'none'}")
        if not any(f.required for f in self.fields):
            yield "fields", "has no required field; mark the field that says what the item is with required: true"
        ids = [f.id for f in self.fields]
        for key in ("notes", "answer"):
            named = getattr(self, key)
            if named and named not in ids:
                yield key, f"is {named!r}, which is no field of this register; known: {', '.join(ids)}"
            elif named and self.field(named).kind not in ("text", "longtext"):
                yield key, f"names the field {named!r} of kind {self.field(named).kind!r}; it must be text or longtext"
        yield from _duplicates("questions", "id", [q.id for q in self.questions])
        if any(q.scope == "item" for q in self.questions) and not self.asks:
            yield "asks", "is missing; questions of scope 'item' are asked of the items of the register named here"
