"""Templates in the browser: fill in, keep, pre-fill, and take out as Word,
copy and print; text stays text; axe and the keyboard."""
from __future__ import annotations

import datetime
import json
import re

import docx
import pytest
from playwright.sync_api import expect

from scripts.build.sitebuild import ROOT
from tests.browser_checks import PageWatch, axe_violations, origin_of
from tests.documents_support import TEMPLATE, all_text, download_docx, field, open_template, slot_text
from tests.worksheets_support import OVERVIEW, answer, open_page, open_panel, seed, store_with, stored

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & <b>fet</b>'
TEMPLATES = sorted(p.stem for p in (ROOT / "data" / "documents").glob("*.yml"))
# What a document the parties send must not carry unless the reader asks.
HANDBOOK_WORDS = ("Samverkanshandboken", "handbok", "Frågor att besvara här", "Förslag på")


def word_text(document) -> str:
    return all_text(document) + "\n" + (document.core_properties.author or "") + (document.core_properties.comments or "")


def doc_values(page, template: str = "minnesanteckningar") -> dict:
    data = stored(page)
    return data["workspaces"][data["active"]]["values"].get(f"doc:{template}", {})


def test_fill_reload_and_the_values_are_there(page, base_url):
    open_template(page, base_url)
    field(page, "mote").fill("Arbetsgruppen för överenskommelsen")
    field(page, "narvarande").fill("Anna, Föreningsrådet\nBo, kommunen")
    page.fill('[data-shb-field="att-gora"][data-shb-cell="0:0"]', "Boka lokal")
    page.fill('[data-shb-field="att-gora"][data-shb-cell="0:1"]', "Bo")
    assert slot_text(page, "mote") == "Arbetsgruppen för överenskommelsen"
    page.reload()
    open_template(page, base_url)
    assert field(page, "mote").input_value() == "Arbetsgruppen för överenskommelsen"
    assert field(page, "narvarande").input_value() == "Anna, Föreningsrådet\nBo, kommunen"
    assert page.locator('[data-shb-field="att-gora"][data-shb-cell="0:1"]').input_value() == "Bo"
    # The preview is the document: the heading and the table carry the values.
    assert page.locator(".shb-doc__title").inner_text() == "Minnesanteckningar, Arbetsgruppen för överenskommelsen"
    assert page.locator('[data-shb-table="att-gora"] tbody tr').first.inner_text().split("\t")[:2] == ["Boka lokal", "Bo"]
    saved = doc_values(page)
    assert saved["mote"] == "Arbetsgruppen för överenskommelsen"
    assert saved["att-gora"][0][:2] == ["Boka lokal", "Bo"]


def test_values_travel_in_the_json_export(page, base_url):
    open_template(page, base_url)
    field(page, "plats").fill("Folkets hus")
    # A template's page has one Word button: the panel offers the workspace
    # and the party, not the notes export (which Mina anteckningar has).
    # The compact panel needs no script until it opens (the kernel names the
    # workspace); opened, worksheets.js fills the list of workspaces.
    assert page.evaluate("typeof window.shb.features.worksheets") == "undefined"
    expect(page.locator("#shb-ws-name")).to_have_text(page.evaluate("window.shb.store.workspaceName()"))
    open_panel(page)
    expect(page.locator("#shb-ws-select")).to_have_value(page.evaluate("window.shb.store.activeId()"))
    assert page.locator("#shb-ws-select").is_visible() and page.locator("#shb-ws-party").is_visible()
    assert page.get_by_role("button", name=re.compile("Word")).count() == 1
    assert page.locator('#shb-ws [data-shb-act="json"], #shb-ws [data-shb-act="docx"], #shb-ws-file').count() == 0
    open_page(page, base_url, OVERVIEW)
    open_panel(page)
    # The draft goes with the file only when the reader chooses everything.
    exported = {}
    for choice in ("Allt, med utkast och plan", "Bara svaren"):
        page.get_by_role("button", name="Exportera arbetsytan", exact=True).click()
        dialog = page.locator("dialog.shb-dialog[open]")
        assert "ett utkast till en mall" in dialog.inner_text()
        with page.expect_download() as info:
            dialog.get_by_role("button", name=choice, exact=True).click()
        exported[choice] = json.loads(open(info.value.path(), encoding="utf-8").read())
    workspace = next(iter(exported["Allt, med utkast och plan"]["workspaces"].values()))
    assert workspace["values"]["doc:minnesanteckningar"]["plats"] == "Folkets hus"
    assert next(iter(exported["Bara svaren"]["workspaces"].values()))["values"] == {}


