"""The site that ships is minified, and our own JavaScript that every page
loads on its first view (the kernel and the theme's scripts that the page
lists) stays within the budget of 10 240 B gzip (CONTRIBUTING.md,
"Budgetar"). A feature's script that the kernel loads only where a page
needs it (worksheets.js, timeline.js, now.js, documents.js, compare.js, status.js,
registers.js, which loads the build's registers-index.js beside it,
followup.js, checks.js before the three that need the store's checks, and
panel.js on Mina anteckningar) or at a button press (export.js; word.js, the
Word writer, which runs as a worker; documents-out.js; panel.js on a page with
the workspace panel) is counted apart, as `make bench` reports it; so is the
Word library, which ships minified. offline.js comes only after the service
worker is ready, never on the first view.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import rcssmin
import rjsmin

from scripts.build.minify import own_sources
from scripts.build.sitebuild import ROOT

SOURCES = own_sources()  # our JavaScript and CSS by their path in the site
OWN_SCRIPTS = {path for path in SOURCES if path.endswith(".js")}
FIRST_VIEW_BUDGET = 10_240  # bytes, gzip -9
# Loaded by the kernel where a page has their parts: the marker in the
# page's HTML, and the name the script registers under (window.shb.features).
FEATURES = {
    # Not for the compact panel (a template's page) alone: that takes it when opened.
    "assets/javascripts/worksheets.js": (r'id="shb-ws"(?![^>]*data-shb-compact)|data-shb-q="', "worksheets"),
    "assets/javascripts/timeline.js": (r"data-shb-(timeline|tl-clear|planner|ladder)\b", "timeline"),
    # "Var är vi nu?" alone (the start page): a few lines, not the whole timeline.
    "assets/javascripts/now.js": (r"data-shb-tl-now=", "now"),
    "assets/javascripts/documents.js": (r'data-shb-doc="', "documents"),
    "assets/javascripts/compare.js": (r"data-shb-compare\b", "compare"),
    "assets/javascripts/status.js": (r"data-shb-status\b", "status"),
    "assets/javascripts/registers.js": (r'data-shb-reg(-use)?="|data-shb-compare\b', "registers"),
    "assets/javascripts/followup.js": (r'data-shb-fu="', "followup"),
    # The store's checks, before the scripts that need them (shb.js NEEDS_CHECKS).
    "assets/javascripts/checks.js": (r'data-shb-reg(-use)?="|data-shb-compare\b|data-shb-fu="', "checks"),
    # The panel's buttons, dialog and the notes overview: on a first view
    # only where the overview is (elsewhere when the panel opens).
    "assets/javascripts/panel.js": (r"data-shb-ov-groups\b", "panel"),
}
# Loaded at a button press: the document model's writers (word.js as a worker,
# or into the page from disk); a template's Word, copy and example fill.
ON_CLICK_SCRIPTS = {"assets/javascripts/export.js", "assets/javascripts/word.js",
                    "assets/javascripts/documents-out.js"}
AFTER_LOAD = {"assets/javascripts/offline.js"}  # once the service worker is ready (shb.js)
FEATURE_SCRIPTS = set(FEATURES) | ON_CLICK_SCRIPTS | AFTER_LOAD
EVERY_PAGE = {"assets/javascripts/shb.js", "assets/javascripts/print.js", "assets/javascripts/glossary.js"}
SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def own_scripts_listed(site: Path, page: Path) -> set[str]:
    """Our scripts that the page's HTML lists, as paths from the site's root."""
    base = "http://site/" + page.relative_to(site).as_posix()
    found = set()
    for src in SCRIPT_SRC.findall(page.read_text(encoding="utf-8")):
        path = urlsplit(urljoin(base, src)).path.lstrip("/")
        if path in OWN_SCRIPTS:
            found.add(path)
    return found


def test_our_scripts_and_styles_ship_minified(site_dir):
    assert len(SOURCES) >= 14
    for path, source in SOURCES.items():
        shipped = (site_dir / path).read_text(encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        expected = rjsmin.jsmin(text) if source.suffix == ".js" else rcssmin.cssmin(text)
        assert shipped == expected, f"{source.name} is not shipped minified"
        assert len(shipped) < len(text)
    brand = (site_dir / "assets" / "stylesheets" / "brand.css").read_text(encoding="utf-8")
    assert brand == rcssmin.cssmin(brand) and "\n\n" not in brand


def test_our_javascript_on_every_first_view_is_within_the_budget(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 20
    over = {}
    for page in pages:
        listed = own_scripts_listed(site_dir, page)
        assert not listed & FEATURE_SCRIPTS, f"{page}: a feature script is listed for every view"
        size = sum(gz((site_dir / path).read_bytes()) for path in listed)
        if size > FIRST_VIEW_BUDGET:
            over[page.relative_to(site_dir).as_posix()] = size
    assert over == {}, f"own JavaScript over {FIRST_VIEW_BUDGET} B gzip on a first view: {over}"


def test_a_first_view_loads_only_the_listed_scripts_and_features_where_needed(browser, base_url, site_dir):
    """What Chromium fetches on a first view: the listed scripts, and a feature
    script only on a page that has its parts (never the one loaded at a click)."""
    seen = set()
    for path in ("om/", "", "verktyg/rundabordssamtal/", "dialogprocessen/", "mallar/spelregler/",
                 "verktyg/jamfor-svar/", "verktyg/mina-anteckningar/", "verktyg/aterkoppling/"):
        html = (site_dir / path / "index.html").read_text(encoding="utf-8")
        features = {name for name, (marker, _) in FEATURES.items() if re.search(marker, html)}
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(base_url + path, wait_until="load")
        for name in features:  # each feature script has run
            page.wait_for_function("name => !!(window.shb.features[name])", arg=FEATURES[name][1])
        # What the page loaded, as the page itself records it (request events
        # can miss a response served from a cache on a busy machine).
        fetched = {urlsplit(u).path.lstrip("/") for u in
                   page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")}
        listed = own_scripts_listed(site_dir, site_dir / path / "index.html")
        assert listed == EVERY_PAGE, path
        assert fetched & OWN_SCRIPTS - AFTER_LOAD == listed | features, path
        seen |= features
        ctx.close()
    assert seen == set(FEATURES)  # each feature was on one of the pages


def test_the_word_library_ships_minified_with_its_licence(site_dir):
    """docx from npm, minified by scripts/build/vendor.py; its licence beside it."""
    shipped = site_dir / "assets" / "vendor" / "docx" / "docx.js"
    source = ROOT / "node_modules" / "docx" / "dist" / "index.iife.js"
    assert shipped.stat().st_size < source.stat().st_size / 2
    assert "\n" not in shipped.read_text(encoding="utf-8").strip()[:10_000]
    licence = (site_dir / "assets" / "vendor" / "docx" / "LICENSE.txt").read_text(encoding="utf-8")
    assert licence == (ROOT / "node_modules" / "docx" / "LICENSE").read_text(encoding="utf-8")


def test_vendor_stops_with_a_clear_message_without_terser(tmp_path):
    from scripts.build.vendor import VendorError, apply

    modules = tmp_path / "node_modules"
    (modules / "docx" / "dist").mkdir(parents=True)
    (modules / "docx" / "dist" / "index.iife.js").write_text("var docx = {};\n", encoding="utf-8")
    (modules / "docx" / "LICENSE").write_text("MIT\n", encoding="utf-8")
    with pytest.raises(VendorError, match="terser"):
        apply(tmp_path / "site", modules)


# A feature's stylesheet and the marks of its parts in a page's HTML.
FEATURE_STYLES = {
    "timeline.css": r"data-shb-(timeline|planner|ladder)\b|class=\"shb-tl-back\"",
    "now.css": r"data-shb-tl-now=",
    "questions.css": r'class="shb-toolbar"|data-shb-overview\b',
    "documents.css": r'data-shb-doc="',
    "compare.css": r"data-shb-(compare|status)\b",
    "followup.css": r'data-shb-fu="',
}


def test_a_feature_stylesheet_is_linked_once_on_the_pages_with_its_parts(site_dir):
    pages = sorted(site_dir.rglob("index.html"))
    wrong, seen = [], set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for name, marks in FEATURE_STYLES.items():
            links = len(re.findall(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/' + re.escape(name) + '"', html))
            wanted = 1 if re.search(marks, html) else 0
            seen |= {name} if wanted else set()
            if links != wanted:
                wrong.append(f"{page.relative_to(site_dir)}: {name} linked {links} times, wanted {wanted}")
    assert wrong == []
    assert seen == set(FEATURE_STYLES)  # each feature is on some page
