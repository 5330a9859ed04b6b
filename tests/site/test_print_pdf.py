"""The PDFs: each worksheet and checklist, the booklet, and the links to them.

The ``site_outputs`` fixture (tests/conftest.py) builds the site into a
temporary folder as `make build` does, ending with scripts/build/pdf.py, which
prints the PDFs into its pdf/ folder once per session; the PDFs are read back
with pypdf.
"""
from __future__ import annotations

import collections
import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pypdf
import pytest
from pypdf.generic import ContentStream

from macros.data.catalog import load
from macros.navigation import page_titles
from scripts.build import pdf
from scripts.build.sitebuild import ROOT

CATALOG = load(ROOT / "data", ROOT / "docs")
PRINTABLE = pdf.printable(CATALOG)
# Written out, not taken from pdf.printable(): every worksheet and checklist.
EXPECTED_PRINTABLE = {"hall-processen-igang": "checklist", "motesplanering": "checklist",
                      "rundabordssamtal": "worksheet", "samverkan": "worksheet"}
ROUND_TABLE = CATALOG.process("rundabordssamtal")
A4 = (595.0, 842.0)  # points; Chromium rounds to 594.96 x 841.92


def flat(text: str) -> str:
    """Whitespace-normalised text, so line breaks, hyphenation and ligatures
    (the font may print "fi" as one glyph, U+FB01) do not matter."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat("\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def assert_a4(reader: pypdf.PdfReader) -> None:
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) <= 1 and abs(height - A4[1]) <= 1, \
            f"page {number} is {width} x {height} pt, not A4"


@pytest.fixture(scope="session")
def pdf_dir(site_outputs) -> Path:
    """The PDFs that the build fixture printed with scripts/build/pdf.py (as `make build` does)."""
    out = site_outputs / "pdf"
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(
        [f"{p.id}.pdf" for p in PRINTABLE] + [pdf.BOOKLET_FILE])
    return out


def test_pdf_step_writes_into_any_folder(browser, site_dir, tmp_path):
    """`scripts.build.pdf SITE --out DIR`: the same files, fresh, in another folder."""
    only = type(CATALOG)(processes={"rundabordssamtal": ROUND_TABLE})
    written = pdf.write_site_pdfs(browser, site_dir, tmp_path / "out", only)
    assert [p.name for p in written] == ["rundabordssamtal.pdf", pdf.BOOKLET_FILE]
    for path in written:
        reader = pypdf.PdfReader(path)
        assert_a4(reader)
        assert "1. Beslut och ansvar" in outline_titles(reader.outline)


@pytest.fixture(scope="session")
def nav_titles() -> list[str]:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return list(page_titles(config["nav"]).values())


def test_round_table_pdf_holds_every_step_and_question_on_a4(pdf_dir, nav_titles):
    path = pdf_dir / "rundabordssamtal.pdf"
    reader = pypdf.PdfReader(path)
    assert_a4(reader)
    assert len(reader.pages) <= 6, f"blank, it takes {len(reader.pages)} pages"
    text = pdf_text(path)
    assert len(ROUND_TABLE.steps) == 8
    for i, step in enumerate(ROUND_TABLE.steps, start=1):
        assert flat(f"{i}. {step.title}") in text
        for q in step.questions:
            assert flat(q.text) in text
    questions = sum(len(s.questions) for s in ROUND_TABLE.steps)
    assert text.count("Plats för anteckningar") == questions
    # No navigation: nav titles that the page itself does not mention are absent.
    absent = [t for t in nav_titles if t not in text]
    assert "Frågebank" in nav_titles and "Frågebank" in absent
    assert "Processledarens roll" in absent
    for phrase in ("Sök", "Gå till innehållet", "Skriv ut tomt", "Skriv ut med mina anteckningar",
                   "Rensa listan", "Arbetsyta", "Exportera"):
        assert not re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text), phrase
    # Tagged, with an outline from the headings.
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert flat(ROUND_TABLE.steps[0].title) in " ".join(outline_titles(reader.outline))


def test_no_page_ends_with_a_step_heading_or_splits_a_question(pdf_dir):
    reader = pypdf.PdfReader(pdf_dir / "rundabordssamtal.pdf")
    pages = [page.extract_text() for page in reader.pages]
    headings = {flat(f"{i}. {s.title}") for i, s in enumerate(ROUND_TABLE.steps, start=1)}
    for number, text in enumerate(pages, start=1):
        lines = [flat(line) for line in text.splitlines() if flat(line)]
        body = [line for line in lines if not re.search(r"Sida \d+ av \d+", line)]
        assert body and body[-1] not in headings, f"page {number} ends with {body[-1]!r}"
    for step in ROUND_TABLE.steps:
        for q in step.questions:
            on = [n for n, text in enumerate(pages, start=1) if flat(q.text) in flat(text)]
            assert len(on) == 1, f"question {q.id} is not whole on one page: {on}"


def test_every_worksheet_and_checklist_has_its_pdf(pdf_dir):
    assert {p.id: p.kind for p in PRINTABLE} == EXPECTED_PRINTABLE
    for process in PRINTABLE:
        path = pdf_dir / f"{process.id}.pdf"
        reader = pypdf.PdfReader(path)
        assert_a4(reader)
        text = pdf_text(path)
        for step in process.steps:
            for q in step.questions:
                assert flat(q.text) in text, f"{process.id}: {q.id}"


def test_booklet_is_a4_with_an_outline_and_every_worksheet(pdf_dir):
    path = pdf_dir / pdf.BOOKLET_FILE
    reader = pypdf.PdfReader(path)
    assert_a4(reader)
    outline = outline_titles(reader.outline)
    text = pdf_text(path)
    for process in PRINTABLE:
        assert flat(process.title) in text
        assert process.title in outline, f"{process.title!r} is not in the outline"
        for step in process.steps:
            for q in step.questions:
                assert flat(q.text) in text, f"{process.id}: {q.id} missing from the booklet"
    others = [p for p in CATALOG.processes.values() if p not in PRINTABLE]
    for process in others:
        assert process.title not in outline
    # Every worksheet after the first starts at the top of a page of its own.
    tops = []
    for page in reader.pages:
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        tops.append(flat(" ".join(lines[:2])))
    in_booklet = sorted(PRINTABLE, key=lambda p: text.index(flat(p.title)))
    for process in in_booklet[1:]:
        assert any(top.startswith(flat(process.title)) for top in tops), \
            f"{process.title!r} does not start a page"


def test_filled_in_pdf_shows_the_note_and_blank_does_not(page, base_url, tmp_path):
    page.goto(base_url + "verktyg/rundabordssamtal/", wait_until="load")
    page.wait_for_function("() => typeof window.shb?.features?.print === 'object'")
    q = ROUND_TABLE.steps[1].questions[0]
    note = "Vi väljer temat grön omställning <i>och</i> bostäder"
    page.check(f"#shb-check-{q.id}")
    page.fill(f"#shb-note-{q.id}", note)
    page.emulate_media(media="print")
    filled = tmp_path / "filled.pdf"
    # The page's own @page rule must make it A4: Chromium is asked for Letter.
    page.pdf(path=str(filled), format="Letter", prefer_css_page_size=True, print_background=True)
    text = pdf_text(filled)
    questions = sum(len(s.questions) for s in ROUND_TABLE.steps)
    assert flat(note) in text
    assert text.count("Plats för anteckningar") == questions - 1
    assert_a4(pypdf.PdfReader(filled))

    # The button "Skriv ut tomt" (the print dialog stubbed), then the PDF.
    page.emulate_media(media="screen")
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Skriv ut tomt", exact=True).click()
    page.emulate_media(media="print")
    blank = tmp_path / "blank.pdf"
    page.pdf(path=str(blank), format="Letter", prefer_css_page_size=True, print_background=True)
    text = pdf_text(blank)
    assert flat(note) not in text
    assert text.count("Plats för anteckningar") == questions


def drawn_rectangles(data: bytes) -> int:
    """How many rectangles the PDF draws (Chromium draws each stroke of the
    printed tick, a rotated border, as one)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    ops = collections.Counter()
    for page in reader.pages:
        ops.update(op for _, op in ContentStream(page.get_contents(), reader).operations)
    return ops[b"re"]


