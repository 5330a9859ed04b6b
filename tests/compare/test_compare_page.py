"""The page "Jämför svar" (macros/compare, macros/compare/assets/compare.js):
two parties' exports side by side, marks and summary, merge with undo, the
list "Att diskutera", bad files, and text that stays text."""
from __future__ import annotations

import json
import re

import docx
import markdown
import pytest
import yaml
from playwright.sync_api import expect

from scripts.build.sitebuild import ROOT

from tests.browser_checks import PageWatch, axe_violations, origin_of
from tests.worksheets_support import (WORKSHEET, answer, export, exported_file, open_page, open_panel, seed, set_party,
                                      store_with, stored, tab_to)

COMPARE = "verktyg/jamfor-svar/"
Q1, Q2, Q3 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat", "rb-teman-vilka"
GONE = "rb-en-fraga-som-togs-bort"
SITE_NAME = yaml.safe_load((ROOT / "brand.yml").read_text(encoding="utf-8"))["name"]

HOSTILE = '<img src=x onerror="document.title=\'pwned\'"> & <b>fet</b>'


def write(tmp_path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def open_compare(page, base_url):
    open_page(page, base_url, COMPARE)
    page.wait_for_function("() => !!(window.shb && window.shb.features.compare)")
    return page


def choose(page, *paths: str, files: int):
    page.set_input_files("#shb-cmp-file", list(paths))
    page.wait_for_selector(f"[data-shb-compare][data-shb-cmp-files='{files}']", state="attached")


def row(page, qid: str):
    return page.locator(f"[data-shb-cmp-row='{qid}']")


def answer_of(page, qid: str, label: str):
    return row(page, qid).locator("li.shb-cmp-a").filter(has=page.locator(".shb-cmp-a__who", has_text=label))


def question_text(page, qid: str) -> str:
    return page.evaluate("id => JSON.parse(document.getElementById('shb-question-index').textContent)"
                         ".questions.find(q => q.id === id).text", qid)


def answer_as(page, base_url, party: str, ticks: dict, notes: dict):
    """On the worksheet, with the panel open: name the party, tick, write notes."""
    open_page(page, base_url, WORKSHEET)
    set_party(page, party)
    for qid, on in ticks.items():
        page.set_checked(f"#shb-check-{qid}", on)
    for qid, note in notes.items():
        page.fill(f"#shb-note-{qid}", note)
        page.keyboard.press("Tab")


def fill_as(browser, base_url, tmp_path, party: str, ticks: dict, notes: dict) -> str:
    """One party's browser: name the party, answer the worksheet, export."""
    ctx = browser.new_context(locale="sv-SE")
    page = ctx.new_page()
    answer_as(page, base_url, party, ticks, notes)
    name, text = export(page, "Exportera arbetsytan")
    ctx.close()
    path = tmp_path / party.lower().replace(" ", "-") / name
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def two_parties(browser, base_url, tmp_path_factory):
    """The two parties' export files, made once in their own browsers (the
    tests only read them)."""
    tmp_path = tmp_path_factory.mktemp("two-parties")
    kommunen = fill_as(browser, base_url, tmp_path, "Kommunen", {Q1: True, Q2: True},
                       {Q1: "Anna och Per från kommunen", Q2: "Kommunstyrelsen"})
    facket = fill_as(browser, base_url, tmp_path, "Idéburna organisationer", {Q1: False},
                     {Q1: "Tre från föreningarna"})
    return kommunen, facket


def test_two_parties_side_by_side_and_the_own_workspace_unchanged(page, base_url, two_parties):
    watch = PageWatch(origin_of(base_url)).attach(page)
    seed(page, base_url, store_with({Q1: answer(True, "Min egen anteckning")}, name="Processledaren"))
    before = stored(page)
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)

    assert page.locator("#shb-cmp-list li strong").all_inner_texts() == ["Kommunen", "Idéburna organisationer"]
    k, f = answer_of(page, Q1, "Kommunen"), answer_of(page, Q1, "Idéburna organisationer")
    assert k.locator(".shb-cmp-a__note").text_content() == "Anna och Per från kommunen"
    assert k.locator(".shb-cmp-a__state").text_content() == "Besvarad"
    assert f.locator(".shb-cmp-a__note").text_content() == "Tre från föreningarna"
    assert f.locator(".shb-cmp-a__state").text_content() == "Inte besvarad"
    # The marks, in words.
    assert row(page, Q1).locator(".shb-cmp-mark").all_text_contents() == ["Bockarna skiljer sig"]
    # Ticks differ only between parties that answered.
    assert row(page, Q2).locator(".shb-cmp-mark").all_text_contents() == ["Bara Kommunen har svarat"]
    assert row(page, Q3).locator(".shb-cmp-mark").all_text_contents() == ["Ingen har svarat"]
    assert answer_of(page, Q3, "Kommunen").text_content().endswith("Inget svar")
    # The summary of the worksheet's 16 questions.
    group = page.locator(".shb-cmp-group").filter(has=page.locator("h3", has_text="Rundabordssamtal"))
    assert group.locator(".shb-cmp-group__summary").inner_text() == (
        "Av 16 frågor: båda har svarat på 1, bara Kommunen på 1 och ingen på 14. "
        "Bockarna skiljer sig i 1 fråga.")
    assert row(page, Q1).locator(".shb-cmp-q__own").text_content() == "Er arbetsyta: Min egen anteckning"
    assert stored(page) == before
    assert watch.console_errors == [] and watch.foreign_requests == []


