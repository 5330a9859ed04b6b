"""Every page in Chromium under the security policy: no console errors, no
request to another host, no policy violation.
(axe on every page, in both schemes: tests/site/test_accessibility.py.)"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser_checks import VIOLATION_LISTENER, PageWatch, axe_violations, origin_of


# The search worker and its index are the same on every page: it is used on
# a few pages of each kind, not on all.
SEARCH_ON = ("", "verktyg/rundabordssamtal/", "mallar/spelregler/", "verktyg/jamfor-svar/")


def test_every_page_loads_cleanly_privately_and_within_the_policy(browser, csp_base_url, site_pages):
    """Every page served with the Content-Security-Policy header (and its own
    meta policy): no console error, no request to another host, no policy
    violation, also while the lazily loaded feature scripts run; the search
    worker on a few pages."""
    ctx = browser.new_context()
    ctx.add_init_script(VIOLATION_LISTENER)
    problems = []
    for path in site_pages:
        page = ctx.new_page()
        watch = PageWatch(origin_of(csp_base_url)).attach(page)
        page.goto(csp_base_url + path, wait_until="networkidle")
        if path in SEARCH_ON:
            # The index loads with the page; a query runs the worker.
            page.keyboard.press("/")
            page.keyboard.type("samverkan")
            expect(page.locator(".md-search-result__item").first).to_be_visible()
        problems += [f"{path}: policy violation: {v}" for v in page.evaluate("window.__cspViolations || []")]
        page.close()
        problems += [f"{path}: console error: {e}" for e in watch.console_errors]
        problems += [f"{path}: request to another host: {u}" for u in watch.foreign_requests]
    ctx.close()
    assert len(site_pages) > 5 and set(SEARCH_ON) <= set(site_pages)
    assert problems == []


def test_the_checks_can_fail(page, base_url):
    """Guard against a silent checker: a bad page must be reported."""
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + "404.html")
    page.set_content('<html lang="sv"><title>t</title><main><img src="x.png">'
                     '<button></button></main></html>')
    page.evaluate("console.error('boom')")
    ids = {line.split(" ")[0] for line in axe_violations(page)}
    assert {"image-alt", "button-name"} <= ids
    assert "boom" in watch.console_errors
