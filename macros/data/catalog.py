"""Load every data file once, validate it, and check the rules that span files.

Layout of ``data/``:

- ``processes/<id>.yml``: one :class:`~macros.data.schema.Process` each
- ``questions/<id>.yml``: one :class:`~macros.data.schema.QuestionList` each
- ``glossary.yml``: the :class:`~macros.data.schema.Glossary`
- ``ladder.yml``: the involvement :class:`~macros.data.schema.Ladder` (optional)
- ``terms.yml``: the handbook's words, :class:`~macros.data.voice.Terms` (optional)
- ``documents/<id>.yml``: one :class:`~macros.data.schema.DocumentTemplate` each ("Mallar")
- ``registers/<id>.yml``: one :class:`~macros.data.schema.Register` each (commitments, decisions, parked questions)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TypeVar

from macros.data.schema import DocumentTemplate, Glossary, Ladder, Process, Question, QuestionList, Register
from macros.data.voice import Terms, load_terms
from macros.data.validate import Collector, DataError, Problem, build
from macros.data.yamlfile import read

T = TypeVar("T")


@dataclass(frozen=True)
class QuestionHome:
    """Where a question lives: its list and the chapter that shows it."""

    question: Question
    owner_id: str
    owner_title: str
    page: str
    step_title: str | None = None


@dataclass
class Catalog:
    processes: dict[str, Process] = field(default_factory=dict)
    question_lists: dict[str, QuestionList] = field(default_factory=dict)
    glossary: Glossary = field(default_factory=lambda: Glossary(terms=()))
    ladder: Ladder | None = None
    terms: Terms = field(default_factory=lambda: Terms(terms=()))
    documents: dict[str, DocumentTemplate] = field(default_factory=dict)
    registers: dict[str, Register] = field(default_factory=dict)

    def process(self, process_id: str) -> Process:
        return _get("process", self.processes, process_id)

    def document(self, document_id: str) -> DocumentTemplate:
        return _get("template", self.documents, document_id)

    def register(self, register_id: str) -> Register:
        return _get("register", self.registers, register_id)

    def question_list(self, list_id: str) -> QuestionList:
        return _get("question list", self.question_lists, list_id)

    def agenda(self, ref: str) -> tuple[str, ...]:
        """The suggested agenda of ``<process id>/<step id>`` (see step_agenda);
        empty when the step or its agenda does not exist."""
        process_id, _, step_id = ref.partition("/")
        process = self.processes.get(process_id)
        step = next((s for s in process.steps if s.id == step_id), None) if process else None
        return step_agenda(step.text) if step else ()

    def question_homes(self) -> Iterator[QuestionHome]:
        """Every question in the data, in a stable order: processes, then lists."""
        for process in self.processes.values():
            for step in process.steps:
                for q in step.questions:
                    yield QuestionHome(q, process.id, process.title, process.page, step.title)
        for qlist in self.question_lists.values():
            for q in qlist.questions:
                yield QuestionHome(q, qlist.id, qlist.title, qlist.page)


def _get(kind: str, table: dict[str, T], wanted: str) -> T:
    """``table[wanted]``, or a KeyError that names the ``kind`` and the ids there are."""
    try:
        return table[wanted]
    except KeyError:
        names = ", ".join(sorted(table)) or "none"
        raise KeyError(f"there is no {kind} {wanted!r} in data/; known: {names}") from None


def _load_dir(folder: Path, cls: type, root: Path, problems: list[Problem]) -> dict:
    found = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.y*ml")):
        out = Collector(path.relative_to(root.parent))
        raw = read(path, out)
        item = build(cls, raw, out) if raw is not None else None
        if item is not None and item.id != path.stem:
            out.add("id", f"is {item.id!r} but the file is named {path.name}; "
                          f"name the file {item.id}.yml or change the id")
            item = None
        problems.extend(out.problems)
        if item is not None:
            found[item.id] = item
    return found


def load(data_dir: Path, docs_dir: Path) -> Catalog:
    """Load and check all data; raise :class:`DataError` listing every problem."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    catalog = Catalog()
    catalog.processes = _load_dir(data_dir / "processes", Process, data_dir, problems)
    catalog.question_lists = _load_dir(data_dir / "questions", QuestionList, data_dir, problems)
    catalog.documents = _load_dir(data_dir / "documents", DocumentTemplate, data_dir, problems)
    catalog.registers = _load_dir(data_dir / "registers", Register, data_dir, problems)

    glossary_path = data_dir / "glossary.yml"
    if glossary_path.exists():
        out = Collector(glossary_path.relative_to(data_dir.parent))
        raw = read(glossary_path, out)
        glossary = build(Glossary, raw, out) if raw is not None else None
        problems.extend(out.problems)
        if glossary is not None:
            catalog.glossary = glossary

    ladder_path = data_dir / "ladder.yml"
    if ladder_path.exists():
        out = Collector(ladder_path.relative_to(data_dir.parent))
        raw = read(ladder_path, out)
        catalog.ladder = build(Ladder, raw, out) if raw is not None else None
        problems.extend(out.problems)

    catalog.terms = load_terms(data_dir, problems)

    problems.extend(_cross_file_problems(catalog, data_dir, Path(docs_dir)))
    if problems:
        raise DataError(problems)
    return catalog


