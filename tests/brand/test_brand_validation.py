"""brand.yml is checked before anything is built, with messages that name the key."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from macros.brand.config import load_brand
from macros.brand.contrast import SLATE_BACKGROUND, WHITE, contrast, ratio_text
from macros.data.validate import DataError
from tests.helpers import FIXTURES, copy_project, failed_build

EXAMPLE = FIXTURES / "brand-example"
ALLOWED_TOP_KEYS = ("name, organisation, site_url, logo, favicon, colors, contact, support, "
                    "footer, accessibility")


def example_project(target: Path, replace: tuple[str, str] | None = None) -> Path:
    """A folder with the example brand.yml and its images, optionally with one text replaced."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLE / "bilder", target / "bilder", dirs_exist_ok=True)
    text = (EXAMPLE / "brand.yml").read_text(encoding="utf-8")
    if replace:
        old, new = replace
        assert text.count(old) == 1, f"the example brand.yml has no single {old!r}"
        text = text.replace(old, new)
    (target / "brand.yml").write_text(text, encoding="utf-8")
    return target


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_brand(project)
    return [str(p) for p in caught.value.problems]


# Each case: the change to the example, and the one message it must give.
CASES = {
    "not-hex": (('primary: "#2e7d32"', 'primary: "grön"'),
                "brand.yml: colors.primary: 'grön' is not a valid hex colour: "
                'use a hex colour in quotes, e.g. "#1a4d8f"'),
    # White on #777777 is the textbook near miss: 4.48:1, just below AA.
    "low-contrast-primary": (('primary: "#2e7d32"', 'primary: "#777777"'),
                             "brand.yml: colors.primary: '#777777' is too light: white text on it in "
                             "the header (light and dark scheme), and links in this colour on the "
                             "light background (#ffffff), have a contrast of 4.47:1; WCAG AA needs "
                             "at least 4.5:1, so choose a darker colour"),
    "low-contrast-accent": (('accent: "#81c784"', 'accent: "#2e7d32"'),
                            "brand.yml: colors.accent: '#2e7d32' is too dark: links in this colour on "
                            "the dark scheme's background (#1e2129) have a contrast of 3.13:1; "
                            "WCAG AA needs at least 4.5:1, so choose a lighter colour"),
    "missing-logo": (("logo: bilder/exempel-logga.png", "logo: bilder/finns-inte.svg"),
                     "brand.yml: logo: the file 'bilder/finns-inte.svg' does not exist "
                     "(looked for {project}/bilder/finns-inte.svg)"),
    "missing-favicon": (("favicon: bilder/exempel-ikon.svg", "favicon: ikoner/flik.png"),
                        "brand.yml: favicon: the file 'ikoner/flik.png' does not exist "
                        "(looked for {project}/ikoner/flik.png)"),
    "unknown-key": (("colors:\n", "colours:\n"),
                    None),  # two problems: checked in its own test below
    "bad-email": (("email: samverkan@exempelkommun.se", "email: samverkan(at)exempelkommun.se"),
                  "brand.yml: contact.email: 'samverkan(at)exempelkommun.se' is not a valid "
                  "e-mail address: use an address like namn@organisation.se"),
    "bare-hash": (('primary: "#2e7d32"', "primary: #2e7d32"),
                  'brand.yml: colors.primary: is empty; write the colour in quotes, e.g. "#1a4d8f" '
                  "(without quotes YAML reads # as the start of a comment)"),
}


def test_the_example_brand_is_valid(tmp_path):
    brand = load_brand(example_project(tmp_path))
    assert brand.name == "Exempelkommunens samverkanshandbok"
    assert brand.colors.primary_hex == "#2e7d32"
    assert brand.feedback.email == "tillganglighet@exempelkommun.se"


def test_the_shipped_brand_is_valid(project_root):
    brand = load_brand(project_root)
    raw = yaml.safe_load((project_root / "brand.yml").read_text(encoding="utf-8"))
    assert raw["name"].strip() and raw["organisation"].strip()
    assert (brand.name, brand.organisation) == (raw["name"].strip(), raw["organisation"].strip())
    assert contrast(WHITE, brand.colors.primary) >= 4.5
    assert contrast(brand.colors.accent, SLATE_BACKGROUND) >= 4.5


