"""Which of the handbook's scripts a page loads.

The kernel shb.js, print.js and glossary.js come with every page
(extra_javascript in mkdocs.yml); each feature's script only with the first
page that needs it: timeline.js with a timeline, the planner or the ladder,
now.js (a few lines) with "Var är vi nu?", worksheets.js with questions or the workspace panel. The
kernel adds them, from beside itself, so that it works under any base path,
after instant navigation and from disk; a script that does not arrive is
told to the reader.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from playwright.sync_api import expect

from scripts.build.serve_static import serve
from scripts.build.sitebuild import ROOT
from tests.browser_checks import PageWatch, origin_of, wait_for_path

PLAIN = "om/"  # no timeline, planner or ladder
PHASES = "dialogprocessen/"  # timeline, planner and "Var är vi nu?"
TIMELINE_PARTS = "[data-shb-timeline], [data-shb-tl-now], [data-shb-planner], [data-shb-ladder]"


def script_requests(page) -> list[str]:
    """Record the URL of every request for one of our scripts."""
    seen: list[str] = []
    own = re.compile(r"/assets/javascripts/(?!bundle\.)[^/]+\.js$")  # not Material's, nor lunr/
    page.on("request", lambda r: own.search(r.url) and seen.append(r.url))
    return seen


def names(urls: list[str]) -> list[str]:
    return [u.rsplit("/", 1)[1] for u in urls]


def marker(page, step: str):
    return page.locator(f'[data-shb-tl-mark="{step}"]')


def test_only_the_kernel_and_theme_scripts_are_listed_for_every_page():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    scripts = config["extra_javascript"]
    assert scripts[0] == "assets/javascripts/shb.js"  # first: the others use window.shb
    assert not [s for s in scripts if s.endswith(("timeline.js", "worksheets.js", "compare.js"))]


def test_most_pages_have_no_timeline_parts(site_dir, site_pages):
    """What the lazy loading is for: timeline.js stays off most pages."""
    marked = re.compile(r"data-shb-(timeline|tl-now|planner|ladder)[\s=>]")
    with_parts = [p for p in site_pages if marked.search(
        (site_dir / (p + "index.html" if p.endswith("/") or p == "" else p)).read_text(encoding="utf-8"))]
    assert PHASES in with_parts and "" in with_parts and PLAIN not in with_parts
    assert len(with_parts) * 2 < len(site_pages), with_parts


def test_a_page_without_timeline_parts_does_not_load_timeline_js(page, base_url):
    seen = script_requests(page)
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + PLAIN, wait_until="networkidle")
    assert page.locator(TIMELINE_PARTS).count() == 0
    assert sorted(names(seen)) == ["glossary.js", "print.js", "shb.js"]
    assert page.evaluate("typeof window.shb.features.timeline") == "undefined"
    assert page.evaluate("typeof window.shb.store") == "object"
    assert page.locator('script[src$="timeline.js"]').count() == 0
    assert watch.console_errors == []


def test_a_page_with_a_timeline_loads_it_once_and_it_works(page, base_url):
    seen = script_requests(page)
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + PHASES, wait_until="networkidle")
    assert names(seen).count("timeline.js") == 1
    assert seen[names(seen).index("timeline.js")] == base_url + "assets/javascripts/timeline.js"
    # Loaded after the kernel, which defines the store it saves into.
    assert names(seen).index("shb.js") < names(seen).index("timeline.js")
    assert page.evaluate("typeof window.shb.features.timeline.calc.addMonths") == "function"
    assert marker(page, "forfas").is_visible()
    marker(page, "forfas").click()
    assert page.evaluate("window.shb.store.get('phase:dialogprocess')") == "forfas"
    assert page.locator("[data-shb-tl-now]").is_visible()
    assert "Förfas (fas 1 av 6)" in page.inner_text("[data-shb-tl-now-text]")
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_instant_navigation_to_a_timeline_loads_it_and_it_works(page, instant_base_url):
    seen = script_requests(page)
    watch = PageWatch(origin_of(instant_base_url)).attach(page)
    page.goto(instant_base_url + PLAIN, wait_until="networkidle")
    assert "timeline.js" not in names(seen)
    page.evaluate("window.__noReload = true")

    page.locator(".md-nav a", has_text="Processens faser").first.click()
    wait_for_path(page, PHASES)
    # The buttons come with the page; timeline.js marks the timeline ready once it has wired them.
    page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
    assert page.evaluate("window.__noReload") is True, "navigation was not instant"
    assert names(seen).count("timeline.js") == 1
    marker(page, "samlingsfas").click()
    expect(marker(page, "samlingsfas")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#tl-dialogprocess-samlingsfas")).to_have_attribute("aria-current", "step")
    assert page.evaluate("window.shb.store.get('phase:dialogprocess')") == "samlingsfas"
    # Saved in localStorage, in the active workspace.
    stored = page.evaluate("JSON.parse(localStorage.getItem('shb:v1:/'))")
    assert stored["workspaces"][stored["active"]]["values"]["phase:dialogprocess"] == "samlingsfas"

    # On to another page with timeline parts, and to one without: no second copy.
    page.locator(".md-nav a", has_text="Start").first.click()
    expect(page.locator("[data-shb-tl-now-text]")).to_contain_text("Ni är här: Samlingsfas (fas 2 av 6)")
    page.locator(".md-nav a", has_text="Om handboken").first.click()
    wait_for_path(page, PLAIN)
    page.locator(".md-nav a", has_text="Processens faser").first.click()
    wait_for_path(page, PHASES)
    page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
    # One click toggles once: the listeners were attached once.
    marker(page, "forfas").click()
    expect(page.locator('.shb-tl__item[aria-current="step"]')).to_have_attribute("id", "tl-dialogprocess-forfas")
    assert page.evaluate("window.__noReload") is True
    assert names(seen).count("timeline.js") == 1
    assert page.locator('script[src$="timeline.js"]').count() == 1
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_timeline_js_is_found_under_a_base_path(page, site_dir, tmp_path):
    """The site served from /handbok/ instead of the root of its host."""
    (tmp_path / "handbok").symlink_to(site_dir, target_is_directory=True)
    with serve(tmp_path) as url:
        page.goto(url + "handbok/" + PHASES, wait_until="load")
        # As the page records it: request events can miss a cached response on a busy machine.
        page.wait_for_function("u => performance.getEntriesByType('resource').some(e => e.name === u)",
                               arg=url + "handbok/assets/javascripts/timeline.js")
        page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
        marker(page, "uppfoljning").click()
        assert page.evaluate("window.shb.store.get('phase:dialogprocess')") == "uppfoljning"
        # The store's key follows the base path too.
        assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('shb:'))") == [
            "shb:v1:/handbok/"]


def test_timeline_js_loads_from_disk_in_the_offline_copy(page, unpacked: Path):
    """`make offline`: pages opened as files (file://), without instant navigation."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    seen = script_requests(page)
    page.goto((unpacked / "om.html").as_uri(), wait_until="load")
    assert page.evaluate("typeof window.shb.store") == "object"  # the kernel has run
    assert "timeline.js" not in names(seen)
    page.goto((unpacked / PHASES / "index.html").as_uri(), wait_until="load")
    assert (unpacked / "assets/javascripts/timeline.js").as_uri() in seen
    marker(page, "genomforandefas").click()
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")
    assert "Ni är här: Genomförandefas" in page.inner_text("[data-shb-tl-now-text]")
    assert errors == []


def test_a_feature_script_that_does_not_arrive_is_told_to_the_reader(page, base_url):
    """The planner's page without timeline.js: the reader is told, in words,
    that the buttons do not work now, and the failure is visible to tests."""
    page.route("**/assets/javascripts/timeline.js", lambda route: route.abort())
    page.goto(base_url + PHASES, wait_until="networkidle")
    alert = page.locator("#shb-load-error")
    expect(alert).to_have_attribute("role", "alert")
    expect(alert).to_contain_text("kunde inte laddas")
    assert page.evaluate("window.shb.failures") == ["timeline.js"]
    assert page.locator("[data-shb-timeline][data-shb-ready]").count() == 0


def test_a_page_that_loads_every_feature_script_reports_no_failure(page, base_url):
    """The other side of the test above: nothing is reported when all arrive."""
    page.goto(base_url + PHASES, wait_until="networkidle")
    page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
    assert page.evaluate("window.shb.failures") == []
    assert page.locator("#shb-load-error").count() == 0
