"""Write every template ("Mallar") as an empty Word file into the built site:
``site/mallar/filer/<id>.docx``, linked from each template's page.

    .venv/bin/python -m scripts.build.blank_documents site

The files are made in Chromium by the same code that makes a reader's filled
Word file (documents.js with the docx library), from the built page itself,
so a blank file and a filled one always have the same headings and text.
Like the PDFs, this is a step after the build (`make build`, `make offline`).
"""
from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path

from macros.data.catalog import Catalog, load
from scripts.build.browser import write_with_browser
from scripts.build.pdf import html_file, url_path
from scripts.build.serve_static import serve

ROOT = Path(__file__).resolve().parents[2]
FOLDER = "mallar/filer"


class BlankDocumentError(Exception):
    pass


def write_blank(browser, url: str, target: Path) -> Path:
    """Open a template's page in a fresh profile and save its empty Word file."""
    context = browser.new_context(locale="sv-SE", service_workers="block")  # no sw.js: see pdf.py
    try:
        page = context.new_page()
        response = page.goto(url)
        if response is None or not response.ok:
            raise BlankDocumentError(f"{url}: could not open the page")
        page.wait_for_function("() => window.shb?.features?.documents && document.querySelector('[data-shb-doc][data-shb-ready]')",
                               timeout=20_000)
        data = page.evaluate("() => window.shb.features.documents.blank()")
    finally:
        context.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(data))
    return target


def write_site_blanks(browser, site_dir: Path, catalog: Catalog | None = None) -> list[Path]:
    """Serve ``site_dir`` and write each template's empty Word file into it."""
    site_dir = Path(site_dir).resolve()
    catalog = catalog or load(ROOT / "data", ROOT / "docs")
    todo = [(t.id, url_path(site_dir, html_file(site_dir, f"mallar/{t.id}.md")))
            for t in catalog.documents.values()]
    with serve(site_dir) as base_url:
        return [write_blank(browser, base_url + path, site_dir / FOLDER / f"{tid}.docx")
                for tid, path in todo]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, help="a built site folder, e.g. site")
    args = ap.parse_args(argv)

    # Any failure stops the build with its reason.
    return write_with_browser("blank_documents", lambda browser: write_site_blanks(browser, args.site))


if __name__ == "__main__":
    sys.exit(main())
