"""Worksheets: the overview page, export and import, and text that stays text."""
from __future__ import annotations

import json
import re

import markdown
from playwright.sync_api import expect

from tests.browser_checks import PageWatch, axe_violations, origin_of
from tests.worksheets_support import (FILE_KIND, OVERVIEW, WORKSHEET, active_answers, answer,
                                      confirm, export, open_page, open_panel, seed, store_with, stored)

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"
HOSTILE = '<img src=x onerror="window.__pwned=1"> & <b>fet</b>'
GONE = "rb-en-fraga-som-togs-bort"


def test_export_then_import_into_a_fresh_browser(browser, base_url, tmp_path):
    first = browser.new_context()
    page = first.new_page()
    open_page(page, base_url, WORKSHEET)
    open_panel(page)
    page.get_by_role("button", name="Byt namn").click()
    page.fill("#shb-dialog-name", "Överenskommelse Kumla 2027")
    confirm(page, "Spara")
    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q2}", "Beslut i styrgruppen\nandra raden")
    page.keyboard.press("Tab")
    page.evaluate("window.shb.store.set('timeline.phase', {phase: 'forfas', start: '2027-01-10'})")

    # The workspace holds more than answers: the reader chooses; everything here.
    open_panel(page)
    page.get_by_role("button", name="Exportera arbetsytan", exact=True).click()
    assert "andra uppgifter som ni har sparat" in page.inner_text("dialog.shb-dialog[open]")
    with page.expect_download() as info:
        page.locator("dialog.shb-dialog[open]").get_by_role("button", name="Allt, med utkast och plan").click()
    name, text = info.value.suggested_filename, open(info.value.path(), encoding="utf-8").read()
    assert re.fullmatch(r"arbetsyta-overenskommelse-kumla-2027-\d{4}-\d\d-\d\d\.json", name)
    exported = json.loads(text)
    assert exported["kind"] == FILE_KIND and exported["version"] == 3
    (workspace,) = exported["workspaces"].values()
    assert workspace["name"] == "Överenskommelse Kumla 2027"
    assert workspace["answers"][Q2]["note"] == "Beslut i styrgruppen\nandra raden"
    assert workspace["values"] == {"timeline.phase": {"phase": "forfas", "start": "2027-01-10"}}
    first.close()

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    second = browser.new_context()
    page = second.new_page()
    open_page(page, base_url, WORKSHEET)
    assert not page.is_checked(f"#shb-check-{Q1}")
    open_panel(page)
    page.set_input_files("#shb-ws-file", str(path))
    dialog = page.locator("dialog.shb-dialog[open]")
    assert "Överenskommelse Kumla 2027" in dialog.inner_text()
    assert "läggs till, med 1 besvarade frågor och 1 anteckningar" in dialog.inner_text()
    confirm(page, "Läs in")

    assert page.inner_text("#shb-ws-name") == "Överenskommelse Kumla 2027"
    assert page.is_checked(f"#shb-check-{Q1}")
    assert page.input_value(f"#shb-note-{Q2}") == "Beslut i styrgruppen\nandra raden"
    assert page.evaluate("window.shb.store.get('timeline.phase')") == {"phase": "forfas", "start": "2027-01-10"}
    data = stored(page)
    # The empty default workspace of the fresh browser gave way to the import.
    assert [w["name"] for w in data["workspaces"].values()] == ["Överenskommelse Kumla 2027"]
    assert data["workspaces"][data["active"]]["answers"] == workspace["answers"]
    second.close()


