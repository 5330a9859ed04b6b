"""Templates ("Mallar") as data: the shape of data/documents/<id>.yml, the
errors that stop the build, and the pages the macros make from them."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from macros.data.catalog import load
from macros.data.validate import DataError
from scripts.build.sitebuild import ROOT, build_site
from tests.helpers import copy_project, failed_build

GOOD = """\
id: demo-mall
title: En mall
group: Demoprocessen
when: När ni provar.
page: demo.md
heading: Möte i {ort}
fields:
  - id: ort
    label: Ort
    example: Exempelby
  - id: text
    label: Text
    kind: text
    example: Första raden.
  - id: lista
    label: Vem gör vad
    kind: table
    columns: [Vad, Vem]
    rows: 2
    example_rows: [[Boka lokal, Anna]]
sections:
  - heading: Om mötet
    blocks:
      - text: Vi ses i {ort}.
      - field: text
      - questions: ["Vad vill ni i {ort}?"]
      - field: lista
      - agenda: demo/first
"""

PROCESS = """\
id: demo
title: Demo
kind: phases
page: demo.md
steps:
  - id: first
    title: Första
    text: |
      Gör så här.

      Förslag på dagordning, en timme:

      - 10 minuter: Välkommen.
      - 50 minuter: Samtal.
    duration: {months: 2}
    milestones:
      - id: klart
        title: Klart
    questions:
      - id: demo-q1
        text: Vad ska vi göra?
