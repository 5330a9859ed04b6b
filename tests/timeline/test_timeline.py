"""The timeline, planner and ladder rendered from data, and the built pages."""
from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import markdown
import pytest
import yaml

from macros.data.catalog import load
from macros.timeline.ladder import render_ladder
from macros.render import PageContext, Renderer
from macros.data.schema import Duration, Milestone
from macros.timeline.placement import (Offset, duration_text, milestone_fractions, place, time_text,
                                       total_text)
from macros.timeline import render as timeline_render
from macros.data.validate import DataError
from tests.helpers import copy_project

PHASES = ["forfas", "samlingsfas", "formuleringsfas", "forankring-och-beslut",
          "genomforandefas", "uppfoljning"]


def macros_for(catalog, url="dialogprocessen/"):
    renderer = Renderer(PageContext(url))
    return SimpleNamespace(**{name: partial(getattr(timeline_render, name), renderer, catalog)
                              for name in ("timeline", "phase_questions", "planner", "current_phase")})


def to_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["attr_list", "md_in_html", "toc"])


# ---- data and offsets -------------------------------------------------------

def test_dialogue_process_has_six_phases_in_order(catalog):
    process = catalog.process("dialogprocess")
    assert process.kind == "phases"
    assert [s.id for s in process.steps] == PHASES
    assert [s.title for s in process.steps] == [
        "Förfas", "Samlingsfas", "Formuleringsfas", "Förankrings- och beslutsfas",
        "Genomförandefas", "Uppföljning"]
    for step in process.steps:
        # The Genomförandefas has no end and follow-up comes back every year:
        # only the phases up to the signing have a length.
        endless = step.id in ("genomforandefas", "uppfoljning")
        assert (step.duration is None) == endless and step.questions and step.links
        assert all(q.id.startswith("fas-") for q in step.questions)


def test_about_two_years_to_the_signing(catalog):
    placed = place(catalog.process("dialogprocess"))
    step, milestone = placed.milestone("signering")
    assert step.step.id == "forankring-och-beslut" and milestone.at == 1
    assert step.end == Offset(24, 0)
    assert total_text(placed, "signering") == "ca 24 månader"


def test_offsets_add_up_step_by_step(catalog):
    placed = place(catalog.process("dialogprocess"))
    assert placed.dated
    assert placed.steps[0].start == Offset(0, 0)
    *to_signing, doing, follow_up = placed.steps
    for before, after in zip(to_signing, to_signing[1:]):
        assert before.end == after.start
        assert after.end.months - after.start.months == after.step.duration.months
    # The open Genomförandefas starts at the signing and leaves the cursor
    # there; the yearly follow-up falls a year later. Neither has an end.
    assert doing.step.open_ended and doing.start == to_signing[-1].end and doing.end is None
    assert follow_up.step.repeat == "yearly" and follow_up.start == Offset(36, 0)
    assert follow_up.end is None


def test_an_endless_step_refuses_a_duration_or_milestones(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "processes" / "dialogprocess.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    open_ended: true", "    open_ended: true\n    duration:\n      months: 3")
                    .replace("    repeat: yearly", "    repeat: yearly\n    open_ended: yes please"),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(project / "data", project / "docs")
    message = str(caught.value)
    assert "data/processes/dialogprocess.yml: steps[4].open_ended: a step without an end has no duration" in message
    assert "steps[5].open_ended: should be true or false, but is a text" in message


def test_weeks_and_days_become_days_and_a_missing_duration_stops_the_dates(catalog):
    process = catalog.process("dialogprocess")
    steps = list(process.steps)
    steps[0] = replace(steps[0], duration=Duration(months=1, weeks=2, days=3))
    steps[2] = replace(steps[2], duration=None)
    placed = place(replace(process, steps=tuple(steps)))
    assert placed.steps[0].end == Offset(1, 17)
    assert placed.steps[1].start == Offset(1, 17)
    assert placed.steps[2].end is None and placed.steps[3].start is None
    assert not placed.dated


def test_milestones_are_spread_evenly_and_the_last_ends_the_step():
    assert milestone_fractions(1) == [Fraction(1)]
    assert milestone_fractions(4) == [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(1)]


@pytest.mark.parametrize(("duration", "text"), [
    (Duration(months=1), "ca 1 månad"),
    (Duration(months=6), "ca 6 månader"),
    (Duration(weeks=1), "ca 1 vecka"),
    (Duration(months=1, weeks=2), "ca 1 månad och 2 veckor"),
    (Duration(months=2, weeks=1, days=3), "ca 2 månader, 1 vecka och 3 dagar"),
    (None, ""),
])
def test_duration_in_swedish(duration, text):
    assert duration_text(duration) == text


