"""The timeline, planner and ladder in Chromium: saving, keyboard, .ics, axe."""
from __future__ import annotations

from datetime import date

import icalendar
import pytest

from tests.browser_checks import PageWatch, axe_violations, origin_of, wait_for_path

PHASES = "dialogprocessen/"
MEETING = "verktyg/planera-motet/"


def open_page(page, base_url, path):
    watch = PageWatch(origin_of(base_url)).attach(page)
    page.goto(base_url + path, wait_until="load")
    if page.locator("[data-shb-timeline]").count():  # timeline.js has wired the buttons
        page.wait_for_selector("[data-shb-timeline][data-shb-ready]")
    return watch


def mark(page, step):
    return page.locator(f'[data-shb-tl-mark="{step}"]')


def current_items(page):
    return page.locator('.shb-tl__item[aria-current="step"]')


def press_with_keyboard(page, locator, key="Space"):
    """Tab from the top of the page until ``locator`` has focus, then press ``key``."""
    handle = locator.element_handle()
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            page.keyboard.press(key)
            return
    raise AssertionError("the control cannot be reached with Tab")


def test_phase_marker_works_by_keyboard_and_survives_a_reload(page, base_url):
    watch = open_page(page, base_url, PHASES)
    assert current_items(page).count() == 0
    press_with_keyboard(page, mark(page, "samlingsfas"), "Space")
    assert mark(page, "samlingsfas").get_attribute("aria-pressed") == "true"
    page.reload(wait_until="load")
    item = page.locator("#tl-dialogprocess-samlingsfas")
    assert item.get_attribute("aria-current") == "step"
    assert current_items(page).count() == 1
    assert item.locator(".shb-tl__here").is_visible()
    assert item.locator(".shb-tl__here").inner_text() == "Ni är här"
    assert [mark(page, p).get_attribute("aria-pressed") for p in ("forfas", "samlingsfas")] == ["false", "true"]
    # Saved in the active workspace of the worksheets' storage.
    assert page.evaluate("window.shb.store.get('phase:dialogprocess')") == "samlingsfas"
    # The "Var är vi nu?" line and the start page say the same.
    assert "Samlingsfas (fas 2 av 6)" in page.locator("[data-shb-tl-now-text]").inner_text()
    page.goto(base_url, wait_until="load")
    line = page.locator("[data-shb-tl-now-text]")
    assert "Ni är här: Samlingsfas (fas 2 av 6)" in line.inner_text()
    line.locator("a").click()
    page.wait_for_url("**/dialogprocessen/#tl-dialogprocess-samlingsfas")
    # Pressing again (Enter this time) removes the mark.
    press_with_keyboard(page, mark(page, "samlingsfas"), "Enter")
    assert current_items(page).count() == 0
    page.reload(wait_until="load")
    assert current_items(page).count() == 0
    assert "inte markerat" in page.locator("[data-shb-tl-now-text]").inner_text()
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_only_one_phase_is_current(page, base_url):
    open_page(page, base_url, PHASES)
    mark(page, "forfas").click()
    mark(page, "uppfoljning").click()
    assert current_items(page).count() == 1
    assert current_items(page).get_attribute("id") == "tl-dialogprocess-uppfoljning"
    assert page.locator('[data-shb-tl-mark][aria-pressed="true"]').count() == 1
    page.locator("[data-shb-tl-clear]").click()
    assert current_items(page).count() == 0


def test_when_storage_is_refused_the_marker_still_works_and_the_reader_is_told(context, base_url):
    """The choices live in the workspace (window.shb.store); when the browser
    refuses to save, worksheets.js says so and the page keeps working."""
    context.add_init_script("""window.__writes = []; Storage.prototype.setItem = function (k) {
        window.__writes.push(k);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""")
    page = context.new_page()
    watch = open_page(page, base_url, PHASES)
    writes = page.evaluate("window.__writes.length")
    mark(page, "formuleringsfas").click()
    assert page.locator("#tl-dialogprocess-formuleringsfas").get_attribute("aria-current") == "step"
    assert page.evaluate("window.shb.store.get('phase:dialogprocess')") == "formuleringsfas"
    alert = page.locator("#shb-alert[role=alert]")
    assert alert.is_visible() and "sparas inte" in alert.inner_text()
    fill_plan(page, "2027-01-31")
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "31 januari 2029"
    # Each choice was offered to storage (and refused); the page kept it.
    offered = page.evaluate("w => window.__writes.slice(w).filter(k => k.startsWith('shb:'))", writes)
    assert len(offered) >= 2 and set(offered) == {"shb:v1:/"}, offered
    assert page.input_value("[data-shb-plan-start]") == "2027-01-31"
    assert watch.console_errors == []


