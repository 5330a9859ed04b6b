"""Loading data: every bad input stops with a message naming file, entry and problem."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from macros.data.catalog import load
from macros.data.validate import DataError

GOOD_PROCESS = """\
id: demo
title: Demo
kind: worksheet
page: demo.md
steps:
  - id: first
    title: Första steget
    text: Gör så här.
    questions:
      - id: demo-q1
        text: Vad ska vi göra?
  - id: second
    title: Andra steget
    text: Gör sedan så här.
    questions:
      - id: demo-q2
        text: Vem gör det?
"""


def make_project(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    data, docs = tmp_path / "data", tmp_path / "docs"
    docs.mkdir()
    (docs / "demo.md").write_text("# Demo\n", encoding="utf-8")
    for name, text in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return data, docs


def problems_for(tmp_path: Path, files: dict[str, str]) -> list[str]:
    data, docs = make_project(tmp_path, files)
    with pytest.raises(DataError) as caught:
        load(data, docs)
    return [str(p) for p in caught.value.problems]


def test_good_data_loads(tmp_path):
    data, docs = make_project(tmp_path, {"processes/demo.yml": GOOD_PROCESS})
    catalog = load(data, docs)
    process = catalog.process("demo")
    assert [s.id for s in process.steps] == ["first", "second"]
    assert process.steps[1].questions[0].text == "Vem gör det?"


def test_malformed_yaml_names_file_and_line(tmp_path):
    broken = GOOD_PROCESS.replace("title: Demo", "title: [Demo")
    (message,) = problems_for(tmp_path, {"processes/demo.yml": broken})
    assert message.startswith("data/processes/demo.yml: is not valid YAML (line ")


def test_missing_key(tmp_path):
    broken = GOOD_PROCESS.replace("        text: Vem gör det?\n", "")
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: steps[1].questions[0].text: is missing; this key is required"]


def test_duplicate_question_id_within_file(tmp_path):
    broken = GOOD_PROCESS.replace("id: demo-q2", "id: demo-q1")
    (message,) = problems_for(tmp_path, {"processes/demo.yml": broken})
    assert message.startswith("data/processes/demo.yml: steps[1].questions[0].id: "
                              "the question id 'demo-q1' is already used in "
                              "data/processes/demo.yml: steps[0].questions[0].id")


def test_duplicate_question_id_across_files(tmp_path):
    other = """\
    id: other
    title: Andra frågor
    page: demo.md
    questions:
      - id: demo-q2
        text: Samma id igen?
    """
    (message,) = problems_for(tmp_path, {"processes/demo.yml": GOOD_PROCESS,
                                          "questions/other.yml": other})
    assert message.startswith("data/questions/other.yml: questions[0].id: the question id 'demo-q2'")


def test_duplicate_step_id(tmp_path):
    broken = GOOD_PROCESS.replace("id: second", "id: first")
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: steps[1].id: 'first' is used twice (first at steps[0]); "
        "ids must be unique"]


def test_unknown_key(tmp_path):
    broken = GOOD_PROCESS.replace("    text: Gör sedan så här.\n",
                                  "    text: Gör sedan så här.\n    txet: stavfel\n")
    (message,) = problems_for(tmp_path, {"processes/demo.yml": broken})
    assert message.startswith("data/processes/demo.yml: steps[1].txet: unknown key; "
                              "the keys allowed here are: id, title, text, questions")


def test_empty_text(tmp_path):
    broken = GOOD_PROCESS.replace("text: Vad ska vi göra?", 'text: "   "')
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: steps[0].questions[0].text: is empty; "
        "write a text or remove the key"]


def test_repeated_yaml_key(tmp_path):
    broken = GOOD_PROCESS.replace("title: Demo\n", "title: Demo\ntitle: Igen\n")
    (message,) = problems_for(tmp_path, {"processes/demo.yml": broken})
    assert "data/processes/demo.yml: is not valid YAML (line 3" in message
    assert "the key 'title' is written twice" in message


def test_wrong_type_and_bad_id(tmp_path):
    broken = (GOOD_PROCESS.replace("id: demo-q1", "id: Demo Q1")
              .replace("kind: worksheet", "kind: poster"))
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: kind: 'poster' is not allowed here; "
        "choose one of 'worksheet', 'checklist', 'phases'",
        "data/processes/demo.yml: steps[0].questions[0].id: 'Demo Q1' is not a valid id: "
        "use lowercase letters a-z, digits and single hyphens, e.g. 'rb-teman-vilka'"]


def test_missing_link_target(tmp_path):
    broken = GOOD_PROCESS.replace(
        "    text: Gör så här.\n",
        "    text: Gör så här.\n    links:\n      - page: saknas.md\n        title: Saknas\n")
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: steps[0].links[0].page: links to 'saknas.md', "
        "but docs/saknas.md does not exist"]


def test_file_name_must_match_id(tmp_path):
    (message,) = problems_for(tmp_path, {"processes/wrong.yml": GOOD_PROCESS})
    assert message.startswith("data/processes/wrong.yml: id: is 'demo' but the file is named wrong.yml")


def test_zero_duration(tmp_path):
    broken = GOOD_PROCESS.replace("    text: Gör så här.\n",
                                  "    text: Gör så här.\n    duration: {months: 0}\n")
    assert problems_for(tmp_path, {"processes/demo.yml": broken}) == [
        "data/processes/demo.yml: steps[0].duration: is zero; give months, weeks or days "
        "above zero, or remove the key"]


def test_all_problems_reported_together(tmp_path):
    broken = GOOD_PROCESS.replace("title: Demo", "title: ''").replace("id: second", "id: first")
    other = "id: other\ntitle: X\npage: demo.md\nquestions: []\n"
    messages = problems_for(tmp_path, {"processes/demo.yml": broken, "questions/other.yml": other})
    assert len(messages) == 2
    assert messages[0].startswith("data/processes/demo.yml: title: is empty")
    assert messages[1].startswith("data/questions/other.yml: questions: is empty")


def test_shipped_data_is_valid(project_root):
    catalog = load(project_root / "data", project_root / "docs")
    assert "rundabordssamtal" in catalog.processes