# ---- rendering --------------------------------------------------------------

def test_timeline_is_an_ordered_list_of_the_phases(catalog):
    html = macros_for(catalog).timeline("dialogprocess")
    ol = re.search(r'<ol class="shb-tl__list"[^>]*>(.*)</ol>', html, re.S).group(1)
    items = re.findall(r'<li class="shb-tl__item" id="tl-dialogprocess-([a-z-]+)"', ol)
    assert items == PHASES
    numbers = re.findall(r'<span class="shb-tl__dot" aria-hidden="true">(\d+)</span>', ol)
    assert numbers == [str(i) for i in range(1, 7)]
    assert "Fas 2<span class=\"shb-sr-only\"> av 6</span>:</span> Samlingsfas" in html
    assert html.count('aria-pressed="false"') == 6


def test_each_phase_shows_milestones_duration_links_and_questions(catalog):
    process = catalog.process("dialogprocess")
    html = macros_for(catalog).timeline("dialogprocess")
    parts = re.split(r'<li class="shb-tl__item" ', html)[1:]
    assert len(parts) == len(process.steps)
    for step, part in zip(process.steps, parts):
        label = "Tid" if step.open_ended or step.repeat else "Exempel på tid"
        assert f"{label}: {time_text(step)}" in part
        assert "Typisk tid" not in part
        found = re.findall(r'data-shb-tl-milestone="([a-z0-9-]+)"', part)
        assert found == [m.id for m in step.milestones]
        for link in step.links:
            assert f">{link.title}</a>" in part
        assert f'href="./#dialogprocess-{step.id}">Frågor för fasen ({len(step.questions)})' in part
    assert "Beslut i fullmäktige" in html and "Underskrift" in html and "Visionen föds" in html
    assert "Tid: inget slut" in html and "Tid: en gång om året" in html
    assert "Första uppföljningen" not in html


def test_compact_step_map_links_to_the_worksheet_steps(catalog):
    process = catalog.process("rundabordssamtal")
    html = macros_for(catalog, "verktyg/rundabordssamtal/").timeline("rundabordssamtal", compact=True)
    hrefs = re.findall(r'<p class="shb-tl__title">.*?<a href="([^"]+)">', html)
    assert hrefs == [f"./#rundabordssamtal-{s.id}" for s in process.steps]
    assert len(process.steps) == 8
    assert "Steg 8 av 8: " in html
    assert "shb-tl__text" not in html  # the worksheet below holds the texts


def test_data_reaches_the_timeline_as_text(catalog):
    evil = "<script>alert(1)</script>\"'&"
    process = catalog.process("dialogprocess")
    step = replace(process.steps[0], title=evil, text=evil,
                   milestones=(Milestone(id="m", title=evil, text=evil),))
    catalog = replace(catalog, processes={**catalog.processes,
                                          "dialogprocess": replace(process, steps=(step,), title=evil)})
    m = macros_for(catalog)
    for html in (m.timeline("dialogprocess"), m.planner("dialogprocess"), m.current_phase("dialogprocess")):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html or "\\u003cscript\\u003e" in html


def test_planner_rows_carry_the_offsets(catalog):
    html = macros_for(catalog).planner("dialogprocess", target="signering")
    rows = re.findall(r'data-shb-plan-step="([a-z-]+)" data-shb-from="(\d+:\d+)" data-shb-to="((?:\d+:\d+)?)"', html)
    # Genomförandefas starts at the signing and has no end; follow-up falls a
    # year later and repeats yearly.
    assert rows == [("forfas", "0:0", "4:0"), ("samlingsfas", "4:0", "10:0"),
                    ("formuleringsfas", "10:0", "16:0"), ("forankring-och-beslut", "16:0", "24:0"),
                    ("genomforandefas", "24:0", ""), ("uppfoljning", "36:0", "")]
    assert html.count('data-shb-repeat="YEARLY"') == 1
    assert re.search(r'data-shb-plan-step="uppfoljning"[^>]* data-shb-repeat="YEARLY"', html)
    ats = re.findall(r'data-shb-plan-milestone="([a-z-]+)" data-shb-step="[a-z-]+" data-shb-at="([\d.]+)"', html)
    assert ("samling-spelregler", "0.25") in ats and ("signering", "1") in ats
    assert 'data-shb-target="signering"' in html
    assert "Mål för underskrift (valfritt)" in html
    assert "typisk" not in html.lower()