def test_import_of_a_known_workspace_shows_the_change_and_can_be_declined(page, base_url, tmp_path):
    seed(page, base_url, store_with({Q1: answer(True, "gammal")}))
    newer = store_with({Q1: answer(False, "ny"), Q2: answer(True, "")})
    newer["kind"] = FILE_KIND
    path = tmp_path / "ny.json"
    path.write_text(json.dumps(newer), encoding="utf-8")
    open_panel(page)

    page.set_input_files("#shb-ws-file", str(path))
    text = page.locator("dialog.shb-dialog[open]").inner_text()
    assert "finns redan och ersätts" in text
    assert "Nu: 1 besvarade frågor och 1 anteckningar" in text
    assert "Efter inläsningen: 1 besvarade frågor och 1 anteckningar (2 frågor ändras)" in text
    confirm(page, "Avbryt")
    assert page.inner_text("#shb-ws-status") == "Ingenting har ändrats."
    assert active_answers(page)[Q1]["note"] == "gammal"

    page.set_input_files("#shb-ws-file", str(path))
    confirm(page, "Läs in")
    assert page.input_value(f"#shb-note-{Q1}") == "ny"
    assert page.is_checked(f"#shb-check-{Q2}") and not page.is_checked(f"#shb-check-{Q1}")
    # The import can be undone.
    page.locator("#shb-ws-status").get_by_role("button", name="Ångra").click()
    assert page.input_value(f"#shb-note-{Q1}") == "gammal"
    assert active_answers(page)[Q1]["note"] == "gammal"


BAD_FILES = {
    "trasig.json": ('{"kind": "samverkanshandboken-anteckningar", "version": 1,', "går inte att läsa"),
    "paket.json": ('{"name": "något-annat", "version": "1.0.0"}', "inte en export från Samverkanshandboken"),
    "lista.json": ("[1, 2, 3]", "inte en export från Samverkanshandboken"),
    "framtid.json": ('{"kind": "samverkanshandboken-anteckningar", "version": 7, "workspaces": {}}',
                     "nyare version"),
    "form.json": ('{"kind": "samverkanshandboken-anteckningar", "version": 1, "active": "w1",'
                  ' "workspaces": {"w1": {"name": "X", "answers": {"rb-x": {"checked": "ja", "note": 5}}}}}',
                  "Svaret på frågan \u201drb-x\u201d i arbetsytan \u201dX\u201d har fel form"),
    "tom.json": ('{"kind": "samverkanshandboken-anteckningar", "version": 1, "workspaces": {}}',
                 "ingen arbetsyta"),
}


def test_malformed_and_foreign_files_are_refused_and_change_nothing(page, base_url, tmp_path):
    watch = PageWatch(origin_of(base_url)).attach(page)
    seed(page, base_url, store_with({Q1: answer(True, "behålls")}))
    before = stored(page)
    open_panel(page)
    for name, (content, message) in BAD_FILES.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.set_input_files("#shb-ws-file", str(path))
        error = page.locator("#shb-ws-error[role=alert]")
        # Two files share a message: wait for this file's name (quoted) with it.
        expect(error).to_contain_text(f"Filen \u201d{name}\u201d")
        expect(error).to_contain_text(message)
        expect(error).to_contain_text(re.compile(r"Ingenting har ändrats\.$"))
        assert page.locator("dialog.shb-dialog[open]").count() == 0
        assert stored(page) == before
    big = tmp_path / "stor.json"
    big.write_text('{"kind": "x", "pad": "' + "a" * (5 * 1024 * 1024) + '"}', encoding="utf-8")
    page.set_input_files("#shb-ws-file", str(big))
    expect(page.locator("#shb-ws-error")).to_have_text(
        "Filen \u201dstor.json\u201d är för stor (5,0 MB). Gränsen är 5 MB per fil. Ingenting har ändrats.")
    assert stored(page) == before
    assert page.is_checked(f"#shb-check-{Q1}")
    assert watch.console_errors == []


def test_html_in_a_note_stays_text_everywhere(page, base_url):
    seed(page, base_url, store_with({Q1: answer(True, HOSTILE),
                                     GONE: answer(False, HOSTILE, text=HOSTILE, list="<i>lista</i>")},
                                    name='<script>window.__pwned=2</script>Kumla'))
    assert page.input_value(f"#shb-note-{Q1}") == HOSTILE
    assert page.inner_text("#shb-ws-name") == "<script>window.__pwned=2</script>Kumla"

    open_page(page, base_url, OVERVIEW)
    notes = page.locator(".shb-ov__note")
    assert notes.all_inner_texts() == [HOSTILE, HOSTILE]
    assert page.locator(".shb-overview img, .shb-overview b, .shb-overview i, .shb-overview script").count() == 0
    assert page.locator("#shb-orphans ul").inner_text().count("<i>lista</i>") == 1

    _, text = export(page, "Exportera anteckningar (text)")
    html = markdown.markdown(text)
    assert "<img" not in html and "<b>" not in html and "<script" not in html
    assert "&lt;img src=x onerror=" in html and "&lt;script&gt;" in html
    # No element was made from the text (the policy would stop the handler anyway).
    assert page.locator('img[src="x"], .md-content b, .md-content i, #shb-ws-name *').count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('__pwned')).length") == 0


