"""Part 3 of the handbook, "Från dokument till handling": its pages as built and as written."""
from __future__ import annotations

import html
import re

import pytest

from macros.data.catalog import load
from scripts.check.lix import built_page_lix
from scripts.build.sitebuild import ROOT

DOCS = ROOT / "docs"
PAGES = ["handling/hall-processen-igang.md", "handling/dokumentation.md",
         "handling/stod-och-resurser.md", "handling/dialogspelet.md"]


def built_html(site_dir, page: str) -> str:
    return (site_dir / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment: permalinks and tags removed, entities decoded."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_checklist_page_renders_every_step_in_order_with_its_questions(site_dir):
    process = load(ROOT / "data", DOCS).process("hall-processen-igang")
    assert process.kind == "checklist"
    page = built_html(site_dir, process.page)
    heading = re.compile(r'<h2 class="shb-step-title" id="hall-processen-igang-([a-z0-9-]+)">(.*?)</h2>',
                         re.S)
    found = list(heading.finditer(page))
    assert [m.group(1) for m in found] == [s.id for s in process.steps]
    for number, (match, step) in enumerate(zip(found, process.steps), start=1):
        assert text_of(match.group(2)) == f"{number}. {step.title}"
        # The step's own section runs from its heading to the next heading of its level.
        end = found[number].start() if number < len(found) else page.index("</article>")
        section = page[match.end():end]
        ids = re.findall(r'<li class="shb-q" id="q-([a-z0-9-]+)"', section)
        assert ids == [q.id for q in step.questions], step.id
        for q in step.questions:
            assert html.escape(q.text, quote=False) in section
            assert f'<input class="shb-q__check" type="checkbox" id="shb-check-{q.id}"' in section
            assert f'<textarea class="shb-q__note" id="shb-note-{q.id}"' in section
    assert all(q.id.startswith("hp-") for s in process.steps for q in s.questions)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+46|0)\d{1,3}[- ]?\d{2,3}(?:[ -]?\d{2,3}){1,3}(?!\d)")
STREET = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|gränd|torget|backen|allén|plan) \d+\b")


# Contact details that the 2016 sources give for the national secretariat and
# its host organisation. Both are history now: the handbook must not hand them
# out as contacts (the current support organisation comes from brand.yml).
OLD_CONTACTS = ("Bellmansgatan 15", "Hornsgatan 20", "08-452 70 00", "info@skl.se",
                "overenskommelsen.se")


def contacts(text: str) -> dict[str, list[str]]:
    """The e-mail addresses, phone numbers and street addresses written in ``text``."""
    return {"e-mail": EMAIL.findall(text), "phone": PHONE.findall(text),
            "street": STREET.findall(text)}


def test_contact_patterns_find_contact_details():
    """The patterns must really find contacts, or the next test proves nothing."""
    sample = "Kansliet finns på Bellmansgatan 15 NB, tfn 08-452 70 00, e-post info@skl.se."
    assert contacts(sample) == {"e-mail": ["info@skl.se"], "phone": ["08-452 70 00"],
                                "street": ["Bellmansgatan 15"]}


def test_support_page_gives_no_contact_details_of_its_own(site_dir):
    """The shipped brand.yml has no contacts, so the page has none at all."""
    source = (DOCS / "handling/stod-och-resurser.md").read_text(encoding="utf-8")
    page = text_of(built_html(site_dir, "handling/stod-och-resurser.md"))
    for text in (source, page):
        assert contacts(text) == {"e-mail": [], "phone": [], "street": []}
        for old in OLD_CONTACTS:
            assert old.casefold() not in text.casefold(), old
    # The current support organisation comes from configuration, under this heading.
    assert '<h2 id="har-far-ni-stod">Här får ni stöd' in built_html(site_dir, "handling/stod-och-resurser.md")


@pytest.mark.parametrize("page", PAGES)
def test_page_is_written_and_plain(site_dir, page):
    source = (DOCS / page).read_text(encoding="utf-8")
    assert "Kapitlet skrivs just nu" not in source
    # As built: the checklist's steps and the support box come from data and brand.yml.
    score = built_page_lix(site_dir, page)
    assert score <= 40, f"docs/{page} has LIX {score:.1f} as built; the handbook aims for 40 or below"