def test_filters_show_only_the_questions_asked_for(page, base_url, two_parties):
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)
    total = page.locator(".shb-cmp-q").count()
    visible = page.locator(".shb-cmp-q:visible")
    ids = lambda: sorted(visible.evaluate_all("els => els.map(e => e.dataset.shbCmpRow)"))  # noqa: E731
    # By default: the questions some party answered.
    assert ids() == sorted([Q1, Q2])
    assert page.inner_text("#shb-cmp-shown") == f"Visar 2 av {total} frågor."
    # Groups with nothing to show are hidden with their heading.
    assert page.locator(".shb-cmp-group:visible h3").all_inner_texts() == ["Rundabordssamtal i strategiska partnerskap"]
    page.get_by_label("där bockarna skiljer sig").check()
    assert ids() == [Q1]
    page.get_by_label("som bara en part har svarat på").check()
    assert ids() == [Q2]
    page.get_by_label("som ingen har svarat på").check()
    assert visible.count() == total - 2
    page.get_by_label("alla frågor i handboken").check()
    assert visible.count() == total and page.inner_text("#shb-cmp-shown") == f"Visar {total} av {total} frågor."


def test_merge_one_note_undo_then_merge_all(page, base_url, two_parties):
    seed(page, base_url, store_with({Q1: answer(True, "Min egen anteckning")}, name="Processledaren"))
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)

    answer_of(page, Q1, "Idéburna organisationer").get_by_role("button", name="Ta in anteckningen").click()
    status = page.locator("#shb-cmp-merge-status")
    assert status.inner_text().startswith("Anteckningen från Idéburna organisationer är tillagd i er arbetsyta.")
    answers = stored(page)["workspaces"]["wtest1"]["answers"]
    assert answers[Q1]["note"] == "Min egen anteckning\n\nIdéburna organisationer:\nTre från föreningarna"
    assert answers[Q1]["checked"] is True  # the own tick is never changed
    assert "Idéburna organisationer:\nTre från föreningarna" in row(page, Q1).locator(".shb-cmp-q__own").text_content()
    # Taking the same note again adds nothing.
    answer_of(page, Q1, "Idéburna organisationer").get_by_role("button", name="Ta in anteckningen").click()
    assert status.inner_text().startswith("Det finns inget nytt att ta in")

    status.get_by_role("button", name="Ångra").click()
    assert stored(page)["workspaces"]["wtest1"]["answers"][Q1]["note"] == "Min egen anteckning"
    assert row(page, Q1).locator(".shb-cmp-q__own").text_content() == "Er arbetsyta: Min egen anteckning"

    page.get_by_role("button", name="Ta in alla anteckningar").click()
    assert status.inner_text().startswith("3 anteckningar är tillagda i er arbetsyta.")
    answers = stored(page)["workspaces"]["wtest1"]["answers"]
    assert answers[Q1]["note"] == ("Min egen anteckning\n\nKommunen:\nAnna och Per från kommunen"
                                   "\n\nIdéburna organisationer:\nTre från föreningarna")
    # A question the own workspace had not answered: a new answer, not ticked,
    # with the question's text and page so that Mina anteckningar can show it.
    assert answers[Q2]["note"] == "Kommunen:\nKommunstyrelsen" and answers[Q2]["checked"] is False
    assert answers[Q2]["text"] == question_text(page, Q2) and answers[Q2]["page"] == "verktyg/rundabordssamtal/"

    open_page(page, base_url, WORKSHEET)
    assert page.input_value(f"#shb-note-{Q2}") == "Kommunen:\nKommunstyrelsen"
    assert page.is_checked(f"#shb-check-{Q1}") and not page.is_checked(f"#shb-check-{Q2}")


