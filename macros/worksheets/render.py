"""Worksheets, question lists, the question bank, the booklet and the notes
overview, rendered from the templates in ``macros/worksheets/templates/``.

Each question (with its box to tick and its note field) is rendered by
:func:`question_html`, which the timeline's questions phase by phase use too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from macros.data.catalog import Catalog
from macros.data.question_index import index_json
from macros.data.schema import Process, Question, QuestionList
from macros.navigation import by_menu
from macros.render import Renderer, md_heading
from macros.worksheets import PRINTABLE_KINDS, QUESTIONS_STYLESHEET


def question_html(renderer: Renderer, question: Question) -> Markup:
    """One question with its box to tick and its note field.

    A question is shown on its chapter, in the question bank and in the
    booklet; its HTML does not depend on the page, so it is rendered once
    per build (with glossary words marked, and once without)."""
    key = ("question", question, renderer.glosser is not None)
    return renderer.remember(key, lambda: Markup(
        renderer.render("worksheets/question.html.j2", q=question)))


def render_lists(renderer: Renderer, template: str, **values) -> str:
    """Render a template that includes ``worksheets/question_list.html.j2``
    (which calls ``question_html`` for each question) and
    ``worksheets/progress.html.j2`` (which links a printable list's PDF and,
    once per page, questions.css)."""
    return renderer.render(template, question_html=partial(question_html, renderer),
                           questions_css=partial(renderer.stylesheet, QUESTIONS_STYLESHEET),
                           printable_kinds=PRINTABLE_KINDS, **values)


def worksheet(renderer: Renderer, process: Process, level: int = 2) -> str:
    """All steps of a process with guidance and questions to tick and note."""
    total = sum(len(step.questions) for step in process.steps)
    return render_lists(renderer, "worksheets/worksheet.md.j2", process=process, level=level, total=total)


def questions(renderer: Renderer, qlist: QuestionList) -> str:
    """One chapter's list of questions to ask."""
    return render_lists(renderer, "worksheets/questions.md.j2", qlist=qlist)


def question_bank(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str],
                  level: int = 2) -> str:
    """Every question in the data, grouped by chapter in navigation order."""
    groups = [_bank_group(p.id, p.title, p.page, page_titles,
                          [(s.title, s.questions) for s in p.steps])
              for p in catalog.processes.values()]
    groups += [_bank_group(q.id, q.title, q.page, page_titles, [(None, q.questions)])
               for q in catalog.question_lists.values()]
    groups = by_menu([g for g in groups if g.total], page_titles,
                     page=lambda g: g.page, then=lambda g: g.title)
    return render_lists(renderer, "worksheets/question_bank.md.j2", groups=groups, level=level)


def booklet(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str]) -> str:
    """Every worksheet and checklist on one page, in the order of the menu,
    each under its own heading (the page arbetsblad.md, which
    scripts/build/pdf.py prints as the booklet)."""
    printable = [p for p in catalog.processes.values() if p.kind in PRINTABLE_KINDS]
    return "".join(
        f"\n## {md_heading(p.title)} {{ #arbetsblad-{p.id} .shb-booklet-part }}\n\n"
        f"{worksheet(renderer, p, level=3)}\n"
        for p in by_menu(printable, page_titles, page=lambda p: p.page))


def notes_overview(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str]) -> str:
    """The "Mina anteckningar" page: the placeholder markup that
    worksheets.js fills with the saved notes, and the question index."""
    return renderer.render("worksheets/notes_overview.html.j2",
                           css=renderer.stylesheet(QUESTIONS_STYLESHEET),
                           index_json=index_json(catalog, page_titles, renderer.context.page_url))


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
    sections: tuple[_Section, ...]

    @property
    def total(self) -> int:
        return sum(len(s.questions) for s in self.sections)


def _bank_group(gid: str, title: str, page: str, page_titles: dict[str, str], sections) -> _BankGroup:
    path = page.split("#", 1)[0]
    return _BankGroup(gid, title, page, page_titles.get(path, title),
                      tuple(_Section(t, qs) for t, qs in sections if qs))
