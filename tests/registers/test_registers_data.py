"""Registers as data: the shape of data/registers/<id>.yml, the errors that
stop the build (naming file and key), and the index registers.js reads."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from macros.data.catalog import load
from macros.data.validate import DataError
from macros.registers.render import index, index_script
from scripts.build.sitebuild import ROOT

GOOD = """\
id: demo
title: Demo
one: sak
many: saker
page: demo.md
late: Försenad
statuses:
  - id: oppen
    label: Öppen
  - id: klar
    label: Klar
    done: true
fields:
  - id: vad
    label: Vad
    kind: longtext
    required: true
  - id: datum
    label: Datum
    kind: date
    due: true
  - id: status
    label: Status
    kind: status
    default: oppen
"""


def catalog_with(tmp_path: Path, text: str, name: str = "demo"):
    data, docs = tmp_path / "data", tmp_path / "docs"
    (data / "registers").mkdir(parents=True)
    docs.mkdir()
    (docs / "demo.md").write_text("# Demo\n", encoding="utf-8")
    (data / "registers" / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load(data, docs)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        catalog_with(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def test_a_good_register_loads(tmp_path):
    reg = catalog_with(tmp_path, GOOD).register("demo")
    assert [f.id for f in reg.fields] == ["vad", "datum", "status"]
    assert reg.field("vad").limit == 2000 and reg.field("datum").limit == 10
    assert [s.id for s in reg.statuses if s.done] == ["klar"]


@pytest.mark.parametrize(("change", "expected"), [
    # a field id twice
    (lambda t: t + "  - id: vad\n    label: Igen\n",
     "data/registers/demo.yml: fields[3].id: 'vad' is used twice (first at fields[0]); ids must be unique"),
    # an unknown kind
    (lambda t: t.replace("kind: date", "kind: datum"),
     "data/registers/demo.yml: fields[1].kind: 'datum' is not allowed here; choose one of 'text', 'longtext', "
     "'date', 'party', 'status', 'section', 'item'"),
    # an unknown status
    (lambda t: t.replace("default: oppen", "default: stangd"),
     "data/registers/demo.yml: fields[2].default: 'stangd' is not a status of this register; known: oppen, klar"),
    # a missing label
    (lambda t: t.replace("    label: Datum\n", ""),
     "data/registers/demo.yml: fields[1].label: is missing; this key is required"),
    # a status id twice
    (lambda t: t.replace("id: klar", "id: oppen"),
     "data/registers/demo.yml: statuses[1].id: 'oppen' is used twice (first at statuses[0]); ids must be unique"),
    # a status field without statuses
    (lambda t: t.split("statuses:")[0] + "fields:" + t.split("fields:")[1],
     "data/registers/demo.yml: statuses: is missing; a register with a status field lists its statuses"),
    # a due text
    (lambda t: t.replace("    kind: longtext\n", "    kind: longtext\n    due: true\n"),
     "data/registers/demo.yml: fields[0].due: only a date can be due, and this field is of kind 'longtext'"),
    # a link to a template that does not exist
    (lambda t: t + "  - id: avsnitt\n    label: Avsnitt\n    kind: section\n    document: finns-inte\n",
     "data/registers/demo.yml: fields[3].document: is 'finns-inte', which is no template in data/documents/; known: none"),
    # a link to a register that does not exist
    (lambda t: t + "  - id: hor-till\n    label: Hör till\n    kind: item\n    register: ingen\n",
     "data/registers/demo.yml: fields[3].register: is 'ingen', which is no register in data/registers/; known: demo"),
    # no required field
    (lambda t: t.replace("    required: true\n", ""),
     "data/registers/demo.yml: fields: has no required field; mark the field that says what the item is with required: true"),
])
def test_bad_registers_stop_the_build_naming_file_and_key(tmp_path, change, expected):
    assert expected in problems(tmp_path, change(GOOD))


def test_the_index_carries_what_the_script_needs_and_no_markup_can_close_its_script(tmp_path):
    catalog = catalog_with(tmp_path, GOOD.replace("title: Demo", "title: </script><b>Demo</b>"))
    entry = index(catalog)["registers"][0]
    assert entry["url"] == "demo/" and entry["late"] == "Försenad"
    assert [f["limit"] for f in entry["fields"]] == [2000, 10, 40]
    assert entry["fields"][2]["default"] == "oppen"
    script = index_script(catalog)
    assert "<" not in script.split("\n", 1)[1]
    data = json.loads(re.search(r"exports:(\{.*\})\}\);", script).group(1))
    assert data["registers"][0]["title"] == "</script><b>Demo</b>"


def test_the_handbooks_registers_have_their_pages_and_link_the_agreement(tmp_path):
    catalog = load(ROOT / "data", ROOT / "docs")
    assert set(catalog.registers) == {"ataganden", "beslut", "parkerade-fragor", "aterkoppling", "uppfoljning"}
    entry = {r["id"]: r for r in index(catalog)["registers"]}
    section = next(f for f in entry["ataganden"]["fields"] if f["kind"] == "section")
    assert "Den offentliga partens åtaganden" in section["options"]
    assert [s["label"] for s in entry["ataganden"]["statuses"]] == ["Inte påbörjat", "Pågår", "Klart", "Ändrat", "Avslutat"]
    assert next(f for f in entry["beslut"]["fields"] if f["kind"] == "item")["register"] == "ataganden"


TEMPLATE = """\
id: demo-mall
title: En mall
when: När ni provar.
page: demo.md
group: Dialogprocessen och överenskommelsen
heading: Möte
fields:
  - id: ort
    label: Ort
    example: Exempelby
  - id: text
    label: Text
    kind: text
    prefill: register:demo
    example: En punkt
sections:
  - heading: Om mötet
    blocks:
      - text: Vi ses i {ort}.
      - field: text
"""


def test_a_template_takes_a_register_only_into_a_text_field_and_only_one_that_exists(tmp_path):
    catalog = catalog_with(tmp_path, GOOD)
    (tmp_path / "data" / "documents").mkdir()
    path = tmp_path / "data" / "documents" / "demo-mall.yml"
    path.write_text(TEMPLATE, encoding="utf-8")
    catalog = load(tmp_path / "data", tmp_path / "docs")
    assert catalog.document("demo-mall").field("text").prefill == "register:demo"
    path.write_text(TEMPLATE.replace("register:demo", "register:ingen"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(tmp_path / "data", tmp_path / "docs")
    assert [str(p) for p in caught.value.problems] == [
        "data/documents/demo-mall.yml: fields[1].prefill: takes the items of the register 'ingen', "
        "which data/registers/ does not have; known: demo"]
    path.write_text(TEMPLATE.replace("    prefill: register:demo\n", "").replace(
        "    label: Ort\n", "    label: Ort\n    prefill: register:demo\n"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(tmp_path / "data", tmp_path / "docs")
    assert [str(p) for p in caught.value.problems] == [
        "data/documents/demo-mall.yml: fields[0].prefill: a register fills only a field of kind 'text', "
        "and this one is 'line'"]
