"""Render the brand's contacts and accessibility statement into pages.

The markup is in ``macros/brand/templates/``;
the template environment is the one of :class:`macros.render.Renderer`, so
every value from brand.yml is escaped.
"""
from __future__ import annotations

from macros.brand.config import Brand
from macros.render import PageContext, Renderer


class BrandRenderer:
    """Renders the brand's boxes and statement for one page."""

    def __init__(self, brand: Brand, context: PageContext) -> None:
        self.brand = brand
        self.renderer = Renderer(context)

    def _render(self, template: str, **values) -> str:
        return self.renderer.render(template, **values)

    @property
    def publisher(self) -> str | None:
        """The organisation, when it is another than the site itself: a page
        never says that the site is published by the site."""
        organisation = self.brand.organisation.strip()
        return organisation if organisation.casefold() != self.brand.name.strip().casefold() else None

    def support_box(self) -> str:
        return self._render("brand/support.html.j2", support=self.brand.support)

    def contact_box(self) -> str:
        return self._render("brand/contact.html.j2", brand=self.brand, publisher=self.publisher)

    def accessibility_statement(self) -> str:
        a11y = self.brand.accessibility
        return self._render("brand/accessibility.md.j2", a11y=a11y, publisher=self.publisher,
                            organisation=self.brand.organisation,
                            service=a11y.service or f"webbplatsen {self.brand.name}",
                            feedback=self.brand.feedback)
