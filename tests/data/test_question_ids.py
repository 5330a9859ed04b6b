"""Question ids are never changed nor reused (README: "Ändra aldrig id").

Readers' notes are stored under the ids. tests/fixtures/question_ids.txt holds
every id ever shipped, in the order added, and only grows. The expected values
here come from that file, from the YAML read as plain data and from the table
below, not from the code that renders the questions.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.data.catalog import load
from scripts.build.sitebuild import ROOT
from tests.helpers import FIXTURES, ids_in_data

ID_FILE = FIXTURES / "question_ids.txt"

# Where each question list and process lives: its page under docs/. Written
# out; a new list is added here by hand.
HOMES = {
    "dialogprocess": "dialogprocessen/index.md",
    "hall-processen-igang": "handling/hall-processen-igang.md",
    "motesplanering": "verktyg/planera-motet.md",
    "rundabordssamtal": "verktyg/rundabordssamtal.md",
    "samverkan": "verktyg/samverkan.md",
    "dialogspelet": "handling/dialogspelet.md",
    "dokumentation": "handling/dokumentation.md",
    "engagera-parter": "dialogprocessen/engagera-parter.md",
    "framgangsfaktorer": "dialogprocessen/framgangsfaktorer.md",
    "kommunicera": "dialogprocessen/kommunicera.md",
    "processledarens-roll": "dialogprocessen/processledarens-roll.md",
    "roller-och-beslutsvag": "dialogprocessen/roller-och-beslutsvag.md",
    "samverkan-facilitator": "verktyg/samverkan.md",
}


def id_file() -> tuple[list[str], set[str]]:
    """(every id shipped, in order; the retired ones)."""
    shipped, retired = [], set()
    for number, line in enumerate(ID_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"(retired )?([a-z0-9-]{1,100})", line)
        assert match, f"{ID_FILE.name}:{number}: {line!r} is neither an id nor 'retired <id>'"
        (retired.add if match.group(1) else shipped.append)(match.group(2))
    return shipped, retired


def test_every_id_in_the_data_has_been_recorded():
    shipped, _ = id_file()
    current = [i for ids in ids_in_data().values() for i in ids]
    new = [i for i in current if i not in shipped]
    assert new == [], f"add these ids at the end of tests/fixtures/{ID_FILE.name}: {new}"


def gone(shipped: list[str], retired: set[str], data: dict[str, list[str]]) -> list[str]:
    current = {i for ids in data.values() for i in ids}
    return [i for i in shipped if i not in current and i not in retired]


def test_no_shipped_id_disappears_or_comes_back():
    shipped, retired = id_file()
    current = {i for ids in ids_in_data().values() for i in ids}
    assert len(shipped) == len(set(shipped)), "an id is listed twice"
    assert retired <= set(shipped), f"retired ids that were never shipped: {retired - set(shipped)}"
    gone_ids = gone(shipped, retired, ids_in_data())
    assert gone_ids == [], (f"these ids are gone from data/: keep the questions under the same id, or, if "
                        f"they are taken out on purpose, add 'retired <id>' lines: {gone_ids}")
    reused = sorted(retired & current)
    assert reused == [], f"retired ids are used again: {reused}"


def test_the_id_file_only_grows():
    """Against the last commit: its lines are still the first lines of the file.
    (Outside a Git checkout there is nothing to compare with.)"""
    committed = subprocess.run(["git", "show", f"HEAD:tests/fixtures/{ID_FILE.name}"], cwd=ROOT,
                               capture_output=True, text=True) if shutil.which("git") else None
    before = committed.stdout.splitlines() if committed and committed.returncode == 0 else []
    now = ID_FILE.read_text(encoding="utf-8").splitlines()
    assert now[:len(before)] == before, f"{ID_FILE.name} was edited: only add lines at its end"


def test_the_checks_catch_a_changed_id():
    """The test above can fail: data with one id renamed, then with it retired."""
    shipped, retired = id_file()
    renamed = {k: [i + "-ny" if i == "rb-beslut-mandat" else i for i in v] for k, v in ids_in_data().items()}
    assert gone(shipped, retired, renamed) == ["rb-beslut-mandat"]
    assert gone(shipped, retired | {"rb-beslut-mandat"}, renamed) == []


def test_question_homes_are_the_ones_written_out():
    """Each list and process lives on the page written out above, in data/ and
    as the catalog (which the question bank uses) reads it."""
    for path in sorted((ROOT / "data").glob("*/*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.parent.name in ("processes", "questions"):
            assert HOMES.get(doc["id"]) == doc["page"], f"{path.name}: page {doc['page']!r}"
    catalog = load(ROOT / "data", ROOT / "docs")
    homes = {h.owner_id: h.page for h in catalog.question_homes()}
    assert homes == HOMES
    data = ids_in_data()
    by_owner: dict[str, list[str]] = {}
    for h in catalog.question_homes():
        by_owner.setdefault(h.owner_id, []).append(h.question.id)
    assert by_owner == data


class _Checkboxes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox" and (attrs.get("id") or "").startswith("shb-check-"):
            self.ids.append(attrs["id"].removeprefix("shb-check-"))


def checkboxes(site_dir: Path, page: str) -> list[str]:
    stem = page.removesuffix(".md")
    html = site_dir / (stem.removesuffix("index") if stem.endswith("index") else stem + "/") / "index.html"
    parser = _Checkboxes()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser.ids


def test_every_question_is_on_its_page_and_in_the_bank_once(site_dir):
    data = ids_in_data()
    bank = checkboxes(site_dir, "verktyg/fragebank.md")
    assert sorted(bank) == sorted(i for ids in data.values() for i in ids)
    for owner, page in HOMES.items():
        on_page = checkboxes(site_dir, page)
        for qid in data[owner]:
            assert on_page.count(qid) == 1, f"{qid} on {page}: {on_page.count(qid)} times"
