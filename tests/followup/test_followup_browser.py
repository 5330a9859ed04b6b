"""After the signing in the browser (macros/followup/assets/followup.js):
one journey over Årlig uppföljning (answers kept per year, the report read
back with python-docx, the calendar read with icalendar, the next year
started with last year's answers kept), Återkoppling (a note brought in,
the feedback report and the table for decision makers) and Jämför svar (two
parties' reviews side by side, and a party's note made an input of
Återkoppling). Many checks on five page loads (the browser tier's budget)."""
from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import icalendar

from tests.browser_checks import axe_violations
from tests.registers.test_registers_browser import HOSTILE, item, opened_with, read_docx
from tests.worksheets_support import FILE_KIND, stored

REVIEW = "verktyg/arlig-uppfoljning/"
FEEDBACK = "verktyg/aterkoppling/"
COMPARE = "verktyg/jamfor-svar/"
MANDATE = "rb-beslut-mandat"  # a question of the round table's worksheet


def workspace(party: str, registers: dict, answers: dict | None = None) -> dict:
    return {"name": "Överenskommelsen i Kumla", "party": party, "created": "2027-01-01T00:00:00Z",
            "updated": "2027-01-01T00:00:00Z", "answers": answers or {}, "values": {}, "registers": registers}


def regs(page) -> dict:
    data = stored(page)
    return data["workspaces"][data["active"]]["registers"]


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    parts += [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_a_year_of_follow_up_reports_calendar_next_year_feedback_and_comparison(browser, base_url, tmp_path):
    commitments = [item("r1", vad="Kommunen bjuder in till dialog två gånger om året", part="Kumla kommun",
                        datum="2027-06-30", status="pagar", bevis="Inbjudan och anteckningar"),
                   item("r2", vad=HOSTILE, part="Föreningsrådet", datum="2027-03-01", status="klart")]
    decisions = [item("b1", datum="2027-02-10", forum="Styrgruppen", beslut="Vi startar uppföljningen")]
    note = {"checked": True, "note": "Fler möten på kvällstid <b>snälla</b>", "text": "Vad vill ni ändra?",
            "list": "Rundabordssamtal", "updated": "2027-01-02T00:00:00Z"}
    store = {"version": 3, "active": "wk", "workspaces": {"wk": workspace(
        "Kumla kommun", {"ataganden": commitments, "beslut": decisions}, {"rb-andra": note})}}
    ctx, page = opened_with(browser, base_url, store, REVIEW, accept_downloads=True, locale="sv-SE")
    page.wait_for_selector("[data-shb-fu='review'][data-shb-fu-ready]", state="attached")
    page.evaluate("window.__pwned = 0")
    year = int(page.evaluate("shb.kit.today()")[:4])

    # The commitments with their status and what shows it; the questions, own ones marked.
    sections = page.locator("[data-shb-fu-item]")
    assert sections.count() == 2
    first = page.locator('[data-shb-fu-item="r1"]')
    assert "Status: Pågår" in first.inner_text() and "Inbjudan och anteckningar" in first.inner_text()
    assert page.locator('[data-shb-fu-item="r2"] h3').inner_text() == HOSTILE
    assert "Handbokens egen fråga." in first.inner_text()
    assert "Källan: Checklistan" in page.inner_text("[data-shb-fu-whole]")
    assert page.inner_text("[data-shb-fu-year-line]") == f"Ni svarar för {year}."

    # Answers kept as typed, in their year, with ids of year, question and commitment.
    first.locator('[data-shb-fu-q="gjort"]').fill("Två dialogmöten hölls")
    page.locator('[data-shb-fu-whole] [data-shb-fu-q="syfte"]').fill(HOSTILE)
    page.locator('[data-shb-fu-whole] [data-shb-fu-q="andra-nasta-ar"]').fill("Fler möten på kvällstid")
    page.locator('[data-shb-fu-whole] [data-shb-fu-q="andra-nasta-ar"]').press("Tab")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('shb:v1:/')).workspaces.wk.registers.uppfoljning?.length === 3")
    answers = {i["id"]: i["values"] for i in regs(page)["uppfoljning"]}
    assert answers[f"u{year}-gjort-r1"] == {"fraga": "Vad har hänt med åtagandet under året?", "svar": "Två dialogmöten hölls",
                                            "ar": str(year), "atagande": "r1"}
    assert answers[f"u{year}-syfte-helhet"]["svar"] == HOSTILE
    assert axe_violations(page, "[data-shb-fu]") == []

    # The report as Word: the parties' text, no handbook name, markup as text.
    with page.expect_download() as info:
        page.click('[data-shb-fu-kind="review"][data-shb-fu-out="docx"]')
    assert info.value.suggested_filename == f"uppfoljning-{year}.docx"
    report = read_docx(info.value)
    text = docx_text(report)
    assert report.paragraphs[0].text == f"Uppföljning av överenskommelsen {year}"
    table = report.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Åtagande", "Part", "Status", "Så syns det att det är gjort"]
    assert [c.text for c in table.rows[2].cells][:3] == [HOSTILE, "Föreningsrådet", "Klart"]
    assert "Två dialogmöten hölls" in text and HOSTILE in text
    assert "Det här ändrar vi" in text and "Fler möten på kvällstid" in text
    assert ("Vi startar uppföljningen" in text) == (year == 2027)
    assert "Samverkanshandboken" not in text and "handbok" not in text.lower()

    # Print: the report alone.
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.click('[data-shb-fu-kind="review"][data-shb-fu-out="print"]')
    page.wait_for_function("() => window.__printed")
    page.emulate_media(media="print")
    assert page.locator("[data-shb-fu-print]").is_visible() and not page.locator("article").is_visible()
    assert page.locator("[data-shb-fu-print] img, [data-shb-fu-print] b").count() == 0
    page.emulate_media(media="screen")
    page.evaluate("document.documentElement.classList.remove('shb-print-report')")

    # The calendar: the yearly meeting repeating, the open commitment's due date.
    page.fill("[data-shb-fu-meeting]", f"{year}-10-05")
    page.locator("[data-shb-fu-meeting]").dispatch_event("change")
    with page.expect_download() as info:
        page.click('[data-shb-fu-act="ics"]')
    assert info.value.suggested_filename == "overenskommelsen-i-kumla-uppfoljning.ics"
    calendar = icalendar.Calendar.from_ical(open(info.value.path(), "rb").read())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    host = urlsplit(base_url).hostname
    assert set(events) == {f"uppfoljning-wk-mote@{host}", f"uppfoljning-wk-r1@{host}"}
    meeting = next(e for u, e in events.items() if "-mote@" in u)
    assert meeting["RRULE"]["FREQ"] == ["YEARLY"] and str(meeting["DTSTART"].dt) == f"{year}-10-05"
    due = next(e for u, e in events.items() if "-r1@" in u)
    assert str(due["DTSTART"].dt) == "2027-06-30" and "Överenskommelsen i Kumla" in str(due["SUMMARY"])

    # Next year: the commitments carried over, this year's answers kept in their year.
    page.get_by_role("button", name="Starta nästa års uppföljning").click()
    page.wait_for_function("y => document.querySelector('[data-shb-fu-year-line]').textContent === `Ni svarar för ${y}.`", arg=year + 1)
    assert page.inner_text("[data-shb-fu-status]").startswith(f"Uppföljningen för {year + 1} är startad.")
    assert first.locator('[data-shb-fu-q="gjort"]').input_value() == ""
    assert f"Svaret {year}: Två dialogmöten hölls" in first.inner_text()
    assert page.locator("[data-shb-fu-item]").count() == 2
    first.locator('[data-shb-fu-q="gjort"]').fill("Fyra dialogmöten")
    first.locator('[data-shb-fu-q="gjort"]').press("Tab")
    answers = {i["id"]: i["values"]["svar"] for i in regs(page)["uppfoljning"]}
    assert answers[f"u{year}-gjort-r1"] == "Två dialogmöten hölls" and answers[f"u{year + 1}-gjort-r1"] == "Fyra dialogmöten"
    # Looking back: the earlier year can be chosen and shows its answers.
    page.select_option("[data-shb-fu-year]", str(year))
    assert first.locator('[data-shb-fu-q="gjort"]').input_value() == "Två dialogmöten hölls"
    assert page.evaluate("window.__pwned") == 0

    # Återkoppling: a note brought in from the workspace, answered, and the reports.
    page.goto(base_url + FEEDBACK)
    page.wait_for_selector("[data-shb-reg='aterkoppling'][data-shb-reg-ready]", state="attached")
    page.get_by_role("button", name="Visa anteckningarna").click()
    notes = page.locator("[data-shb-reg-notes-list]")
    assert "Vad vill ni ändra?" in notes.inner_text() and notes.locator("b").count() == 0
    notes.get_by_role("button", name="Ta in i formuläret").click()
    assert page.input_value("#shb-reg-aterkoppling-synpunkt") == note["note"]
    assert page.evaluate("document.activeElement.id") == "shb-reg-aterkoppling-synpunkt"
    page.fill("#shb-reg-aterkoppling-fran", "Rundabordssamtalet i mars")
    page.fill("#shb-reg-aterkoppling-steg", "Rundabordssamtal")
    page.select_option("#shb-reg-aterkoppling-svar", "inte-med")
    page.fill("#shb-reg-aterkoppling-varfor", "Lokalerna är stängda på kvällen.")
    page.click("[data-shb-reg-submit]")
    assert regs(page)["aterkoppling"][0]["values"]["synpunkt"] == note["note"]
    with page.expect_download() as info:
        page.click('[data-shb-fu-kind="feedback"][data-shb-fu-out="docx"]')
    text = docx_text(read_docx(info.value))
    assert "Det här sa ni – så här tog vi hand om det" in text
    assert "Ni sa (Rundabordssamtalet i mars, Rundabordssamtal)" in text and note["note"] in text
    assert "Vårt svar: Inte med, och därför" in text and "Varför: Lokalerna är stängda på kvällen." in text
    assert "Samverkanshandboken" not in text
    with page.expect_download() as info:
        page.click('[data-shb-fu-kind="table"][data-shb-fu-out="docx"]')
    table = read_docx(info.value).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Från vem", "I vilket steg", "Synpunkten", "Parternas svar", "Varför", "Var i texten"]
    assert table.rows[1].cells[3].text == "Inte med, och därför"
    assert axe_violations(page, "[data-shb-reg], [data-shb-fu]") == []
    assert page.evaluate("window.__pwned") in (0, None)

    # Jämför svar: two parties' reviews side by side, matched by year, question and commitment.
    files = []
    said = {"Kumla kommun": "Mer tid för remissen", "Föreningsrådet": HOSTILE}
    for n, (party, answer) in enumerate((("Kumla kommun", "Två möten"), ("Föreningsrådet", "Bara ett möte"))):
        review = [item(f"u2027-gjort-r1", fraga="Vad har hänt med åtagandet under året?", svar=answer, ar="2027", atagande="r1")]
        notes = {MANDATE: {"checked": False, "note": said[party], "updated": "2027-10-01T00:00:00Z"}}
        path = tmp_path / f"part-{n}.json"
        path.write_text(json.dumps({"kind": FILE_KIND, "version": 3, "exported": "2027-11-01T00:00:00Z", "active": "w",
                                    "workspaces": {"w": workspace(party, {"ataganden": commitments[:1], "uppfoljning": review},
                                                                  notes)}}),
                        encoding="utf-8")
        files.append(str(path))
    page.goto(base_url + COMPARE)
    page.wait_for_function("() => !!(window.shb.features.compare && window.shb.features['registers-index'])")
    page.set_input_files("#shb-cmp-file", files)
    page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
    row = page.locator('[data-shb-reg-cmp-item="u2027-gjort-r1"]')
    assert "Vad har hänt med åtagandet under året? · 2027 · Kommunen bjuder in" in row.inner_text()
    assert "Kumla kommun: Två möten" in row.inner_text() and "Föreningsrådet: Bara ett möte" in row.inner_text()

    # A party's note into Återkoppling from Jämför svar, by keyboard: a new
    # input from that party in the step given, after the own; the same input
    # again is told once and adds nothing; "Ångra" takes it out.
    own_inputs = regs(page).get("aterkoppling", [])  # (each page load seeds the store afresh)
    take = page.locator(f"[data-shb-cmp-row='{MANDATE}'] [data-shb-cmp=feedback]")
    assert take.all_text_contents() == ["Lägg till i Återkoppling: anteckningen från Kumla kommun",
                                      "Lägg till i Återkoppling: anteckningen från Föreningsrådet"]
    page.fill("#shb-cmp-step", "Remiss")
    take.nth(1).focus()
    page.keyboard.press("Enter")
    status = page.locator("#shb-cmp-merge-status")
    assert status.inner_text().startswith("Synpunkten från Föreningsrådet är tillagd i Återkoppling i er arbetsyta, i steget ”Remiss”.")
    inputs = regs(page)["aterkoppling"]
    assert inputs[:-1] == own_inputs and len(inputs) == len(own_inputs) + 1
    assert inputs[-1]["values"] == {"fran": "Föreningsrådet", "steg": "Remiss", "synpunkt": HOSTILE, "svar": "obesvarad"}
    page.keyboard.press("Enter")
    assert status.inner_text().startswith("Synpunkten från Föreningsrådet finns redan i Återkoppling.")
    assert len(regs(page)["aterkoppling"]) == len(own_inputs) + 1
    status.get_by_role("button", name="Ångra").click()
    assert regs(page).get("aterkoppling", []) == own_inputs
    # Without a step given: the worksheet's name.
    page.fill("#shb-cmp-step", "")
    take.nth(0).click()
    take.nth(1).click()
    inputs = regs(page)["aterkoppling"]
    assert [i["values"]["fran"] for i in inputs[-2:]] == ["Kumla kommun", "Föreningsrådet"]
    assert inputs[-1]["values"]["steg"] == page.locator(f".shb-cmp-group:has([data-shb-cmp-row='{MANDATE}']) h3").inner_text()
    assert page.locator("[data-shb-compare] img, [data-shb-compare] b").count() == 0
    # On Återkoppling (the store as the compare page left it; this context
    # seeds its own at every load): listed as text, ready to be answered.
    link = page.locator("[data-shb-cmp-feedback] a").get_attribute("href")
    kept = stored(page)
    ctx.close()
    ctx, page = opened_with(browser, base_url, kept, FEEDBACK)
    assert page.url.endswith("/" + FEEDBACK) and urlsplit(urljoin(base_url + COMPARE, link)).path == urlsplit(page.url).path
    page.wait_for_selector("[data-shb-reg='aterkoppling'][data-shb-reg-drawn]", state="attached")
    listed = page.locator("[data-shb-reg='aterkoppling'] [data-shb-reg-list]")
    assert "Mer tid för remissen" in listed.text_content() and HOSTILE in listed.text_content()
    assert listed.locator("img, b").count() == 0 and page.evaluate("window.__pwned") is None
    ctx.close()