"""


def problems(tmp_path: Path, template: str, extra: dict[str, str] | None = None) -> list[str]:
    data, docs = tmp_path / "data", tmp_path / "docs"
    docs.mkdir()
    (docs / "demo.md").write_text("# Demo\n", encoding="utf-8")
    files = {"documents/demo-mall.yml": template, "processes/demo.yml": PROCESS, **(extra or {})}
    for name, text in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        load(data, docs)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def test_a_good_template_loads(tmp_path):
    assert problems(tmp_path, GOOD) == []


@pytest.mark.parametrize("change, expected", [
    (("heading: Möte i {ort}", "heading: Möte i {stad}"),
     "data/documents/demo-mall.yml: heading: uses {stad}, which is not declared under fields"),
    (('      - questions: ["Vad vill ni i {ort}?"]', '      - questions: ["Vad vill ni i {plats}?"]'),
     "data/documents/demo-mall.yml: sections[0].blocks[2].questions[0]: uses {plats}, which is not declared"),
    (("      - field: text\n", "      - field: okand\n"),
     "data/documents/demo-mall.yml: sections[0].blocks[1].field: is 'okand', which is not declared under fields"),
    (("title: En mall\n", ""), "data/documents/demo-mall.yml: title: is missing; this key is required"),
    (("when: När ni provar.\n", "when: När ni provar.\ncolour: blue\n"),
     "data/documents/demo-mall.yml: colour: unknown key"),
    (("  - id: text\n", "  - id: ort\n"),
     "data/documents/demo-mall.yml: fields[1].id: 'ort' is used twice (first at fields[0])"),
    (("    kind: text\n", "    kind: essay\n"),
     "data/documents/demo-mall.yml: fields[1].kind: 'essay' is not allowed here"),
    (("    rows: 2\n", ""), "data/documents/demo-mall.yml: fields[2].rows: a table field needs between 1 and 30 rows"),
    (("      - text: Vi ses i {ort}.", "      - text: Vi ses i {ort}}."),
     "data/documents/demo-mall.yml: sections[0].blocks[0].text: has a lone { or }"),
    (("      - text: Vi ses i {ort}.", "      - text: Vi ses i {lista}."),
     "data/documents/demo-mall.yml: sections[0].blocks[0].text: uses the table field {lista} in a text"),
    (("      - field: lista\n", ""),
     "data/documents/demo-mall.yml: fields[2].id: 'lista' is declared but used nowhere"),
    (("      - field: text\n", "      - field: text\n        text: och mer\n"),
     "data/documents/demo-mall.yml: sections[0].blocks[1]: needs exactly one of text, field, questions or agenda, but has text, field"),
    (("      - agenda: demo/first", "      - agenda: demo/saknas"),
     "data/documents/demo-mall.yml: sections[0].blocks[4].agenda: 'demo/saknas' names no step with an agenda"),
    (("    example: Exempelby\n", ""),
     "data/documents/demo-mall.yml: fields[0].example: is missing; give the invented case's value"),
    (("    example: Exempelby\n", "    example: " + "x" * 121 + "\n"),
     "data/documents/demo-mall.yml: fields[0].example: is 121 characters, over the field's 120"),
    (("    example_rows: [[Boka lokal, Anna]]", "    example_rows: [[Boka lokal]]"),
     "data/documents/demo-mall.yml: fields[2].example_rows[0]: has 1 cells, but the table has 2 columns"),
    (("    example_rows: [[Boka lokal, Anna]]", "    example_rows: [[a, b], [c, d], [e, f]]"),
     "data/documents/demo-mall.yml: fields[2].example_rows: has 3 rows, but the table has 2"),
    (("group: Demoprocessen\n", ""), "data/documents/demo-mall.yml: group: is missing; this key is required"),
    (("page: demo.md", "page: finns-inte.md"),
     "data/documents/demo-mall.yml: page: links to 'finns-inte.md', but docs/finns-inte.md does not exist"),
    (("id: demo-mall", "id: annan-mall"),
     "data/documents/demo-mall.yml: id: is 'annan-mall' but the file is named demo-mall.yml"),
    (("    label: Ort\n", "    label: Ort\n    prefill: answer:saknas\n"),
     "data/documents/demo-mall.yml: fields[0].prefill: takes the answer to the question 'saknas', which no data file has"),
    (("    label: Ort\n", "    label: Ort\n    prefill: plan:demo/saknas\n"),
     "data/documents/demo-mall.yml: fields[0].prefill: the process 'demo' has no milestone 'saknas'"),
    (("    label: Ort\n", "    label: Ort\n    prefill: kommunen\n"),
     "data/documents/demo-mall.yml: fields[0].prefill: 'kommunen' is not a valid prefill"),
])
def test_bad_template_names_file_and_key(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    found = problems(tmp_path, GOOD.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_known_prefills_load(tmp_path):
    good = GOOD.replace("    label: Ort\n", "    label: Ort\n    prefill: plan:demo/klart\n")
    good = good.replace("    label: Text\n", "    label: Text\n    prefill: answer:demo-q1\n")
    assert problems(tmp_path, good) == []


@pytest.mark.build
def test_a_bad_template_stops_the_build_and_names_file_and_key(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "documents" / "spelregler.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{parter}", "{parterna}"), encoding="utf-8")
    reported = failed_build(project, tmp_path / "out")
    assert "data/documents/spelregler.yml: heading: uses {parterna}, which is not declared under fields" in reported
    assert not (tmp_path / "out" / "mallar" / "spelregler" / "index.html").exists()


def every_template() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "documents").glob("*.yml"))]


def test_the_templates_the_issue_asks_for_exist():
    ids = {t["id"] for t in every_template()}
    assert {"overenskommelse", "inbjudan-forsta-motet", "dagordning-forsta-gemensamma-motet", "spelregler",
            "remissbrev", "minnesanteckningar", "pressinbjudan-signering", "kommunikationsplan",
            "rundabordssamtal-inbjudan", "workshop-nulage", "workshop-losningar", "workshop-handlingsplan"} <= ids


def test_every_template_has_a_page_in_the_menu():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for t in every_template():
        page = ROOT / "docs" / "mallar" / f"{t['id']}.md"
        assert f'{{{{ document("{t["id"]}") }}}}' in page.read_text(encoding="utf-8")
        assert f"mallar/{t['id']}.md" in nav


def test_the_agreement_gives_parts_and_questions_not_commitments():
    agreement = yaml.safe_load((ROOT / "data" / "documents" / "overenskommelse.yml").read_text(encoding="utf-8"))
    headings = [s["heading"] for s in agreement["sections"]]
    for part in ("Bakgrund", "Syfte", "Parterna", "Principer", "Den idéburna partens åtaganden",
                 "Den offentliga partens åtaganden", "Former för fortsatt dialog", "Uppföljning och revidering",
                 "Giltighetstid", "Nya organisationer", "Underskrifter"):
        assert part in headings
    for section in agreement["sections"]:
        if "åtaganden" in section["heading"]:
            kinds = [next(iter(b)) for b in section["blocks"]]
            assert kinds == ["questions", "field"], section  # questions and the parties' own text, nothing written for them
    intro = " ".join(agreement["intro"].split())
    assert "Den innehåller inga färdiga åtaganden." in intro
    assert "den är ingen förlaga att skriva av" in intro and "Överenskommelsen från 2008" in intro


def page_html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_template_page_has_fields_document_and_blank_file(site_outputs):
    html = page_html(site_outputs, "mallar/minnesanteckningar")
    assert 'data-shb-doc="minnesanteckningar"' in html
    assert re.search(r'<label class="shb-doc__label" for="shb-doc-minnesanteckningar-mote">Möte</label>', html)
    assert 'data-shb-slot="mote"' in html
    assert "När ni använder mallen:" in html
    assert "handbokens eget förslag" in html
    assert 'href="../filer/minnesanteckningar.docx"' in html
    assert (site_outputs / "mallar" / "filer" / "minnesanteckningar.docx").is_file()
    # The document is there to read without JavaScript: headings and parts.
    assert '<h4 class="shb-doc__part">Vem gör vad och när</h4>' in html


def test_overview_lists_every_template_in_menu_order(site_dir):
    html = page_html(site_dir, "mallar")
    links = re.findall(r'<li><a href="([^"]+)"><strong>', html)
    assert links[:2] == ["inbjudan-forsta-motet/", "dagordning-forsta-gemensamma-motet/"]
    assert len(links) == len(every_template())


@pytest.mark.build
def test_text_from_a_template_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "documents" / "spelregler.yml"
    text = path.read_text(encoding="utf-8").replace("Så här för vi dialogen", "<script>alert(1)</script> & mer")
    path.write_text(text, encoding="utf-8")
    build_site(tmp_path / "out", config_file=project / "mkdocs.yml")
    html = (tmp_path / "out" / "mallar" / "spelregler" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in html
    assert "<script>alert(1)" not in html


def section_texts(template: dict) -> list[str]:
    """Everything a template's sections say, apart from the questions for the
    writing group (which go out only when the reader asks)."""
    out = [template["heading"]]
    for section in template["sections"]:
        out.append(section["heading"])
        out += [b["text"] for b in section["blocks"] if "text" in b]
    return out


def test_what_goes_out_speaks_for_the_parties():
    """Advice lives in intro and help; the document is the parties' own."""
    for t in every_template():
        for text in section_texts(t):
            flat = " ".join(text.split())
            for advice in ("handbok", "Förslag på", "Tänk på", "Ni behöver inte", "förslag för"):
                assert advice.lower() not in flat.lower(), (t["id"], flat)
        senders = [f for f in t["fields"] if f["id"] == "avsandare"]
        assert all(f.get("prefill") != "organisation" for f in senders), t["id"]  # the parties, not the publisher


