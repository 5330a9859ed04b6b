"""Render the brand's contacts and accessibility statement into pages.

The markup is in ``macros/brand/templates/``;
the template environment is the one of :class:`macros.render.Renderer`, so
every value from brand.yml is escaped.
"""
from __future__ import annotations

from macros.brand.config import Brand
from macros.render import Renderer


def publisher(brand: Brand) -> str | None:
    """The organisation, when it is another than the site itself: a page
    never says that the site is published by the site."""
    organisation = brand.organisation.strip()
    return organisation if organisation.casefold() != brand.name.strip().casefold() else None


def support_box(renderer: Renderer, brand: Brand) -> str:
    """The support organisation ("Stöd och resurser")."""
    return renderer.render("brand/support.html.j2", gloss=False, support=brand.support)


def contact_box(renderer: Renderer, brand: Brand) -> str:
    """Who publishes this edition and how to reach them ("Om handboken")."""
    return renderer.render("brand/contact.html.j2", gloss=False, brand=brand, publisher=publisher(brand))


def accessibility_statement(renderer: Renderer, brand: Brand) -> str:
    """The accessibility statement from brand.yml's accessibility fields."""
    a11y = brand.accessibility
    return renderer.render("brand/accessibility.md.j2", gloss=False, a11y=a11y,
                           publisher=publisher(brand), organisation=brand.organisation,
                           service=a11y.service or f"webbplatsen {brand.name}",
                           feedback=brand.feedback)