def test_step_maps_mark_their_own_process(page, base_url):
    open_page(page, base_url, "verktyg/rundabordssamtal/")
    items = page.locator(".shb-tl__item")
    assert items.count() == 8
    mark(page, "teman").click()
    page.reload(wait_until="load")
    assert page.locator("#tl-rundabordssamtal-teman").get_attribute("aria-current") == "step"
    assert page.evaluate("window.shb.store.get('phase:rundabordssamtal')") == "teman"
    assert page.evaluate("window.shb.store.get('phase:dialogprocess')") is None
    open_page(page, base_url, "verktyg/samverkan/")
    assert page.locator(".shb-tl__item").count() == 5


def fill_plan(page, start, target=None):
    page.fill("[data-shb-plan-start]", start)
    page.dispatch_event("[data-shb-plan-start]", "change")
    if target:
        page.fill("[data-shb-plan-target]", target)
        page.dispatch_event("[data-shb-plan-target]", "change")


def row_date(page, selector):
    return page.locator(f"{selector} [data-shb-plan-date]").inner_text()


def test_planner_shows_dates_and_keeps_them_after_a_reload(page, base_url):
    open_page(page, base_url, PHASES)
    assert row_date(page, '[data-shb-plan-step="forfas"]') == "–"
    fill_plan(page, "2027-01-31")
    assert row_date(page, '[data-shb-plan-step="forfas"]') == "Från 31 januari 2027 till 31 maj 2027"
    assert row_date(page, '[data-shb-plan-step="samlingsfas"]') == "Från 31 maj 2027 till 30 november 2027"
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "31 januari 2029"
    assert row_date(page, '[data-shb-plan-step="genomforandefas"]') == "Från 31 januari 2029 och framåt, utan slut"
    assert row_date(page, '[data-shb-plan-step="uppfoljning"]') == "Från 31 januari 2030 och sedan en gång om året"
    timeline = page.locator("#tl-dialogprocess-forankring-och-beslut")
    assert timeline.locator("[data-shb-tl-dates]").inner_text() == (
        "Riktdatum: från 31 maj 2028 till 31 januari 2029")
    assert "31 januari 2029" in timeline.locator('[data-shb-tl-milestone="signering"]').inner_text()
    fill_plan(page, "2027-01-31", "2028-12-15")
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "15 december 2028"
    summary = page.locator("[data-shb-plan-summary]").inner_text()
    assert "Underskrift: 15 december 2028, ert mål." in summary
    assert "94 procent av handbokens exempel" in summary  # 684 of 731 days
    page.reload(wait_until="load")
    assert page.input_value("[data-shb-plan-start]") == "2027-01-31"
    assert page.input_value("[data-shb-plan-target]") == "2028-12-15"
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "15 december 2028"
    assert page.evaluate("window.shb.store.get('plan:dialogprocess')") == {
        "start": "2027-01-31", "target": "2028-12-15"}


def test_a_target_before_the_start_is_explained(page, base_url):
    open_page(page, base_url, PHASES)
    fill_plan(page, "2027-06-01", "2027-01-01")
    error = page.locator("[data-shb-plan-error]")
    assert "efter startdatumet" in error.inner_text()
    assert page.get_attribute("[data-shb-plan-target]", "aria-invalid") == "true"
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "1 juni 2029"


def download_ics(page, name: str = "min-arbetsyta-dialogprocess.ics") -> tuple[bytes, icalendar.Calendar]:
    with page.expect_download() as info:
        page.click("[data-shb-plan-ics]")
    raw = open(info.value.path(), "rb").read()
    assert info.value.suggested_filename == name
    return raw, icalendar.Calendar.from_ical(raw)


