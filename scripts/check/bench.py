"""Measure the handbook against a stock Material build of the same Markdown.

    .venv/bin/python -m scripts.check.bench [--runs 3] [--no-lighthouse] [--output build/bench.json]
    .venv/bin/python -m scripts.check.bench --build-only [--runs 15]

In one run on one machine it measures:

- cold build time (a fresh `mkdocs build` process) of the handbook and of a
  stock Material site made from the same pages and nav, and their ratio. The
  stock site gets the pages as the handbook's macros expand them
  (scripts/check/expanded_docs.py): both convert the same content, so the ratio
  and the weights show what the handbook's own machinery (macros, theme
  overrides, CSS, JavaScript, brand, glossary) adds to plain Material. For
  reference it also times the stock site with mkdocs-macros switched on and
  no module, the share of the plugin itself;
- bytes on the wire for a first view of every page (every response gzipped,
  as a static host serves them, with an empty cache) against the stock
  build: the median of the per-page ratios and the heaviest page;
- the minified and gzipped size of the project's own JavaScript and CSS
  (terser and csso, from package.json), and the own JavaScript a page loads
  on its first view: the scripts its HTML includes (the kernel shb.js and
  the theme's scripts), largest over all pages (the budget). The feature
  scripts that the kernel loads only on the pages that need them
  (worksheets.js, timeline.js, documents.js, compare.js, status.js,
  registers.js with the build's registers-index.js) or at an
  export (export.js, and word.js, the Word writer that runs as a worker) are reported apart, by name, with the pages that load
  them on their first view and the largest such page's total, and so is the
  Word library as it ships;
- the service worker apart from every first view (it registers after the
  page has loaded): sw.js and Workbox as they ship, and what it fetches in
  the background to keep the site for reading offline;
- Lighthouse on every page: the lowest score per category and its page;
- "Jämför svar" with ten files of 200 answers (bench-compare.json), and the
  register Åtaganden with 500 items (bench-registers.json): no task of it
  over 50 ms, drawing the list or filtering it (a budget); and the
  feedback report of 200 inputs (Återkoppling) made as a Word file, with
  the same budget for its longest task (the second file: the first also
  loads the Word library).

Before the builds are timed, the handbook's own Python package (macros/) is
byte-compiled, as pip byte-compiles Material, MkDocs and every other
installed package. Python does this by itself on first import, unless
PYTHONDONTWRITEBYTECODE is set (as on our CI machines); without this step
each timed build would compile macros/ from source while stock Material's
code is already compiled.

It prints a table, writes everything to a JSON file and exits non-zero when
a budget is missed. Timings are only comparable within one run.

With --build-only it measures only the build times and checks only the build
budget (in seconds rather than the minutes Lighthouse takes), writing
build/bench-build.json unless --output says otherwise.
"""
from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from scripts.build import browser as chromium
from scripts.build.minify import own_sources
from scripts.build.serve_static import serve
from scripts.build.sitebuild import finish

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lowest score allowed on any page, per category.
LIGHTHOUSE_BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
OWN_JS = "assets/javascripts/"


