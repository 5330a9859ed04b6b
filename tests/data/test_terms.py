"""One voice: data/terms.yml names one word for each thing, and no built page
(nor the worksheets' own scripts) uses a variant it avoids. Checked with the
shipped brand.yml and with a minimal one, so that a fork keeps the voice too."""
from __future__ import annotations

import re

import pytest

from macros.data.catalog import load
from macros.data.voice import Terms, VoiceTerm, variants_in
from macros.data.validate import DataError
from scripts.build.sitebuild import ROOT
from tests.built_pages import own_scripts, pages, scripts
from tests.helpers import copy_project

TERMS = load(ROOT / "data", ROOT / "docs").terms


def _report(texts: dict[str, str]) -> list[str]:
    return [f"{where}: {f.term.id}: {f.word!r} in '…{f.context}…'"
            for where, text in texts.items() for f in variants_in(text, TERMS)]


def test_the_terms_file_names_the_issue_s_choices():
    ids = {t.id for t in TERMS.terms}
    assert {"tilltal", "underskrift", "delaktighetstrappa", "omstart", "samtalsledare", "vard"} <= ids
    by_id = {t.id: t for t in TERMS.terms}
    assert "ni" in by_id["tilltal"].use and "du" in by_id["tilltal"].avoid
    assert "signering" in by_id["underskrift"].avoid


def test_no_built_page_uses_an_avoided_word(site_dir):
    found = _report(pages(site_dir) | scripts(site_dir))
    assert not found, "\n".join(found)


def test_every_question_speaks_as_the_group_asking_itself():
    """The questions are read aloud and ticked by a group: they say "vi", while
    the pages around them say "ni" to the reader (terms.yml, scope: questions)."""
    catalog = load(ROOT / "data", ROOT / "docs")
    assert any(t.scope == "questions" for t in catalog.terms.terms)
    found = [f"{home.owner_id}/{home.question.id}: {f.word!r} in '{home.question.text}'"
             for home in catalog.question_homes()
             for f in variants_in(home.question.text, catalog.terms, scope="questions")]
    assert not found, "\n".join(found)
    # The page-wide choices do not apply to the questions' own voice, and back.
    assert [f.word for f in variants_in("Har ni mandat?", catalog.terms, scope="questions")] == ["ni"]
    assert not variants_in("Har vi mandat?", catalog.terms, scope="pages")


def test_no_page_built_with_a_minimal_brand_uses_an_avoided_word(minimal_brand_site):
    found = _report(pages(minimal_brand_site) | scripts(minimal_brand_site))
    assert not found, "\n".join(found)


def test_every_script_of_our_own_is_read_wherever_it_lies(tmp_path):
    """The checks read every shipped script but Material's and the vendored
    libraries, found by a glob: a new script, or one moved, is read too."""
    for rel in ("assets/javascripts/bundle.0123abcd.min.js", "assets/javascripts/lunr/min/lunr.sv.min.js",
                "assets/javascripts/workers/search.89ab.min.js", "assets/vendor/docx/docx.js",
                "assets/javascripts/worksheets.js", "assets/javascripts/compare.js",
                "assets/features/timeline/timeline.js"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("const s = 'text';\n", encoding="utf-8")
    assert own_scripts(tmp_path) == ["assets/features/timeline/timeline.js", "assets/javascripts/compare.js",
                                     "assets/javascripts/worksheets.js"]


def test_the_check_finds_a_variant_and_respects_the_allowed_phrases():
    terms = Terms(terms=(VoiceTerm(id="x", use=("underskrift",), avoid=("signering", "ladda ned"),
                                   allow=("Signering i källans titel",)),))
    text = "Efter signeringen. Signering i källans titel. Vi laddar ned. Ladda\n ned filen. Omsignering."
    words = [f.word for f in variants_in(text, terms)]
    assert words == ["Ladda\n ned"]  # whole words only, case-insensitive, across line breaks
    assert [f.word for f in variants_in("Signering!", terms)] == ["Signering"]


def test_a_broken_terms_file_stops_the_build_naming_file_and_entry(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "terms.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    use: [ladda ner]\n    avoid: [ladda ned, laddar ned, laddas ned]",
                        "    use: [ladda ner]\n    avoid: [ladda ner, idag]\n    sense: ja")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(project / "data", project / "docs")
    message = str(caught.value)
    entry = next(i for i, t in enumerate(TERMS.terms) if t.id == "ladda-ner")
    assert f"data/terms.yml: terms[{entry}].sense: unknown key" in message
    path.write_text(text.replace("    sense: ja\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(project / "data", project / "docs")
    message = str(caught.value)
    assert f"data/terms.yml: terms[{entry}].avoid[0]: 'ladda ner' is also in use" in message
    path.write_text(text.replace("    sense: ja\n", "").replace("avoid: [ladda ner, idag]", "avoid: [ladda ned, idag]"),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(project / "data", project / "docs")
    later = next(i for i, t in enumerate(TERMS.terms) if t.id == "i-dag")
    assert (f"data/terms.yml: terms[{later}].avoid[0]: 'idag' is already avoided under 'ladda-ner'; "
            "list it once") in str(caught.value)


def test_the_national_agreement_does_not_get_the_local_agreement_s_tooltip(site_dir):
    local = next(t for t in load(ROOT / "data", ROOT / "docs").glossary.terms if t.id == "overenskommelse")
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<abbr title="[^"]*">Överenskommelsen', html), path
        if "<abbr" in html and path.parent.name == "overenskommelse":
            assert ">överenskommelse</abbr>" in html or ">överenskommelsen</abbr>" in html
    assert local.exact