def test_att_diskutera_lists_both_notes_prints_and_exports_markdown(page, base_url, two_parties):
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)
    assert page.locator("#shb-cmp-discuss-empty").is_visible()
    row(page, Q1).get_by_label("Att diskutera").check()
    row(page, Q2).get_by_label("Att diskutera").check()
    items = page.locator("#shb-cmp-discuss-list > li")
    assert items.count() == 2 and not page.locator("#shb-cmp-discuss-empty").is_visible()
    first = items.first.inner_text()
    assert question_text(page, Q1) in first
    assert "Kommunen: besvarad. Anna och Per från kommunen" in first
    assert "Idéburna organisationer: inte besvarad. Tre från föreningarna" in first
    row(page, Q2).get_by_label("Att diskutera").uncheck()
    assert items.count() == 1

    with page.expect_download() as info:
        page.get_by_role("button", name="Exportera listan (text)").click()
    assert re.fullmatch(r"att-diskutera-kommunen-ideburna-organisationer-\d{4}-\d\d-\d\d\.md", info.value.suggested_filename)
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("# Att diskutera\n")
    assert f"## Rundabordssamtal i strategiska partnerskap\n\n### {question_text(page, Q1)}\n" in text
    assert "- **Kommunen**: besvarad\n\n    > Anna och Per från kommunen\n" in text
    assert "- **Idéburna organisationer**: inte besvarad\n\n    > Tre från föreningarna" in text
    assert text.splitlines()[2].startswith(f"Från {SITE_NAME}, ")
    # The feature's own Markdown (a promise, through the document model) is the file.
    assert page.evaluate("window.shb.features.compare.discussMarkdown()") == text

    # The same list as a Word file, with real headings (read with python-docx).
    with page.expect_download() as info:
        page.get_by_role("button", name="Exportera listan (Word)").click()
    assert re.fullmatch(r"att-diskutera-kommunen-ideburna-organisationer-\d{4}-\d\d-\d\d\.docx", info.value.suggested_filename)
    expect(page.locator("#shb-cmp-discuss-status")).to_contain_text(info.value.suggested_filename)
    document = docx.Document(info.value.path())
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Heading 1", "Att diskutera")
    assert styled[1][1].startswith(f"Från {SITE_NAME}, ")
    assert ("Heading 2", "Rundabordssamtal i strategiska partnerskap") in styled
    assert ("Heading 3", question_text(page, Q1)) in styled
    texts = [t for _, t in styled]
    assert texts.index("Kommunen: besvarad") < texts.index("Anna och Per från kommunen") \
        < texts.index("Idéburna organisationer: inte besvarad") < texts.index("Tre från föreningarna")
    assert SITE_NAME in document.sections[0].header.paragraphs[0].text

    # "Skriv ut listan": on paper only the list, with both notes.
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Skriv ut listan").click()
    assert page.evaluate("window.__printed && document.documentElement.classList.contains('shb-print-discuss')")
    page.emulate_media(media="print")
    assert page.locator("#shb-cmp-discuss-list").is_visible()
    assert "Tre från föreningarna" in page.locator("#shb-cmp-discuss-list").inner_text()
    for hidden in ("#shb-cmp-result", ".shb-cmp__filters", "h1", "#shb-cmp-list"):
        assert not page.locator(hidden).first.is_visible(), hidden
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('shb-print-discuss')")


