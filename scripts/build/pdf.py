"""Print the worksheets and checklists of a built site to PDF, in Chromium.

    .venv/bin/python -m scripts.build.pdf site              # writes site/pdf/*.pdf
    .venv/bin/python -m scripts.build.pdf site --out /tmp/pdf

Writes one PDF per process whose kind is worksheet or checklist
(``<process id>.pdf``, printed from the page that holds it) and a booklet
with all of them (``samverkanshandboken-arbetsblad.pdf``, printed from the
page ``arbetsblad/``). All are blank: each page opens in a fresh browser
profile and is printed in print.js's blank mode. A4, tagged, with an outline
from the headings.

It needs only the folder of built HTML and the data in ``data/`` (to know
which processes to print), not MkDocs, so it keeps working if the site
generator changes.
"""
from __future__ import annotations

import argparse
import html
import sys
from dataclasses import dataclass
from pathlib import Path

from macros.data.catalog import Catalog, load
from macros.worksheets import PRINTABLE_KINDS
from scripts.build.browser import write_with_browser
from scripts.build.serve_static import serve

ROOT = Path(__file__).resolve().parents[2]
BOOKLET_FILE = "samverkanshandboken-arbetsblad.pdf"
BOOKLET_PAGE = "arbetsblad.md"
BOOKLET_TITLE = "Alla arbetsblad och checklistor"

# Chromium draws these in the page margin that print.css sets with @page.
# The classes are filled in by Chromium: document title and page numbers.
HEADER_TEMPLATE = "<span></span>"
FOOTER_TEMPLATE = (
    '<div style="box-sizing:border-box;width:100%;padding:0 16mm;font-size:8pt;'
    'font-family:system-ui,sans-serif;color:#333;display:flex;justify-content:space-between">'
    '<span>{title}</span>'
    '<span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span>'
    "</div>"
)


class PdfError(RuntimeError):
    pass


@dataclass(frozen=True)
class PrintJob:
    """One page of the site to print into one PDF file."""

    page: str      # source page, relative to docs/, e.g. verktyg/rundabordssamtal.md
    filename: str  # name of the PDF in the output folder
    title: str     # shown in the footer of every sheet


def page_path(page: str) -> str:
    """The folder of a page under directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    path = page.split("#", 1)[0]
    if not path.endswith(".md"):
        raise PdfError(f"{page!r} is not a Markdown page")
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def printable(catalog: Catalog) -> list:
    """Every process that prints as working paper, in data order."""
    return [p for p in catalog.processes.values() if p.kind in PRINTABLE_KINDS]


def jobs(catalog: Catalog) -> list[PrintJob]:
    """The single PDFs, then the booklet."""
    found = [PrintJob(p.page, f"{p.id}.pdf", p.title) for p in printable(catalog)]
    return found + [PrintJob(BOOKLET_PAGE, BOOKLET_FILE, BOOKLET_TITLE)]


def html_file(site_dir: Path, page: str) -> Path:
    """The built HTML file of a page (directory URLs or not), or a clear error."""
    path = page_path(page)
    for candidate in (site_dir / path / "index.html", site_dir / (path.rstrip("/") + ".html")):
        if candidate.is_file():
            return candidate
    raise PdfError(f"{site_dir}: the built site has no page for docs/{page} "
                   f"(looked for {path}index.html); build the site first")


def url_path(site_dir: Path, page_file: Path) -> str:
    """The URL path of a built HTML file: a/index.html -> a/, a.html -> a.html."""
    rel = page_file.relative_to(site_dir).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def print_page(browser, url: str, target: Path, title: str, mode: str = "blank") -> Path:
    """Open ``url`` in a fresh profile and print it to ``target`` on A4."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # No service worker: it would fetch the whole site behind every page printed.
    context = browser.new_context(locale="sv-SE", color_scheme="light", service_workers="block")
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            status = response.status if response is not None else "no response"
            raise PdfError(f"{url}: could not open the page ({status})")
        try:
            page.wait_for_function("() => typeof window.shb?.features?.print === 'object'", timeout=20_000)
        except PlaywrightTimeout:
            raise PdfError(f"{url}: print.js did not load, so the page cannot be prepared "
                           "for printing; check extra_javascript in mkdocs.yml") from None
        page.emulate_media(media="print")
        page.evaluate("mode => window.shb.features.print.prepare(mode)", mode)
        page.evaluate("document.fonts.ready.then(() => true)")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            prefer_css_page_size=True,
            print_background=True,
            tagged=True,
            outline=True,
            display_header_footer=True,
            header_template=HEADER_TEMPLATE,
            footer_template=FOOTER_TEMPLATE.format(title=html.escape(title)),
        )
    finally:
        context.close()
    return target


def write_pdfs(browser, base_url: str, site_dir: Path, out_dir: Path,
               catalog: Catalog) -> list[Path]:
    """Print every job of ``catalog`` from the site served at ``base_url``."""
    todo = [(job, url_path(site_dir, html_file(site_dir, job.page))) for job in jobs(catalog)]
    return [print_page(browser, base_url + path, out_dir / job.filename, job.title)
            for job, path in todo]


def write_site_pdfs(browser, site_dir: Path, out_dir: Path | None = None,
                    catalog: Catalog | None = None) -> list[Path]:
    """Serve ``site_dir`` and print its PDFs into ``out_dir`` (default: site/pdf)."""
    site_dir = Path(site_dir).resolve()
    catalog = catalog or load(ROOT / "data", ROOT / "docs")
    with serve(site_dir) as base_url:
        return write_pdfs(browser, base_url, site_dir, Path(out_dir or site_dir / "pdf"), catalog)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, help="a built site folder, e.g. site")
    ap.add_argument("--out", type=Path, help="where to write the PDFs (default: SITE/pdf)")
    args = ap.parse_args(argv)

    return write_with_browser("pdf", lambda browser: write_site_pdfs(browser, args.site, args.out), (PdfError,))


if __name__ == "__main__":
    sys.exit(main())
