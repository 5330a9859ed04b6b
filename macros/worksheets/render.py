"""Worksheets, question lists and the question bank, rendered from data.

Each question (with its box to tick and its note field) is rendered by
:meth:`macros.render.Renderer.question_html`, since timelines show questions
too; the lists around them are rendered here, from the templates in
``macros/worksheets/templates/``.
"""
from __future__ import annotations

from dataclasses import dataclass

from macros.data.catalog import Catalog
from macros.data.schema import Process, Question, QuestionList
from macros.render import Renderer


def worksheet(renderer: Renderer, process: Process, level: int = 2) -> str:
    """All steps of a process with guidance and questions to tick and note."""
    total = sum(len(step.questions) for step in process.steps)
    return renderer.render("worksheets/worksheet.md.j2", process=process, level=level, total=total)


def questions(renderer: Renderer, qlist: QuestionList) -> str:
    """One chapter's list of questions to ask."""
    return renderer.render("worksheets/questions.md.j2", qlist=qlist)


def question_bank(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str],
                  level: int = 2) -> str:
    """Every question in the data, grouped by chapter in navigation order."""
    groups = [_bank_group(p.id, p.title, p.page, page_titles,
                          [(s.title, s.questions) for s in p.steps])
              for p in catalog.processes.values()]
    groups += [_bank_group(q.id, q.title, q.page, page_titles, [(None, q.questions)])
               for q in catalog.question_lists.values()]
    groups = [g for g in groups if g.total]
    groups.sort(key=lambda g: (g.order, g.title))
    return renderer.render("worksheets/question_bank.md.j2", groups=groups, level=level)


@dataclass(frozen=True)
class _Section:
    title: str | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class _BankGroup:
    id: str
    title: str
    page: str
    page_title: str
    order: int
    sections: tuple[_Section, ...]

    @property
    def total(self) -> int:
        return sum(len(s.questions) for s in self.sections)


def _bank_group(gid: str, title: str, page: str, page_titles: dict[str, str], sections) -> _BankGroup:
    path = page.split("#", 1)[0]
    order = list(page_titles).index(path) if path in page_titles else len(page_titles)
    return _BankGroup(gid, title, page, page_titles.get(path, title), order,
                      tuple(_Section(t, qs) for t, qs in sections if qs))