def test_a_version_1_export_and_an_orphaned_question_compare_and_merge(page, base_url, tmp_path):
    old = exported_file("", {Q1: answer(True, "från ett gammalt format"),
                             GONE: answer(False, "till en borttagen fråga", text="Vem bokar lokalen?",
                                          list="Rundabordssamtal", page="verktyg/gammal/")},
                        version=1)
    new = exported_file("Facket", {Q1: answer(True, "")})
    open_compare(page, base_url)
    choose(page, write(tmp_path, "gammal.json", old), write(tmp_path, "ny.json", new), files=2)
    # Without a party the file's name is the label.
    assert answer_of(page, Q1, "gammal.json").locator(".shb-cmp-a__note").text_content() == "från ett gammalt format"
    orphans = page.locator(".shb-cmp-group").filter(has=page.locator("h3", has_text="inte längre finns"))
    assert orphans.locator(".shb-cmp-q__text").text_content() == "Vem bokar lokalen? (Rundabordssamtal)"
    assert orphans.locator(".shb-cmp-mark").all_text_contents() == ["Bara gammal.json har svarat"]
    orphans.get_by_role("button", name="Ta in anteckningen").click()
    merged = stored(page)["workspaces"][stored(page)["active"]]["answers"][GONE]
    assert merged["note"] == "gammal.json:\ntill en borttagen fråga"
    assert merged["text"] == "Vem bokar lokalen?" and merged["page"] == "verktyg/gammal/"


def test_bad_files_are_named_and_the_others_still_compare(page, base_url, tmp_path):
    seed(page, base_url, store_with({Q1: answer(True, "behålls")}))
    before = stored(page)
    open_compare(page, base_url)
    good = write(tmp_path, "kommunen.json", exported_file("Kommunen", {Q1: answer(True, "bra fil")}))
    bad = {
        "trasig.json": ('{"kind": "samverkanshandboken-anteckningar", "version": 2,', "går inte att läsa"),
        "annat.json": ('{"name": "något annat"}', "inte en export från Samverkanshandboken"),
        "framtid.json": (json.dumps(exported_file("X", {}, version=99)), "nyare version"),
        "form.json": (json.dumps(exported_file("X", {Q1: {"checked": "ja", "note": 1}})), "har fel form"),
    }
    paths = [write(tmp_path, name, content) for name, (content, _) in bad.items()]
    big = tmp_path / "stor.json"
    big.write_text('{"kind": "x", "pad": "' + "a" * (5 * 1024 * 1024) + '"}', encoding="utf-8")
    choose(page, good, *paths, str(big), files=1)

    errors = page.locator("#shb-cmp-errors[role=alert] li").all_inner_texts()
    assert len(errors) == 5
    for name, (_, message) in bad.items():
        (line,) = [e for e in errors if name in e]
        assert message in line and line.endswith("Den är inte med i jämförelsen.")
    (line,) = [e for e in errors if "stor.json" in e]
    assert "för stor" in line and "5 MB" in line
    assert page.locator("#shb-cmp-list li strong").all_inner_texts() == ["Kommunen"]
    assert answer_of(page, Q1, "Kommunen").locator(".shb-cmp-a__note").text_content() == "bra fil"
    assert stored(page) == before


