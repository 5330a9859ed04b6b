"""The status overview on Mina anteckningar (macros/compare/templates/status.html.j2,
macros/compare/assets/status.js): each step's status in words, "X av Y
frågor", the phase marked "Vi är här", the links; by keyboard and with axe."""
from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from scripts.build.sitebuild import ROOT

from tests.browser_checks import axe_violations
from tests.worksheets_support import (OVERVIEW, WORKSHEET, answer, confirm, open_page, open_panel, seed,
                                      store_with, tab_to)

STEP_QUESTIONS = ("rb-beslut-arbetsgrupp", "rb-beslut-mandat")  # step "Beslut och ansvar"


def task(page, process: str, step: str):
    return page.locator(f"[data-shb-process='{process}'] [data-shb-step='{step}']")


def state_of(page, process: str, step: str) -> str:
    return task(page, process, step).locator(".shb-task__status").inner_text()


def open_overview(page, base_url):
    open_page(page, base_url, OVERVIEW)
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    page.locator("[data-shb-task] .shb-task__state:not(:empty)").first.wait_for()
    return page


def test_statuses_follow_the_ticks(page, base_url):
    open_overview(page, base_url)
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Inte påbörjad 0 av 2 frågor"
    summary = page.locator("[data-shb-process='rundabordssamtal'] .shb-status__summary")
    assert summary.inner_text() == "Inte påbörjad: 0 av 16 frågor bockade i arbetsytan \u201dMin arbetsyta\u201d."

    open_page(page, base_url, WORKSHEET)
    page.fill(f"#shb-note-{STEP_QUESTIONS[0]}", "bara en anteckning")  # a note alone: started
    page.keyboard.press("Tab")
    open_overview(page, base_url)
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Pågår 0 av 2 frågor"

    open_page(page, base_url, WORKSHEET)
    page.check(f"#shb-check-{STEP_QUESTIONS[0]}")
    open_overview(page, base_url)
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Pågår 1 av 2 frågor"

    open_page(page, base_url, WORKSHEET)
    page.check(f"#shb-check-{STEP_QUESTIONS[1]}")
    open_overview(page, base_url)
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Klart 2 av 2 frågor"
    assert task(page, "rundabordssamtal", "beslut-och-ansvar").get_attribute("data-shb-state") == "done"
    assert state_of(page, "rundabordssamtal", "teman").startswith("Inte påbörjad")
    assert summary.inner_text().startswith("Pågår: 2 av 16 frågor")
    # "Klart" is explained as answered in the workspace, not done in reality.
    assert "inte att steget är genomfört i verkligheten" in page.inner_text("[data-shb-status]")


def test_every_worksheet_and_checklist_is_listed_with_links(page, base_url):
    open_overview(page, base_url)
    titles = page.locator("[data-shb-status] h3").all_inner_texts()
    phases = yaml.safe_load((ROOT / "data" / "processes" / "dialogprocess.yml").read_text(encoding="utf-8"))["title"]
    assert "Rundabordssamtal i strategiska partnerskap" in titles and phases in titles
    assert "Checklista för ett involverande möte" in titles
    first = task(page, "rundabordssamtal", "beslut-och-ansvar").get_by_role("link")
    assert first.inner_text() == "1. Beslut och ansvar"
    # The link is described by its status (as in GOV.UK's task list).
    status_id = first.get_attribute("aria-describedby")
    assert page.locator(f"#{status_id}").inner_text() == "Inte påbörjad 0 av 2 frågor"
    first.click()
    page.wait_for_function("() => location.hash === '#q-rb-beslut-arbetsgrupp'")


def test_the_phase_marked_on_the_timeline_is_vi_ar_har(page, base_url):
    seed(page, base_url, store_with({}, values={"phase:dialogprocess": "samlingsfas"}), path=OVERVIEW)
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    here = page.locator("[data-shb-process='dialogprocess'] .shb-task__here:visible")
    assert here.count() == 1
    assert "Samlingsfas" in page.locator("[data-shb-process='dialogprocess'] [data-shb-step='samlingsfas']").inner_text()
    assert page.locator("[data-shb-step='samlingsfas'] .shb-task__here").is_visible()
    page.evaluate("window.shb.store.set('phase:dialogprocess', 'formuleringsfas'); "
                  "window.shb.features.status.render()")
    assert not page.locator("[data-shb-step='samlingsfas'] .shb-task__here").is_visible()
    assert page.locator("[data-shb-step='formuleringsfas'] .shb-task__here").inner_text() == "Vi är här"


