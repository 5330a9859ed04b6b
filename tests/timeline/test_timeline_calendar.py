"""The date arithmetic and the .ics writer of timeline.js, run by Node.

The planner's calendar maths runs in the browser (the reader's dates are not
known at build time). Its functions are pure, so they are called one by one
in Node, with the kernel (shb.js) loaded first as on every page, from the
repository's own files: no browser and no site build (the unit tier). That
the site ships the same code, minified, is tested in tests/site/test_shipped_assets.py.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from macros.data.catalog import load
from macros.timeline.placement import place
from scripts.build.sitebuild import ROOT
from tests.node_scripts import NodeScripts


@pytest.fixture(scope="module")
def js():
    """Call a function of the timeline feature (window.shb.features.timeline):
    js("calc.addMonths", "2027-01-31", 1)."""
    scripts = NodeScripts("kernel", "timeline")
    yield lambda name, *args: scripts("features.timeline." + name, *args)
    scripts.close()


@pytest.mark.parametrize(("start", "months", "expected"), [
    ("2027-01-31", 1, "2027-02-28"),   # month end, common year
    ("2028-01-31", 1, "2028-02-29"),   # month end, leap year
    ("2028-02-29", 12, "2029-02-28"),  # leap day plus a year
    ("2024-02-29", 48, "2028-02-29"),  # leap day to leap day
    ("1900-01-31", 1, "1900-02-28"),   # 1900 was not a leap year
    ("2000-01-31", 1, "2000-02-29"),   # 2000 was
    ("2027-05-31", 1, "2027-06-30"),
    ("2027-01-30", 1, "2027-02-28"),
    ("2027-01-28", 1, "2027-02-28"),
    ("2027-12-15", 1, "2028-01-15"),   # over a new year
    ("2027-03-31", -1, "2027-02-28"),  # backwards
    ("2027-01-15", -13, "2025-12-15"),
    ("2027-08-31", 6, "2028-02-29"),
    ("2027-02-28", 0, "2027-02-28"),
])
def test_add_months_keeps_the_day_or_takes_the_months_last_day(js, start, months, expected):
    assert js("calc.addMonths", start, months) == expected


@pytest.mark.parametrize(("start", "days", "expected"), [
    ("2028-02-28", 1, "2028-02-29"),
    ("2028-02-28", 2, "2028-03-01"),
    ("2027-02-28", 1, "2027-03-01"),
    ("2027-12-31", 1, "2028-01-01"),
    ("2027-03-28", 7, "2027-04-04"),  # over the change to summer time
    ("2027-10-30", 2, "2027-11-01"),  # and back
    ("2027-03-01", -1, "2027-02-28"),
])
def test_add_days(js, start, days, expected):
    assert js("calc.addDays", start, days) == expected


def test_days_between_counts_leap_years(js):
    assert js("calc.daysBetween", "2027-01-01", "2028-01-01") == 365
    assert js("calc.daysBetween", "2028-01-01", "2029-01-01") == 366
    assert js("calc.daysBetween", "2029-01-01", "2028-01-01") == -366


@pytest.mark.parametrize("text", ["2027-02-29", "2027-13-01", "2027-00-10", "27-01-01", "", "2027-1-1"])
def test_invalid_dates_are_refused(js, text):
    assert js("calc.parseISO", text) is None


def test_leap_days_are_valid_dates(js):
    assert js("calc.parseISO", "2028-02-29") == {"y": 2028, "m": 2, "d": 29}


@pytest.mark.parametrize(("iso", "text"), [
    ("2027-03-03", "3 mars 2027"),
    ("2028-02-29", "29 februari 2028"),
    ("2030-12-01", "1 december 2030"),
])
def test_dates_are_written_in_swedish(js, iso, text):
    assert js("calc.formatDate", iso) == text


def _steps():
    """The dialogue process as timeline.js gets it: offsets from the build."""
    placed = place(load(ROOT / "data", ROOT / "docs").process("dialogprocess"))
    return [{"id": s.step.id,
             "from": {"months": s.start.months, "days": s.start.days},
             "to": {"months": s.end.months, "days": s.end.days} if s.end else None,
             "milestones": [{"id": m.milestone.id, "at": float(m.at)} for m in s.milestones]}
            for s in placed.steps]


def test_typical_schedule_adds_whole_months_from_the_start(js):
    steps = _steps()
    result = js("calc.schedule", steps, "2027-01-31", None, None)
    assert result["scale"] == 1
    got = [(s["id"], s["start"], s["end"]) for s in result["steps"]]
    # Months are counted from the start date every time (no drift at month ends).
    assert got == [
        ("forfas", "2027-01-31", "2027-05-31"),
        ("samlingsfas", "2027-05-31", "2027-11-30"),
        ("formuleringsfas", "2027-11-30", "2028-05-31"),
        ("forankring-och-beslut", "2028-05-31", "2029-01-31"),
        ("genomforandefas", "2029-01-31", None),  # no end
        ("uppfoljning", "2030-01-31", None),  # a year after the signing, then yearly
    ]
    samling = result["steps"][1]["milestones"]
    # Four milestones spread evenly over 183 days; the last on the phase's end.
    span = (date(2027, 11, 30) - date(2027, 5, 31)).days
    expected = [(date(2027, 5, 31) + timedelta(days=round(span * i / 4))).isoformat() for i in (1, 2, 3, 4)]
    assert [m["date"] for m in samling] == expected
    assert result["steps"][3]["milestones"][-1] == {"id": "signering", "date": "2029-01-31"}


def test_target_date_scales_the_phases_up_to_the_signing(js):
    steps = _steps()
    result = js("calc.schedule", steps, "2027-01-01", "2028-01-01", "signering")
    assert result["scale"] == pytest.approx(365 / 731)
    by_id = {s["id"]: s for s in result["steps"]}
    signing = by_id["forankring-och-beslut"]["milestones"][-1]
    assert signing == {"id": "signering", "date": "2028-01-01"}
    assert by_id["forankring-och-beslut"]["end"] == "2028-01-01"
    # Phases before the target shrink in proportion: Förfas is 4 of 24 months.
    forfas_days = (date.fromisoformat(by_id["forfas"]["end"]) - date(2027, 1, 1)).days
    assert forfas_days == round(365 / 731 * (date(2027, 5, 1) - date(2027, 1, 1)).days)
    # Phases after it keep their typical lengths, counted from the signing.
    # Implementation starts at the signing and has no end; the first
    # follow-up is a year after the signing, whatever the scale.
    assert by_id["genomforandefas"]["start"] == "2028-01-01"
    assert by_id["genomforandefas"]["end"] is None
    assert by_id["uppfoljning"]["start"] == "2029-01-01"
    assert by_id["uppfoljning"]["end"] is None
    # No gaps or overlaps up to the signing.
    for before, after in zip(result["steps"][:4], result["steps"][1:5]):
        assert before["end"] == after["start"]


def test_a_later_target_stretches_the_plan(js):
    result = js("calc.schedule", _steps(), "2027-01-31", "2030-01-31", "signering")
    assert result["scale"] > 1
    assert result["steps"][3]["milestones"][-1]["date"] == "2030-01-31"
    assert result["steps"][4]["start"] == "2030-01-31"
    assert result["steps"][5]["start"] == "2031-01-31"


def test_a_target_before_the_start_is_an_error(js):
    assert js("calc.schedule", _steps(), "2027-01-31", "2027-01-31", "signering") == {
        "error": "target-before-start"}
    assert js("calc.schedule", _steps(), "2027-01-31", "2026-06-01", "signering") == {
        "error": "target-before-start"}


def test_ics_text_is_escaped(js):
    assert js("ics.escape", "a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.parametrize("line", [
    "DESCRIPTION:" + "x" * 200,
    "SUMMARY:" + "Förankrings- och beslutsfas, överenskommelse på väg " * 5,
    "DESCRIPTION:" + "åäö€😀" * 40,
])
def test_lines_fold_at_75_octets_without_splitting_characters(js, line):
    folded = js("ics.foldLine", line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line


def test_descriptions_are_whole_sentences_and_the_maker_is_the_brand(js):
    assert js("ics.sentences", "De träffas de första\n  gångerna.\n\nSedan  mer.\n") == \
        "De träffas de första gångerna.\n\nSedan mer."
    ics = js("ics.build", "Plan", [], "Vår handbok")
    assert "PRODID:-//Vår handbok//Tidslinje//SV\r\n" in ics
    assert "PRODID:-//Handboken//Tidslinje//SV\r\n" in js("ics.build", "Plan", [], "")


def test_a_yearly_event_gets_a_repeat_rule(js):
    ics = js("ics.build", "Plan", [
        {"uid": "a@x", "start": "2030-01-31", "end": "2030-02-01", "summary": "Uppföljning",
         "description": "d", "url": "https://x/", "rrule": "YEARLY"},
        {"uid": "b@x", "start": "2029-01-31", "end": "2029-02-01", "summary": "Genomförandefas",
         "description": "d", "url": "https://x/"}])
    events = ics.split("BEGIN:VEVENT")[1:]
    assert "RRULE:FREQ=YEARLY\r\n" in events[0]
    assert "RRULE" not in events[1]


def test_short_lines_are_not_folded(js):
    assert js("ics.foldLine", "VERSION:2.0") == "VERSION:2.0"
