"""Worksheets: ticks and notes are saved on the device and come back."""
from __future__ import annotations

import re

from tests.browser_checks import PageWatch, origin_of, wait_for_path
from tests.worksheets_support import (BANK, STORE_KEY, WORKSHEET, active_answers,
                                      mounted, open_page)

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"


def test_tick_and_note_survive_a_reload(page, base_url):
    watch = PageWatch(origin_of(base_url)).attach(page)
    open_page(page, base_url, WORKSHEET)
    progress = page.locator('[data-shb-progress="rundabordssamtal"]')
    assert progress.inner_text() == "0 av 16 frågor besvarade"
    assert progress.get_attribute("aria-live") == "polite"

    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q2}", "Anna och Per, beslut i styrgruppen")
    assert progress.inner_text() == "1 av 16 frågor besvarade"
    page.wait_for_function("k => (localStorage.getItem(k) || '').includes('styrgruppen')", arg=STORE_KEY)

    answers = active_answers(page)
    assert answers[Q1]["checked"] is True and answers[Q1]["note"] == ""
    assert answers[Q2] == {**answers[Q2], "checked": False, "note": "Anna och Per, beslut i styrgruppen",
                           "text": page.inner_text(f"#shb-text-{Q2}"),
                           "list": "Rundabordssamtal i strategiska partnerskap",
                           "page": WORKSHEET}

    page.reload()
    mounted(page)
    assert page.is_checked(f"#shb-check-{Q1}")
    assert not page.is_checked(f"#shb-check-{Q2}")
    assert page.input_value(f"#shb-note-{Q2}") == "Anna och Per, beslut i styrgruppen"
    assert progress.inner_text() == "1 av 16 frågor besvarade"
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_a_note_is_saved_when_leaving_the_field(page, base_url):
    page.clock.install()
    open_page(page, base_url, WORKSHEET)
    page.clock.pause_at(page.evaluate("Date.now()") + 60_000)  # the save delay cannot run
    page.fill(f"#shb-note-{Q1}", "sparas direkt")
    assert Q1 not in active_answers(page)
    page.keyboard.press("Tab")  # leaving the field fires change: no waiting for the debounce
    assert active_answers(page)[Q1]["note"] == "sparas direkt"


def test_state_follows_instant_navigation(page, instant_base_url):
    open_page(page, instant_base_url, WORKSHEET)
    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q1}", "Arbetsgruppen: fyra personer")
    page.evaluate("window.__noReload = true")

    # Away through the navigation, to the question bank: same question, same state.
    page.locator(".md-nav a", has_text="Frågebank").first.click()
    wait_for_path(page, BANK)
    page.wait_for_selector(f"#shb-note-{Q1}")
    assert page.evaluate("window.__noReload") is True, "navigation was not instant"
    assert page.is_checked(f"#shb-check-{Q1}")
    assert page.input_value(f"#shb-note-{Q1}") == "Arbetsgruppen: fyra personer"
    assert page.locator('[data-shb-progress="rundabordssamtal"]').inner_text() == "1 av 16 frågor besvarade"
    assert re.fullmatch(r"Hela sidan: 1 av \d+ frågor besvarade", page.inner_text("#shb-page-progress"))

    # Untick here, then back to the worksheet.
    page.uncheck(f"#shb-check-{Q1}")
    page.locator(".md-nav a", has_text="Rundabordssamtal").first.click()
    wait_for_path(page, WORKSHEET)
    mounted(page)
    assert page.evaluate("window.__noReload") is True
    assert not page.is_checked(f"#shb-check-{Q1}")
    assert page.input_value(f"#shb-note-{Q1}") == "Arbetsgruppen: fyra personer"
    assert page.locator("#shb-ws").count() == 1


def test_storage_that_throws_shows_a_message_and_the_page_still_works(context, base_url):
    context.add_init_script("""window.__writes = []; Storage.prototype.setItem = function (k) {
        window.__writes.push(k);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""")
    page = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    open_page(page, base_url, WORKSHEET)
    alert = page.locator("#shb-alert[role=alert]")
    assert "sparas inte" in alert.inner_text()
    assert alert.is_visible()

    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q1}", "finns bara på sidan")
    assert page.locator('[data-shb-progress="rundabordssamtal"]').inner_text() == "1 av 16 frågor besvarade"
    writes = page.evaluate("window.__writes.length")
    page.keyboard.press("Tab")
    assert alert.is_visible()
    # The note was offered to storage (and refused), and stays on the page.
    assert page.evaluate("window.__writes").count(STORE_KEY) >= 1
    assert page.evaluate("w => window.__writes.slice(w)", writes) == [STORE_KEY]
    assert page.input_value(f"#shb-note-{Q1}") == "finns bara på sidan"
    assert watch.console_errors == []


def test_a_failing_write_later_on_also_shows_the_message(page, base_url):
    open_page(page, base_url, WORKSHEET)
    assert page.locator("#shb-alert").count() == 0
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    page.check(f"#shb-check-{Q1}")
    assert page.locator("#shb-alert[role=alert]").is_visible()


def test_notes_from_a_newer_format_are_left_alone(page, base_url):
    page.goto(base_url + WORKSHEET)
    future = '{"version": 3, "somethingNew": true}'
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, future])
    open_page(page, base_url, WORKSHEET)
    assert "nyare version" in page.inner_text("#shb-alert")
    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q1}", "skriver inte över")
    page.keyboard.press("Tab")
    assert page.evaluate("k => localStorage.getItem(k)", STORE_KEY) == future


def test_without_javascript_the_questions_are_a_plain_list(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base_url + WORKSHEET)
    assert page.locator("li.shb-q").count() == 16
    # The panel comes with the page, but out of sight (tests/worksheets/test_worksheets_served.py).
    assert not page.locator("#shb-ws").is_visible()
    assert page.inner_text('[data-shb-progress="rundabordssamtal"]') == "16 frågor"
    ctx.close()
