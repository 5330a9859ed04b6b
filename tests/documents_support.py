"""Helpers for the template tests (tests/documents/)."""
from __future__ import annotations

import io

import docx

from tests.worksheets_support import mounted

TEMPLATE = "mallar/minnesanteckningar/"


def open_template(page, base_url: str, path: str = TEMPLATE):
    """Go to a template's page and wait until documents.js has filled it in."""
    page.goto(base_url + path)
    mounted(page)
    page.wait_for_selector("[data-shb-doc][data-shb-ready]", state="attached")
    return page


def field(page, field_id: str):
    return page.locator(f'[data-shb-field="{field_id}"]:not([data-shb-cell])')


def slot_text(page, field_id: str) -> str:
    return page.locator(f'[data-shb-doc-paper] [data-shb-slot="{field_id}"]').first.inner_text()


def download_docx(page, label: str = "Ladda ner som Word-fil (.docx)"):
    """Press a Word button; return the file's name and the parsed document."""
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    download = info.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, docx.Document(io.BytesIO(handle.read()))


def all_text(document) -> str:
    """Every paragraph, table cell and header line of a Word document."""
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)