@dataclass(frozen=True)
class Budget:
    name: str
    value: float
    limit: float
    higher_is_better: bool = False

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def stock_config(workdir: Path) -> Path:
    """A stock Material configuration over the same Markdown and nav.

    The pages are the handbook's own after its macros have run
    (scripts/check/expanded_docs.py), so that both builds convert the same content;
    stock Material gets no overrides, no extra CSS or JavaScript, no brand and
    no plugin but search.
    """
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    subprocess.run([sys.executable, "-m", "scripts.check.expanded_docs", str(workdir / "docs")],
                   check=True, env=_env(), cwd=ROOT, capture_output=True)
    config = {
        "site_name": ours["site_name"],
        "site_url": ours.get("site_url", ""),
        "nav": ours["nav"],
        "theme": {"name": "material", "language": "sv"},
        "plugins": {"search": {"lang": "sv"}},
        "markdown_extensions": ours.get("markdown_extensions", {}),
    }
    path = workdir / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # For reference only: the same stock site with mkdocs-macros switched on
    # but no module of ours, which shows the plugin's own share of the time.
    with_macros = {**config, "plugins": {**config["plugins"], "macros": {}}}
    (workdir / "mkdocs-macros.yml").write_text(
        yaml.safe_dump(with_macros, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def timed_build(config: Path, site: Path, cpu: list[float] | None = None) -> float:
    """The build's wall-clock seconds; with ``cpu``, its processor seconds
    (user and system, its subprocesses included) are appended there."""
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                   check=True, env=_env(), cwd=config.parent)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def page_paths(site: Path) -> list[str]:
    paths = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        paths.append(rel[: -len("index.html")])
    return paths


def first_view_bytes(browser, base: str, path: str) -> int:
    """Gzipped bytes of every response for a first view of ``path`` (empty cache).

    Without the service worker: it registers after the page has loaded and
    then fetches the whole site for reading offline (offline_weight counts
    that apart)."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sizes: list[int] = []

    def record(response) -> None:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            return
        sizes.append(len(gzip.compress(body, compresslevel=6)))

    page.on("response", record)
    page.goto(base + path, wait_until="networkidle")
    context.close()
    return sum(sizes)


def page_weights(site: Path, paths: list[str]) -> dict[str, int]:
    with serve(site, compress=True) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        weights = {path: first_view_bytes(browser, base, path) for path in paths}
        browser.close()
    return weights


def offline_weight(site: Path) -> dict:
    """The service worker, apart from the first view: sw.js and Workbox's
    files (gzipped, as served), and the files its manifest lists, which it
    fetches in the background after a page has loaded (gzipped, in total)."""
    from scripts.build.precache import WORKBOX, WORKBOX_DIR, WORKER, manifest

    gz = lambda path: len(gzip.compress(path.read_bytes(), compresslevel=6))  # noqa: E731
    entries = manifest(site)
    return {"worker_gzip": gz(site / WORKER),
            "workbox_gzip": sum(gz(site / WORKBOX_DIR / f"{name}.js") for name in WORKBOX),
            "precache_files": len(entries),
            "precache_gzip": sum(gz(site / e["url"]) for e in entries)}


def node(*args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["node", *args], input=stdin, capture_output=True, check=True).stdout


def minified_gzip_size(path: Path) -> tuple[int, int]:
    """(minified bytes, minified+gzipped bytes) of one JS or CSS file."""
    source = path.read_bytes()
    if path.suffix == ".js":
        minified = subprocess.run([str(NODE_BIN / "terser"), "--compress", "--mangle"],
                                  input=source, capture_output=True, check=True).stdout
    else:
        script = ("const csso=require('csso');let s='';process.stdin.on('data',d=>s+=d);"
                  "process.stdin.on('end',()=>process.stdout.write(csso.minify(s).css));")
        minified = subprocess.run(["node", "-e", script], input=source, capture_output=True,
                                  check=True, cwd=ROOT).stdout
    return len(minified), len(gzip.compress(minified, compresslevel=9))


def own_assets() -> dict[str, dict[str, int]]:
    sizes = {}
    for path in own_sources().values():
        if path.suffix in (".js", ".css"):
            minified, gzipped = minified_gzip_size(path)
            sizes[path.relative_to(ROOT).as_posix()] = {
                "source": path.stat().st_size, "minified": minified, "gzip": gzipped}
    return sizes


def lighthouse(site: Path, chrome_path: str, paths: list[str]) -> tuple[dict, dict[str, list[str]]]:
    """Scores per page and category, and the ids of the weighted audits that fall short."""
    scores: dict[str, dict[str, int]] = {}
    failing: dict[str, list[str]] = {}
    with serve(site, compress=True) as base, tempfile.TemporaryDirectory() as tmp:
        for index, path in enumerate(paths):
            name = path or "/"
            report = Path(tmp) / f"{index}.json"
            subprocess.run(
                [str(NODE_BIN / "lighthouse"), base + path, "--quiet", "--output=json",
                 f"--output-path={report}", "--preset=desktop",
                 "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
                 "--chrome-flags=--headless=new " + " ".join(chromium.CHROMIUM_ARGS)],
                check=True, env={**os.environ, "CHROME_PATH": chrome_path}, capture_output=True)
            data = json.loads(report.read_text(encoding="utf-8"))
            scores[name] = {c: round(100 * (data["categories"][c]["score"] or 0))
                            for c in LIGHTHOUSE_CATEGORIES}
            failing[name] = sorted(
                ref["id"] for c in LIGHTHOUSE_CATEGORIES for ref in data["categories"][c]["auditRefs"]
                if ref.get("weight") and (data["audits"][ref["id"]].get("score") is not None)
                and data["audits"][ref["id"]]["score"] < 1)
    return scores, failing


COMPARE_PAGE = "verktyg/jamfor-svar/"


def compare_speed(site: Path, files: int = 10, answers: int = 200, runs: int = 5) -> dict:
    """"Jämför svar" with ``files`` exports of ``answers`` answers each: the time
    in Chromium from choosing the files to the comparison shown (the input's
    change event to the first frame after compare.js has drawn), and the
    longest task that blocked the page meanwhile. Median of ``runs`` fresh pages."""
    index = json.loads(re.search(r'id="shb-question-index">(.*?)</script>',
                                 (site / COMPARE_PAGE / "index.html").read_text(encoding="utf-8")).group(1))
    ids = [q["id"] for q in index["questions"]][:answers]
    ids += [f"borttagen-{i}" for i in range(answers - len(ids))]  # orphans make up the rest
    times, longest = [], []
    with tempfile.TemporaryDirectory() as tmp, serve(site, compress=True) as base, sync_playwright() as p:
        paths = []
        for n in range(files):
            party = f"Part {n + 1}"
            file = {"kind": "samverkanshandboken-anteckningar", "version": 2, "active": "w", "workspaces": {"w": {
                "name": party, "party": party, "answers": {
                    qid: {"checked": (i + n) % 3 != 0, "note": f"{party} om fråga {i}: " + "text " * 20,
                          "text": f"Fråga {i}"} for i, qid in enumerate(ids)}, "values": {}}}}
            paths.append(Path(tmp) / f"part-{n + 1}.json")
            paths[-1].write_text(json.dumps(file), encoding="utf-8")
        browser = chromium.launch(p)
        for _ in range(runs):
            page = browser.new_page(service_workers="block")
            page.goto(base + COMPARE_PAGE, wait_until="networkidle")
            page.wait_for_function("() => !!(window.shb && window.shb.features.compare)")
            page.evaluate("""() => {
                window.__long = 0;
                new PerformanceObserver((l) => l.getEntries().forEach((e) => {
                    window.__long = Math.max(window.__long, e.duration); })).observe({type: 'longtask'});
                document.getElementById('shb-cmp-file').addEventListener('change',
                    () => { window.__t0 = performance.now(); }, {capture: true});
            }""")
            page.set_input_files("#shb-cmp-file", [str(path) for path in paths])
            page.wait_for_function(f"() => document.querySelector('[data-shb-compare]').dataset.shbCmpFiles === '{files}'",
                                   timeout=120_000)
            times.append(page.evaluate("""() => new Promise((done) => requestAnimationFrame(() =>
                requestAnimationFrame(() => done(performance.now() - window.__t0))))"""))
            longest.append(page.evaluate("window.__long"))
            page.close()
        browser.close()
    return {"files": files, "answers_per_file": answers, "runs": runs,
            "shown_ms": round(statistics.median(times)), "runs_ms": [round(t) for t in times],
            "longest_task_ms": round(statistics.median(longest))}


def report_compare_speed(site: Path, output: Path) -> None:
    """Print the compare page's speed and write it beside bench.json."""
    result = compare_speed(site)
    print(f"compare   {result['files']} files of {result['answers_per_file']} answers: shown after "
          f"{result['shown_ms']} ms (median of {result['runs']}), longest task {result['longest_task_ms']} ms")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


REGISTER_PAGE = "verktyg/ataganden/"
# No task of the register page may block it longer than this (ms) with
# REGISTER_ITEMS items: drawing the list, and drawing it again after a filter.
REGISTER_TASK_BUDGET = 50
REGISTER_ITEMS = 500


def register_speed(site: Path, items: int = REGISTER_ITEMS, runs: int = 5) -> dict:
    """The register Åtaganden with ``items`` items in the workspace: the
    longest task from registers.js's arrival to the list drawn, the time from
    the navigation's start to the list drawn, and the longest task when a
    filter redraws it. Median of ``runs`` fresh pages."""
    statuses = ["inte-paborjat", "pagar", "klart", "andrat", "avslutat"]
    store = {"version": 3, "active": "w", "workspaces": {"w": {
        "name": "Mätning", "party": "Kommunen", "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z",
        "answers": {}, "values": {}, "registers": {"ataganden": [
            {"id": f"r{i}", "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z", "values": {
                "vad": f"Åtagande {i}: " + "text " * 20, "part": ("Kommunen", "Föreningsrådet", "Båda parterna")[i % 3],
                "ansvarig": "Kontaktpersonen", "datum": f"20{26 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "status": statuses[i % 5], "kommentar": "En kommentar."}} for i in range(items)]}}}}
    loads, drawn, filters = [], [], []
    # Long tasks that begin once registers.js has arrived (what the page did
    # before, Material's own scripts, is not the register's), then from a
    # filter. Begin, not end: the page's start-up task (Material's
    # DOMContentLoaded, in which the kernel asks for registers.js) is still
    # running when the script arrives; it is as long with no items (the
    # kernel's reading of the 500 is a few ms of it), and counting it made
    # the budget measure Material's start-up.
    observe = """() => { window.__tasks = []; new PerformanceObserver((l) => window.__tasks.push(...l.getEntries()))
        .observe({type: 'longtask', buffered: true}); }"""
    longest = """(from) => Math.max(0, ...window.__tasks.filter((t) => t.startTime >= from).map((t) => t.duration))"""
    arrived = """() => performance.getEntriesByType('resource').find((e) => e.name.includes('/registers.js')).responseEnd"""
    # Waited for, and the filter chosen, by the page's own means: Playwright's
    # waits and select_option inject its script and hit-test the page, tasks
    # of 10-17 ms CPU of its own that a loaded machine stretched past the
    # budget. `shown` resolves two frames after every row of the latest
    # drawing is in (with the time, for drawn_ms).
    shown = """(n) => new Promise((done, fail) => { const root = document.querySelector('[data-shb-reg]');
        setTimeout(() => fail(new Error('the register was not drawn in 60 s')), 60000);
        const check = () => root.hasAttribute('data-shb-reg-drawn') && (n < 0 || document.querySelectorAll('[data-shb-reg-item]').length === n)
            ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))) : requestAnimationFrame(check);
        check(); })"""
    choose = """() => { const start = performance.now(), pick = document.querySelector('[data-shb-reg-filter="status"]');
        pick.value = 'open';
        pick.dispatchEvent(new Event('change', {bubbles: true}));
        return start; }"""
    with serve(site, compress=True) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        for _ in range(runs):
            context = browser.new_context(service_workers="block")
            context.add_init_script(f"localStorage.setItem('shb:v1:/', {json.dumps(json.dumps(store))});")
            page = context.new_page()
            page.goto(base + REGISTER_PAGE, wait_until="load")
            page.evaluate(observe)
            drawn.append(page.evaluate(shown, items))
            loads.append(page.evaluate(longest, page.evaluate(arrived)))
            start = page.evaluate(choose)
            page.evaluate(shown, -1)
            filters.append(page.evaluate(longest, start))
            rows = page.evaluate("document.querySelectorAll('[data-shb-reg-item]').length")
            assert 0 < rows < items, f"the filter drew {rows} of {items} items"
            context.close()
        browser.close()
    return {"items": items, "runs": runs, "drawn_ms": round(statistics.median(drawn)),
            "longest_task_ms": round(statistics.median(loads)),
            "longest_task_filter_ms": round(statistics.median(filters))}


FEEDBACK_PAGE = "verktyg/aterkoppling/"
FEEDBACK_ITEMS = 200


def feedback_speed(site: Path, items: int = FEEDBACK_ITEMS, runs: int = 3) -> dict:
    """The register Återkoppling with ``items`` inputs: the longest task
    while the feedback report is made as a Word file. The first file loads
    the Word library (its parsing is the library's, the same for every
    export); the second is measured. Median of ``runs`` fresh pages."""
    answers = ["obesvarad", "med", "delvis", "inte-med", "senare"]
    store = {"version": 3, "active": "w", "workspaces": {"w": {
        "name": "Mätning", "party": "Kommunen", "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z",
        "answers": {}, "values": {}, "registers": {"aterkoppling": [
            {"id": f"f{i}", "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z", "values": {
                "fran": f"Grupp {i % 7}", "steg": ("Rundabordssamtal", "Öppet möte", "Remiss")[i % 3],
                "synpunkt": f"Synpunkt {i}: " + "text " * 30, "svar": answers[i % 5], "varfor": "Ett skäl. " * 5}}
            for i in range(items)]}}}}
    observe = """() => { window.__tasks = []; new PerformanceObserver((l) => window.__tasks.push(...l.getEntries()))
        .observe({type: 'longtask', buffered: true}); }"""
    longest = """(from) => Math.max(0, ...window.__tasks.filter((t) => t.startTime + t.duration > from).map((t) => t.duration))"""
    button = '[data-shb-fu-kind="feedback"][data-shb-fu-out="docx"]'
    found = []
    with serve(site, compress=True) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        for _ in range(runs):
            context = browser.new_context(accept_downloads=True)
            context.add_init_script(f"localStorage.setItem('shb:v1:/', {json.dumps(json.dumps(store))});")
            page = context.new_page()
            page.goto(base + FEEDBACK_PAGE, wait_until="load")
            page.wait_for_selector("[data-shb-reg][data-shb-reg-drawn]", state="attached", timeout=60_000)
            with page.expect_download():
                page.click(button)
            page.evaluate(observe)
            start = page.evaluate("performance.now()")
            with page.expect_download():
                page.click(button)
            page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            found.append(page.evaluate(longest, start))
            context.close()
        browser.close()
    return {"items": items, "runs": runs, "longest_task_ms": round(statistics.median(found))}


def report_register_speed(site: Path, output: Path) -> dict:
    """Print the register page's speed and write it beside bench.json."""
    result = register_speed(site)
    print(f"register  {result['items']} items: drawn {result['drawn_ms']} ms after the navigation began "
          f"(median of {result['runs']}), longest task {result['longest_task_ms']} ms, "
          f"after a filter {result['longest_task_filter_ms']} ms")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def lowest_scores(scores: dict[str, dict[str, int]]) -> dict[str, dict]:
    """Per category, the lowest score over all pages and the page that has it."""
    lowest = {}
    for category in LIGHTHOUSE_CATEGORIES:
        page = min(scores, key=lambda p: scores[p][category])
        lowest[category] = {"score": scores[page][category], "page": page}
    return lowest


def own_scripts_per_page(site: Path, paths: list[str]) -> dict[str, dict[str, list[str]]]:
    """Per page, our own scripts (assets/javascripts/, not Material's bundle,
    search worker or lunr) that its HTML includes, and those that it requests
    on its first view (included ones, plus what our scripts load by
    themselves, such as timeline.js)."""
    include = re.compile(r'<script[^>]+src="[^"]*' + re.escape(OWN_JS) + r'([^"/?]+\.js)')
    own = re.compile(re.escape(OWN_JS) + r"([^/?]+\.js)$")
    result: dict[str, dict[str, list[str]]] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = chromium.launch(p)
        for path in paths:
            html = (site / path / "index.html").read_text(encoding="utf-8")
            included = sorted({n for n in include.findall(html) if not n.startswith("bundle.")})
            page = browser.new_page(service_workers="block")
            requested: list[str] = []
            page.on("request", lambda r, seen=requested: (m := own.search(r.url.split("?")[0]))
                    and not m[1].startswith("bundle.") and seen.append(m[1]))
            page.goto(base + path, wait_until="networkidle")
            page.close()
            result[path or "/"] = {"included": included, "requested": sorted(set(requested))}
        browser.close()
    return result


def first_view_js(assets: dict[str, dict[str, int]], scripts: dict[str, dict[str, list[str]]]) -> dict:
    """Our JavaScript per first view: the scripts each page includes, gzipped
    (the budget is the largest), and the feature scripts apart: each by name,
    with its size and the pages that load it on their first view (none: it
    loads only on demand), and, for reference, each page's total with the
    feature scripts it loads at once (the largest is reported)."""
    gzip_of = {Path(name).name: size["gzip"] for name, size in assets.items() if name.endswith(".js")}
    per_page = {page: sum(gzip_of.get(s, 0) for s in v["included"]) for page, v in scripts.items()}
    with_features = {page: sum(gzip_of.get(s, 0) for s in set(v["included"]) | set(v["requested"]))
                     for page, v in scripts.items()}
    heaviest = max(with_features, key=with_features.get)
    largest = max(per_page, key=per_page.get)
    core = sorted({s for v in scripts.values() for s in v["included"]})
    features = {}
    for name in sorted(gzip_of):
        if name in core or name == "iframe-worker.js":  # the offline copy's search shim
            continue
        pages = [page for page, v in scripts.items() if name in v["requested"]]
        features[name] = {"gzip": gzip_of[name], "first_view_pages": pages}
    return {"largest_page": largest, "largest_gzip": per_page[largest], "core": core,
            "per_page": per_page, "features": features,
            "with_features_largest_page": heaviest, "with_features_largest_gzip": with_features[heaviest]}


# The handbook's build may take at most this much longer than stock Material's.
BUILD_RATIO_BUDGET = 1.25


def build_times(tmp: Path, runs: int) -> tuple[dict, list[float], list[float]]:
    """Time ``runs`` cold builds of the handbook, of stock Material over the
    same Markdown and of that with mkdocs-macros and no module, alternating
    so that all see the same machine load; the medians and their ratios."""
    stock_cfg = stock_config(tmp / "stock")
    configs = (ROOT / "mkdocs.yml", stock_cfg, stock_cfg.with_name("mkdocs-macros.yml"))
    # One untimed build of each first: every site then starts with warm file
    # caches, and ours with the compiled templates that any earlier build
    # leaves in build/ (macros/template_cache.py), as compileall above leaves
    # its compiled Python.
    for config in configs:
        timed_build(config, tmp / "warm-up-site")
    ours_times, stock_times, macros_times = [], [], []
    ours_cpu, stock_cpu, macros_cpu = [], [], []
    for _ in range(runs):
        ours_times.append(timed_build(configs[0], tmp / "ours-site", ours_cpu))
        stock_times.append(timed_build(configs[1], tmp / "stock-site", stock_cpu))
        macros_times.append(timed_build(configs[2], tmp / "macros-site", macros_cpu))
    build = {"ours_s": statistics.median(ours_times), "stock_s": statistics.median(stock_times),
             "runs": runs, "ours_runs_s": ours_times, "stock_runs_s": stock_times}
    build["ratio"] = build["ours_s"] / build["stock_s"]
    build["stock_with_macros_plugin_s"] = statistics.median(macros_times)
    build["macros_plugin_ratio"] = build["stock_with_macros_plugin_s"] / build["stock_s"]
    # Processor time, for reference: on a machine that other work keeps
    # busy, it varies far less than the wall-clock time the budget is on.
    build["cpu"] = {"ours_s": statistics.median(ours_cpu), "stock_s": statistics.median(stock_cpu),
                    "stock_with_macros_plugin_s": statistics.median(macros_cpu)}
    build["cpu"]["ratio"] = build["cpu"]["ours_s"] / build["cpu"]["stock_s"]
    build["cpu"]["macros_plugin_ratio"] = build["cpu"]["stock_with_macros_plugin_s"] / build["cpu"]["stock_s"]
    build["load_average"] = os.getloadavg()
    return build, ours_times, stock_times


def build_budget(build: dict) -> Budget:
    return Budget("build time ratio", build["ratio"], BUILD_RATIO_BUDGET)


def print_build(build: dict, ours_times: list[float], stock_times: list[float]) -> None:
    print(f"build     ours {build['ours_s']:.2f} s, stock {build['stock_s']:.2f} s "
          f"(median of {build['runs']}), ratio {build['ratio']:.2f}; per run "
          + ", ".join(f"{o / s:.2f}" for o, s in zip(ours_times, stock_times)))
    print(f"build     for reference: stock with mkdocs-macros and no module "
          f"{build['stock_with_macros_plugin_s']:.2f} s, ratio {build['macros_plugin_ratio']:.2f}")
    cpu = build["cpu"]
    print(f"build     processor time, for reference: ours {cpu['ours_s']:.2f} s, stock {cpu['stock_s']:.2f} s, "
          f"ratio {cpu['ratio']:.2f}; stock with mkdocs-macros ratio {cpu['macros_plugin_ratio']:.2f}; "
          "load average at the end " + ", ".join(f"{x:.1f}" for x in build["load_average"]))


def report_build_only(build: dict, ours_times: list[float], stock_times: list[float],
                      output: Path) -> int:
    """``--build-only``: the build lines and budget of the full report."""
    budget = build_budget(build)
    print_build(build, ours_times, stock_times)
    print(f"budget    {'ok  ' if budget.met else 'MISS'} {budget.name}: {budget.value:.3f} <= {budget.limit}")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"build": build, "budgets": [asdict(budget) | {"met": budget.met}]},
                                 indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if budget.met else 1


def system_chrome() -> str:
    with sync_playwright() as p:
        path = chromium.executable_path(p) or p.chromium.executable_path
    return path


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="builds of each site; the median counts")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--build-only", action="store_true",
                    help="only the build times and the build budget")
    ap.add_argument("--output", type=Path, default=None,
                    help="the JSON report (build/bench.json, or build/bench-build.json with --build-only)")
    args = ap.parse_args(argv)
    if args.output is None:
        args.output = ROOT / "build" / ("bench-build.json" if args.build_only else "bench.json")

    # The handbook's Python on the same footing as the installed packages
    # (see the module docstring): compiled once, not on every build.
    compileall.compile_dir(ROOT / "macros", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build, ours_times, stock_times = build_times(tmp, args.runs)
        if args.build_only:
            return report_build_only(build, ours_times, stock_times, args.output)
        ours_site, stock_site = tmp / "ours-site", tmp / "stock-site"
        finish(ours_site)  # as `make build` serves it

        paths = [p for p in page_paths(ours_site) if (stock_site / p / "index.html").is_file()]
        ours_w, stock_w = page_weights(ours_site, paths), page_weights(stock_site, paths)
        ratios = {p: ours_w[p] / stock_w[p] for p in paths}
        heaviest = max(paths, key=lambda p: ours_w[p])
        weight = {"pages": len(paths), "median_ratio": statistics.median(ratios.values()),
                  "heaviest_page": heaviest or "/", "heaviest_bytes": ours_w[heaviest],
                  "per_page": {p or "/": {"ours": ours_w[p], "stock": stock_w[p],
                                          "ratio": round(ratios[p], 3)} for p in paths}}

        assets = own_assets()
        js_gzip = sum(v["gzip"] for k, v in assets.items() if k.endswith(".js"))
        # The build has minified it already (scripts/build/vendor.py): measure it as it ships.
        shipped = (ours_site / "assets" / "vendor" / "docx" / "docx.js").read_bytes()
        library = (len(shipped), len(gzip.compress(shipped, compresslevel=9)))
        offline = offline_weight(ours_site)
        css_gzip = sum(v["gzip"] for k, v in assets.items() if k.endswith(".css"))
        first_view = first_view_js(assets, own_scripts_per_page(ours_site, paths))

        scores, failing = ({}, {}) if args.no_lighthouse else lighthouse(ours_site, system_chrome(), paths)
        lowest = lowest_scores(scores) if scores else {}
        report_compare_speed(ours_site, args.output.with_name("bench-compare.json"))
        registers = report_register_speed(ours_site, args.output.with_name("bench-registers.json"))
        feedback = feedback_speed(ours_site)
        print(f"feedback  {feedback['items']} inputs: longest task making the Word report {feedback['longest_task_ms']} ms")

    budgets = [build_budget(build),
               Budget("page weight median ratio", weight["median_ratio"], 1.15),
               Budget(f"own JavaScript on a first view, gzipped bytes (largest: /{first_view['largest_page'].lstrip('/')})",
                      first_view["largest_gzip"], 10 * 1024),
               Budget(f"longest task with {registers['items']} register items, ms (drawn or filtered)",
                      max(registers["longest_task_ms"], registers["longest_task_filter_ms"]), REGISTER_TASK_BUDGET),
               Budget(f"longest task making the feedback report of {feedback['items']} inputs, ms",
                      feedback["longest_task_ms"], REGISTER_TASK_BUDGET)]
    for category, low in lowest.items():
        budgets.append(Budget(f"Lighthouse {category}, lowest of {len(scores)} pages ({low['page']})",
                              low["score"], LIGHTHOUSE_BUDGETS[category], higher_is_better=True))

    print_build(build, ours_times, stock_times)
    print(f"weight    median ratio {weight['median_ratio']:.3f} over {weight['pages']} pages; "
          f"heaviest /{weight['heaviest_page']} {weight['heaviest_bytes'] / 1024:.1f} KiB gzipped")
    for name, size in assets.items():
        print(f"asset     {name}: {size['minified']} B minified, {size['gzip']} B gzipped")
    print(f"assets    JavaScript {js_gzip} B gzipped, CSS {css_gzip} B gzipped")
    print(f"first     view: {', '.join(first_view['core'])}: largest {first_view['largest_gzip']} B gzipped "
          f"on {first_view['largest_page']}")
    for name, feature in first_view["features"].items():
        where = (f"on the first view of {len(feature['first_view_pages'])} pages"
                 if feature["first_view_pages"] else "only on demand")
        print(f"feature   {name}: {feature['gzip']} B gzipped, loaded {where}")
    print(f"with      features loaded at once: largest {first_view['with_features_largest_gzip']} B gzipped "
          f"on {first_view['with_features_largest_page']}")
    print(f"library   docx (Word files, loaded at a click): {library[0]} B, {library[1]} B gzipped")
    print(f"offline   after the first view, not in its budget: sw.js {offline['worker_gzip']} B and "
          f"Workbox {offline['workbox_gzip']} B gzipped, then {offline['precache_files']} files "
          f"({offline['precache_gzip'] // 1024} KiB gzipped) kept for reading offline")
    for page, values in scores.items():
        print(f"lighthouse {page}: " + ", ".join(f"{c} {s}" for c, s in values.items())
              + (f"; short of full marks: {', '.join(failing[page])}" if failing[page] else ""))
    for category, low in lowest.items():
        print(f"lowest    {category} {low['score']} ({low['page']})")
    for b in budgets:
        sign = ">=" if b.higher_is_better else "<="
        value = f"{b.value:.3f}" if isinstance(b.value, float) else str(b.value)
        print(f"budget    {'ok  ' if b.met else 'MISS'} {b.name}: {value} {sign} {b.limit}")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "build": build, "weight": weight, "assets": assets,
        "assets_total": {"js_gzip": js_gzip, "css_gzip": css_gzip}, "first_view_js": first_view,
        "libraries": {"docx": {"bytes": library[0], "gzip": library[1]}}, "offline": offline,
        "lighthouse": scores, "lighthouse_lowest": lowest, "lighthouse_failing_audits": failing, "budgets": [asdict(b) | {"met": b.met} for b in budgets],
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written   {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0 if all(b.met for b in budgets) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
