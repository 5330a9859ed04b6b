"""Content checks: every question in data/ reaches the site, every page reads easily.

The question checks cover every question list and process in ``data/``, so
they hold for all chapters, not only the ones about the dialogue process. The
readability checks score every built page as the reader sees it (scripts/check/lix.py),
so text that the macros render from data/ and brand.yml counts too.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.catalog import QuestionHome, load
from scripts.check import lix
from scripts.check.lix import built_page, built_page_lix, html_prose
from scripts.build.sitebuild import ROOT

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
def test_chapter_reads_easily(site_dir, page):
    score = built_page_lix(site_dir, page)
    assert score <= 40, f"docs/{page} has LIX {score:.1f} as built; the handbook aims for 40 or below"


# ---- readability of every page, as built --------------------------------------

DOCS_PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))

# Built pages that are not scored, each with the reason: only where a score means nothing.
LIX_EXEMPT = {
    "404.html": "the theme's error page, not a page of docs/: two words and no prose to score",
}


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_every_page_reads_easily_as_built(site_dir, page):
    score = built_page_lix(site_dir, page)
    assert score <= 40, f"docs/{page} has LIX {score:.1f} as built; the handbook aims for 40 or below"


def test_every_built_page_is_scored_or_exempt_with_a_reason(site_dir):
    built = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}
    scored = {built_page(site_dir, page).relative_to(site_dir).as_posix() for page in DOCS_PAGES}
    assert scored <= built, f"pages of docs/ that were not built: {sorted(scored - built)}"
    assert built - scored == set(LIX_EXEMPT), "a built page is neither scored nor exempt"
    assert all(reason.strip() for reason in LIX_EXEMPT.values())


SAMPLE_PAGE = """<html><body>
<nav class="md-nav"><a href="#">Navigeringen räknas inte</a></nav>
<article class="md-content__inner md-typeset">
<div class="shb-print-only shb-print-header"><p>Sidhuvud för utskrift</p></div>
<h1 id="rubrik">Rubrik<a class="headerlink" href="#rubrik">&para;</a></h1>
<p>Första meningen har <strong>fet stil</strong> och <code>kod_som_inte_räknas</code>. Andra
meningen<br>fortsätter på nästa rad.</p>
<ul><li>en punkt utan punkt</li><li>en punkt med punkt.</li></ul>
<label for="a">Anteckningar<span class="shb-sr-only"> till frågan: Dold för ögat?</span></label>
<textarea id="a">Skrivet av läsaren</textarea>
<p hidden>Dold med hidden</p><span aria-hidden="true">Dekor</span>
<pre><code>print("kod")</code></pre>
<script type="application/json">{"text": "JSON räknas inte"}</script>
<p><span class="shb-tl__mtitle">Milstolpe</span> <span class="shb-tl__mtext">Text om den.</span></p>
<p>Sista stycket utan punkt</p>
</article>
<footer><p>Sidfoten räknas inte.</p></footer>
</body></html>"""


def test_page_text_is_the_main_content_as_shown_one_block_a_sentence():
    assert html_prose(SAMPLE_PAGE).splitlines() == [
        "Rubrik.",
        "Första meningen har fet stil och . Andra meningen fortsätter på nästa rad.",
        "en punkt utan punkt.",
        "en punkt med punkt.",
        "Anteckningar.",
        "Milstolpe.",
        "Text om den.",
        "Sista stycket utan punkt.",
    ]


def test_page_text_counts_what_macros_render_from_data(site_dir):
    glossary = " ".join(html_prose(built_page(site_dir, "begrepp.md").read_text(encoding="utf-8")).split())
    for term in CATALOG.glossary.terms:
        assert " ".join(term.definition.split()) in glossary, term.id
    statement = html_prose(built_page(site_dir, "tillganglighet.md").read_text(encoding="utf-8"))
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in statement
    assert len(lix.WORD.findall(statement)) > 100  # the rendered statement, not just its heading


def test_page_text_leaves_out_the_question_index_json(site_dir):
    html = built_page(site_dir, "verktyg/mina-anteckningar.md").read_text(encoding="utf-8")
    assert 'id="shb-question-index"' in html
    text = html_prose(html)
    assert "Mina anteckningar." in text.splitlines()
    assert '"id"' not in text and "fas-forfas-parter" not in text
    first_question = CATALOG.process("dialogprocess").steps[0].questions[0].text
    assert first_question in html and first_question not in text


def test_lix_script_scores_a_markdown_folder_and_a_built_site(site_dir, capsys):
    assert lix.main([str(ROOT / "docs")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(DOCS_PAGES)
    assert all(line.endswith(".md") or line.endswith("<- above 40") for line in lines)
    assert lix.main([str(site_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(site_dir.rglob("*.html")))
    assert not [line for line in lines if "above 40" in line and "404.html" not in line]


@pytest.mark.parametrize("page", sorted(PROCESS_CHAPTERS))
def test_chapter_is_written(site_dir, page):
    source = (ROOT / "docs" / page).read_text(encoding="utf-8")
    built = html_file(site_dir, page).read_text(encoding="utf-8")
    assert STUB_TEXT not in source, f"docs/{page} is still a stub"
    assert STUB_TEXT not in built, f"the built page of docs/{page} is still a stub"
    assert f'{{{{ questions("{PROCESS_CHAPTERS[page]}") }}}}' in source, (
        f"docs/{page} does not show its question list")


def test_samlingsfas_finds_shared_visions_as_well_as_roles():
    # Source 003 and the brief: in the Samlingsfas the parties identify shared
    # visions together with the questions of roles.
    phase = next(s for s in CATALOG.process("dialogprocess").steps if s.id == "samlingsfas")
    text = " ".join(phase.text.split())
    assert "roller" in text and "visioner" in text
    assert "fas-samling-visioner" in [q.id for q in phase.questions]