def test_ics_file_has_one_event_per_phase_and_milestone(page, base_url):
    open_page(page, base_url, PHASES)
    page.click("[data-shb-plan-ics]")  # no start date yet: an explanation, no file
    assert "startdatum" in page.locator("[data-shb-plan-error]").inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-shb-plan-start')")
    fill_plan(page, "2027-01-31", "2028-12-15")
    raw, cal = download_ics(page)

    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    site = page.get_attribute("[data-shb-site-name]", "data-shb-site-name").strip()
    assert cal.get("VERSION") == "2.0" and str(cal.get("PRODID")) == f"-//{site}//Tidslinje//SV"

    events = list(cal.walk("VEVENT"))
    phases = page.locator("[data-shb-plan-step]").count()
    milestones = page.locator("[data-shb-plan-milestone]").count()
    assert (phases, milestones) == (6, 8)
    assert len(events) == phases + milestones
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    page_url = base_url + PHASES
    for e in events:
        assert e.get("DTSTAMP") is not None
        assert str(e["URL"]).startswith(page_url + "#tl-dialogprocess-")
        anchor = str(e["URL"]).split("#", 1)[1]
        assert page.locator(f"#{anchor}").count() == 1
        assert str(e["DESCRIPTION"]).strip()
        start, end = e["DTSTART"].dt, e["DTEND"].dt
        assert type(start) is date and type(end) is date and end > start
        assert e["DTSTART"].params.get("VALUE") == "DATE"

    # Every title names the process (the workspace); descriptions are whole
    # sentences, without the source's line breaks inside a paragraph.
    assert all(str(e["SUMMARY"]).endswith(" – Min arbetsyta") for e in events)
    for e in events:
        for paragraph in str(e["DESCRIPTION"]).split("\n\n"):
            assert "\n" not in paragraph and paragraph.endswith((".", "?", "!")), paragraph
    by_summary = {str(e["SUMMARY"]).removesuffix(" – Min arbetsyta"): e for e in events}
    signing = by_summary["Milstolpe: Underskrift"]
    assert signing["DTSTART"].dt == date(2028, 12, 15)
    assert (signing["DTEND"].dt - signing["DTSTART"].dt).days == 1
    forfas = by_summary["Förfas"]
    assert forfas["DTSTART"].dt == date(2027, 1, 31)
    assert "Parterna hittar varandra" in str(forfas["DESCRIPTION"])
    # The note names the site, as the page's print header does.
    assert site and all(f"Datumen är riktdatum från {site}, " in str(e["DESCRIPTION"]) for e in events)
    # Phases follow each other without gaps up to the signing; the exclusive
    # end is the next start.
    phase_events = [by_summary[t] for t in ("Förfas", "Samlingsfas", "Formuleringsfas",
                                              "Förankrings- och beslutsfas", "Genomförandefas")]
    for before, after in zip(phase_events, phase_events[1:]):
        assert before["DTEND"].dt == after["DTSTART"].dt
    assert by_summary["Förankrings- och beslutsfas"]["DTEND"].dt == date(2028, 12, 15)
    # Implementation is open: one day where it starts, saying it has no end,
    # and no repeat. Follow-up is a year after the signing, every year.
    doing, follow_up = by_summary["Genomförandefas"], by_summary["Uppföljning"]
    assert (doing["DTEND"].dt - doing["DTSTART"].dt).days == 1
    assert "inget slut" in str(doing["DESCRIPTION"]) and "RRULE" not in doing
    assert follow_up["DTSTART"].dt == date(2029, 12, 15)
    assert follow_up["RRULE"]["FREQ"] == ["YEARLY"]
    assert [e for e in events if "RRULE" in e] == [follow_up]

    # A second process in a workspace of its own: another file, other event
    # ids, its own name in the titles; both sit side by side in one calendar.
    page.evaluate("""() => { const d = shb.store.state(); d.active = 'wregion';
        d.workspaces.wregion = shb.store.workspace('Regional överenskommelse 2027');
        shb.store.save(); shb.store.notify(); }""")
    fill_plan(page, "2027-03-01")
    _, second = download_ics(page, "regional-overenskommelse-2027-dialogprocess.ics")
    other = list(second.walk("VEVENT"))
    assert len(other) == len(events)
    assert not {str(e["UID"]) for e in other} & set(uids)
    assert all(str(e["SUMMARY"]).endswith(" – Regional överenskommelse 2027") for e in other)
    assert str(second.get("X-WR-CALNAME")).endswith(" – Regional överenskommelse 2027")
    merged = icalendar.Calendar()
    for e in events + other:
        merged.add_component(e)
    assert len({str(e["UID"]) for e in merged.walk("VEVENT")}) == 2 * len(events)