def test_word_file_has_headings_values_and_the_header(page, base_url, project_root):
    open_template(page, base_url)
    field(page, "mote").fill("Styrgruppen")
    field(page, "datum").fill("3 mars 2027")
    field(page, "beslut").fill("Vi bjuder in till ett öppet möte.\nAnna skriver inbjudan.")
    page.fill('[data-shb-field="att-gora"][data-shb-cell="1:0"]', "Skriva inbjudan")
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    name, document = download_docx(page)
    assert name.startswith("minnesanteckningar-fran-ett-mote-") and name.endswith(".docx")
    assert any(url.endswith("/assets/javascripts/export.js") for url in requested)
    assert any(url.endswith("/assets/vendor/docx/docx.js") for url in requested)
    # The file is written by word.js as a worker, off the page's own thread.
    assert page.evaluate("() => !!window.shb.features.export && !window.docx && !window.shb.features.word")
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Minnesanteckningar, Styrgruppen")
    assert ("Heading 2", "Beslut") in headings and ("Heading 2", "Vem gör vad och när") in headings
    texts = [p.text for p in document.paragraphs]
    assert "Vi bjuder in till ett öppet möte." in texts and "Anna skriver inbjudan." in texts
    assert any(p.text == "Datum: 3 mars 2027" and p.style.name == "List Paragraph" for p in document.paragraphs)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Vad", "Vem", "Klart senast"]
    assert table.rows[2].cells[0].text == "Skriva inbjudan"
    assert page.locator("[data-shb-doc-status]").inner_text().startswith("Filen minnesanteckningar-fran-ett-mote-")
    # What goes out speaks for the parties: no handbook name in the file...
    import yaml
    brand = yaml.safe_load((project_root / "brand.yml").read_text(encoding="utf-8"))
    handbook = [brand["organisation"], "Samverkanshandboken", "handbok"]
    assert not any(h.lower() in all_text(document).lower() for h in handbook)
    assert not any(h.lower() in (document.core_properties.author or "") + (document.core_properties.comments or "").lower() for h in handbook)
    # ... unless the reader asks for it.
    page.get_by_label("Handbokens namn i sidhuvudet").check()
    _, asked = download_docx(page)
    assert brand["organisation"] in asked.sections[0].header.paragraphs[0].text


