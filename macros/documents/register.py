"""Register the template macros ("Mallar") with mkdocs-macros:
``{{ document("<id>") }}`` on a template's page and ``{{ document_list() }}``
on the overview."""
from __future__ import annotations

from macros.brand.config import Brand
from macros.data.catalog import Catalog
from macros.documents import render
from macros.render import RendererFactory


def register(env, catalog: Catalog, renderer: RendererFactory, titles: dict[str, str],
             brand: Brand) -> None:
    """``renderer`` makes a Renderer for the page being built; ``titles`` are
    the chapters' titles in navigation order; the brand names the
    organisation and the site in the documents' header."""

    @env.macro
    def document(document_id: str) -> str:
        """A template's fields, buttons and the document as it will print."""
        return render.document(renderer(), catalog, catalog.document(document_id),
                               organisation=brand.organisation, site_name=env.conf["site_name"])

    @env.macro
    def document_list() -> str:
        """Every template with a line on when it is used."""
        return render.overview(renderer(), catalog, titles)