def _cross_file_problems(catalog: Catalog, data_dir: Path, docs_dir: Path) -> Iterator[Problem]:
    rel = data_dir.parent

    def file_of(kind: str, item_id: str) -> str:
        return str((data_dir / kind / f"{item_id}.yml").relative_to(rel))

    seen: dict[str, str] = {}
    for process in catalog.processes.values():
        where = file_of("processes", process.id)
        yield from _page_problem(where, "page", process.page, docs_dir)
        for i, step in enumerate(process.steps):
            for j, q in enumerate(step.questions):
                entry = f"steps[{i}].questions[{j}].id"
                yield from _unique_question(seen, q.id, where, entry)
            for k, link in enumerate(step.links):
                yield from _page_problem(where, f"steps[{i}].links[{k}].page", link.page, docs_dir)
    for qlist in catalog.question_lists.values():
        where = file_of("questions", qlist.id)
        yield from _page_problem(where, "page", qlist.page, docs_dir)
        for j, q in enumerate(qlist.questions):
            yield from _unique_question(seen, q.id, where, f"questions[{j}].id")
    for document in catalog.documents.values():
        where = file_of("documents", document.id)
        yield from _page_problem(where, "page", document.page, docs_dir)
        for k, declared in enumerate(document.fields):
            if declared.prefill:
                yield from _prefill_problem(catalog, seen, where, f"fields[{k}].prefill", declared.prefill)
        for i, section in enumerate(document.sections):
            for j, block in enumerate(section.blocks):
                if block.agenda and not catalog.agenda(block.agenda):
                    yield Problem(where, f"sections[{i}].blocks[{j}].agenda",
                                  f"{block.agenda!r} names no step with an agenda: the step must exist and its "
                                  f"text must hold a line starting {AGENDA_LEAD!r} followed by a list")
    for register in catalog.registers.values():
        where = file_of("registers", register.id)
        yield from _page_problem(where, "page", register.page, docs_dir)
        for k, declared in enumerate(register.fields):
            if declared.document and declared.document not in catalog.documents:
                yield Problem(where, f"fields[{k}].document",
                              f"is {declared.document!r}, which is no template in data/documents/; "
                              f"known: {', '.join(sorted(catalog.documents)) or 'none'}")
            if declared.register and declared.register not in catalog.registers:
                yield Problem(where, f"fields[{k}].register",
                              f"is {declared.register!r}, which is no register in data/registers/; "
                              f"known: {', '.join(sorted(catalog.registers)) or 'none'}")
        if register.asks and register.asks not in catalog.registers:
            yield Problem(where, "asks", f"is {register.asks!r}, which is no register in data/registers/; "
                                         f"known: {', '.join(sorted(catalog.registers)) or 'none'}")


# The line in a step's text that the step's suggested agenda (a list) follows.
AGENDA_LEAD = "Förslag på dagordning"


def step_agenda(text: str) -> tuple[str, ...]:
    """The items of the list that follows the line starting with AGENDA_LEAD
    in a step's text; empty when there is none."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(AGENDA_LEAD)), None)
    if start is None:
        return ()
    items: list[str] = []
    for line in lines[start + 1:]:
        if line.strip().startswith("- "):
            items.append(line.strip()[2:].strip())
        elif line.strip() or items:
            break
    return tuple(items)



def _prefill_problem(catalog: Catalog, questions: dict[str, str], where: str, entry: str,
                     prefill: str) -> Iterator[Problem]:
    """A pre-fill must point at a question or a milestone that exists."""
    kind, _, target = prefill.partition(":")
    if kind == "register" and target not in catalog.registers:
        yield Problem(where, entry, f"takes the items of the register {target!r}, which data/registers/ does not have; "
                                    f"known: {', '.join(sorted(catalog.registers)) or 'none'}")
    if kind == "answer" and target not in questions:
        yield Problem(where, entry, f"takes the answer to the question {target!r}, "
                                    "which no data file has; use a question's id")
    elif kind == "plan":
        process_id, _, milestone_id = target.partition("/")
        process = catalog.processes.get(process_id)
        milestones = [m.id for s in process.steps for m in s.milestones] if process else []
        if process is None:
            yield Problem(where, entry, f"takes a planned date from the process {process_id!r}, "
                                        f"which does not exist; known: {', '.join(sorted(catalog.processes))}")
        elif milestone_id not in milestones:
            yield Problem(where, entry, f"the process {process_id!r} has no milestone {milestone_id!r}; "
                                        f"known: {', '.join(milestones) or 'none'}")


def _unique_question(seen: dict[str, str], qid: str, where: str, entry: str) -> Iterator[Problem]:
    if qid in seen:
        yield Problem(where, entry, f"the question id {qid!r} is already used in {seen[qid]}; "
                                    "question ids must be unique across all data files")
    else:
        seen[qid] = f"{where}: {entry}"


def _page_problem(where: str, entry: str, page: str, docs_dir: Path) -> Iterator[Problem]:
    target = page.split("#", 1)[0]
    if not (docs_dir / target).is_file():
        yield Problem(where, entry, f"links to {page!r}, but docs/{target} does not exist")
