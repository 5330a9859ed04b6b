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

from scripts.build.vendor import LIBRARIES
from tests.helpers import FIXTURES

MINIMAL_BRAND = FIXTURES / "brand-minimal"
# Scripts in the built site that are not the handbook's own: Material's
# bundle, search worker and lunr, and the libraries scripts/build/vendor.py
# copies in from npm. Every other script under assets/ is ours, wherever a
# feature keeps it: found, not listed, so a new script is read too.
MATERIAL_SCRIPTS = re.compile(r"assets/javascripts/(bundle\.[0-9a-f]+\.min\.js|lunr/.*|workers/.*)")
VENDORED = frozenset(site_path for _, site_path in LIBRARIES)
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


def own_scripts(site: Path) -> list[str]:
    """The paths (from the site's root) of every script of the handbook's own in the built site."""
    found = sorted(rel for rel in (p.relative_to(site).as_posix() for p in (site / "assets").rglob("*.js"))
                   if not MATERIAL_SCRIPTS.fullmatch(rel) and rel not in VENDORED)
    assert found, f"no script of the handbook's own under {site / 'assets'}"
    return found


def scripts(site: Path) -> dict[str, str]:
    """The strings of every script of the handbook's own, by its path in the site."""
    return {rel: script_strings((site / rel).read_text(encoding="utf-8")) for rel in own_scripts(site)}
