"""Register the registers' macros with mkdocs-macros:
``{{ register_list("<id>") }}`` on a register's page and
``{{ register_status() }}`` beside the status overview on Mina anteckningar."""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.registers import render
from macros.render import RendererFactory


def register(env, catalog: Catalog, renderer: RendererFactory) -> None:
    """``renderer`` makes a Renderer for the page being built."""

    @env.macro
    def register_list(register_id: str) -> str:
        """A register: the form to add and edit, sorting, filters, the count,
        the list (a table, cards on a narrow screen) and the exports."""
        return render.register_list(renderer(), catalog, catalog.register(register_id))

    @env.macro
    def register_status() -> str:
        """Where the registers stand: each register's count in the active workspace."""
        return render.status(renderer(), catalog)
