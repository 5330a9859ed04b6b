"""The shape of brand.yml, declared once, and the function that loads it.

brand.yml holds everything a fork changes to publish the handbook as its own:
name, organisation, logo, colours, contacts, footer and the accessibility
statement. It is checked like the data files (:mod:`macros.data.validate`), plus
two checks that need more than one key or the file system: the WCAG contrast
of the colours and the existence of the logo and favicon files.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from macros.brand.contrast import AA_TEXT, SLATE_BACKGROUND, WHITE, contrast, normalise, ratio_text
from macros.data.schema import Rule, Text
from macros.data.validate import Collector, DataError, build
from macros.data.yamlfile import read

FILE_NAME = "brand.yml"

HexColor = Annotated[str, Rule("hex colour", r"^#(?:[0-9a-fA-F]{3}){1,2}$",
                               'a hex colour in quotes, e.g. "#1a4d8f"')]
Email = Annotated[str, Rule("e-mail address", r"^[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[A-Za-z]{2,}$",
                            "an address like namn@organisation.se")]
Phone = Annotated[str, Rule("phone number", r"^\+?[0-9][0-9 ()-]{3,}[0-9]$",
                            "digits, spaces and hyphens, e.g. 010-123 45 67 or +46 10 123 45 67")]
# A web address in brand.yml (the site's, the publisher's, the support's):
# http or https. Addresses in the data files take only https (HttpsUrl in
# macros/data/schema.py).
WebAddress = Annotated[str, Rule("web address", r"^https?://[^\s<>\"'@]+$",
                                 "an address starting with https://, e.g. https://www.organisation.se/")]
# A file in the repository, relative to its top folder.
ImagePath = Annotated[str, Rule("image path", r"(?i)^(?!/)(?!.*(?:^|/)\.\.(?:/|$))[^\s\\]+\.(?:svg|png)$",
                                "a path in the repository to an .svg or .png file, "
                                "e.g. overrides/assets/images/logo.svg")]
IconPath = Annotated[str, Rule("icon path", r"(?i)^(?!/)(?!.*(?:^|/)\.\.(?:/|$))[^\s\\]+\.(?:svg|png|ico)$",
                               "a path in the repository to an .svg, .png or .ico file, "
                               "e.g. overrides/assets/images/favicon.svg")]
IsoDate = Annotated[str, Rule("date", r"^\d{4}-\d{2}-\d{2}$", "year-month-day, e.g. 2026-11-23")]


@dataclass(frozen=True, kw_only=True)
class Colors:
    """``primary``: the header (white text) in both schemes and links in the
    light scheme. ``accent``: links and hover in the dark scheme."""

    primary: HexColor
    accent: HexColor

    def problems(self) -> Iterator[tuple[str, str]]:
        ratio = contrast(WHITE, self.primary)
        if ratio < AA_TEXT:
            yield "primary", (
                f"{self.primary!r} is too light: white text on it in the header (light and dark "
                f"scheme), and links in this colour on the light background ({WHITE}), have a "
                f"contrast of {ratio_text(ratio)}; WCAG AA needs at least 4.5:1, "
                f"so choose a darker colour")
        ratio = contrast(self.accent, SLATE_BACKGROUND)
        if ratio < AA_TEXT:
            yield "accent", (
                f"{self.accent!r} is too dark: links in this colour on the dark scheme's "
                f"background ({SLATE_BACKGROUND}) have a contrast of {ratio_text(ratio)}; "
                f"WCAG AA needs at least 4.5:1, so choose a lighter colour")

    @property
    def primary_hex(self) -> str:
        return normalise(self.primary)

    @property
    def accent_hex(self) -> str:
        return normalise(self.accent)


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Ways to reach someone; every field is optional and empty ones are not shown."""

    email: Email | None = None
    phone: Phone | None = None
    url: WebAddress | None = None

    @property
    def empty(self) -> bool:
        return not (self.email or self.phone or self.url)