def test_every_field_has_an_example_and_the_case_is_invented():
    for t in every_template():
        for f in t["fields"]:
            assert f.get("example") or f.get("example_rows"), (t["id"], f["id"])
        # The invented place is in the filled document (the page and the
        # document also say it is invented: document.html.j2).
        values = " ".join(str(f.get("example", "")) + str(f.get("example_rows", "")) for f in t["fields"])
        assert "Exempelby" in values, t["id"]


def test_the_decision_memo_has_the_parts_an_official_needs():
    memo = yaml.safe_load((ROOT / "data" / "documents" / "beslutsunderlag.yml").read_text(encoding="utf-8"))
    ids = {f["id"] for f in memo["fields"]}
    assert {"arende", "forslag", "bakgrund", "process", "remissvar", "ekonomi", "uppfoljning", "bilagor",
            "diarienummer", "handlaggare"} <= ids
    headings = [s["heading"] for s in memo["sections"]]
    assert headings[1:4] == ["Ärendet i korthet", "Förslag till beslut", "Bakgrund"]
    assert "handbokens förslag" in " ".join(memo["intro"].split()).lower()
    assert "beslutsunderlag" in (ROOT / "docs" / "dialogprocessen" / "roller-och-beslutsvag.md").read_text(encoding="utf-8")


def test_the_workshop_agendas_come_from_the_process_data(tmp_path):
    catalog = load(ROOT / "data", ROOT / "docs")
    for template_id, step in (("workshop-nulage", "steg-2-nulage"), ("workshop-losningar", "steg-3-losningar"),
                              ("workshop-handlingsplan", "steg-4-handlingsplan")):
        template = catalog.document(template_id)
        blocks = [b for s in template.sections for b in s.blocks]
        assert [b.agenda for b in blocks if b.agenda] == [f"samverkan/{step}"]
        agenda = catalog.agenda(f"samverkan/{step}")
        assert len(agenda) >= 5 and all("minuter" in item for item in agenda)


def test_the_overview_groups_the_templates_by_process(site_dir):
    html = page_html(site_dir, "mallar")
    groups = re.findall(r'<h2 id="[^"]+">([^<]+)</h2>', html)
    assert groups == ["Dialogprocessen och överenskommelsen", "Rundabordssamtal", "Samverkan mellan arbetsgivare och fack"]
