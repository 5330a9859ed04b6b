"""The security headers of ``_headers``, sent by a real server, do their work.

Every page also carries the policy as a <meta> tag, which alone would block an
injected script; so here the site is served with the meta tag removed from
every page and every line of the built ``_headers`` sent as a header. The
policy gets one more directive, ``report-uri``, so that violations anywhere
(pages and workers) reach the test server. Each check also runs against a
server whose header is permissive, and must fail there: that is how the
checks are known to be able to fail.
"""
from __future__ import annotations

import json
import re
import shutil
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.build.csp import META_NAME
from scripts.build.serve_static import serve
from tests.worksheets_support import STORE_KEY, WORKSHEET, answer, confirm, mounted, open_panel, store_with

PERMISSIVE = "default-src * 'unsafe-inline' 'unsafe-eval' data: blob:"
PROBE_WORKER = "csp-probe-worker.js"  # written into the test's copy only
SENTINEL = "http://sentinel.invalid/end-of-test.png"


def headers_of(site: Path) -> dict[str, str]:
    """Every header line of ``_headers`` (one block, for every path: ``/*``)."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*", "_headers has one block, for every path"
    headers = {}
    for line in lines[1:]:
        assert line.startswith("  ") and ": " in line, f"not a header line: {line!r}"
        name, value = line.strip().split(": ", 1)
        headers[name] = value
    return headers


@pytest.fixture(scope="module")
def bare_site(site_dir, tmp_path_factory) -> Path:
    """The built site with the <meta> policy taken out of every page, and a
    worker script that breaks the policy (to prove worker reports arrive)."""
    copy = tmp_path_factory.mktemp("no-meta") / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("*.pdf"))
    meta = re.compile(rf"<meta {re.escape(META_NAME)} content=\"[^\"]*\">\s*")
    for page in copy.rglob("*.html"):
        text, count = meta.subn("", page.read_text(encoding="utf-8"))
        assert count == 1, page
        page.write_text(text, encoding="utf-8")
    (copy / PROBE_WORKER).write_text("fetch('http://worker.invalid/x').catch(() => {});\n", encoding="utf-8")
    return copy


@contextmanager
def serve_with(directory: Path, headers: dict[str, str]):
    """Serve ``directory`` with ``headers`` on every response; collect CSP reports."""
    reports: list = []
    with serve(directory, headers, reports=reports) as url:
        yield url, reports


def reporting(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Content-Security-Policy": headers["Content-Security-Policy"] + "; report-uri /csp-report"}


@pytest.fixture(scope="module")
def shipped(bare_site, site_dir):
    """(url, reports) of the site under every header of its _headers."""
    with serve_with(bare_site, reporting(headers_of(site_dir))) as served:
        yield served


@pytest.fixture(scope="module")
def permissive(bare_site):
    """(url, reports) of the same site under a header that allows everything."""
    with serve_with(bare_site, {"Content-Security-Policy": PERMISSIVE + "; report-uri /csp-report"}) as served:
        yield served


@pytest.fixture(scope="module")
def framing_url(tmp_path_factory):
    """A second origin (another port) with a page that frames the handbook."""
    folder = tmp_path_factory.mktemp("framer")
    with serve_with(folder, {}) as (url, _):
        yield folder, url


def reports_until_sentinel(page, reports: list) -> list:
    """Trigger one known violation last and wait for its report, so that every
    earlier one has arrived; return the reports before it."""
    page.evaluate("u => { const i = new Image(); i.src = u; }", SENTINEL)
    for _ in range(100):
        if any(r.get("blocked-uri", "").startswith("http://sentinel.invalid") for r in reports):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"the sentinel's report never came; reports: {reports}")
    return [r for r in reports if not r.get("blocked-uri", "").startswith("http://sentinel.invalid")]


def injected_script_runs(browser, url: str, reports: list | None) -> tuple[bool, list]:
    """Inject an inline script and an inline handler; return whether either
    ran, and the reports the server received before the sentinel."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url, wait_until="load")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = true'; document.body.append(s);
        const b = document.createElement('button'); b.id = 'shb-probe';
        b.setAttribute('onclick', 'window.__handler = true'); document.body.append(b); b.click(); }""")
    ran = page.evaluate("window.__injected === true || window.__handler === true")
    found = reports_until_sentinel(page, reports) if reports is not None else []
    ctx.close()
    return ran, found


def wait_for_report(page, reports: list, blocked: str) -> list:
    for _ in range(100):
        if any(r.get("blocked-uri", "").startswith(blocked) for r in reports):
            return reports
        page.wait_for_timeout(100)
    raise AssertionError(f"no report for {blocked}; reports: {reports}")


# ---- the header lines ---------------------------------------------------------

def test_headers_file_holds_the_policy_and_the_other_headers(site_dir):
    headers = headers_of(site_dir)
    assert set(headers) == {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"}
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    csp = headers["Content-Security-Policy"]
    assert csp.endswith("; frame-ancestors 'none'")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')+", directives["script-src"])
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"


def test_every_header_line_is_sent_on_pages_and_files(shipped, site_dir):
    url, _ = shipped
    expected = reporting(headers_of(site_dir))
    for path in ("", WORKSHEET, "assets/javascripts/worksheets.js", "search/search_index.json"):
        with urllib.request.urlopen(url + path) as response:
            sent = {name: response.headers[name] for name in expected}
        assert sent == expected, path


# ---- what the headers do --------------------------------------------------------

def test_the_header_alone_blocks_an_injected_script_and_inline_handler(browser, shipped, permissive):
    url, reports = shipped
    reports.clear()
    ran, found = injected_script_runs(browser, url, reports)
    assert ran is False
    assert sorted(r["violated-directive"] for r in found) == ["script-src-attr", "script-src-elem"]
    # The check fails where the header does not protect: the same page, no meta, a permissive header.
    ran, _ = injected_script_runs(browser, permissive[0], None)
    assert ran is True


def embedded(page, framing, target: str) -> str:
    """Frame ``target`` from the second origin; return the frame's address
    once it has loaded (Chromium's error page when the frame is refused)."""
    folder, url = framing
    name = f"frame-{urlsplit(target).port}.html"  # one file per target: no cached copy of another
    (folder / name).write_text(
        '<!doctype html><html lang="sv"><title>Ram</title>'
        f'<iframe id="f" src="{target}" onload="document.body.dataset.loaded = 1"></iframe></html>',
        encoding="utf-8")
    page.goto(url + name)
    page.wait_for_function("() => document.body.dataset.loaded === '1'")
    (frame,) = page.main_frame.child_frames
    return frame.url


def test_another_site_cannot_frame_a_page(page, shipped, permissive, framing_url):
    assert embedded(page, framing_url, shipped[0] + WORKSHEET).startswith("chrome-error://")
    # The check can fail: without frame-ancestors the same page is framed and shown.
    assert embedded(page, framing_url, permissive[0] + WORKSHEET) == permissive[0] + WORKSHEET
    expect(page.frame_locator("#f").locator("h1")).to_contain_text("Rundabordssamtal")


def test_nosniff_refuses_a_file_that_is_not_a_script(page, shipped, permissive):
    probe = """u => new Promise(done => { const s = document.createElement('script');
        s.src = u; s.onload = () => done('ran'); s.onerror = () => done('refused');
        document.head.append(s); })"""
    for url, expected in ((shipped[0], "refused"), (permissive[0], "ran")):
        page.goto(url + "404.html")
        assert page.evaluate(probe, url + "sitemap.xml") == expected, url


def referrer_after_going_on(page, url: str) -> str:
    page.goto(url)
    page.evaluate("u => location.assign(u)", url + WORKSHEET)
    page.wait_for_url(url + WORKSHEET)
    return page.evaluate("document.referrer")


def test_no_referrer_is_sent_to_the_next_page(page, shipped, permissive):
    assert referrer_after_going_on(page, shipped[0]) == ""
    assert referrer_after_going_on(page, permissive[0]) == permissive[0]


# ---- the features under the header ------------------------------------------------

def test_worker_violations_are_reported(page, shipped):
    url, reports = shipped
    page.goto(url)
    reports.clear()
    page.evaluate("u => { window.__probe = new Worker(u); }", url + PROBE_WORKER)
    wait_for_report(page, reports, "http://worker.invalid")
    reports.clear()


def test_the_tools_work_under_the_header_with_no_violation(browser, shipped, tmp_path):
    url, reports = shipped
    reports.clear()
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    # Search: Material's worker.
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type("samverkan")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)

    # The planner and its calendar file (timeline.js, loaded by worksheets.js).
    page.goto(url + "dialogprocessen/")
    page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
    page.fill("[data-shb-plan-start]", "2027-01-31")
    page.dispatch_event("[data-shb-plan-start]", "change")
    expect(page.locator('[data-shb-plan-milestone="signering"] [data-shb-plan-date]')).to_have_text("31 januari 2029")
    with page.expect_download() as info:
        page.click("[data-shb-plan-ics]")
    assert open(info.value.path(), "rb").read().startswith(b"BEGIN:VCALENDAR\r\n")

    # Dialogs and import.
    page.goto(url + WORKSHEET)
    mounted(page)
    open_panel(page)
    page.get_by_role("button", name="Ny arbetsyta").click()
    page.fill("#shb-dialog-name", "Under policyn")
    confirm(page, "Skapa")
    expect(page.locator("#shb-ws-name")).to_have_text("Under policyn")
    file = tmp_path / "import.json"
    store = store_with({"rb-beslut-mandat": answer(True, "inläst under policyn")}, name="Inläst")
    file.write_text(json.dumps({"kind": "samverkanshandboken-anteckningar", **store}), encoding="utf-8")
    page.set_input_files("#shb-ws-file", str(file))
    confirm(page, "Läs in")
    expect(page.locator("#shb-note-rb-beslut-mandat")).to_have_value("inläst under policyn")
    assert STORE_KEY in page.evaluate("Object.keys(localStorage)")

    # Word: written by word.js as a worker (worker-src), which loads the library beside it.
    with page.expect_download() as info:
        page.click('[data-shb-act="docx"]')
    assert open(info.value.path(), "rb").read().startswith(b"PK")
    assert page.evaluate("() => !window.docx")  # not loaded into the page: the worker wrote it

    # Print: both buttons, and the page as printed.
    page.evaluate("""() => { window.__printed = []; window.print = () => window.__printed.push(
        document.documentElement.classList.contains('shb-print-blank') ? 'blank' : 'notes'); }""")
    page.get_by_role("button", name="Skriv ut tomt", exact=True).click()
    page.get_by_role("button", name="Skriv ut med mina anteckningar", exact=True).click()
    assert page.evaluate("window.__printed") == ["blank", "notes"]
    assert page.pdf(format="A4", prefer_css_page_size=True)[:5] == b"%PDF-"

    assert reports_until_sentinel(page, reports) == []
    assert [e for e in errors if "sentinel.invalid" not in e] == []
    ctx.close()
