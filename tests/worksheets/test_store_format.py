"""The party name in the workspace, and the export format's version 2 with its
migration from version 1 (the kernel's store, overrides/assets/javascripts/shb.js)."""
from __future__ import annotations

import json

from tests.worksheets_support import (FILE_KIND, OVERVIEW, WORKSHEET, answer, confirm, export, open_page, open_panel,
                                      seed, set_party, store_with, stored)

Q1 = "rb-beslut-arbetsgrupp"


def test_the_party_is_set_in_the_panel_saved_and_exported(page, base_url):
    open_page(page, base_url, WORKSHEET)
    open_panel(page)
    assert page.input_value("#shb-ws-party") == ""
    # Suggestions for the usual parties; free text works as well.
    options = page.locator("#shb-ws-parties option").evaluate_all("os => os.map(o => o.value)")
    assert {"Kommunen", "Idéburna organisationer", "Arbetsgivaren", "Facket"} <= set(options)
    set_party(page, "  Kulturföreningarna i Kumla  ")
    assert page.inner_text("#shb-ws-status") == "Arbetsytan svarar nu för \u201dKulturföreningarna i Kumla\u201d."
    data = stored(page)
    assert data["version"] == 3
    assert data["workspaces"][data["active"]]["party"] == "Kulturföreningarna i Kumla"

    page.check(f"#shb-check-{Q1}")
    _, text = export(page, "Exportera arbetsytan")
    exported = json.loads(text)
    assert exported["kind"] == FILE_KIND and exported["version"] == 3
    (workspace,) = exported["workspaces"].values()
    assert workspace["party"] == "Kulturföreningarna i Kumla"
    assert workspace["answers"][Q1]["checked"] is True

    # Kept on reload, per workspace: a new workspace has no party.
    open_page(page, base_url, OVERVIEW)
    open_panel(page)
    assert page.input_value("#shb-ws-party") == "Kulturföreningarna i Kumla"
    page.get_by_role("button", name="Ny arbetsyta").click()
    page.fill("#shb-dialog-name", "Andra processen")
    confirm(page, "Skapa")
    assert page.input_value("#shb-ws-party") == ""
    set_party(page, "Facket")
    set_party(page, "")
    assert page.inner_text("#shb-ws-status") == "Arbetsytan har ingen part."


def test_a_version_1_store_is_migrated_and_keeps_every_answer(page, base_url):
    old = store_with({Q1: answer(True, "från version 1")})
    assert old["version"] == 1 and "party" not in old["workspaces"]["wtest1"]
    seed(page, base_url, old)
    assert page.input_value(f"#shb-note-{Q1}") == "från version 1"
    set_party(page, "Facket")
    data = stored(page)
    assert data["version"] == 3
    workspace = data["workspaces"]["wtest1"]
    assert workspace["party"] == "Facket" and workspace["answers"][Q1]["note"] == "från version 1"


def test_a_version_1_export_still_imports(page, base_url, tmp_path):
    old = store_with({Q1: answer(True, "gammal fil")}, name="Gammal export", wid="wold")
    old["kind"] = FILE_KIND
    path = tmp_path / "gammal.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    open_page(page, base_url, WORKSHEET)
    open_panel(page)
    page.set_input_files("#shb-ws-file", str(path))
    confirm(page, "Läs in")
    assert page.input_value(f"#shb-note-{Q1}") == "gammal fil"
    assert page.input_value("#shb-ws-party") == ""
    data = stored(page)
    assert data["version"] == 3 and data["workspaces"]["wold"]["party"] == ""


def test_a_party_of_the_wrong_type_is_refused(page, base_url, tmp_path):
    seed(page, base_url, store_with({Q1: answer(True, "behålls")}))
    before = stored(page)
    bad = store_with({}, name="Fel")
    bad.update(kind=FILE_KIND, version=2)
    bad["workspaces"]["wtest1"]["party"] = ["Kommunen"]
    path = tmp_path / "fel-part.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    open_panel(page)
    page.set_input_files("#shb-ws-file", str(path))
    page.locator("#shb-ws-error").filter(has_text="fel form").wait_for()
    assert "fel-part.json" in page.inner_text("#shb-ws-error")
    assert stored(page) == before


def test_the_panel_links_to_the_compare_page(page, base_url):
    open_page(page, base_url, WORKSHEET)
    open_panel(page)
    link = page.locator("#shb-ws").get_by_role("link", name="Jämför svar")
    assert link.get_attribute("href").endswith("verktyg/jamfor-svar/")
    link.click()
    page.wait_for_selector("[data-shb-compare]")
