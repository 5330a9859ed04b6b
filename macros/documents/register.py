"""Register the template macros ("Mallar") with mkdocs-macros:
``{{ document("<id>") }}`` on a template's page and ``{{ document_list() }}``
on the overview."""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.documents import render
from macros.navigation import page_titles
from macros.render import RendererFactory


def register(env, catalog: Catalog, renderer: RendererFactory) -> None:
    """``renderer`` makes a Renderer for the page being built."""
    brand = env.variables.get("brand")

    @env.macro
    def document(document_id: str) -> str:
        """A template's fields, buttons and the document as it will print."""
        return render.document(renderer(), catalog, catalog.document(document_id),
                               organisation=brand.organisation if brand else "",
                               site_name=env.conf["site_name"])

    @env.macro
    def document_list() -> str:
        """Every template with a line on when it is used."""
        return render.overview(renderer(), catalog, list(page_titles(env.conf.get("nav") or [])))
