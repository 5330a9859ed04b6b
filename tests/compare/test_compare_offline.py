"""Jämför svar and the status overview in the offline copy (`make offline`),
opened from disk."""
from __future__ import annotations

import json

from tests.worksheets_support import answer, exported_file

Q1 = "rb-beslut-arbetsgrupp"


def test_compare_and_merge_from_disk(unpacked, file_page, tmp_path):
    page = file_page
    paths = []
    for party, note in (("Kommunen", "från kommunen"), ("Facket", "från facket")):
        path = tmp_path / f"{party}.json"
        path.write_text(json.dumps(exported_file(party, {Q1: answer(True, note)})), encoding="utf-8")
        paths.append(str(path))
    page.goto((unpacked / "verktyg" / "jamfor-svar.html").as_uri())
    page.wait_for_function("() => !!(window.shb && window.shb.features.compare)")
    # The page's own stylesheet came from disk too.
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/assets/stylesheets/compare.css'))")
    page.set_input_files("#shb-cmp-file", paths)
    page.wait_for_selector("[data-shb-compare][data-shb-cmp-files='2']", state="attached")
    notes = page.locator(f"[data-shb-cmp-row='{Q1}'] .shb-cmp-a__note").all_text_contents()
    assert notes == ["från kommunen", "från facket"]
    page.get_by_role("button", name="Ta in alla anteckningar").click()

    page.goto((unpacked / "verktyg" / "mina-anteckningar.html").as_uri())
    page.wait_for_function("() => !!(window.shb && window.shb.features.status)")
    status = page.locator("[data-shb-process='rundabordssamtal'] [data-shb-step='beslut-och-ansvar'] .shb-task__status")
    assert status.inner_text() == "Pågår 0 av 2 frågor"  # notes taken in, nothing ticked
    assert "Kommunen:\nfrån kommunen" in page.locator(".shb-ov__note").first.inner_text()
    assert page.foreign == [] and page.errors == []