def test_the_same_file_twice_is_one_party_and_the_same_party_twice_is_kept_apart(page, base_url, tmp_path):
    open_compare(page, base_url)
    a = exported_file("Kommunen", {Q1: answer(True, "från a")})
    a1, a2 = write(tmp_path, "a.json", a), write(tmp_path, "kopia.json", a)
    b = write(tmp_path, "b.json", exported_file("kommunen", {Q1: answer(False, "från b")}))
    choose(page, a1, files=1)
    choose(page, a1, a2, files=1)
    assert page.locator("#shb-cmp-notices p").all_inner_texts()[:2] == [
        "Filen \u201da.json\u201d är redan med i jämförelsen. Den räknas en gång.",
        "Filen \u201dkopia.json\u201d har samma innehåll som \u201da.json\u201d, som redan är med. Den räknas en gång."]
    choose(page, b, files=2)
    assert "har samma part" in page.inner_text("#shb-cmp-notices")
    labels = page.locator("#shb-cmp-list li strong").all_inner_texts()
    assert labels == ["Kommunen (a.json)", "kommunen (b.json)"]
    assert row(page, Q1).locator(".shb-cmp-a__note").all_text_contents() == ["från a", "från b"]
    # Removing one leaves the other.
    page.locator("#shb-cmp-list li").nth(0).get_by_role("button", name="Ta bort").click()
    assert page.locator("#shb-cmp-list li strong").all_inner_texts() == ["kommunen"]


def test_party_names_and_notes_from_files_stay_text(page, base_url, tmp_path):
    evil = exported_file(HOSTILE, {Q1: answer(True, HOSTILE), GONE: answer(False, HOSTILE, text=HOSTILE)})
    open_compare(page, base_url)
    choose(page, write(tmp_path, "ond.json", evil), files=1)
    compare = page.locator("[data-shb-compare]")
    assert compare.locator("img, b").count() == 0
    assert page.locator("#shb-cmp-list li strong").inner_text() == HOSTILE
    assert answer_of(page, Q1, "onerror").locator(".shb-cmp-a__note").text_content() == HOSTILE
    assert page.locator("[data-shb-cmp-row='%s'] .shb-cmp-q__text" % GONE).text_content() == HOSTILE
    row(page, Q1).get_by_label("Att diskutera").check()
    row(page, GONE).get_by_label("Att diskutera").check()
    assert HOSTILE in page.inner_text("#shb-cmp-discuss-list")
    page.emulate_media(media="print")
    assert compare.locator("img, b").count() == 0
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("button", name="Exportera listan (text)").click()
    html = markdown.markdown(open(info.value.path(), encoding="utf-8").read())
    assert "<img" not in html and "<b>" not in html and "&lt;img src=x onerror=" in html
    with page.expect_download() as info:
        page.get_by_role("button", name="Exportera listan (Word)").click()
    texts = [p.text for p in docx.Document(info.value.path()).paragraphs]
    # The party's name and its note, as the text they are (GONE's question text too).
    assert f"{HOSTILE}: besvarad" in texts and HOSTILE in texts
    page.get_by_role("button", name="Ta in alla anteckningar").click()
    note = stored(page)["workspaces"][stored(page)["active"]]["answers"][Q1]["note"]
    assert note == HOSTILE + ":\n" + HOSTILE
    assert page.title() != "pwned"


def test_a_saved_comparison_opens_again_with_its_marks(page, base_url, two_parties, tmp_path):
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)
    row(page, Q1).get_by_label("Att diskutera").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Spara jämförelsen som fil").click()
    saved = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert saved["kind"] == "samverkanshandboken-jamforelse" and saved["discuss"] == [Q1]
    assert len(saved["files"]) == 2
    # Nothing of the files was kept in the browser's storage.
    assert "Anna och Per" not in json.dumps(page.evaluate("() => ({...localStorage})"))
    path = write(tmp_path, "jamforelse.json", json.dumps(saved))

    page.get_by_role("button", name="Töm jämförelsen").click()
    assert page.locator(".shb-cmp-q").count() == 0 and page.inner_text("#shb-cmp-notices") == "Jämförelsen är tömd."
    # Emptied, the tab keeps nothing either: a new page load starts empty.
    open_compare(page, base_url)
    assert page.locator(".shb-cmp-q").count() == 0
    assert not page.get_by_role("button", name="Töm jämförelsen").is_visible()
    choose(page, path, files=2)
    assert page.locator("#shb-cmp-list li strong").all_inner_texts() == ["Kommunen", "Idéburna organisationer"]
    assert row(page, Q1).get_by_label("Att diskutera").is_checked()
    assert page.locator("#shb-cmp-discuss-list > li").count() == 1