def test_planner_refuses_an_unknown_target_and_missing_durations(catalog):
    with pytest.raises(KeyError, match="no milestone 'underskrift'"):
        macros_for(catalog).planner("dialogprocess", target="underskrift")
    with pytest.raises(ValueError, match="every step needs a duration"):
        macros_for(catalog, "verktyg/rundabordssamtal/").planner("rundabordssamtal")


def test_phase_questions_use_the_anchors_the_timeline_links_to(catalog):
    md = macros_for(catalog).phase_questions("dialogprocess")
    html = to_html(md)
    ids = re.findall(r'<h3 id="(dialogprocess-[a-z-]+)">', html)
    assert ids == [f"dialogprocess-{p}" for p in PHASES]
    for q in (q for s in catalog.process("dialogprocess").steps for q in s.questions):
        assert f'id="shb-check-{q.id}"' in html


# ---- the ladder ---------------------------------------------------------------

def test_ladder_has_boverkets_four_levels(catalog):
    ladder = catalog.ladder
    assert [lv.id for lv in ladder.levels] == ["information", "forankring", "delaktighet", "medbestammande"]
    assert "Boverket" in ladder.source
    html = render_ladder(Renderer(PageContext("verktyg/planera-motet/")), catalog,
                         choose=True, step="a-forma-grunden")
    assert re.findall(r'<label for="shb-ladder-[a-z]+">(Steg \d: \w+)</label>', html) == [
        "Steg 1: Information", "Steg 2: Förankring", "Steg 3: Delaktighet", "Steg 4: Medbestämmande"]
    assert html.count('type="radio" name="shb-ladder-level"') == 4
    assert "Löfte till deltagarna:" in html and "Det kräver av er som värdar:" in html
    assert 'data-shb-ladder-step="a-forma-grunden"' in html
    assert "Källa: <a href=\"https://www.boverket.se/" in html


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["levels"][1].pop("promise"), "data/ladder.yml: levels[1].promise: is missing"),
    (lambda d: d["levels"][2].update(id="information"), "levels[2].id: 'information' is used twice"),
    (lambda d: d.update(source_url="javascript:alert(1)"), "source_url: 'javascript:alert(1)' is not a valid url"),
    (lambda d: d.update(levels=d["levels"][:1]), "levels: needs at least two levels"),
])
def test_bad_ladder_data_stops_the_build_with_a_clear_message(tmp_path, project_root, change, message):
    root = copy_project(tmp_path / "copy")
    path = root / "data" / "ladder.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load(root / "data", root / "docs")
    assert message in str(error.value)


# ---- the built site -----------------------------------------------------------

class _Links(HTMLParser):
    """hrefs inside elements with a given class, and every id on the page."""

    def __init__(self, container_class: str) -> None:
        super().__init__()
        self.container_class = container_class
        self.depth = 0
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if self.depth:
            if tag not in ("br", "img", "input", "meta", "link"):
                self.depth += 1
            if tag == "a" and attrs.get("href"):
                self.hrefs.append(attrs["href"])
        elif self.container_class in (attrs.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def _parse(path: Path, container: str) -> _Links:
    parser = _Links(container)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(("page", "minimum"), [
    ("dialogprocessen/", 20), ("verktyg/rundabordssamtal/", 8), ("verktyg/samverkan/", 5)])
def test_timeline_links_resolve_to_built_pages_and_anchors(site_dir, page, minimum):
    links = _parse(site_dir / page / "index.html", "shb-tl")
    assert len(links.hrefs) >= minimum
    base = "http://site/" + page
    for href in links.hrefs:
        url = urlsplit(urljoin(base, href))
        target = site_dir / url.path.lstrip("/")
        target = target / "index.html" if url.path.endswith("/") else target
        assert target.is_file(), f"{page}: {href} does not resolve to a built page"
        if url.fragment:
            assert url.fragment in _parse(target, "shb-tl").ids, f"{page}: no #{url.fragment}"


def test_start_page_carries_the_current_phase_line(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'data-shb-tl-now="dialogprocess"' in html
    assert 'data-shb-href="dialogprocessen/"' in html


def test_ladder_sits_on_the_meeting_page_above_step_a(site_dir):
    html = (site_dir / "verktyg/planera-motet/index.html").read_text(encoding="utf-8")
    assert html.count('name="shb-ladder-level"') == 4
    assert html.index('id="trappan"') < html.index('data-shb-step="a-forma-grunden"')
    assert "<!-- ladder -->" not in html
