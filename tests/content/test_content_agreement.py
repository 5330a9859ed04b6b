"""Part 1 of the handbook (Start, "Det här är en överenskommelse", the glossary,
"Om handboken"): its pages as built and as written."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.data.catalog import load
from macros.data.schema import Term
from scripts.check.lix import built_page_lix
from scripts.build.sitebuild import ROOT

PAGES = (
    "index.md",
    "overenskommelse/index.md",
    "overenskommelse/samhallsutveckling.md",
    "overenskommelse/varfor.md",
    "overenskommelse/principerna.md",
    "begrepp.md",
    "om.md",
)

PRINCIPLES = (
    ("Självständighet och oberoende", "sjalvstandighet-och-oberoende"),
    ("Dialog", "dialog"),
    ("Kvalitet", "kvalitet"),
    ("Långsiktighet", "langsiktighet"),
    ("Öppenhet och insyn", "oppenhet-och-insyn"),
    ("Mångfald", "mangfald"),
)

STUB = "Kapitlet skrivs just nu"


def built(site_dir: Path, page: str) -> str:
    """The built HTML of a page given by its path under docs/."""
    stem = page.removesuffix(".md")
    folder = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    return (site_dir / folder / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's main content, without navigation, header and footer."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert match, "the page has no article element"
    return match.group(1)


class _Headings(HTMLParser):
    """Collects (id, visible text) of every heading of one level, skipping permalinks."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag
        self.headings: list[tuple[str | None, str]] = []
        self._text: list[str] | None = None
        self._id: str | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == self.tag:
            self._text, self._id = [], attrs.get("id")
        elif self._text is not None and tag == "a" and "headerlink" in (attrs.get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag == self.tag and self._text is not None:
            self.headings.append((self._id, " ".join("".join(self._text).split())))
            self._text = None

    def handle_data(self, data):
        if self._text is not None and not self._skip:
            self._text.append(data)


def headings(html: str, tag: str) -> list[tuple[str | None, str]]:
    parser = _Headings(tag)
    parser.feed(article(html))
    return parser.headings


def attribute(text: str) -> str:
    """A text as Python-Markdown writes it into an attribute value."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;"))


def content(text: str) -> str:
    """A text as Python-Markdown or Jinja autoescape writes it into element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def spellings(term: Term) -> set[str]:
    words = {term.term, *term.forms}
    return words | {w[:1].upper() + w[1:] for w in words}


@pytest.fixture(scope="module")
def terms() -> tuple[Term, ...]:
    return load(ROOT / "data", ROOT / "docs").glossary.terms


def test_the_six_principles_are_the_h2s_of_their_page_in_order(site_dir):
    found = headings(built(site_dir, "overenskommelse/principerna.md"), "h2")
    assert found == [(anchor, title) for title, anchor in PRINCIPLES]


def test_each_principle_has_its_own_text(site_dir):
    body = article(built(site_dir, "overenskommelse/principerna.md"))
    sections = re.split(r"<h2\b", body)[1:]
    assert len(sections) == len(PRINCIPLES)
    for (title, _), section in zip(PRINCIPLES, sections):
        paragraphs = re.findall(r"<p>(.*?)</p>", section, re.S)
        words = sum(len(re.sub(r"<[^>]+>", " ", p).split()) for p in paragraphs)
        assert words >= 40, f"the principle {title!r} has only {words} words of text"


def test_every_term_has_a_definition(terms):
    assert len(terms) >= 18
    for term in terms:
        assert term.definition.strip(), f"{term.id} has an empty definition"


@pytest.mark.parametrize("term_id", [
    "overenskommelse", "dialogprocess", "ideburen-organisation", "ideburen-sektor",
    "civilsamhalle", "offentlig-part", "processledare", "forankring", "remissrunda",
    "fullmaktige", "rostbarare", "samverkan", "samtalsdemokrati", "governance", "eu-koden",
    "rundabordssamtal", "involveringstrappa", "facilitator",
])
def test_the_brief_s_terms_are_in_the_glossary(terms, term_id):
    assert term_id in {t.id for t in terms}


def test_every_term_is_on_the_glossary_page(site_dir, terms):
    html = article(built(site_dir, "begrepp.md"))
    for term in terms:
        assert f'<dt id="begrepp-{term.id}">{content(term.term)}</dt>' in html, term.id
        definition = " ".join(term.definition.split())
        assert content(definition) in " ".join(html.split()), term.id


def test_every_term_has_a_tooltip_in_a_chapter(site_dir, terms):
    pages = {path: path.read_text(encoding="utf-8")
             for path in site_dir.rglob("*.html")
             if path.parent.name not in ("begrepp", "404") and path.name == "index.html"}
    missing = []
    for term in terms:
        title = attribute(" ".join(term.definition.split()))
        shown = {m for html in pages.values()
                 for m in re.findall(rf'<abbr class="shb-term" tabindex="0" title="{re.escape(title)}">([^<]*)</abbr>', html)}
        if not shown:
            missing.append(term.id)
        assert shown <= spellings(term), f"{term.id}: tooltip on a word not in its forms: {shown}"
    assert not missing, f"no chapter shows a tooltip for: {missing}"


def test_a_tooltip_covers_a_two_word_term(site_dir, terms):
    html = built(site_dir, "overenskommelse/index.md")
    term = next(t for t in terms if t.id == "ideburen-organisation")
    title = attribute(" ".join(term.definition.split()))
    assert f'<abbr class="shb-term" tabindex="0" title="{title}">idéburna organisationer</abbr>' in html


@pytest.mark.parametrize("page", PAGES)
def test_page_reads_easily(site_dir, page):
    # Scored as built, so the definitions from data/glossary.yml on begrepp.md count.
    score = built_page_lix(site_dir, page)
    assert score <= 40, f"docs/{page} has LIX {score:.1f} as built; the handbook aims for 40 or below"


@pytest.mark.parametrize("page", PAGES)
def test_page_is_written(site_dir, page):
    assert STUB not in (ROOT / "docs" / page).read_text(encoding="utf-8")
    html = built(site_dir, page)
    assert STUB not in html
    assert len(headings(html, "h1")) == 1


def test_intro_tells_what_happened_after_2008(site_dir):
    text = re.sub(r"<[^>]+>", "", article(built(site_dir, "overenskommelse/index.md")))
    assert "2008" in text and "februari 2018" in text
    assert "Nationellt organ för dialog och samråd mellan regeringen och det civila samhället" in text


def test_about_page_credits_sources_and_states_licences(site_dir):
    text = re.sub(r"<[^>]+>", "", article(built(site_dir, "om.md")))
    for title in ("Guide till en överenskommelse", "Tidsaxel över dialogprocess",
                  "Rundabordssamtal i strategiska partnerskap",
                  "Processtöd nystart eller omstart för samverkan"):
        assert title in text, title
    assert "Partsrådet" in text and "Överenskommelsens kansli" in text
    assert "CC BY 4.0" in text and "MIT" in text
    # Boverket's ladder stands in for the checklist's picture: credited as a source beside the five.
    assert "fem källor" in text and "Boverkets delaktighetstrappa" in text


def test_the_glossary_ties_the_involvement_ladder_to_the_one_shown(terms):
    # One name (data/terms.yml): the term is Boverket's, and the source's name
    # for its ladder is a form that gets the same tooltip.
    term = next(t for t in terms if t.id == "involveringstrappa")
    assert term.term == "delaktighetstrappa"
    assert "Boverkets delaktighetstrappa" in " ".join(term.definition.split())
    assert {"delaktighetstrappan", "involveringstrappa", "involveringstrappan"} <= set(term.forms)


def _site_text() -> dict[str, str]:
    # data/terms.yml lists the variants to avoid, so it holds them on purpose.
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted(
        p for p in (ROOT / "data").rglob("*.yml") if p.name != "terms.yml")
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in files}


def test_words_are_written_one_way_in_docs_and_data():
    for path, text in _site_text().items():
        flat = " ".join(text.split())
        # Tjänsteperson, not tjänsteman, in every form.
        assert not re.search(r"\b[Tt]jänstem[aä]n", flat), path
        # The national agreement of 2008 is Överenskommelsen, with a capital Ö;
        # the only other national one meant is the agreement on integration.
        for match in re.finditer(r"nationella överenskommelsen(?! inom integrationsområdet)", flat):
            raise AssertionError(f"{path}: {flat[match.start() - 40:match.end() + 40]}")
        assert "social politik" not in flat, path


def test_start_page_guides_to_every_part(site_dir):
    html = article(built(site_dir, "index.md"))
    assert ("hitta-ratt", "Hitta rätt") in headings(built(site_dir, "index.md"), "h2")
    for target in ("overenskommelse/", "dialogprocessen/", "handling/hall-processen-igang/",
                   "verktyg/rundabordssamtal/", "verktyg/planera-motet/", "verktyg/samverkan/",
                   "verktyg/fragebank/", "begrepp/"):
        assert f'href="{target}"' in html, target