def test_a_removed_question_is_listed_as_orphaned_and_kept(page, base_url):
    seed(page, base_url, store_with({
        Q1: answer(True, "levande anteckning"),
        GONE: answer(True, "anteckning till en fråga som inte finns",
                     text="Vilken fråga var det här?", list="Rundabordssamtal", page="verktyg/gammal/"),
    }), path=OVERVIEW)
    index = json.loads(page.inner_text("#shb-question-index"))
    assert GONE not in {q["id"] for q in index["questions"]}

    overview = page.locator("[data-shb-overview-notes]")
    headings = overview.locator("h2").all_inner_texts()
    assert headings == ["Rundabordssamtal", "Anteckningar till frågor som inte längre finns"]
    live = overview.locator("h2", has_text="Rundabordssamtal").locator("xpath=following-sibling::ul[1]")
    assert "levande anteckning" in live.inner_text()
    link = live.get_by_role("link", name=page.evaluate(
        "id => JSON.parse(document.getElementById('shb-question-index').textContent)"
        ".questions.find(q => q.id === id).text", Q1))
    assert link.get_attribute("href") == f"../rundabordssamtal/#q-{Q1}"
    orphans = page.locator("#shb-orphans ul").inner_text()
    assert "anteckning till en fråga som inte finns" in orphans
    assert "Vilken fråga var det här?" in orphans and "verktyg/gammal/" in orphans and GONE in orphans

    # Following the link opens the question on its page, with its note.
    link.click()
    expect(page.locator(f"#shb-note-{Q1}")).to_have_value("levande anteckning")
    assert GONE in active_answers(page)  # visiting a page never drops notes of other ids

    open_page(page, base_url, OVERVIEW)
    _, text = export(page, "Exportera arbetsytan")
    (workspace,) = json.loads(text)["workspaces"].values()
    assert workspace["answers"][GONE]["note"] == "anteckning till en fråga som inte finns"
    _, minutes = export(page, "Exportera anteckningar (text)")
    assert minutes.index("## Rundabordssamtal") < minutes.index("levande anteckning")
    assert minutes.index("## Anteckningar till frågor som inte längre finns") < minutes.index(
        "anteckning till en fråga som inte finns")


def test_markdown_minutes_group_ticks_and_notes_by_chapter(page, base_url):
    seed(page, base_url, store_with({Q1: answer(True, "Anna, Per\nKim"), Q2: answer(False, "inte klart")}),
         path=OVERVIEW)
    name, text = export(page, "Exportera anteckningar (text)")
    assert re.fullmatch(r"anteckningar-kumla-2027-\d{4}-\d\d-\d\d\.md", name)
    q1 = page.evaluate("id => JSON.parse(document.getElementById('shb-question-index').textContent)"
                       ".questions.find(q => q.id === id).text", Q1)
    assert text.startswith("# Anteckningar: Kumla 2027\n")
    assert f"## Rundabordssamtal\n\n- [x] {q1}\n\n    > Anna, Per\n    > Kim\n" in text
    assert "- [ ] " in text and "    > inte klart" in text


def test_overview_with_notes_passes_axe(browser, base_url):
    for scheme in ("light", "dark"):
        ctx = browser.new_context(color_scheme=scheme)
        page = ctx.new_page()
        seed(page, base_url, store_with({Q1: answer(True, "en anteckning"),
                                         GONE: answer(False, "kvar", text="Borttagen fråga")}),
             path=OVERVIEW)
        open_panel(page)
        expect(page.locator("#shb-ws-name")).to_have_text("Kumla 2027")
        expect(page.locator(".shb-ov__item")).to_have_count(2)
        assert axe_violations(page) == []
        ctx.close()