def test_switching_workspace_by_keyboard_redraws_the_statuses(page, base_url):
    store = store_with({q: answer(True, "") for q in STEP_QUESTIONS}, name="Klar arbetsyta")
    store["workspaces"]["wtom"] = {**store["workspaces"]["wtest1"], "name": "Tom arbetsyta", "answers": {}}
    seed(page, base_url, store, path=OVERVIEW)
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Klart 2 av 2 frågor"
    page.focus("#shb-ws > summary")
    page.keyboard.press("Enter")
    tab_to(page, "#shb-ws-select")
    page.keyboard.press("ArrowDown")
    tab_to(page, "[data-shb-act=switch]")
    page.keyboard.press("Enter")
    expect(page.locator("#shb-ws-name")).to_have_text("Tom arbetsyta")  # panel.js may still be on its way
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Inte påbörjad 0 av 2 frågor"
    # The task links are reached by Tab, in order.
    page.focus("#shb-ws-party")
    tab_to(page, "[data-shb-step='beslut-och-ansvar'] a")


def test_new_workspace_starts_not_started(page, base_url):
    seed(page, base_url, store_with({STEP_QUESTIONS[0]: answer(True, "")}), path=OVERVIEW)
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Pågår 1 av 2 frågor"
    open_panel(page)
    page.get_by_role("button", name="Ny arbetsyta").click()
    page.fill("#shb-dialog-name", "Ny process")
    confirm(page, "Skapa")
    assert state_of(page, "rundabordssamtal", "beslut-och-ansvar") == "Inte påbörjad 0 av 2 frågor"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_overview_passes_axe(browser, base_url, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    seed(page, base_url, store_with({q: answer(True, "en anteckning") for q in STEP_QUESTIONS},
                                    values={"phase:dialogprocess": "forfas"}), path=OVERVIEW)
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    open_panel(page)
    # The overview, with the 2.2 rules and best practices. (Material's navigation on
    # this page fails 2.2's target size; that is the site-wide work of issue 16.
    # The whole page is checked with the 2.1 rules in test_worksheets_files.py.)
    assert axe_violations(page, include="[data-shb-status]") == []
    ctx.close()


def test_what_else_the_workspace_holds_is_shown_with_links(page, base_url):
    """Sparat i arbetsytan: the party, the planned dates and the templates'
    drafts, beside the statuses; redrawn when the workspace changes."""
    open_overview(page, base_url)
    saved = page.locator("[data-shb-saved]")
    assert saved.locator("[data-shb-saved-party]").inner_text().startswith("Ingen part är angiven.")
    assert saved.locator("[data-shb-saved-plans]").inner_text().startswith("Inga datum är planerade.")
    assert saved.locator("[data-shb-saved-docs]").inner_text() == "Inga mallar är ifyllda ännu."
    page.evaluate("""() => { const w = shb.store.active(); w.party = 'Kommunen';
        w.values['plan:dialogprocess'] = {start: '2027-01-11', target: '2028-09-15'};
        w.values['plan-dates:dialogprocess'] = {signering: '2028-09-15'};
        w.values['doc:inbjudan-forsta-motet'] = {avsandare: '<b>Åkerbo</b>'};
        shb.store.save(); shb.store.notify(); }""")
    assert saved.locator("[data-shb-saved-party]").inner_text() == "Part som svarar: Kommunen."
    plan = saved.locator("[data-shb-saved-plans] li")
    assert plan.inner_text() == ("Överenskommelseprocessens faser: start 11 januari 2027, mål 15 september 2028. "
                                 "Milstolpar: Underskrift 15 september 2028.")
    assert plan.get_by_role("link").get_attribute("href") == "../../dialogprocessen/"
    draft = saved.locator("[data-shb-saved-docs] li").get_by_role("link")
    assert draft.inner_text() == page.evaluate(
        "JSON.parse(document.getElementById('shb-saved-names').textContent).documents"
        ".find(d => d.id === 'inbjudan-forsta-motet').title")
    assert draft.get_attribute("href") == "../../mallar/inbjudan-forsta-motet/"
    assert saved.locator("b").count() == 0
