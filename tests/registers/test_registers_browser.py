"""Registers in the browser (macros/registers/assets/registers.js): one
journey on a register's page and Mina anteckningar, one with two parties
exporting and a third comparing and merging on Jämför svar. Each does many
checks on few page loads (the browser tier's budget)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import docx

from tests.browser_checks import axe_violations
from tests.worksheets_support import FILE_KIND, OVERVIEW, confirm, export, open_panel, seed, stored

ROOT = Path(__file__).resolve().parents[2]
PAGE = "verktyg/ataganden/"
COMPARE = "verktyg/jamfor-svar/"
HOSTILE = '<img src=x onerror="window.__pwned=1"><b>fet</b>'
V2 = json.loads((ROOT / "tests" / "fixtures" / "stores" / "v2.json").read_text(encoding="utf-8"))


def ready(page):
    page.wait_for_selector("[data-shb-reg][data-shb-reg-ready]", state="attached")
    return page


def field(page, fid: str, reg: str = "ataganden"):
    return page.locator(f"#shb-reg-{reg}-{fid}")


def items(page, reg: str = "ataganden") -> list[dict]:
    data = stored(page)
    return data["workspaces"][data["active"]].get("registers", {}).get(reg, [])


def add(page, **values):
    for fid, value in values.items():
        box = field(page, fid)
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        else:
            box.fill(value)
    page.click("[data-shb-reg-submit]")


def count(page) -> str:
    return page.inner_text("[data-shb-reg-count]")


def read_docx(download) -> docx.Document:
    with open(download.path(), "rb") as handle:
        return docx.Document(io.BytesIO(handle.read()))


def opened_with(browser, base_url: str, store: dict, path: str, **options):
    """A new context whose storage holds ``store`` from the first load (one
    page load, where seed() needs two), and its page at ``path``."""
    context = browser.new_context(**options)
    context.add_init_script(f"localStorage.setItem('shb:v1:/', {json.dumps(json.dumps(store))});")
    page = context.new_page()
    page.goto(base_url + path)
    return context, page


def item(iid: str, **values) -> dict:
    return {"id": iid, "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z", "values": values}


def test_a_register_journey_add_edit_remove_sort_filter_keep_print_and_export(page, base_url):
    # A store of version 2 (party, answers, values) loads, and gets registers.
    seed(page, base_url, V2, PAGE)
    ready(page)
    assert count(page).startswith("Inga åtaganden ännu.")
    page.evaluate("window.__pwned = 0")

    # Told at the field: a required field left empty keeps the focus there.
    page.click("[data-shb-reg-submit]")
    assert page.inner_text('[data-shb-reg-msg="vad"]') == "Fyll i fältet vad."
    assert field(page, "vad").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "shb-reg-ataganden-vad"
    field(page, "vad").fill("x" * 2001)
    page.click("[data-shb-reg-submit]")
    assert page.inner_text('[data-shb-reg-msg="vad"]').startswith("För långt: högst 2000 tecken. Korta texten med 1 tecken.")
    assert items(page) == []

    add(page, vad="Kommunen bjuder in till dialog två gånger om året", part="Kumla kommun",
        ansvarig="Kommunens kontaktperson", datum="2020-03-01", avsnitt="Den offentliga partens åtaganden")
    assert page.inner_text("[data-shb-reg-status]").startswith("Tillagt: ")
    assert field(page, "vad").input_value() == "" and field(page, "status").input_value() == "inte-paborjat"
    add(page, vad=HOSTILE, part="Föreningsrådet", datum="2099-01-01", status="pagar")
    add(page, vad="Gemensam uppföljning varje år", part="Båda parterna", datum="2021-01-01", status="klart")
    assert count(page) == "Visar 3 av 3. 3 åtaganden. Klara: 1. Försenade: 1."
    # Markup stays text; late is said in words, in the row.
    reg = page.locator("[data-shb-reg]")
    assert reg.locator("[data-shb-reg-list] img, [data-shb-reg-list] b").count() == 0
    assert HOSTILE in page.text_content("[data-shb-reg-list]")
    first = items(page)[0]
    late_row = page.locator(f'[data-shb-reg-item="{first["id"]}"]')
    assert "Försenat" in late_row.locator('[data-shb-reg-col="status"]').text_content()
    assert "Avsnitt i överenskommelsen: Den offentliga partens åtaganden" in late_row.text_content()
    ids = [i["id"] for i in items(page)]
    assert len(set(ids)) == 3

    # Edit by keyboard: focus "Ändra", Enter; the form says so and takes the focus.
    late_row.get_by_role("button", name="Ändra").focus()
    page.keyboard.press("Enter")
    assert page.inner_text("[data-shb-reg-form-title]") == "Ändra åtagande"
    assert page.evaluate("document.activeElement.id") == "shb-reg-ataganden-vad"
    field(page, "status").select_option("klart")
    page.click("[data-shb-reg-submit]")
    assert count(page) == "Visar 3 av 3. 3 åtaganden. Klara: 2. Försenade: 0."
    assert [i["id"] for i in items(page)] == ids  # the same item, the same id
    assert items(page)[0]["values"]["status"] == "klart"

    # Remove, with "Ångra" from the kernel's undo.
    page.locator(f'[data-shb-reg-item="{ids[1]}"]').get_by_role("button", name="Ta bort").click()
    assert [i["id"] for i in items(page)] == [ids[0], ids[2]]
    page.click("[data-shb-reg-status] [data-shb-undo=registers]")
    assert page.inner_text("[data-shb-reg-status]").startswith("Ändringen är ångrad.")
    assert [i["id"] for i in items(page)] == ids

    # Sort and filter, with the count.
    page.select_option("[data-shb-reg-sort]", "datum")
    order = page.locator("[data-shb-reg-item]").evaluate_all("rows => rows.map(r => r.dataset.shbRegItem)")
    assert order == [ids[0], ids[2], ids[1]]
    page.select_option('[data-shb-reg-filter="party"]', "Föreningsrådet")
    assert count(page).startswith("Visar 1 av 3.")
    page.select_option('[data-shb-reg-filter="party"]', "")
    page.select_option('[data-shb-reg-filter="status"]', "open")
    assert count(page).startswith("Visar 1 av 3.")
    page.select_option('[data-shb-reg-filter="status"]', "")
    page.fill('[data-shb-reg-filter="from"]', "2020-06-01")
    page.fill('[data-shb-reg-filter="to"]', "2030-01-01")
    assert count(page).startswith("Visar 1 av 3.")
    page.fill('[data-shb-reg-filter="from"]', "")
    page.fill('[data-shb-reg-filter="to"]', "")

    # The register goes out as Word through the document model.
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner som Word-fil (.docx)").click()
    document = read_docx(info.value)
    assert document.paragraphs[0].text == "Åtaganden" and document.paragraphs[0].style.name == "Heading 1"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Vad", "Part", "Ansvarig roll", "Klart senast eller följs upp", "Status"]
    assert HOSTILE in [row.cells[0].text for row in table.rows]
    assert "Handboken" not in "\n".join(p.text for p in document.paragraphs)

    # axe on the register with items, light and dark.
    assert axe_violations(page, "[data-shb-reg]") == []
    page.emulate_media(color_scheme="dark")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert axe_violations(page, "[data-shb-reg]") == []
    page.emulate_media(color_scheme="light")

    # Print on A4: the list as a table, without the form and buttons.
    page.emulate_media(media="print")
    assert page.locator("[data-shb-reg-form]").is_hidden()
    assert page.locator(".shb-reg__table thead").is_visible()
    assert page.locator('[data-shb-reg-act="edit"]').first.is_hidden()
    page.emulate_media(media="screen")
    # A long list is drawn in slices; printing (beforeprint, which
    # window.print() and the browser's own print both fire) draws the rest
    # at once, so the paper has every row however early it is asked for.
    drawn, printed, done = page.evaluate("""() => {
        const before = shb.store.register('ataganden');
        shb.store.putRegister('ataganden', Array.from({length: 300}, (_, i) => ({id: 'p' + i, values: {vad: 'Rad ' + i}})));
        const drawn = document.querySelectorAll('[data-shb-reg-item]').length;
        window.dispatchEvent(new Event('beforeprint'));
        const printed = document.querySelectorAll('[data-shb-reg-item]').length;
        const done = document.querySelector('[data-shb-reg]').hasAttribute('data-shb-reg-drawn');
        shb.store.putRegister('ataganden', before);
        return [drawn, printed, done];
    }""")
    assert drawn < 300 and printed == 300 and done

    # 320 px: cards, each value with its name, and no sideways scrolling.
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.locator(".shb-reg__table thead").is_hidden()
    assert page.locator(".shb-reg__cell-label").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 720})

    # Nothing is lost on reload; the answers and values of version 2 are kept.
    page.reload()
    ready(page)
    assert [i["id"] for i in items(page)] == ids
    data = stored(page)
    assert data["version"] == 3
    workspace = data["workspaces"]["wkumla2027"]
    assert workspace["answers"]["rb-beslut-mandat"]["note"] == "Beslut i styrgruppen\nandra raden"
    assert workspace["values"] == V2["workspaces"]["wkumla2027"]["values"]

    # Mina anteckningar: where the registers stand, and the notes export with them as tables.
    page.goto(base_url + OVERVIEW)
    page.wait_for_function("() => document.querySelector('[data-shb-reg-sum=\"ataganden\"]')"
                           "?.textContent.includes('3 åtaganden')")
    assert page.inner_text('[data-shb-reg-sum="ataganden"]') == "Åtaganden: 3 åtaganden. Klara: 2. Försenade: 0."
    assert page.inner_text('[data-shb-reg-sum="beslut"]') == "Beslut: 0 beslut."
    _, markdown = export(page, "Exportera anteckningar (text)")
    assert "## Register" in markdown and "### Åtaganden" in markdown
    assert "| Vad | Part | Ansvarig roll | Klart senast eller följs upp | Status |" in markdown
    assert "&lt;img src=x" in markdown and "<img" not in markdown
    with page.expect_download() as info:
        page.locator("#shb-ws").get_by_role("button", name="Exportera anteckningar (Word)").click()
    notes = read_docx(info.value)
    headings = [p.text for p in notes.paragraphs if p.style.name.startswith("Heading")]
    assert "Register" in headings and "Åtaganden" in headings
    assert any(t.rows[0].cells[0].text == "Vad" and HOSTILE in [r.cells[0].text for r in t.rows] for t in notes.tables)

    # Into the papers: the minutes take the decisions of the latest date and
    # the commitments added on the latest day, marked as filled in from them.
    page.evaluate("""() => shb.store.putRegister('beslut', [
        {id: 'b1', values: {datum: '2027-01-10', forum: 'Styrgruppen', beslut: 'Äldre beslut'}},
        {id: 'b2', values: {datum: '2027-03-03', forum: 'Styrgruppen', beslut: 'Vi bjuder in till ett öppet möte',
                            'beslutat-av': 'Styrgruppen', mandat: 'Uppdrag från båda parterna'}}])""")
    page.goto(base_url + "mallar/minnesanteckningar/")
    page.wait_for_function("() => document.querySelector('[data-shb-field=\"beslut\"]').value.includes('öppet möte')")
    decisions = page.input_value('[data-shb-field="beslut"]')
    assert decisions.startswith("- Vi bjuder in till ett öppet möte (datum: 3 mars 2027; forum eller möte: Styrgruppen;")
    assert "Äldre beslut" not in decisions
    commitments = page.input_value('[data-shb-field="nya-ataganden"]')
    assert commitments.count("\n") == 2 and "- Kommunen bjuder in till dialog två gånger om året (part: Kumla kommun;" in commitments
    assert page.locator('[data-shb-from="beslut"]').is_visible()
    assert "registret Beslut" in page.inner_text('[data-shb-from="beslut"]')
    assert "Vi bjuder in till ett öppet möte" in page.inner_text('[data-shb-slot="beslut"]')
    assert page.locator("[data-shb-doc-paper] img, [data-shb-doc-paper] b").count() == 0
    assert page.evaluate("window.__pwned") in (0, None)


def test_two_parties_export_and_a_third_compares_and_merges_without_doubles(browser, base_url, tmp_path):
    shared = item("r-gemensam", vad="Gemensam uppföljning varje år", part="Båda parterna", status="pagar")
    parties = {
        "Kumla kommun": [shared, item("r-kommun", vad="Kommunen bjuder in två gånger om året", status="klart")],
        "Föreningsrådet": [dict(shared, values=dict(shared["values"], status="klart")),
                           item("r-forening", vad=HOSTILE, status="inte-paborjat")],
    }
    files = []
    for n, (party, own) in enumerate(parties.items()):
        store = {"version": 3, "active": f"w{n}", "workspaces": {f"w{n}": {
            "name": "Överenskommelsen", "party": party, "created": "2027-01-01T00:00:00Z",
            "updated": "2027-01-01T00:00:00Z", "answers": {}, "values": {}, "registers": {"ataganden": own}}}}
        ctx, page = opened_with(browser, base_url, store, PAGE, accept_downloads=True)
        ready(page)
        assert count(page).startswith("Visar 2 av 2.")
        _, text = export(page, "Exportera arbetsytan")  # each party exports through the panel
        exported = json.loads(text)
        assert exported["version"] == 3 and exported["kind"] == FILE_KIND
        assert [i["id"] for i in next(iter(exported["workspaces"].values()))["registers"]["ataganden"]] == [i["id"] for i in own]
        path = tmp_path / f"part-{n}.json"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
        ctx.close()

    # The third: an own list with one of the shared ids, written differently.
    mine = item("r-gemensam", vad="Vår egen text", status="inte-paborjat")
    store = {"version": 3, "active": "w3", "workspaces": {"w3": {
        "name": "Processledaren", "party": "", "created": "2027-01-01T00:00:00Z",
        "updated": "2027-01-01T00:00:00Z", "answers": {}, "values": {}, "registers": {"ataganden": [mine]}}}}
    ctx, page = opened_with(browser, base_url, store, COMPARE)
    page.wait_for_function("() => !!(window.shb.features.compare && window.shb.features['registers-index'])")
    page.evaluate("window.__pwned = 0")
    page.set_input_files("#shb-cmp-file", files)
    page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
    section = page.locator("[data-shb-reg-cmp]")
    shared_row = section.locator('[data-shb-reg-cmp-item="r-gemensam"]')
    assert "Statusen skiljer sig" in shared_row.inner_text()
    assert "Kumla kommun: Pågår" in shared_row.inner_text() and "Föreningsrådet: Klart" in shared_row.inner_text()
    assert "Bara Kumla kommun har det" in section.locator('[data-shb-reg-cmp-item="r-kommun"]').inner_text()
    assert "Bara Föreningsrådet har det" in section.locator('[data-shb-reg-cmp-item="r-forening"]').inner_text()
    assert section.locator("img, b").count() == 0 and HOSTILE in section.inner_text()
    page.wait_for_function("() => [...document.styleSheets].some(s => (s.href || '').endsWith('/stylesheets/registers.css'))")

    # Merge: the two missing ones come in; the own item is not overwritten.
    section.get_by_role("button", name="Ta in 2 åtaganden som saknas i er arbetsyta").click()
    assert page.inner_text("[data-shb-reg-merge-status]").startswith("2 åtaganden är tillagda i er arbetsyta.")
    got = items(page)
    assert [i["id"] for i in got] == ["r-gemensam", "r-kommun", "r-forening"]
    assert got[0]["values"]["vad"] == "Vår egen text"
    # Again: nothing doubles (the button is gone; the merge itself refuses too).
    assert section.get_by_role("button", name="Ta in 2 åtaganden som saknas i er arbetsyta").count() == 0
    assert page.evaluate("window.shb.features.registers.merge('ataganden', "
                         "window.shb.features.compare.sources()[0].registers.ataganden)") == 0
    assert len(items(page)) == 3
    # Undo puts the own list back as it was.
    page.click("[data-shb-reg-merge-status] [data-shb-undo=registers]")
    assert [i["id"] for i in items(page)] == ["r-gemensam"]
    assert page.evaluate("window.__pwned") == 0
    assert page.evaluate("[...document.styleSheets].filter(s => (s.href || '').endsWith('/stylesheets/registers.css')).length") == 1

    # A file with malformed items imports the rest, and says what was left out.
    bad = {"kind": FILE_KIND, "version": 3, "active": "wbad", "workspaces": {"wbad": {
        "name": "Med fel", "party": "", "created": "2027-01-01T00:00:00Z", "updated": "2027-01-01T00:00:00Z",
        "answers": {}, "values": {}, "registers": {"ataganden": [item("ok", vad="Kvar"), {"id": "trasig", "values": {"vad": 5}}]}}}}
    path = tmp_path / "med-fel.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    open_panel(page)
    page.set_input_files("#shb-ws-file", str(path))
    dialog = page.locator("dialog.shb-dialog[open]")
    dialog.wait_for()
    assert "Post 2 i registret \u201dataganden\u201d i arbetsytan \u201dMed fel\u201d har ett värde som inte är text" in dialog.inner_text()
    confirm(page, "Läs in")
    assert [i["id"] for i in items(page)] == ["ok"]
    assert stored(page)["workspaces"]["w3"]["registers"]["ataganden"][0]["values"]["vad"] == "Vår egen text"
    ctx.close()


def test_a_register_works_in_the_offline_copy(unpacked, file_page):
    """From disk: the script, its index and its stylesheet load, an item is
    added and kept, and nothing is asked of another host."""
    page = file_page
    page.goto((unpacked / "verktyg" / "ataganden.html").as_uri())
    ready(page)
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/assets/stylesheets/registers.css'))")
    add(page, vad="Kommunen bjuder in till dialog", datum="2020-01-01")
    assert count(page) == "Visar 1 av 1. 1 åtagande. Klara: 0. Försenade: 1."
    assert page.locator("[data-shb-reg-list]").get_by_text("Försenat").count() == 1
    # A date that does not exist (from a file) is shown as such, and said at the field when edited.
    page.evaluate("""() => shb.store.putRegister('ataganden', shb.store.register('ataganden').concat(
        [{id: 'fel', values: {vad: 'Med fel datum', datum: '2027-02-30'}}]))""")
    row = page.locator('[data-shb-reg-item="fel"]')
    assert "Ogiltigt datum: 2027-02-30" in row.text_content()  # (rows out of sight are not rendered: no inner_text)
    row.get_by_role("button", name="Ändra").click()
    assert "\u201d2027-02-30\u201d går inte att välja här" in page.inner_text('[data-shb-reg-msg="datum"]')
    assert field(page, "datum").get_attribute("aria-invalid") == "true"
    assert page.foreign == [] and page.errors == []