@dataclass(frozen=True, kw_only=True)
class Support:
    """The support organisation shown under "Stöd och resurser"."""

    name: Text | None = None
    description: Text | None = None
    email: Email | None = None
    phone: Phone | None = None
    url: WebAddress | None = None

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, kw_only=True)
class Accessibility:
    """The fields of the accessibility statement (tillgänglighetsredogörelse)."""

    service: Text | None = None
    compliance: Literal["helt", "delvis", "inte"]
    shortcomings: tuple[Text, ...] = ()
    assessment_method: Text
    assessment_date: IsoDate
    statement_date: IsoDate
    feedback: Contact | None = None

    def problems(self) -> Iterator[tuple[str, str]]:
        dates = {}
        for key in ("assessment_date", "statement_date"):
            try:
                dates[key] = datetime.date.fromisoformat(getattr(self, key))
            except ValueError:
                yield key, f"{getattr(self, key)!r} is not a date in the calendar"
        if len(dates) == 2 and dates["statement_date"] < dates["assessment_date"]:
            yield "statement_date", ("is before assessment_date; the statement is written "
                                     "after the assessment it reports")
        if self.compliance == "helt" and self.shortcomings:
            yield "shortcomings", ("lists shortcomings although compliance is 'helt'; "
                                   "use 'delvis' or remove the shortcomings")
        if self.compliance != "helt" and not self.shortcomings:
            yield "shortcomings", (f"is empty although compliance is {self.compliance!r}; "
                                   "list the known shortcomings")


@dataclass(frozen=True, kw_only=True)
class Brand:
    """Everything in brand.yml."""

    name: Text
    organisation: Text
    site_url: WebAddress | None = None
    logo: ImagePath | None = None
    favicon: IconPath | None = None
    colors: Colors
    contact: Contact = Contact()
    support: Support = Support()
    footer: Text | None = None
    accessibility: Accessibility

    @property
    def feedback(self) -> Contact:
        """Where to report accessibility problems: its own contact, else the general one."""
        own = self.accessibility.feedback
        return own if own is not None and not own.empty else self.contact


def load_brand(project_dir: Path) -> Brand:
    """Read and check ``brand.yml`` in ``project_dir``; raise DataError listing every problem."""
    out = Collector(FILE_NAME)
    try:
        raw = read(project_dir / FILE_NAME, out)
    except ValueError as error:  # PyYAML turns 2026-02-30 into a date and fails
        out.add("", f"has a date that is not in the calendar ({error}); "
                    "write dates as year-month-day, e.g. 2026-11-23")
        raise DataError(out.problems) from None
    brand = None
    if raw is not None:
        hinted = _hint_bare_colours(raw, out)
        brand = build(Brand, _plain(raw), out)
        out.problems = [p for p in out.problems
                        if not (p.entry in hinted and p.message.startswith("is missing"))]
    if brand is not None:
        for key in ("logo", "favicon"):
            _check_file(project_dir, key, getattr(brand, key), out)
    if out.problems:
        raise DataError(out.problems)
    assert brand is not None
    return brand


def _plain(value: Any) -> Any:
    """Dates as ISO text (YAML reads 2026-11-23 as a date) and empty texts as absent."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _hint_bare_colours(raw: Any, out: Collector) -> set[str]:
    """``primary: #1a4d8f`` without quotes is a YAML comment: say so, not just "missing"."""
    colors = raw.get("colors") if isinstance(raw, dict) else None
    hinted = set()
    if isinstance(colors, dict):
        for key in ("primary", "accent"):
            if key in colors and colors[key] is None:
                entry = f"colors.{key}"
                out.add(entry, 'is empty; write the colour in quotes, e.g. "#1a4d8f" '
                               "(without quotes YAML reads # as the start of a comment)")
                hinted.add(entry)
    return hinted


def _check_file(project_dir: Path, key: str, value: str | None, out: Collector) -> None:
    if value is None:
        return
    path = (project_dir / value).resolve()
    if not path.is_file():
        out.add(key, f"the file {value!r} does not exist (looked for {path})")
