"""Every page in Chromium: no console errors, no request to another host.
(axe on every page, in both schemes: tests/test_accessibility.py.)"""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser_checks import PageWatch, axe_violations, origin_of


def test_every_page_loads_cleanly_and_privately(context, base_url, site_pages):
    problems = []
    for path in site_pages:
        page = context.new_page()
        watch = PageWatch(origin_of(base_url)).attach(page)
        page.goto(base_url + path, wait_until="networkidle")
        # Use the search, which starts a worker and loads the index.
        if page.locator("label.md-search__icon").count():
            # The index loads with the page; a query runs the worker.
            page.keyboard.press("/")
            page.keyboard.type("samverkan")
            expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.close()
        problems += [f"{path}: console error: {e}" for e in watch.console_errors]
        problems += [f"{path}: request to another host: {u}" for u in watch.foreign_requests]
    assert len(site_pages) > 5
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
