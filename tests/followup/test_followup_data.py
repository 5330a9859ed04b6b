"""The follow-up as data: the feedback register's fixed answers and its
notes field, the yearly review's questions (each the handbook's own or
naming its source), the index registers.js and followup.js read, and the
messages that stop the build on a broken file."""
from __future__ import annotations

from macros.data.catalog import load
from macros.registers.render import index
from scripts.build.sitebuild import ROOT
from tests.registers.test_registers_data import GOOD, problems


def test_the_feedback_register_has_the_fixed_answers_and_takes_notes():
    catalog = load(ROOT / "data", ROOT / "docs")
    reg = catalog.register("aterkoppling")
    assert [s.label for s in reg.statuses] == ["Inte besvarad än", "Med i texten", "Delvis", "Inte med, och därför", "Tas upp senare"]
    assert [f.label for f in reg.fields] == ["Från vem", "I vilket steg", "Datum", "Synpunkten", "Parternas svar", "Varför", "Var i texten"]
    assert reg.notes == "synpunkt" and reg.field("avsnitt").document == "overenskommelse"
    entry = {r["id"]: r for r in index(catalog)["registers"]}
    assert entry["aterkoppling"]["notes"] == "synpunkt"
    assert entry["uppfoljning"]["answer"] == "svar" and entry["uppfoljning"]["asks"] == "ataganden"


def test_the_review_questions_are_per_commitment_and_on_the_whole_and_say_where_they_come_from():
    reg = load(ROOT / "data", ROOT / "docs").register("uppfoljning")
    scopes = {q.scope for q in reg.questions}
    assert scopes == {"item", "whole"}
    # The handbook's own questions carry no source (the page marks them as
    # the handbook's); the sources' questions say where they are from.
    own = [q.id for q in reg.questions if not q.source]
    assert set(own) == {"gjort", "visar", "andra", "andra-nasta-ar"}
    assert any(q.change for q in reg.questions if q.scope == "item") and any(q.change for q in reg.questions if q.scope == "whole")
    assert reg.field("ar").limit == 4


def test_broken_follow_up_data_stops_the_build_naming_file_and_key(tmp_path):
    found = problems(tmp_path / "a", GOOD + "notes: inget\n")
    assert any("demo.yml: notes: is 'inget', which is no field of this register" in p for p in found), found
    found = problems(tmp_path / "b", GOOD + "answer: datum\n")
    assert any("answer: names the field 'datum' of kind 'date'" in p for p in found), found
    found = problems(tmp_path / "c", GOOD + "questions:\n  - {id: a, text: A, scope: item}\n  - {id: a, text: B}\n")
    assert any("questions[1].id: 'a' is used twice" in p for p in found), found
    assert any("asks: is missing" in p for p in found), found
    found = problems(tmp_path / "d", GOOD + "asks: nowhere\nquestions:\n  - {id: a, text: A, scope: item}\n")
    assert any("asks: is 'nowhere', which is no register" in p for p in found), found