def test_the_word_library_loads_only_when_asked_for(page, base_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    open_template(page, base_url)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/javascripts/documents.js") for url in requested)
    assert not any("/vendor/" in url or url.endswith("/export.js") for url in requested)
    # Pages without a template do not load documents.js at all.
    requested.clear()
    open_page(page, base_url, "verktyg/rundabordssamtal/")
    page.wait_for_load_state("networkidle")
    assert not any("documents.js" in url or "/vendor/" in url for url in requested)


def test_blank_word_files_parse_and_hold_every_part(site_outputs, project_root):
    import yaml
    for template in TEMPLATES:
        data = yaml.safe_load((project_root / "data" / "documents" / f"{template}.yml").read_text(encoding="utf-8"))
        document = docx.Document(str(site_outputs / "mallar" / "filer" / f"{template}.docx"))
        assert document.paragraphs[0].style.name == "Heading 1", template
        parts = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert len(parts) == len(data["sections"]), template
        for heading, section in zip(parts, data["sections"]):
            assert heading.startswith(section["heading"].split("{")[0]), template
        assert "____" in all_text(document), template  # blank fields are lines to write on
        # A blank file speaks for the parties too: no handbook name, no advice.
        text = all_text(document) + (document.core_properties.author or "") + (document.core_properties.comments or "")
        assert not any(w.lower() in text.lower() for w in HANDBOOK_WORDS), template


def test_prefill_from_a_planned_date_and_a_party_name(page, base_url):
    store = store_with({}, values={"plan:dialogprocess": {"start": "2027-01-10", "target": ""}})
    store["workspaces"]["wtest1"]["party"] = "Idéburna i Kumla"
    seed(page, base_url, store, "dialogprocessen/")
    page.wait_for_selector("[data-shb-planner] [data-shb-plan-date]")
    row = page.locator('[data-shb-plan-milestone="samling-spelregler"] [data-shb-plan-date]')
    planned = row.inner_text()
    # The planner's own arithmetic: the first of four milestones in the six-month
    # Samlingsfas, which starts four months after the start.
    start, end = datetime.date(2027, 5, 10), datetime.date(2027, 11, 10)
    expected = start + datetime.timedelta(days=round((end - start).days / 4))
    assert planned == f"{expected.day} juni 2027"

    open_template(page, base_url, "mallar/dagordning-forsta-gemensamma-motet/")
    page.wait_for_function("() => document.querySelector('[data-shb-field=datum]').value !== ''")
    assert field(page, "datum").input_value() == planned
    assert page.locator('[data-shb-from="datum"]').is_visible()
    assert slot_text(page, "datum") == planned

    open_template(page, base_url, "mallar/inbjudan-forsta-motet/")
    assert field(page, "avsandare").input_value() == "Idéburna i Kumla"
    assert page.locator('[data-shb-from="avsandare"]').is_visible()
    assert "Idéburna i Kumla bjuder in er" in page.locator("[data-shb-doc-paper]").inner_text()
    # A pre-filled value is not saved: it follows its source. Typed over, it is the reader's.
    assert "avsandare" not in doc_values(page, "inbjudan-forsta-motet")
    field(page, "avsandare").fill("Föreningsrådet")
    assert not page.locator('[data-shb-from="avsandare"]').is_visible()
    assert doc_values(page, "inbjudan-forsta-motet")["avsandare"] == "Föreningsrådet"


def test_prefill_from_the_target_date_and_the_organisation(page, base_url, project_root):
    import yaml
    store = store_with({}, values={"plan:dialogprocess": {"start": "2027-01-10", "target": "2027-12-01"}})
    seed(page, base_url, store, "dialogprocessen/")  # the planner keeps its milestones' dates
    planned = page.locator('[data-shb-plan-milestone="textforslag-remiss"] [data-shb-plan-date]').inner_text()
    open_template(page, base_url, "mallar/remissbrev/")
    brand = yaml.safe_load((project_root / "brand.yml").read_text(encoding="utf-8"))
    # The sender is the parties (the workspace's party), never the publisher.
    assert field(page, "avsandare").input_value() == "" != brand["organisation"]
    page.wait_for_function("() => document.querySelector('[data-shb-field=datum]').value !== ''")
    # With a target the planner shrinks the phases up to it; the template takes its date.
    assert field(page, "datum").input_value() == planned
    assert planned.endswith("2027")


def test_prefill_from_round_table_answers_and_the_signing_target(page, base_url):
    answers = {"rb-teman-vilka": answer(True, "  Hållbar upphandling  "),
               "rb-motesplats-var": answer(False, "Stadsbiblioteket, sal 2")}
    store = store_with(answers, values={"plan:dialogprocess": {"start": "", "target": "2028-09-05"}})
    seed(page, base_url, store, "dialogprocessen/")
    open_template(page, base_url, "mallar/rundabordssamtal-inbjudan/")
    assert field(page, "tema").input_value() == "Hållbar upphandling"
    assert field(page, "plats").input_value() == "Stadsbiblioteket, sal 2"
    assert field(page, "datum").input_value() == ""  # no answer there: nothing to pre-fill
    assert not page.locator('[data-shb-from="datum"]').is_visible()
    assert page.locator(".shb-doc__title").inner_text() == "Inbjudan till rundabordssamtal: Hållbar upphandling"
    note = page.locator('[data-shb-from="tema"]')
    assert note.is_visible() and "Vilka teman ska samtalet handla om?" in note.inner_text()
    # The planner's target is the signing: the press invitation takes that very
    # date, also when the plan has no start date yet.
    open_template(page, base_url, "mallar/pressinbjudan-signering/")
    page.wait_for_function("() => document.querySelector('[data-shb-field=datum]').value !== ''")
    assert field(page, "datum").input_value() == "5 september 2028"


def test_typed_text_stays_text_in_preview_word_copy_and_print(browser, base_url):
    ctx = browser.new_context(locale="sv-SE", permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    try:
        open_template(page, base_url)
        field(page, "mote").fill(HOSTILE)
        field(page, "beslut").fill(HOSTILE)
        assert slot_text(page, "mote") == HOSTILE
        assert page.locator("[data-shb-doc-paper] script, [data-shb-doc-paper] img, [data-shb-doc-paper] b").count() == 0
        _, document = download_docx(page)
        assert document.paragraphs[0].text == "Minnesanteckningar, " + HOSTILE
        assert HOSTILE in [p.text for p in document.paragraphs]
        page.get_by_role("button", name="Kopiera texten", exact=True).click()
        page.wait_for_function("() => document.querySelector('[data-shb-doc-status]').textContent.includes('kopierad')")
        html, text = page.evaluate("""async () => {
            const [item] = await navigator.clipboard.read();
            return [await (await item.getType('text/html')).text(), await (await item.getType('text/plain')).text()];
        }""")
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "<script" not in html and "<img" not in html
        assert HOSTILE in text
        page.emulate_media(media="print")
        assert HOSTILE in page.locator("[data-shb-doc-paper]").inner_text()
        page.reload()
        open_template(page, base_url)
        assert page.evaluate("window.__pwned") is None
    finally:
        ctx.close()


def test_copy_puts_html_and_text_on_the_clipboard_with_a_confirmation(browser, base_url):
    ctx = browser.new_context(locale="sv-SE", permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    try:
        open_template(page, base_url, "mallar/spelregler/")
        field(page, "parter").fill("Föreningarna i Kumla och Kumla kommun")
        page.get_by_role("button", name="Kopiera texten", exact=True).click()
        status = page.locator("[data-shb-doc-status]")
        status.wait_for(state="visible")
        assert status.inner_text() == "Texten är kopierad. Klistra in den i ett mejl eller ett dokument."
        html, text = page.evaluate("""async () => {
            const [item] = await navigator.clipboard.read();
            return [await (await item.getType('text/html')).text(), await (await item.getType('text/plain')).text()];
        }""")
        assert "<h1>Spelregler för dialogen mellan Föreningarna i Kumla och Kumla kommun</h1>" in html
        assert "<li>Båda parterna är lika viktiga. Ingen part bestämmer över den andra.</li>" in html
        assert "- Båda parterna är lika viktiga. Ingen part bestämmer över den andra." in text
        assert "Spelreglerna gäller från ____" in text  # what is left blank is a line
    finally:
        ctx.close()


def test_print_shows_the_document_alone_with_lines_for_blank_fields(page, base_url):
    open_template(page, base_url)
    field(page, "mote").fill("Styrgruppen")
    page.emulate_media(media="print")
    assert not page.locator("[data-shb-doc-form]").is_visible()
    assert not page.locator(".shb-doc__tools").is_visible()
    assert page.locator("[data-shb-doc-paper]").is_visible()
    assert "Styrgruppen" in page.locator(".shb-doc__title").inner_text()
    blank = page.locator('[data-shb-doc-paper] [data-shb-slot="plats"] .shb-doc__blank')
    style = blank.evaluate("e => { const s = getComputedStyle(e); return [s.borderBottomStyle, s.color, s.display]; }")
    assert style[0] == "solid" and style[2] == "inline-block"
    assert style[1] == "rgba(0, 0, 0, 0)"  # the field's name does not print, the line does
    lines = page.locator('[data-shb-doc-paper] [data-shb-slot="ovrigt"] .shb-doc__blank')
    assert "repeating-linear-gradient" in lines.evaluate("e => getComputedStyle(e).backgroundImage")


def test_a_field_over_its_limit_says_so_and_keeps_everything(page, base_url):
    open_template(page, base_url)
    long = "Styrgruppen för dialogen " * 6  # 150 characters; a line holds 120
    field(page, "mote").fill(long)
    count = page.locator('[data-shb-count="mote"]')
    assert count.inner_text() == "För långt: högst 120 tecken. Korta texten med 30 tecken."
    assert field(page, "mote").get_attribute("aria-invalid") == "true"
    page.reload()
    open_template(page, base_url)
    assert field(page, "mote").input_value() == long
    assert count.inner_text().startswith("För långt")


def test_clear_and_undo(page, base_url):
    open_template(page, base_url)
    field(page, "plats").fill("Folkets hus")
    page.get_by_role("button", name="Töm fälten", exact=True).click()
    assert field(page, "plats").input_value() == ""
    page.get_by_role("button", name="Ångra", exact=True).click()
    assert field(page, "plats").input_value() == "Folkets hus"


def test_notes_as_word_hold_a_saved_note(page, base_url):
    store = store_with({"rb-teman-vilka": answer(True, "Digitalt utanförskap\nandra raden"),
                        "rb-beslut-mandat": answer(False, "")}, name="Kumla 2027")
    store["workspaces"]["wtest1"]["party"] = "Kommunen"
    seed(page, base_url, store, OVERVIEW)
    open_panel(page)
    name, document = download_docx(page, "Exportera anteckningar (Word)")
    assert name.startswith("anteckningar-kommunen-kumla-2027-") and name.endswith(".docx")
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.paragraphs[0].text == "Anteckningar: Kumla 2027"
    texts = [p.text for p in document.paragraphs]
    # The party is named; the question in bold, the tick in words under it,
    # the note under that, indented; no "[x]" (Markdown's) in Word.
    assert texts[1].endswith(" Svaren kommer från Kommunen.")
    q = texts.index("Vilka teman ska samtalet handla om?")
    assert all(r.bold for r in document.paragraphs[q].runs)
    assert texts[q + 1:q + 4] == ["Besvarad.", "Digitalt utanförskap", "andra raden"]
    assert document.paragraphs[q + 2].paragraph_format.left_indent > 0
    assert "Inte besvarad." in texts
    assert not any("[x]" in t or "[ ]" in t for t in texts)
    assert any(p.style.name == "Heading 2" and "Rundabordssamtal" in p.text for p in document.paragraphs)


# Every template page is checked by axe in both schemes in the walk over
# every page (tests/site/test_accessibility.py), with nothing saved. With
# saved values the pages differ in what one template and one script draw: a
# value too long for its field (the minutes), a value filled in from the
# party (the remiss letter), the writing group's questions (the skeleton),
# the newest template, and the overview's list of drafts.
STATE_PAGES = ["mallar/", "mallar/minnesanteckningar/", "mallar/remissbrev/", "mallar/overenskommelse/",
               "mallar/beslutsunderlag/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_template_pages(browser, base_url, scheme):
    ctx = browser.new_context(color_scheme=scheme, locale="sv-SE")
    page = ctx.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    found = []
    try:
        store = store_with({}, values={"doc:minnesanteckningar": {"mote": "x" * 130}})
        store["workspaces"]["wtest1"]["party"] = "Idéburna i Kumla"
        seed(page, base_url, store, TEMPLATE)
        assert set(STATE_PAGES[1:]) <= {f"mallar/{t}/" for t in TEMPLATES}
        for path in STATE_PAGES:
            page.goto(base_url + path)
            if path != "mallar/":
                page.wait_for_selector("[data-shb-doc][data-shb-ready]", state="attached")
            found += [f"{path}: {v}" for v in axe_violations(page)]
    finally:
        ctx.close()
    assert found == []
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_keyboard_only_fill_and_download(page, base_url):
    open_template(page, base_url, "mallar/spelregler/")
    first = field(page, "parter")
    page.locator("#fyll-i").evaluate("h => { h.tabIndex = -1; h.focus(); }")  # as a skip link would
    for _ in range(10):
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    assert first.evaluate("e => e === document.activeElement")
    page.keyboard.type("Föreningarna och kommunen")
    page.keyboard.press("Tab")
    page.keyboard.type("Vi turas om att leda mötena.")
    button = page.get_by_role("button", name="Ladda ner som Word-fil (.docx)", exact=True)
    for _ in range(10):
        if button.evaluate("e => e === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert button.evaluate("e => e === document.activeElement")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    document = docx.Document(info.value.path())
    assert document.paragraphs[0].text == "Spelregler för dialogen mellan Föreningarna och kommunen"
    assert "Vi turas om att leda mötena." in [p.text for p in document.paragraphs]


def test_word_and_copy_work_under_the_security_policy(browser, csp_base_url):
    ctx = browser.new_context(locale="sv-SE", permissions=["clipboard-read", "clipboard-write"])
    ctx.add_init_script("""document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
    });""")
    page = ctx.new_page()
    try:
        open_template(page, csp_base_url, "mallar/overenskommelse/")
        field(page, "omrade").fill("Exempelby")
        _, document = download_docx(page)
        assert "Exempelby" in document.paragraphs[0].text
        page.get_by_role("button", name="Kopiera texten", exact=True).click()
        page.wait_for_function("() => document.querySelector('[data-shb-doc-status]').textContent.includes('kopierad')")
        assert page.evaluate("window.__cspViolations || []") == []
    finally:
        ctx.close()


def test_sender_example_questions_and_the_decision_memo_in_word(page, base_url):
    """One journey through the outgoing documents: the sender follows the
    party; "Fyll i med exempel" asks before it replaces the reader's text,
    fills every field and marks the document as invented; the agreement's
    questions go out only when ticked; the decision memo's parts are in its
    Word file; and no file carries the handbook's name or advice."""
    store = store_with({}, name="Exempelby 2028")
    store["workspaces"]["wtest1"]["party"] = "Föreningsrådet i Kumla"
    seed(page, base_url, store, "mallar/remissbrev/")
    open_template(page, base_url, "mallar/remissbrev/")
    assert field(page, "avsandare").input_value() == "Föreningsrådet i Kumla"
    _, letter = download_docx(page)
    assert "Föreningsrådet i Kumla, " in [p.text for p in letter.paragraphs][-1]
    assert not any(w.lower() in word_text(letter).lower() for w in HANDBOOK_WORDS)
    field(page, "mottagare").fill("Styrelsen")
    page.get_by_role("button", name="Fyll i med exempel", exact=True).click()
    dialog = page.locator("#shb-dialog")
    # The example's code and cases load at the first press (documents-out.js), the dialog's at the first question.
    expect(dialog).to_be_visible()
    assert "byts ut" in dialog.inner_text()
    dialog.get_by_role("button", name="Avbryt").click()
    assert field(page, "mottagare").input_value() == "Styrelsen"
    page.get_by_role("button", name="Fyll i med exempel", exact=True).click()
    dialog.get_by_role("button", name="Fyll i").click()
    expect(field(page, "mottagare")).to_have_value("föreningarna i Exempelby och kommunens nämnder")
    empty = page.evaluate("""() => [...document.querySelectorAll('[data-shb-field]:not([data-shb-cell])')]
        .filter((f) => !f.value.trim()).map((f) => f.dataset.shbField)""")
    assert empty == []
    assert page.locator("[data-shb-doc-example]").is_visible()
    page.get_by_role("button", name="Ångra", exact=True).click()
    assert field(page, "mottagare").input_value() == "Styrelsen"
    assert not page.locator("[data-shb-doc-example]").is_visible()
    page.get_by_role("button", name="Fyll i med exempel", exact=True).click()
    dialog.get_by_role("button", name="Fyll i").click()
    _, example = download_docx(page)
    texts = [p.text for p in example.paragraphs]
    assert texts[0] == "Exempel: Exempelby och allt annat i det här dokumentet är påhittat."
    assert "allmänna handlingar" in all_text(example) and "Också det är ett svar." in all_text(example)

    open_template(page, base_url, "mallar/overenskommelse/")
    page.get_by_role("button", name="Fyll i med exempel", exact=True).click()  # nothing written: no question
    expect(field(page, "omrade")).to_have_value("Exempelby")
    _, draft = download_docx(page)
    assert not any(w.lower() in word_text(draft).lower() for w in HANDBOOK_WORDS)
    headings = [p.text for p in draft.paragraphs if p.style.name == "Heading 2"]
    assert {"Vision och mål", "Så samarbetar vi", "Beslut"} <= set(headings)
    assert "Kommunfullmäktige i Exempelby beslutade om överenskommelsen den 24 april 2028, § 45." in all_text(draft)
    assert [c.text for c in draft.tables[0].rows[0].cells] == ["Part och organisation", "Namn och befattning",
                                                              "Ort och datum", "Underskrift"]
    page.get_by_label(re.compile("Frågorna till skrivgruppen")).check()
    _, with_questions = download_docx(page)
    assert "Frågor att besvara här:" in all_text(with_questions)
    assert "Vilka spelregler gäller när parterna arbetar tillsammans?" in all_text(with_questions)

    open_template(page, base_url, "mallar/beslutsunderlag/")
    # The cases arrive late (a slow network), and Word is pressed at once: the presses are
    # taken in order, so the file has the example the first press was fetching (`pending`).
    page.evaluate("""() => { const need = shb.need;
      shb.need = (file) => file === "documents-examples.js" ?
        new Promise((r) => setTimeout(r, 400)).then(() => need(file)) : need(file); }""")
    page.get_by_role("button", name="Fyll i med exempel", exact=True).click()
    _, memo = download_docx(page)
    assert memo.paragraphs[1].text.startswith("Tjänsteskrivelse: Överenskommelse mellan Exempelby kommun")
    headings = [p.text for p in memo.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Tjänsteskrivelse", "Ärendet i korthet", "Förslag till beslut", "Bakgrund",
                        "Så har förslaget tagits fram", "Remissen", "Ekonomiska konsekvenser",
                        "Andra konsekvenser", "Uppföljning", "Bilagor"]
    assert "Diarienummer: KS 2027/123" in all_text(memo)
    assert not any(w.lower() in word_text(memo).lower() for w in HANDBOOK_WORDS)


def test_prefill_that_does_not_fit_is_cut_at_a_sentence_or_left_out(page, base_url):
    answers = {"rb-teman-vilka": answer(True, "Unga i föreningslivet.\n" + "Mer om det " * 20),
               "rb-motesplats-var": answer(False, "x" * 130)}
    seed(page, base_url, store_with(answers), "mallar/rundabordssamtal-inbjudan/")
    open_template(page, base_url, "mallar/rundabordssamtal-inbjudan/")
    assert field(page, "tema").input_value() == "Unga i föreningslivet."
    assert "första hela meningarna" in page.locator('[data-shb-fit="tema"]').inner_text()
    assert field(page, "plats").input_value() == ""
    assert "Skriv en kortare text" in page.locator('[data-shb-fit="plats"]').inner_text()
    assert page.locator("[aria-invalid=true]").count() == 0
    assert page.locator(".shb-doc__count--over").count() == 0