def test_the_printed_tick_is_in_the_pdf_once_per_tick_and_never_when_blank(page, base_url):
    page.goto(base_url + "verktyg/rundabordssamtal/")
    page.wait_for_function("() => typeof window.shb?.features?.print === 'object'")
    page.evaluate("() => { window.print = () => {}; }")  # the buttons' print dialog
    ids = [q.id for q in ROUND_TABLE.steps[1].questions[:2]]

    def printed(ticked: int, label: str) -> int:
        for n, qid in enumerate(ids):
            page.set_checked(f"#shb-check-{qid}", n < ticked)
        page.get_by_role("button", name=label, exact=True).click()
        page.emulate_media(media="print")
        data = page.pdf(prefer_css_page_size=True)
        page.emulate_media(media="screen")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        return drawn_rectangles(data)

    notes = [printed(n, "Skriv ut med mina anteckningar") for n in (0, 1, 2)]
    assert notes[1] - notes[0] == 2 and notes[2] - notes[0] == 4, notes  # two strokes per tick
    blank = [printed(n, "Skriv ut tomt") for n in (0, 1, 2)]
    assert blank == [notes[0]] * 3, blank


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and href.split("#")[0].endswith(".pdf"):
            self.hrefs.append(href)


def pdf_links(site_dir: Path, url_path: str) -> list[str]:
    """PDF links of a built page, as paths from the site's root."""
    file = site_dir / url_path / "index.html" if url_path.endswith("/") or not url_path \
        else site_dir / url_path
    parser = Links()
    parser.feed(file.read_text(encoding="utf-8"))
    base = "http://site/" + url_path
    return [urljoin(base, href)[len("http://site/"):] for href in parser.hrefs]


def test_links_to_the_pdfs_reach_files_the_pdf_step_wrote(site_outputs, pdf_dir):
    def exists(target: str) -> bool:
        assert target.startswith("pdf/"), target
        return (pdf_dir / target[len("pdf/"):]).is_file()

    for process in PRINTABLE:
        path = pdf.page_path(process.page)
        links = pdf_links(site_outputs, path)
        assert f"pdf/{process.id}.pdf" in links, f"{path} does not link its PDF"
        assert all(exists(t) for t in links), links
    for path in ("", "arbetsblad/"):
        links = pdf_links(site_outputs, path)
        assert f"pdf/{pdf.BOOKLET_FILE}" in links, f"{path or 'start page'} lacks the booklet"
        assert all(exists(t) for t in links), links


def test_missing_page_is_a_clear_error(tmp_path):
    with pytest.raises(pdf.PdfError, match=r"docs/verktyg/rundabordssamtal\.md"):
        pdf.html_file(tmp_path, "verktyg/rundabordssamtal.md")
    assert pdf.page_path("verktyg/rundabordssamtal.md") == "verktyg/rundabordssamtal/"
    assert pdf.page_path("handling/index.md") == "handling/"
    assert pdf.page_path("index.md") == ""
