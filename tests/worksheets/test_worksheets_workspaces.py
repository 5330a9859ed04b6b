"""Worksheets: workspaces, clearing with undo, keyboard use and the shb.store API."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.worksheets_support import (BANK, WORKSHEET, active_answers, answer, confirm, dialog_handled,
                                      mounted, open_page, open_panel, seed, store_with, stored, tab_to)

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"


def create_workspace(page, name: str):
    open_panel(page)
    page.get_by_role("button", name="Ny arbetsyta").click()
    page.fill("#shb-dialog-name", name)
    confirm(page, "Skapa")


def switch_to(page, name: str):
    open_panel(page)
    page.select_option("#shb-ws-select", label=name)
    page.get_by_role("button", name="Byt till vald").click()
    expect(page.locator("#shb-ws-name")).to_have_text(name)  # panel.js may still be on its way


def test_workspaces_create_rename_switch_delete(page, base_url):
    open_page(page, base_url, WORKSHEET)
    assert page.inner_text("#shb-ws > summary") == "Arbetsyta: Min arbetsyta"
    page.fill(f"#shb-note-{Q1}", "första processen")
    page.keyboard.press("Tab")

    create_workspace(page, "Överenskommelse Kumla 2027")
    assert page.inner_text("#shb-ws-name") == "Överenskommelse Kumla 2027"
    assert page.input_value(f"#shb-note-{Q1}") == ""  # the new workspace starts empty
    page.check(f"#shb-check-{Q2}")
    assert page.locator('[data-shb-progress="rundabordssamtal"]').inner_text() == "1 av 16 frågor besvarade"

    switch_to(page, "Min arbetsyta")
    assert page.inner_text("#shb-ws-name") == "Min arbetsyta"
    assert page.input_value(f"#shb-note-{Q1}") == "första processen"
    assert not page.is_checked(f"#shb-check-{Q2}")
    assert page.locator('[data-shb-progress="rundabordssamtal"]').inner_text() == "0 av 16 frågor besvarade"

    page.get_by_role("button", name="Byt namn").click()
    page.locator("dialog.shb-dialog[open]").wait_for()
    assert page.input_value("#shb-dialog-name") == "Min arbetsyta"
    page.fill("#shb-dialog-name", "Rundabord med regionen")
    confirm(page, "Spara")
    assert page.inner_text("#shb-ws-name") == "Rundabord med regionen"

    # The active workspace and its notes follow to another page and a reload.
    page.reload()
    mounted(page)
    assert page.inner_text("#shb-ws-name") == "Rundabord med regionen"
    assert page.input_value(f"#shb-note-{Q1}") == "första processen"
    names = page.locator("#shb-ws-select option").all_text_contents()
    assert sorted(names) == ["Rundabord med regionen", "Överenskommelse Kumla 2027"]

    # Delete asks first; Avbryt keeps everything.
    open_panel(page)
    page.get_by_role("button", name="Ta bort arbetsytan").click()
    confirm(page, "Avbryt")
    assert len(stored(page)["workspaces"]) == 2
    page.get_by_role("button", name="Ta bort arbetsytan").click()
    confirm(page, "Ta bort")
    assert page.inner_text("#shb-ws-name") == "Överenskommelse Kumla 2027"
    assert page.is_checked(f"#shb-check-{Q2}") and page.input_value(f"#shb-note-{Q1}") == ""
    assert [w["name"] for w in stored(page)["workspaces"].values()] == ["Överenskommelse Kumla 2027"]
    # ... and can be undone.
    page.locator("#shb-ws-status").get_by_role("button", name="Ångra").click()
    assert len(stored(page)["workspaces"]) == 2
    assert page.inner_text("#shb-ws-name") == "Rundabord med regionen"
    assert page.input_value(f"#shb-note-{Q1}") == "första processen"


def test_deleting_the_last_workspace_leaves_an_empty_one(page, base_url):
    seed(page, base_url, store_with({Q1: answer(True, "x")}))
    open_panel(page)
    page.get_by_role("button", name="Ta bort arbetsytan").click()
    confirm(page, "Ta bort")
    assert page.inner_text("#shb-ws-name") == "Min arbetsyta"
    assert not page.is_checked(f"#shb-check-{Q1}")
    assert [w["answers"] for w in stored(page)["workspaces"].values()] == [{}]


def test_clearing_a_list_asks_first_and_can_be_undone(page, base_url):
    other = "ep-kartlagg-vilka"  # a question on another page stays untouched
    seed(page, base_url, store_with({Q1: answer(True, "a"), Q2: answer(False, "b"), other: answer(True, "c")}))
    clear = page.get_by_role("button", name="Rensa listan Rundabordssamtal i strategiska partnerskap")
    clear.click()
    dialog = page.locator("dialog.shb-dialog[open]")
    assert "Rundabordssamtal i strategiska partnerskap" in dialog.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Avbryt"  # the safe choice first
    with dialog_handled(page):
        page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.shbAct") == "clear-list"
    assert set(active_answers(page)) == {Q1, Q2, other}

    clear.click()
    confirm(page, "Rensa listan")
    assert not page.is_checked(f"#shb-check-{Q1}") and page.input_value(f"#shb-note-{Q2}") == ""
    assert set(active_answers(page)) == {other}
    status = page.locator(".shb-list-status[role=status]").first
    assert "Listan är rensad." in status.inner_text()

    status.get_by_role("button", name="Ångra").click()
    assert page.is_checked(f"#shb-check-{Q1}") and page.input_value(f"#shb-note-{Q2}") == "b"
    assert set(active_answers(page)) == {Q1, Q2, other}
    assert status.inner_text() == "Ändringen är ångrad."


def test_clearing_the_workspace_asks_and_can_be_undone(page, base_url):
    seed(page, base_url, store_with({Q1: answer(True, "a")}, values={"timeline.phase": "forfas"}))
    open_panel(page)
    page.get_by_role("button", name="Rensa arbetsytan").click()
    confirm(page, "Rensa")
    assert active_answers(page) == {} and not page.is_checked(f"#shb-check-{Q1}")
    assert page.evaluate("window.shb.store.get('timeline.phase')") is None
    page.locator("#shb-ws-status").get_by_role("button", name="Ångra").click()
    assert page.is_checked(f"#shb-check-{Q1}")
    assert page.evaluate("window.shb.store.get('timeline.phase')") == "forfas"


def test_an_edit_after_clearing_retires_the_undo(page, base_url):
    seed(page, base_url, store_with({Q1: answer(True, "a")}))
    open_panel(page)
    page.get_by_role("button", name="Rensa arbetsytan").click()
    confirm(page, "Rensa")
    assert page.locator(".shb-undo").count() == 1
    page.check(f"#shb-check-{Q2}")
    assert page.locator(".shb-undo").count() == 0  # undo would otherwise lose this tick
    assert set(active_answers(page)) == {Q2}


def test_everything_works_by_keyboard(page, base_url):
    open_page(page, base_url, WORKSHEET)
    # Tab to the first checkbox; Space ticks it.
    tab_to(page, f"#shb-check-{Q1}")
    page.keyboard.press("Space")
    assert page.is_checked(f"#shb-check-{Q1}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"shb-note-{Q1}"
    page.keyboard.type("skrivet med tangentbordet")
    page.keyboard.press("Tab")
    assert active_answers(page)[Q1] == {**active_answers(page)[Q1], "checked": True,
                                        "note": "skrivet med tangentbordet"}

    # Back up to the workspace panel with Shift+Tab, open it, create a workspace, export.
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('#shb-ws > summary')"):
            break
    else:
        raise AssertionError("Shift+Tab never reached the workspace panel")
    page.keyboard.press("Enter")
    assert page.locator("#shb-ws").evaluate("d => d.open")
    tab_to(page, "[data-shb-act=new]")
    page.keyboard.press("Enter")
    page.locator("dialog.shb-dialog[open]").wait_for()  # panel.js asks; it may still be on its way
    assert page.evaluate("document.activeElement.id") == "shb-dialog-name"
    page.keyboard.type("Med tangenter")
    with dialog_handled(page):
        page.keyboard.press("Enter")
    assert page.inner_text("#shb-ws-name") == "Med tangenter"
    assert page.evaluate("document.activeElement.dataset.shbAct") == "new"

    tab_to(page, "[data-shb-act=json]")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.startswith("anteckningar-med-tangenter-")
    tab_to(page, "#shb-ws-file")


def test_shbstore_values_belong_to_the_active_workspace(page, base_url):
    open_page(page, base_url, BANK)
    calls = page.evaluate("""() => {
        window.__calls = [];
        window.__off = window.shb.store.subscribe(() => window.__calls.push(window.shb.store.workspaceName()));
        return window.shb.store.set('timeline.dates', {start: '2027-02-01'});
    }""")
    assert calls is True
    assert page.evaluate("window.shb.store.get('timeline.dates')") == {"start": "2027-02-01"}
    assert page.evaluate("window.shb.store.get('constructor')") is None
    assert page.evaluate("window.shb.store.set('__proto__', 1)") is False
    # get returns a copy: changing it changes nothing stored.
    page.evaluate("window.shb.store.get('timeline.dates').start = 'ändrad'")
    assert page.evaluate("window.shb.store.get('timeline.dates').start") == "2027-02-01"

    create_workspace(page, "Andra processen")
    assert page.evaluate("window.shb.store.workspaceName()") == "Andra processen"
    assert page.evaluate("window.shb.store.get('timeline.dates')") is None
    assert page.evaluate("window.__calls") == ["Andra processen"]
    switch_to(page, "Min arbetsyta")
    assert page.evaluate("window.shb.store.get('timeline.dates')") == {"start": "2027-02-01"}
    assert page.evaluate("window.__calls") == ["Andra processen", "Min arbetsyta"]
    page.evaluate("window.__off()")
    switch_to(page, "Andra processen")
    assert page.evaluate("window.__calls") == ["Andra processen", "Min arbetsyta"]