def test_keyboard_only(page, base_url, two_parties):
    seed(page, base_url, store_with({}, name="Processledaren"))
    open_compare(page, base_url)
    page.focus("#shb-cmp-file")
    choose(page, *two_parties, files=2)  # the file chooser is the system's own dialog
    tab_to(page, "[name=shb-cmp-filter][value=some]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("[name=shb-cmp-filter][value=differ]")
    assert page.inner_text("#shb-cmp-shown").startswith("Visar 1 av")
    tab_to(page, f"[data-shb-cmp=merge][data-shb-cmp-q='{Q1}'][data-shb-cmp-s='1']")
    page.keyboard.press("Enter")
    assert stored(page)["workspaces"]["wtest1"]["answers"][Q1]["note"] == "Idéburna organisationer:\nTre från föreningarna"
    tab_to(page, "#shb-cmp-merge-status button")
    page.keyboard.press("Enter")
    assert Q1 not in stored(page)["workspaces"]["wtest1"]["answers"]
    tab_to(page, f"[data-shb-cmp-discuss='{Q1}']")
    page.keyboard.press("Space")
    assert page.locator("#shb-cmp-discuss-list > li").count() == 1
    tab_to(page, "[data-shb-cmp=markdown]")
    with page.expect_download():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_with_files_passes_axe(browser, base_url, two_parties, tmp_path, scheme):
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    open_compare(page, base_url)
    bad = write(tmp_path, "trasig.json", "{")
    choose(page, *two_parties, bad, files=2)
    row(page, Q1).get_by_label("Att diskutera").check()
    page.get_by_role("button", name="Ta in alla anteckningar").click()
    # A note made an input of Återkoppling (the buttons come with the registers' index).
    answer_of(page, Q1, "Kommunen").get_by_role("button", name="Lägg till i Återkoppling").click()
    assert page.inner_text("#shb-cmp-merge-status").startswith("Synpunkten från Kommunen är tillagd i Återkoppling")
    open_panel(page)
    assert axe_violations(page) == []
    ctx.close()


def test_switching_workspace_retires_the_undo_and_shows_the_other_notes(page, base_url, two_parties):
    store = store_with({Q1: answer(True, "i första")}, name="Första")
    store["workspaces"]["wandra"] = {**store["workspaces"]["wtest1"], "name": "Andra",
                                     "answers": {Q1: answer(False, "i andra")}}
    seed(page, base_url, store)
    open_compare(page, base_url)
    choose(page, *two_parties, files=2)
    page.get_by_role("button", name="Ta in alla anteckningar").click()
    assert page.locator("#shb-cmp-merge-status").get_by_role("button", name="Ångra").count() == 1
    open_panel(page)
    page.select_option("#shb-ws-select", "wandra")
    page.get_by_role("button", name="Byt till vald").click()
    expect(page.locator("#shb-cmp-target")).to_contain_text("\u201dAndra\u201d")  # panel.js may still be on its way
    assert page.locator("#shb-cmp-merge-status button").count() == 0
    assert row(page, Q1).locator(".shb-cmp-q__own").text_content() == "Er arbetsyta: i andra"
    # The first workspace keeps what was taken in; the second is untouched.
    data = stored(page)
    assert data["workspaces"]["wtest1"]["answers"][Q1]["note"].startswith("i första\n\nKommunen:")
    assert data["workspaces"]["wandra"]["answers"][Q1]["note"] == "i andra"
