"""Content checks: every question in data/ reaches the site, chapters read easily.

The question checks cover every question list and process in ``data/``, so
they hold for all chapters, not only the ones about the dialogue process.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.catalog import QuestionHome, load
from scripts.lix import page_lix
from scripts.sitebuild import ROOT

BANK_PAGE = "verktyg/fragebank.md"
STUB_TEXT = "Kapitlet skrivs just nu"

# The chapters written for the dialogue-process part and their question lists.
PROCESS_CHAPTERS = {
    "dialogprocessen/framgangsfaktorer.md": "framgangsfaktorer",
    "dialogprocessen/engagera-parter.md": "engagera-parter",
    "dialogprocessen/processledarens-roll.md": "processledarens-roll",
    "dialogprocessen/kommunicera.md": "kommunicera",
}

CATALOG = load(ROOT / "data", ROOT / "docs")


def _homes_by_owner() -> dict[str, list[QuestionHome]]:
    groups: dict[str, list[QuestionHome]] = defaultdict(list)
    for home in CATALOG.question_homes():
        groups[f"{home.owner_id}@{home.page}"].append(home)
    return dict(groups)


HOMES = _homes_by_owner()


def html_file(site_dir: Path, page: str) -> Path:
    """The built HTML file of a page given as a path under docs/ (directory URLs)."""
    stem = page.split("#", 1)[0].removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


class _CheckboxIds(HTMLParser):
    """Collect the id of every checkbox on a page, repeats included."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox" and attrs.get("id"):
            self.ids.append(attrs["id"])


@lru_cache(maxsize=None)
def checkbox_ids(path: Path) -> tuple[str, ...]:
    parser = _CheckboxIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return tuple(parser.ids)


def _assert_rendered_once(path: Path, homes: list[QuestionHome]) -> None:
    assert path.is_file(), f"{path} was not built"
    found = checkbox_ids(path)
    missing = [h.question.id for h in homes if f"shb-check-{h.question.id}" not in found]
    repeated = [h.question.id for h in homes if found.count(f"shb-check-{h.question.id}") > 1]
    assert not missing, f"{path}: no checkbox for the questions {missing}"
    assert not repeated, f"{path}: more than one checkbox for the questions {repeated}"


def test_the_catalog_holds_the_dialogue_process_lists():
    for page, list_id in PROCESS_CHAPTERS.items():
        qlist = CATALOG.question_list(list_id)
        assert qlist.page == page
        assert qlist.questions, f"{list_id} has no questions"
        assert all(q.id.startswith(_prefix(list_id)) for q in qlist.questions)


def _prefix(list_id: str) -> str:
    return {"framgangsfaktorer": "ff-", "engagera-parter": "ep-",
            "processledarens-roll": "pl-", "kommunicera": "kom-"}[list_id]


@pytest.mark.parametrize("owner", sorted(HOMES))
def test_every_question_is_rendered_on_its_chapter(site_dir, owner):
    homes = HOMES[owner]
    _assert_rendered_once(html_file(site_dir, homes[0].page), homes)


@pytest.mark.parametrize("owner", sorted(HOMES))
def test_every_question_is_rendered_in_the_question_bank(site_dir, owner):
    _assert_rendered_once(html_file(site_dir, BANK_PAGE), HOMES[owner])


def test_question_bank_holds_nothing_but_the_data(site_dir):
    expected = {f"shb-check-{h.question.id}" for hs in HOMES.values() for h in hs}
    found = {i for i in checkbox_ids(html_file(site_dir, BANK_PAGE)) if i.startswith("shb-check-")}
    assert found == expected


@pytest.mark.parametrize("page", sorted(PROCESS_CHAPTERS))
def test_chapter_reads_easily(page):
    score = page_lix(ROOT / "docs" / page)
    assert score <= 40, f"docs/{page} has LIX {score:.1f}; the handbook aims for 40 or below"


@pytest.mark.parametrize("page", sorted(PROCESS_CHAPTERS))
def test_chapter_is_written(site_dir, page):
    source = (ROOT / "docs" / page).read_text(encoding="utf-8")
    built = html_file(site_dir, page).read_text(encoding="utf-8")
    assert STUB_TEXT not in source, f"docs/{page} is still a stub"
    assert STUB_TEXT not in built, f"the built page of docs/{page} is still a stub"
    assert f'{{{{ questions("{PROCESS_CHAPTERS[page]}") }}}}' in source, (
        f"docs/{page} does not show its question list")
