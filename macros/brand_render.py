"""Render the brand's contacts and accessibility statement into pages.

The markup is in ``macros/templates/brand_*.j2`` and ``accessibility.md.j2``;
the template environment is the one of :class:`macros.render.Renderer`, so
every value from brand.yml is escaped.
"""
from __future__ import annotations

import datetime
import re

from macros.brand import Brand
from macros.render import PageContext, Renderer

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli",
          "augusti", "september", "oktober", "november", "december")


def swedish_date(iso: str) -> str:
    """``2026-11-23`` as ``23 november 2026``."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def tel(phone: str) -> str:
    """A phone number as a ``tel:`` target: digits and a leading plus only."""
    return re.sub(r"[^0-9+]", "", phone)


def display_url(url: str) -> str:
    """An address as people read it: without the scheme and trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")


class BrandRenderer:
    """Renders the brand's boxes and statement for one page."""

    def __init__(self, brand: Brand, context: PageContext) -> None:
        self.brand = brand
        self.renderer = Renderer(context)
        for name, function in (("swedish_date", swedish_date), ("tel", tel), ("display_url", display_url)):
            self.renderer.env.add_filter(name, function)

    def _render(self, template: str, **values) -> str:
        return self.renderer.render(template, **values)

    def support_box(self) -> str:
        return self._render("brand_support.html.j2", support=self.brand.support)

    def contact_box(self) -> str:
        return self._render("brand_contact.html.j2", brand=self.brand)

    def accessibility_statement(self) -> str:
        a11y = self.brand.accessibility
        return self._render("accessibility.md.j2", a11y=a11y,
                            organisation=self.brand.organisation,
                            service=a11y.service or f"webbplatsen {self.brand.name}",
                            feedback=self.brand.feedback)
