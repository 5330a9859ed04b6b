"""Write the service worker that keeps the handbook readable without a
network after the first visit: ``sw.js`` at the root of a built site.

    .venv/bin/python -m scripts.build.precache site

It runs after minify, vendor and csp (scripts/build/sitebuild.py's finish and
`make build`), so the pages it lists are the pages as served. The worker is
Workbox's precaching (workbox-precaching from npm, pinned by
package-lock.json; scripts/build/vendor.py copies its browser builds into
assets/vendor/workbox/): ``sw.js`` imports those files, then hands Workbox a
manifest of every page, script, style sheet, image and the search index,
each with a revision (a hash of its bytes).

How updates work: a new build that changes any file changes its revision,
so ``sw.js`` differs and the browser installs the new worker beside the old
one. The new worker fetches what changed, but it takes over only when no tab
of the site is open any more (no skipWaiting): until then every page and
every script a page loads comes from the old version, afterwards all from
the new one, never half of each. Workbox then drops the old entries.

Not precached (fetched from the network as before): the worksheet PDFs, the
blank Word templates and the offline zip (large, and each a download in
its own right), the worker and its library (the browser keeps them with the
registration), and files for hosts (_headers, the gzipped sitemap).
sitemap.xml is kept: Material's instant navigation reads it to know which
links it may load itself.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

WORKER = "sw.js"
# The browser builds of Workbox, in the order they depend on each other;
# scripts/build/vendor.py copies them here.
WORKBOX_DIR = "assets/vendor/workbox"
WORKBOX = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
# What the worker does not keep: suffixes and folders (relative to the site).
SKIP_SUFFIXES = (".pdf", ".docx", ".zip", ".map", ".gz")
SKIP_NAMES = {WORKER, "_headers", ".nojekyll", "CNAME"}
SKIP_FOLDERS = ("pdf/", "mallar/filer/", WORKBOX_DIR + "/")


def precached(rel: str) -> bool:
    """Whether the file at ``rel`` (a path in the site, with /) goes into the manifest."""
    name = rel.rsplit("/", 1)[-1]
    return not (name in SKIP_NAMES or name.startswith(".") or rel.endswith(SKIP_SUFFIXES)
                or rel.startswith(SKIP_FOLDERS))


# Material ships lunr's stemmers for some thirty languages (and two word
# splitters, near 1 MB together); the search loads only those of its own
# languages (search/search_index.json's config), so only those are kept.
LUNR = "assets/javascripts/lunr/"


def search_scripts(site: Path) -> set[str]:
    """The lunr files that the site's search loads, by the languages of its index."""
    index = site / "search" / "search_index.json"
    langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", []) if index.is_file() else []
    needed = {f"{LUNR}min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if needed:
        needed.add(f"{LUNR}min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        needed.add(f"{LUNR}min/lunr.multi.min.js")
    if "ja" in langs:
        needed.add(f"{LUNR}tinyseg.js")
    if "th" in langs:
        needed.add(f"{LUNR}wordcut.js")
    return needed


def manifest(site: Path) -> list[dict[str, str]]:
    """Every precached file of ``site``: its URL relative to the worker and
    its revision, in a stable order."""
    entries, search = [], search_scripts(site)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if precached(rel) and (not rel.startswith(LUNR) or rel in search):
            entries.append({"url": rel, "revision": hashlib.sha256(path.read_bytes()).hexdigest()[:16]})
    return entries


def worker(entries: list[dict[str, str]]) -> str:
    """The text of sw.js for ``entries``."""
    imports = ", ".join(json.dumps(f"{WORKBOX_DIR}/{name}.js") for name in WORKBOX)
    listed = ",\n".join("  " + json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries)
    return (
        "/* Samverkanshandboken: the service worker that keeps the handbook readable without\n"
        " * a network after the first visit. Written by scripts/build/precache.py: do not edit. */\n"
        f"importScripts({imports});\n"
        "workbox.precaching.cleanupOutdatedCaches();\n"
        "// A page's address (verktyg/x/) finds its file (verktyg/x/index.html), also with\n"
        "// the search's highlight (?h=...) or a campaign's parameters after it.\n"
        "workbox.precaching.precacheAndRoute([\n"
        f"{listed}\n"
        "], { directoryIndex: \"index.html\", ignoreURLParametersMatching: [/^h$/, /^utm_/, /^fbclid$/] });\n"
    )


def apply(site: Path) -> list[dict[str, str]]:
    """Write ``site/sw.js``; stop when Workbox is not in the site (vendor has not run)."""
    site = Path(site)
    missing = [name for name in WORKBOX if not (site / WORKBOX_DIR / f"{name}.js").is_file()]
    if missing:
        raise SystemExit(f"precache: {site / WORKBOX_DIR} has no {', '.join(missing)}.js: "
                         "run scripts.build.vendor first")
    entries = manifest(site)
    (site / WORKER).write_text(worker(entries), encoding="utf-8")
    return entries


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    entries = apply(site)
    size = sum((site / e["url"]).stat().st_size for e in entries)
    print(f"precache: {site / WORKER} keeps {len(entries)} files ({size // 1024} kB) for reading offline")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