def test_ladder_choice_by_keyboard_survives_a_reload_and_shows_at_step_a(page, base_url):
    watch = open_page(page, base_url, MEETING)
    note = page.locator('[data-shb-step="a-forma-grunden"] [data-shb-ladder-choice]')
    assert "inte valt" in note.inner_text()
    press_with_keyboard(page, page.locator("#shb-ladder-information"), "Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#shb-ladder-delaktighet")
    page.reload(wait_until="load")
    assert page.is_checked("#shb-ladder-delaktighet")
    level = page.locator('[data-shb-ladder-level="delaktighet"]')
    assert "is-chosen" in level.get_attribute("class")
    assert level.locator("[data-shb-ladder-badge]").is_visible()
    assert "steg 3 av 4, Delaktighet" in note.inner_text()
    assert page.locator("[data-shb-ladder-status]").inner_text() == "Ni siktar på steg 3 av 4: Delaktighet."
    assert page.evaluate("window.shb.store.get('ladder:level')") == "delaktighet"
    assert watch.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_choices_made(browser, base_url, scheme):
    """A phase marked, a plan with its error showing, a ladder step chosen:
    then every page that shows them, opened again."""
    ctx = browser.new_context(locale="sv-SE", color_scheme=scheme)
    page = ctx.new_page()
    try:
        open_page(page, base_url, PHASES)
        mark(page, "samlingsfas").click()
        fill_plan(page, "2027-01-31", "2026-01-01")  # with the error message showing
        open_page(page, base_url, MEETING)
        page.check("#shb-ladder-forankring")
        problems = []
        for path in (PHASES, MEETING, "verktyg/rundabordssamtal/", ""):
            open_page(page, base_url, path)
            problems += [f"{path or '/'}: {v}" for v in axe_violations(page)]
        assert problems == []
    finally:
        ctx.close()


def test_print_shows_the_marker_but_not_the_buttons(page, base_url):
    open_page(page, base_url, PHASES)
    mark(page, "formuleringsfas").click()
    page.emulate_media(media="print")
    assert not mark(page, "formuleringsfas").is_visible()
    assert page.locator("#tl-dialogprocess-formuleringsfas .shb-tl__here").is_visible()
    # A vertical list on paper: each phase below the one before, at the same left edge.
    boxes = page.locator(".shb-tl__list").first.locator(":scope > li").evaluate_all(
        "items => items.map(li => { const r = li.getBoundingClientRect(); return [r.left, r.top, r.bottom]; })")
    assert len(boxes) == 6
    for before, after in zip(boxes, boxes[1:]):
        assert after[1] >= before[2] - 1 and abs(after[0] - before[0]) < 1, (before, after)


def test_marker_planner_and_ladder_follow_instant_navigation(page, instant_base_url):
    open_page(page, instant_base_url, PHASES)
    mark(page, "samlingsfas").click()
    page.evaluate("window.__noReload = true")
    page.locator(".md-nav a", has_text="Planera ett involverande möte").first.click()
    wait_for_path(page, MEETING)
    page.wait_for_selector("#shb-ladder-delaktighet")
    page.check("#shb-ladder-delaktighet")
    assert "Delaktighet" in page.locator("[data-shb-ladder-choice]").inner_text()
    page.locator(".md-nav a", has_text="Processens faser").first.click()
    wait_for_path(page, PHASES)
    page.wait_for_selector('[data-shb-ready] [data-shb-tl-mark="forfas"]')
    assert page.evaluate("window.__noReload") is True, "navigation was not instant"
    assert current_items(page).get_attribute("id") == "tl-dialogprocess-samlingsfas"
    # One click toggles once: listeners are not stacked by the remount.
    mark(page, "forfas").click()
    assert current_items(page).get_attribute("id") == "tl-dialogprocess-forfas"
    fill_plan(page, "2027-01-31")
    assert row_date(page, '[data-shb-plan-milestone="signering"]') == "31 januari 2029"
    page.locator(".md-nav a", has_text="Start").first.click()
    page.wait_for_selector("[data-shb-tl-now]:not([hidden])")
    assert page.evaluate("window.__noReload") is True
    assert "Ni är här: Förfas (fas 1 av 6)" in page.locator("[data-shb-tl-now-text]").inner_text()
