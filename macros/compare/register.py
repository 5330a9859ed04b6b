"""Register the macros of the compare feature: ``compare_answers()`` for the
page "Jämför svar" and ``process_status()`` for the overview on Mina
anteckningar. Both pages get their script from worksheets.js, which loads
compare.js and status.js from beside itself where the page has their mark."""
from __future__ import annotations

from macros.compare import render
from macros.data.catalog import Catalog
from macros.render import RendererFactory


def register(env, catalog: Catalog, renderer: RendererFactory, titles: dict[str, str]) -> None:
    """``renderer`` makes a Renderer for the page being built; ``titles`` are
    the chapters' titles in navigation order."""

    @env.macro
    def compare_answers() -> str:
        """The page "Jämför svar": files in, answers side by side (compare.js)."""
        return render.compare(renderer(), catalog, titles)

    @env.macro
    def process_status() -> str:
        """Where the whole process stands: each step's status (status.js)."""
        return render.status(renderer(), catalog)
