"""brand.yml's empty optional fields fall back as the README's table says, and
the statement follows `compliance`: two forks built as `make build` builds."""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from scripts.build.sitebuild import build_site
from tests.helpers import FIXTURES, copy_project

# Every test here reads a site that a fixture of this module builds.
pytestmark = pytest.mark.build

EXAMPLE = FIXTURES / "brand-example"
NAME = "Exempelkommunens samverkanshandbok"
COPYRIGHT = "Texten får användas fritt enligt CC BY 4.0."  # copyright in mkdocs.yml

VARIANTS = {
    # Everything optional empty but the contact, which the feedback falls back to.
    "helt": {"logo": "", "footer": "", "support": {},
             "accessibility": {"service": "", "compliance": "helt", "shortcomings": [], "feedback": {}}},
    # No contact either: the statement says there is no address yet.
    "inte": {"logo": "", "footer": "", "contact": {}, "support": {},
             "accessibility": {"service": "", "compliance": "inte",
                               "shortcomings": ["Filmerna saknar textning."], "feedback": {}}},
}


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def fork(request, tmp_path_factory) -> tuple[str, Path]:
    project = copy_project(tmp_path_factory.mktemp(f"fork-{request.param}") / "project")
    shutil.copytree(EXAMPLE / "bilder", project / "bilder")
    brand = yaml.safe_load((EXAMPLE / "brand.yml").read_text(encoding="utf-8"))
    for key, value in VARIANTS[request.param].items():
        if isinstance(value, dict) and value and isinstance(brand.get(key), dict):
            brand[key] = {**brand[key], **value}
        else:
            brand[key] = value
    (project / "brand.yml").write_text(yaml.safe_dump(brand, allow_unicode=True), encoding="utf-8")
    return request.param, build_site(project / "site", config_file=project / "mkdocs.yml")


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html: str, heading: str) -> str:
    """The text from an h2 to the next h2."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}.*?</h2>(.*?)(?=<h2|</article>)", html, re.S)
    assert match, heading
    return text(match.group(1))


def test_an_empty_logo_gives_the_icon(fork):
    _, site = fork
    html = (site / "index.html").read_text(encoding="utf-8")
    logo = re.search(r'<a href="[^"]*" title="[^"]*" class="md-header__button md-logo"[^>]*>(.*?)</a>', html, re.S)
    assert logo and "<svg" in logo.group(1) and "<img" not in logo.group(1)
    assert not (site / "assets" / "brand").exists() or not list((site / "assets" / "brand").glob("logo.*"))


def test_an_empty_footer_gives_the_copyright_of_mkdocs_yml(fork):
    _, site = fork
    html = (site / "om" / "index.html").read_text(encoding="utf-8")
    footer = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', html, re.S)
    assert footer, "no copyright block"
    assert COPYRIGHT in text(footer.group(1))


def test_the_statement_falls_back_and_follows_compliance(fork):
    variant, site = fork
    html = (site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    scope = text(re.search(r'<p class="shb-a11y-scope">(.*?)</p>', html, re.S).group(1))
    assert scope.startswith(f"Exempelkommun står bakom webbplatsen {NAME}.")
    assert f'data-shb-compliance="{variant}"' in html
    compliance = section(html, "Hur tillgänglig är webbplatsen?")
    shortcomings = section(html, "Kända brister")
    feedback = section(html, "Om ni inte kan använda en del av webbplatsen")
    if variant == "helt":
        assert compliance == "Webbplatsen är helt förenlig med lagen."
        assert shortcomings == "Vi vet inte om några brister just nu."
        # The feedback falls back to the contact.
        assert "samverkan@exempelkommun.se" in feedback and "010-123 45 67" in feedback
        assert "ingen särskild kontakt" not in feedback
    else:
        assert compliance == "Webbplatsen är inte förenlig med lagen. De brister vi vet om står nedan."
        assert shortcomings == "Filmerna saknar textning."
        # No address of its own: the statement sends the reader to Digg.
        assert feedback.startswith("Det finns ingen särskild kontakt för frågor om tillgänglighet.")
        assert "Digg" in feedback
        assert "@" not in feedback
