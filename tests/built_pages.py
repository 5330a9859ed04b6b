"""What a reader can meet on the built site: the text of every page and the
strings of the handbook's own scripts. Shared by tests/data/test_terms.py and
tests/site/test_placeholders.py, which also read the site built with the
minimal brand in tests/fixtures/brand-minimal (every optional value empty:
the minimal_brand_site fixture in tests/conftest.py).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.helpers import FIXTURES

MINIMAL_BRAND = FIXTURES / "brand-minimal"
# The handbook's own scripts in the built site (Material's are bundle.*, lunr/, workers/).
OWN_SCRIPTS = ("worksheets.js", "timeline.js", "print.js", "iframe-worker.js")
# Attributes whose text a reader sees or hears, or that a script shows.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "content")
SKIPPED = frozenset({"script", "style", "code", "pre", "svg", "kbd", "samp"})


class _ReaderText(HTMLParser):
    """All text of <body> that can reach a reader: visible, hidden until a
    script shows it, print-only and screen-reader-only text alike, and the
    texts of attributes (tooltips, labels, the texts data-shb-* hands to
    scripts). Code, scripts and styles are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # text, joined as it stands in the page
        self.attributes: list[str] = []
        self.in_body = False
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if not self.in_body:
            return
        if tag in SKIPPED:
            self.skipping.append(tag)
            return
        if self.skipping:
            return
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (name.startswith("data-shb-")
                                                    and re.search(r"[a-zåäö]{3} ", value))):
                self.attributes.append(value)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if self.in_body and not self.skipping:
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    return " ".join("".join(parser.parts).split()) + " | " + " | ".join(parser.attributes)


def script_strings(js: str) -> str:
    """The string literals of a script, one text: what it can show a reader."""
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', js)
    return " | ".join(part for groups in literals for part in groups if part)


def pages(site: Path) -> dict[str, str]:
    """Every built page's reader text, by its path in the site."""
    return {path.relative_to(site).as_posix(): reader_text(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("*.html"))}


def scripts(site: Path) -> dict[str, str]:
    folder = site / "assets" / "javascripts"
    return {f"assets/javascripts/{name}": script_strings((folder / name).read_text(encoding="utf-8"))
            for name in OWN_SCRIPTS if (folder / name).is_file()}
