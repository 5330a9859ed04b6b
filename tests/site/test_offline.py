"""`make offline`: a zip of the site that works opened from disk (file://) in Chromium."""
from __future__ import annotations

import json
import re
import zipfile

from scripts.check.linkcheck import broken_links
from scripts.build.offline import FOLDER


def test_every_link_in_the_unpacked_site_resolves(unpacked):
    """Links to the worksheet PDFs included: the zip carries them."""
    assert (unpacked / "pdf" / "rundabordssamtal.pdf").is_file()
    assert broken_links(unpacked) == []


def test_zip_holds_one_folder_with_the_start_page(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert {n.split("/", 1)[0] for n in names} == {FOLDER}
    assert f"{FOLDER}/index.html" in names
    assert f"{FOLDER}/search/search_index.js" in names


def test_pages_use_file_links_and_no_instant_navigation(unpacked):
    start = (unpacked / "index.html").read_text(encoding="utf-8")
    assert 'href="verktyg/rundabordssamtal.html"' in start
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  start, re.S).group(1))
    assert not [f for f in config["features"] if f.startswith("navigation.instant")]
    for page in unpacked.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_search_finds_a_page_from_disk(unpacked, file_page):
    page = file_page
    page.goto((unpacked / "index.html").as_uri())
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    page.keyboard.type("rundabordssamtal")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert "Rundabordssamtal" in titles
    page.locator(".md-search-result__item a", has_text="Rundabordssamtal").first.click()
    page.wait_for_url(re.compile(r"/verktyg/rundabordssamtal\.html"))
    assert page.title().startswith("Rundabordssamtal - ")
    assert page.foreign == []
    assert page.errors == []


def test_a_worksheet_note_is_saved_from_disk(unpacked, file_page):
    page = file_page
    page.goto((unpacked / "verktyg" / "rundabordssamtal.html").as_uri())
    note = page.locator("textarea.shb-q__note").first
    note_id = note.get_attribute("id")
    note.click()
    page.keyboard.type("Boka lokalen i god tid")
    page.locator("h1").first.click()  # leave the field
    page.reload()
    assert page.locator(f"textarea#{note_id}").input_value() == "Boka lokalen i god tid"
    assert page.foreign == []
    assert page.errors == []


def test_a_template_is_filled_and_saved_as_word_from_disk(unpacked, file_page):
    """Mallar from disk: the value stays after a reload, the Word library loads
    from the folder, and the blank Word files are in the zip."""
    import docx

    page = file_page
    assert (unpacked / "mallar" / "filer" / "minnesanteckningar.docx").is_file()
    page.goto((unpacked / "mallar" / "minnesanteckningar.html").as_uri())
    page.wait_for_selector("[data-shb-doc][data-shb-ready]", state="attached")
    page.locator('[data-shb-field="mote"]').fill("Styrgruppen")
    page.reload()
    page.wait_for_selector("[data-shb-doc][data-shb-ready]", state="attached")
    assert page.locator('[data-shb-field="mote"]').input_value() == "Styrgruppen"
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner som Word-fil (.docx)", exact=True).click()
    assert docx.Document(info.value.path()).paragraphs[0].text == "Minnesanteckningar, Styrgruppen"
    assert page.foreign == []
    assert page.errors == []


def test_om_handboken_offers_the_zip_that_the_copy_itself_is(site_outputs, unpacked):
    """"Läs utan internet": the published site has the zip where Om handboken
    links to it (made by `make build`); the copy says that it is one."""
    html = (site_outputs / "om" / "index.html").read_text(encoding="utf-8")
    (href,) = re.findall(r'<a href="([^"]+)" download>Ladda ner handboken som zip-fil</a>', html)
    archive = (site_outputs / "om" / href).resolve()
    with zipfile.ZipFile(archive) as z:
        assert f"{FOLDER}/index.html" in z.namelist()
    copy = (unpacked / "om.html").read_text(encoding="utf-8")
    assert "Det ni läser nu är en sådan kopia." in copy and "offline.zip" not in copy
