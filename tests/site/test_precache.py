"""The service worker's manifest (scripts/build/precache.py), on a small
stand-in site: what it keeps, and how a new build shows up as a new version.
The worker in a browser: test_service_worker.py."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from scripts.build import precache, vendor

FILES = {
    "index.html": "<p>Start</p>",
    "404.html": "<p>Saknas</p>",
    "verktyg/rundabordssamtal/index.html": "<p>Arbetsblad</p>",
    "assets/javascripts/shb.js": "window.shb = {};",
    "assets/stylesheets/extra.css": "p{}",
    "assets/vendor/docx/docx.js": "var docx = {};",
    "search/search_index.json": '{"config": {"lang": ["sv"]}, "docs": []}',
    # The search's scripts for its own language (from the index's config).
    "assets/javascripts/lunr/min/lunr.sv.min.js": "sv",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
    "assets/images/logo.svg": "<svg/>",
    "sitemap.xml": "<urlset/>",  # instant navigation reads it
}
NOT_KEPT = {
    "pdf/rundabordssamtal.pdf": "%PDF",
    "mallar/filer/inbjudan.docx": "PK",
    "samverkanshandboken-offline.zip": "PK",
    "sitemap.xml.gz": "gz",
    "_headers": "/*",
    "assets/javascripts/bundle.min.js.map": "{}",
    "assets/javascripts/lunr/min/lunr.de.min.js": "de",  # other languages' search
    "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
    "assets/javascripts/lunr/wordcut.js": "th",
    **{f"{precache.WORKBOX_DIR}/{name}.js": "this.workbox={};" for name in precache.WORKBOX},
}


def stand_in(root: Path) -> Path:
    for rel, text in {**FILES, **NOT_KEPT}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def listed(site: Path) -> dict[str, str]:
    """url -> revision, as sw.js hands them to Workbox."""
    body = re.search(r"precacheAndRoute\(\[(.*?)\]", (site / precache.WORKER).read_text(encoding="utf-8"), re.S)
    return {e["url"]: e["revision"] for e in json.loads("[" + body.group(1) + "]")}


def test_the_worker_keeps_pages_assets_and_search_but_not_downloads(tmp_path):
    site = stand_in(tmp_path)
    precache.apply(site)
    assert set(listed(site)) == set(FILES)


def test_a_new_build_is_a_new_worker_with_only_the_changed_revisions(tmp_path):
    site = stand_in(tmp_path)
    precache.apply(site)
    first_worker, first = (site / precache.WORKER).read_bytes(), listed(site)
    precache.apply(site)  # the same build again: the same bytes, so no update for the browser
    assert (site / precache.WORKER).read_bytes() == first_worker
    (site / "verktyg/rundabordssamtal/index.html").write_text("<p>Arbetsblad, ny version</p>", encoding="utf-8")
    precache.apply(site)
    second = listed(site)
    assert (site / precache.WORKER).read_bytes() != first_worker
    assert set(second) == set(first)
    assert {u for u in first if first[u] != second[u]} == {"verktyg/rundabordssamtal/index.html"}


def test_the_worker_never_takes_over_a_page_of_the_old_version(tmp_path):
    """No skipWaiting or clientsClaim: a new version waits until no tab of the
    site is open, so one page never mixes old and new files."""
    site = stand_in(tmp_path)
    precache.apply(site)
    text = (site / precache.WORKER).read_text(encoding="utf-8")
    assert "skipWaiting" not in text and "clientsClaim" not in text and "claim(" not in text


def test_the_worker_runs_and_hands_workbox_its_manifest(tmp_path):
    """sw.js, run in Node with Workbox stood in: it imports Workbox's files
    (the ones vendor.py copies) and precaches the manifest."""
    site = stand_in(tmp_path)
    precache.apply(site)
    script = """
const vm = require('node:vm'), fs = require('node:fs');
const calls = [];
const ctx = { importScripts: (...f) => calls.push(['import', f]),
  workbox: { precaching: { cleanupOutdatedCaches: () => calls.push(['cleanup']),
    precacheAndRoute: (list, opts) => calls.push(['precache', list.length, opts.directoryIndex,
      opts.ignoreURLParametersMatching.map(String)]) } } };
vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf-8'), ctx);
process.stdout.write(JSON.stringify(calls));
"""
    out = subprocess.run(["node", "-e", script, str(site / precache.WORKER)], capture_output=True,
                         text=True, check=True).stdout
    imported, cleanup, precached = json.loads(out)
    copied = {target for _, target in vendor.LIBRARIES}
    assert imported[0] == "import" and imported[1] and set(imported[1]) <= copied
    assert [Path(f).stem for f in imported[1]] == list(precache.WORKBOX)
    assert cleanup == ["cleanup"]
    # The search's highlight (?h=) finds the page too.
    assert precached == ["precache", len(FILES), "index.html", ["/^h$/", "/^utm_/", "/^fbclid$/"]]


def test_no_worker_without_workbox_in_the_site(tmp_path):
    site = stand_in(tmp_path)
    (site / precache.WORKBOX_DIR / "workbox-precaching.js").unlink()
    with pytest.raises(SystemExit, match="workbox-precaching"):
        precache.apply(site)
    assert not (site / precache.WORKER).exists()


def test_the_built_site_lists_every_page_and_the_search_index(site_dir):
    """sw.js as the build writes it (after csp): every page and the search
    index with the revision of the file as served, Workbox and its licence
    beside it, and no PDF or Word file."""
    entries = listed(site_dir)
    pages = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}
    assert pages <= set(entries)
    assert {"search/search_index.json", "assets/javascripts/shb.js", "assets/vendor/docx/docx.js"} <= set(entries)
    assert not [u for u in entries if u.endswith((".pdf", ".docx", ".zip"))]
    assert entries == {e["url"]: e["revision"] for e in precache.manifest(site_dir)}
    licence = (site_dir / precache.WORKBOX_DIR / "LICENSE.txt").read_text(encoding="utf-8")
    assert licence == (vendor.ROOT / "node_modules" / "workbox-precaching" / "LICENSE").read_text(encoding="utf-8")