def test_contrast_matches_known_wcag_values():
    assert ratio_text(contrast("#000000", "#ffffff")) == "21.00:1"
    assert ratio_text(contrast("#777777", "#ffffff")) == "4.47:1"
    assert ratio_text(contrast("#767676", "#fff")) == "4.54:1"  # the lightest AA grey on white
    assert ratio_text(contrast("#ffffff", "#ffffff")) == "1.00:1"


@pytest.mark.parametrize("case", [c for c, (_, m) in CASES.items() if m])
def test_each_mistake_gives_its_message(tmp_path, case):
    replace, message = CASES[case]
    project = example_project(tmp_path, replace)
    assert problems(project) == [message.format(project=project.resolve())]


def test_unknown_key_is_named_with_the_keys_allowed(tmp_path):
    project = example_project(tmp_path, CASES["unknown-key"][0])
    assert problems(project) == [
        f"brand.yml: colours: unknown key; the keys allowed here are: {ALLOWED_TOP_KEYS}",
        "brand.yml: colors: is missing; this key is required",
    ]


def test_unknown_nested_key_is_named_with_its_path(tmp_path):
    project = example_project(tmp_path, ("  phone: 010-123 45 67\n", "  telefon: 010-123 45 67\n"))
    assert problems(project) == [
        "brand.yml: contact.telefon: unknown key; the keys allowed here are: email, phone, url"]


def test_several_mistakes_are_reported_together(tmp_path):
    project = example_project(tmp_path, ('primary: "#2e7d32"', 'primary: "#777777"'))
    text = (project / "brand.yml").read_text(encoding="utf-8")
    (project / "brand.yml").write_text(text.replace("kansliet@", "kansliet-at-"), encoding="utf-8")
    found = problems(project)
    assert [p.split(":")[1].strip() for p in found] == ["colors.primary", "support.email"]


def test_statement_needs_shortcomings_when_partly_compliant(tmp_path):
    project = example_project(tmp_path, ("    - Några tabeller saknar rubrikceller.\n", ""))
    text = (project / "brand.yml").read_text(encoding="utf-8")
    (project / "brand.yml").write_text(text.replace("  shortcomings:\n", ""), encoding="utf-8")
    assert problems(project) == [
        "brand.yml: accessibility.shortcomings: is empty although compliance is 'delvis'; "
        "list the known shortcomings"]


def test_dates_must_exist_and_be_in_order(tmp_path):
    project = example_project(tmp_path, ("statement_date: 2026-11-02", "statement_date: 2026-09-31"))
    assert problems(project) == [
        "brand.yml: has a date that is not in the calendar (day is out of range for month); "
        "write dates as year-month-day, e.g. 2026-11-23"]
    project = example_project(tmp_path / "quoted", ("statement_date: 2026-11-02",
                                                    'statement_date: "2026-09-31"'))
    assert problems(project) == [
        "brand.yml: accessibility.statement_date: '2026-09-31' is not a date in the calendar"]
    project = example_project(tmp_path / "order", ("statement_date: 2026-11-02",
                                                   "statement_date: 2026-01-02"))
    assert problems(project) == [
        "brand.yml: accessibility.statement_date: is before assessment_date; "
        "the statement is written after the assessment it reports"]


def test_logo_outside_the_repository_is_refused(tmp_path):
    project = example_project(tmp_path, ("logo: bilder/exempel-logga.png", "logo: ../../etc/logo.png"))
    [message] = problems(project)
    assert message.startswith("brand.yml: logo: '../../etc/logo.png' is not a valid image path")


def test_empty_optional_fields_are_allowed(tmp_path):
    project = example_project(tmp_path, ("  phone: 010-123 45 67\n", '  phone: ""\n'))
    assert load_brand(project).contact.phone is None


# The same mistakes through a real build: it stops, names the key, writes nothing.
# (In-process; that the command stops and writes nothing is checked once, in
# tests/site/test_build.py.)

@pytest.mark.build
@pytest.mark.parametrize("case", ["not-hex", "low-contrast-primary", "low-contrast-accent",
                                  "missing-logo", "unknown-key", "bad-email"])
def test_a_wrong_brand_stops_the_build(tmp_path, case):
    project = copy_project(tmp_path / "project")
    example_project(project, CASES[case][0])
    reported = failed_build(project, project / "site")
    expected = CASES[case][1] or "brand.yml: colours: unknown key"
    assert expected.format(project=project.resolve()) in reported
    assert not any((project / "site").rglob("*.html")), "pages were written"
