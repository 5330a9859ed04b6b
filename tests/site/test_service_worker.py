"""The service worker in a browser: after one visit the handbook works with
the network cut. Every other browser test blocks service workers (the
``browser`` fixture in tests/conftest.py); this one allows them. The
manifest and its revisions (a new build, a new version): test_precache.py."""
from __future__ import annotations

import json

from tests.browser_checks import PageWatch, axe_violations, origin_of
from tests.documents_support import download_docx, field, open_template, slot_text
from tests.worksheets_support import WORKSHEET, active_answers, answer, exported_file, mounted, open_page

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"
READY = ".shb-offline-ready[role=status]"


def test_after_one_visit_the_handbook_works_without_a_network(browser, base_url, tmp_path):
    context = browser.new_context(locale="sv-SE", service_workers="allow")
    page = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    try:
        # The first visit, online: the reader is told once when the copy is ready.
        page.goto(base_url)
        page.wait_for_selector(f"{READY}:not(:empty)", timeout=60_000)
        assert page.inner_text(READY) == (
            "Handboken är nu sparad i den här webbläsaren. "
            "Sidorna, arbetsbladen, mallarna och Jämför svar fungerar även utan internet.")
        assert axe_violations(page, READY) == []

        assert watch.console_errors == []
        context.set_offline(True)
        # Really offline: a file the worker does not keep cannot be fetched.
        assert page.evaluate("fetch('_headers').then(() => 'fetched', () => 'failed')") == "failed"
        watch.console_errors.clear()  # Chromium logs that failed fetch
        # From here on every response (pages, scripts loaded on demand, the
        # search index) comes from the worker's copy.
        responses = []
        page.on("response", lambda r: responses.append((r.url, r.from_service_worker)))

        # A worksheet, never opened before (as a search result links to it, with
        # the highlight's ?h=): ticks and notes are saved and come back.
        open_page(page, base_url, WORKSHEET + "?h=arbetsgrupp")
        assert page.evaluate("!!navigator.serviceWorker.controller")
        page.check(f"#shb-check-{Q1}")
        page.fill(f"#shb-note-{Q2}", "Boka lokalen i god tid")
        page.keyboard.press("Tab")
        assert active_answers(page)[Q2]["note"] == "Boka lokalen i god tid"
        page.reload()
        mounted(page)
        assert page.is_checked(f"#shb-check-{Q1}")
        assert page.input_value(f"#shb-note-{Q2}") == "Boka lokalen i god tid"
        assert page.locator(READY).count() == 0  # told once, not on every page

        # A template: filled in, its preview follows.
        open_template(page, base_url)
        field(page, "mote").fill("Styrgruppen")
        assert slot_text(page, "mote") == "Styrgruppen"
        # Its Word file: the writer (word.js, a worker) and the library from the copy.
        _, document = download_docx(page)
        assert document.paragraphs[0].text == "Minnesanteckningar, Styrgruppen"

        # Jämför svar: two parties' files compared, with the scripts it loads on demand.
        paths = []
        for party, note in (("Kommunen", "från kommunen"), ("Facket", "från facket")):
            path = tmp_path / f"{party}.json"
            path.write_text(json.dumps(exported_file(party, {Q1: answer(True, note)})), encoding="utf-8")
            paths.append(str(path))
        page.goto(base_url + "verktyg/jamfor-svar/")
        page.wait_for_function("() => !!(window.shb && window.shb.features.compare)")
        page.set_input_files("#shb-cmp-file", paths)
        page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
        assert page.locator(f"[data-shb-cmp-row='{Q1}'] .shb-cmp-a__note").all_text_contents() == [
            "från kommunen", "från facket"]
        assert page.evaluate("window.shb.failures") == []

        # The search, with its index and its Swedish stemmer from the copy.
        page.locator("input[data-md-component=search-query]").click()
        page.keyboard.type("rundabordssamtal")
        page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
        assert "Rundabordssamtal" in page.locator(".md-search-result__item h1").all_inner_texts()
        assert responses and [url for url, cached in responses if not cached] == []
        assert any(url.endswith("/assets/javascripts/compare.js") for url, _ in responses)
        assert any(url.endswith("/assets/vendor/docx/docx.js") for url, _ in responses)
        assert watch.console_errors == [] and watch.foreign_requests == []
    finally:
        context.close()
