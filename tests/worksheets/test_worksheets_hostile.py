"""A hostile imported file: workspace names and the file's name hold markup.

Every place that shows them (the preview dialog, the list of workspaces, the
panel's name, the status and the error) must show the exact text and make no
element of it. The checks read the DOM, not a flag a script would set: the
page's policy would stop an inline handler anyway, and markup made from the
text is the bug even when nothing runs.
"""
from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.worksheets_support import (FILE_KIND, WORKSHEET, answer, confirm, open_page, open_panel,
                                      stored)

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"
NAME_IMG = '<img src=x onerror="window.__pwned=1">Kumla'
NAME_B = '<b>fet</b> & "citat" <script>window.__pwned=2</script>'
FILE_NAME = '<img src=y onerror=alert(1)>"arbetsyta".json'
MARKUP = "img[src=x], img[src=y], b, script:not([src]):not([type])"


def q(s: str) -> str:
    return f"\u201d{s}\u201d"


def hostile_file(workspaces: dict, active: str) -> dict:
    return {"kind": FILE_KIND, "version": 1, "exported": "2026-12-01T10:00:00.000Z", "active": active,
            "workspaces": workspaces}


def workspace(name: str, answers: dict) -> dict:
    return {"name": name, "created": "2026-11-01T00:00:00.000Z", "updated": "2026-11-02T00:00:00.000Z",
            "answers": answers, "values": {}}


def choose(page, name: str, content: str):
    page.set_input_files("#shb-ws-file", files=[
        {"name": name, "mimeType": "application/json", "buffer": content.encode("utf-8")}])


def markup_made(page, scope: str) -> int:
    """Elements inside ``scope`` that could only come from the hostile text."""
    return page.evaluate("""([scope, sel]) => [...document.querySelectorAll(scope)]
        .reduce((n, el) => n + el.querySelectorAll(sel).length, 0)""", [scope, MARKUP])


def test_markup_in_workspace_names_and_file_name_is_shown_as_text(page, base_url):
    open_page(page, base_url, WORKSHEET)
    inline_scripts = page.evaluate("document.querySelectorAll('script:not([src])').length")
    open_panel(page)
    data = hostile_file({
        "wimg": workspace(NAME_IMG, {Q1: answer(True, "")}),
        "wbold": workspace(NAME_B, {Q2: answer(False, NAME_B)}),
    }, "wimg")
    choose(page, FILE_NAME, json.dumps(data))

    dialog = page.locator("dialog.shb-dialog[open]")
    expect(dialog).to_be_visible()
    assert dialog.locator("#shb-dialog-text p").all_text_contents() == [
        f"Arbetsytan {q(NAME_IMG)} läggs till, med 1 besvarade frågor och 0 anteckningar.",
        f"Arbetsytan {q(NAME_B)} läggs till, med 0 besvarade frågor och 1 anteckningar.",
    ]
    assert markup_made(page, "#shb-dialog") == 0
    confirm(page, "Läs in")

    status = page.locator("#shb-ws-status")
    expect(status).to_have_text(f"Filen är inläst. Arbetsytan {q(NAME_IMG)} är öppen. Ångra")
    assert page.locator("#shb-ws-name").text_content() == NAME_IMG
    assert page.locator("#shb-ws-select option").all_text_contents() == [NAME_IMG, NAME_B]
    assert page.locator("#shb-ws-select option").evaluate_all("os => os.map(o => o.value)") == ["wimg", "wbold"]
    assert page.locator("#shb-ws > summary").text_content() == f"Arbetsyta: {NAME_IMG}"

    # The other workspace, its note and its name, after a switch and on the overview.
    page.select_option("#shb-ws-select", "wbold")
    page.get_by_role("button", name="Byt till vald").click()
    expect(status).to_have_text(f"Arbetsytan {q(NAME_B)} är öppen.")
    assert page.input_value(f"#shb-note-{Q2}") == NAME_B
    assert markup_made(page, "#shb-ws, #shb-dialog, .md-content") == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == inline_scripts
    assert [w["name"] for w in stored(page)["workspaces"].values()] == [NAME_IMG, NAME_B]


def test_markup_in_a_refused_file_is_shown_as_text_in_the_error(page, base_url):
    open_page(page, base_url, WORKSHEET)
    open_panel(page)
    before = stored(page)
    error = page.locator("#shb-ws-error[role=alert]")

    choose(page, FILE_NAME, '{"kind": "samverkanshandboken-anteckningar", "version": 1,')
    expect(error).to_have_text(
        f"Filen {q(FILE_NAME)} går inte att läsa. Den kan vara skadad, eller så är det inte en fil som ni har exporterat härifrån. Ingenting har ändrats.")
    assert markup_made(page, "#shb-ws") == 0

    bad = hostile_file({"w1": workspace(NAME_B, {"rb-x": {"checked": "ja", "note": 5}})}, "w1")
    choose(page, "form.json", json.dumps(bad))
    expect(error).to_have_text(
        f"Filen {q('form.json')} har fel form. Svaret på frågan {q('rb-x')} i arbetsytan {q(NAME_B)} "
        "har fel form. Ingenting har ändrats.")
    assert markup_made(page, "#shb-ws") == 0
    assert page.locator("dialog.shb-dialog[open]").count() == 0
    assert stored(page) == before
