"""The round with the other party, end to end (issue 24): two parties fill in
and export, a third compares, follows a question's link and comes back,
reloads, marks, prints, merges, saves, and reads the saved comparison in the
wrong place. One long test: each page load costs a second of `make test`."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from tests.compare.test_compare_page import Q1, Q2, answer_as, choose, open_compare, row
from tests.worksheets_support import WORKSHEET, open_panel

DATE = r"\d{4}-\d\d-\d\d"
Q4 = "rb-teman-vilka"


def party_exports(browser, base_url, tmp_path):
    """Kommunen (with a template draft and a plan in its workspace) and
    Idéburna organisationer fill in the worksheet and export."""
    files = {}
    for party, ticks, notes, draft in (
            ("Kommunen", {Q1: True, Q2: True}, {Q1: "Anna och Per"}, True),
            ("Idéburna organisationer", {Q1: False}, {Q1: "Tre från föreningarna", Q4: "Teman"}, False)):
        ctx = browser.new_context(locale="sv-SE")
        page = ctx.new_page()
        answer_as(page, base_url, party, ticks, notes)
        # The import's limit is stated beside the file chooser.
        assert "Högst 5 MB per fil" in page.inner_text("#shb-ws-file-hint")
        if draft:
            page.evaluate("""() => { shb.store.set('doc:inbjudan-forsta-motet', {sender: 'Kommunen'});
                                     shb.store.set('plan:overenskommelse', {start: '2027-01-11'}); }""")
            page.get_by_role("button", name="Exportera arbetsytan", exact=True).click()
            dialog = page.locator("dialog.shb-dialog[open]")
            # The reader sees what the file holds and what is left out.
            text = dialog.inner_text()
            assert "2 besvarade frågor och 1 anteckningar" in text and "”Kommunen”" in text
            assert "ett utkast till en mall och er plan för tidslinjen" in text
            with page.expect_download() as info:
                dialog.get_by_role("button", name="Bara svaren").click()
        else:
            with page.expect_download() as info:
                page.get_by_role("button", name="Exportera arbetsytan", exact=True).click()
        name = info.value.suggested_filename
        path = tmp_path / name
        info.value.save_as(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        (ws,) = data["workspaces"].values()
        assert ws["party"] == party and ws["values"] == {}  # no drafts, no plan
        assert data.get("only") == ("answers" if draft else None)
        files[party] = (name, str(path))
        ctx.close()
    # Both kept the default workspace name: the party tells the files apart.
    assert re.fullmatch(f"anteckningar-kommunen-min-arbetsyta-{DATE}.json", files["Kommunen"][0])
    assert re.fullmatch(f"anteckningar-ideburna-organisationer-min-arbetsyta-{DATE}.json",
                        files["Idéburna organisationer"][0])
    return files


def test_two_parties_export_a_third_compares_follows_a_link_comes_back_marks_prints_merges(
        browser, base_url, tmp_path):
    files = party_exports(browser, base_url, tmp_path)
    kommunen, ideburna = files["Kommunen"][1], files["Idéburna organisationer"][1]

    ctx = browser.new_context(locale="sv-SE")
    page = ctx.new_page()
    dialogs = []

    def on_dialog(d):
        dialogs.append(d.type)
        d.accept()
    page.on("dialog", on_dialog)
    open_compare(page, base_url)
    assert "Högst 5 MB per fil" in page.inner_text("#shb-cmp-file-hint")
    # The same file twice is one party, told once.
    choose(page, kommunen, ideburna, files=2)
    choose(page, kommunen, files=2)  # (already 2 files: wait for what the page says of this one)
    page.wait_for_function("() => document.getElementById('shb-cmp-notices').textContent.includes('redan med')")
    notices = page.inner_text("#shb-cmp-notices")
    assert notices.count(files["Kommunen"][0]) == 1 and "redan med i jämförelsen" in notices
    assert page.locator("#shb-cmp-list li strong").all_inner_texts() == ["Kommunen", "Idéburna organisationer"]

    # By default only the questions some party answered; the rest one choice away.
    shown = page.locator(".shb-cmp-q:visible").evaluate_all("els => els.map(e => e.dataset.shbCmpRow)")
    assert sorted(shown) == sorted([Q1, Q2, Q4])
    total = page.locator(".shb-cmp-q").count()
    assert page.inner_text("#shb-cmp-shown") == f"Visar 3 av {total} frågor."
    assert page.is_checked("[name=shb-cmp-filter][value=some]")
    # The overview and "Att diskutera" come before the answers.
    overview = page.inner_text("#shb-cmp-overview")
    assert overview == (f"Av handbokens {total} frågor har minst en av er svarat på 3. "
                        "Bockarna skiljer sig i 1 fråga. Att diskutera: 0 markerade frågor.")
    top = lambda sel: page.locator(sel).bounding_box()["y"]  # noqa: E731
    assert top("#shb-cmp-overview") < top("#shb-cmp-discuss-title") < top("#shb-cmp-answers-title")
    # Ticks differ only where both answered: Q2 is Kommunen's alone.
    assert row(page, Q1).locator(".shb-cmp-mark").all_text_contents() == ["Bockarna skiljer sig"]
    assert row(page, Q2).locator(".shb-cmp-mark").all_text_contents() == ["Bara Kommunen har svarat"]
    page.check("[name=shb-cmp-filter][value=all]")
    assert page.locator(".shb-cmp-q:visible").count() == total

    # Mark, follow a question's link, come back: the files, the marks and the view are there.
    row(page, Q1).get_by_label("Att diskutera").check()
    row(page, Q1).locator(".shb-cmp-q__text a").click()
    page.wait_for_url(re.compile(WORKSHEET))
    page.go_back()
    page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
    assert dialogs == []  # a link inside the site keeps the comparison: no question asked
    assert row(page, Q1).get_by_label("Att diskutera").is_checked()
    assert page.is_checked("[name=shb-cmp-filter][value=all]")
    assert page.locator("#shb-cmp-discuss-list > li").count() == 1
    # A reload with a mark not saved in a file: the browser asks first; the
    # comparison is still there afterwards (it is the tab's, not the site's).
    page.reload()
    page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
    assert dialogs == ["beforeunload"]
    assert row(page, Q1).get_by_label("Att diskutera").is_checked()
    assert "Anna och Per" not in json.dumps(page.evaluate("() => ({...localStorage})"))
    row(page, Q2).get_by_label("Att diskutera").check()
    assert page.inner_text("#shb-cmp-overview").endswith("Att diskutera: 2 markerade frågor.")

    # Printing: only the list, and it names the parties and the files.
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Skriv ut listan").click()
    page.emulate_media(media="print")
    printed = page.inner_text(".shb-cmp-discuss")
    assert f"Jämförda filer: Kommunen ({files['Kommunen'][0]}), " \
           f"Idéburna organisationer ({files['Idéburna organisationer'][0]})." in printed
    assert not page.locator("#shb-cmp-result").is_visible()
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    # Merging into the own workspace.
    page.get_by_role("button", name="Ta in alla anteckningar").click()
    assert page.inner_text("#shb-cmp-merge-status").startswith("3 anteckningar är tillagda")

    # Saving: the file names the parties; saved, closing asks nothing.
    with page.expect_download() as info:
        page.get_by_role("button", name="Spara jämförelsen som fil").click()
    saved = info.value.suggested_filename
    assert re.fullmatch(f"jamforelse-kommunen-ideburna-organisationer-{DATE}.json", saved)
    saved_path = tmp_path / saved
    info.value.save_as(saved_path)
    assert json.loads(saved_path.read_text(encoding="utf-8"))["discuss"] == [Q1, Q2]

    # The saved comparison read in the panel: it says where it belongs.
    open_panel(page)
    page.set_input_files("#shb-ws-file", str(saved_path))
    # The file is read asynchronously: wait for the message, then compare it whole.
    expect(page.locator("#shb-ws-error")).not_to_be_empty()
    assert page.inner_text("#shb-ws-error") == (
        f"Filen ”{saved}” är en sparad jämförelse, inte en export av en arbetsyta. "
        "Öppna den på sidan Jämför svar. Ingenting har ändrats.")
    page.close(run_before_unload=True)
    assert dialogs == ["beforeunload"]
    ctx.close()
