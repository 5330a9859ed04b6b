"""The strict build: it succeeds on the project and stops on bad input."""
from __future__ import annotations

import re
from html import escape as html_escape

import pytest
import yaml

from scripts.build.sitebuild import ROOT
from tests.helpers import copy_project, failed_build, run_build


def test_build_writes_every_nav_page(site_dir):
    import yaml

    from macros.navigation import page_titles

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    for path in page_titles(config["nav"]):
        stem = path.removesuffix(".md")
        folder = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
        assert (site_dir / folder / "index.html").is_file(), f"{path} was not built"


def test_worksheet_page_has_glossary_tooltips(site_dir):
    html = (site_dir / "verktyg" / "rundabordssamtal" / "index.html").read_text(encoding="utf-8")
    terms = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    (term,) = [t for t in terms if t["id"] == "rundabordssamtal"]
    title = html_escape(" ".join(term["definition"].split()), quote=True)
    assert f'<abbr class="shb-term" tabindex="0" title="{title}">rundabordssamtal</abbr>' in html


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.build
def test_broken_data_file_stops_the_build(project_copy):
    """The command itself, in a subprocess: it fails, names the file, writes
    no page. (The other ways a build stops are checked in-process, by the
    same MkDocs build: tests/helpers.failed_build.)"""
    data = project_copy / "data" / "processes" / "rundabordssamtal.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("kind: worksheet", "kind: [oops"),
                    encoding="utf-8")
    result = run_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "data/processes/rundabordssamtal.yml: is not valid YAML (line" in result.stderr
    assert not any((project_copy / "site").rglob("*.html")), "pages were written"


@pytest.fixture(scope="module")
def dead_link_and_anchor(tmp_path_factory) -> list[str]:
    """What a build of om.md with a dead link and a dead anchor reported, one
    line each (both come at the end of a full build, so it is built once:
    under --strict every warning stops the build, and failed_build collects
    only warnings and errors)."""
    project = copy_project(tmp_path_factory.mktemp("dead") / "project")
    page = project / "docs" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Borta](finns-inte.md)\n"
                    "\n[Borta](index.md#finns-inte)\n", encoding="utf-8")
    return failed_build(project, project / "site").splitlines()


@pytest.mark.build
def test_dead_link_stops_the_build(dead_link_and_anchor):
    assert any("om.md" in line and "'finns-inte.md'" in line for line in dead_link_and_anchor), \
        dead_link_and_anchor


@pytest.mark.build
def test_dead_anchor_stops_the_build(dead_link_and_anchor):
    assert any("om.md" in line and "#finns-inte" in line for line in dead_link_and_anchor), \
        dead_link_and_anchor


def test_not_found_page_speaks_swedish_and_leads_home(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "<h1>Sidan finns inte</h1>" in html
    assert "Not found" not in html
    # site_url's path is "/": the link is absolute, so it works from any depth
    # (served as a 404 in tests/site/test_not_found.py).
    assert re.findall(r'<a href="([^"]*)">startsidan</a>', html) == ["/."]
