"""Register the template macros ("Mallar") with mkdocs-macros:
``{{ document("<id>") }}`` on a template's page and ``{{ document_list() }}``
on the overview."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from macros.data.catalog import Catalog
from macros.documents import render
from macros.navigation import page_titles
from macros.render import Renderer

# How a chapter asks for a date planner with a target milestone.
_PLANNER = re.compile(r"""timeline_planner\(\s*["']([a-z0-9-]+)["']\s*,\s*target\s*=\s*["']([a-z0-9-]+)["']""")


def planner_targets(docs_dir: Path) -> dict[str, str]:
    """Which milestone each process's planner takes a target date for
    (``timeline_planner("dialogprocess", target="signering")`` in a chapter).
    The workspace keeps the planner's dates as ``{start, target}``; a
    template that takes a planned date needs the target's milestone to count
    the dates as the planner does."""
    targets: dict[str, str] = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        for process_id, milestone_id in _PLANNER.findall(path.read_text(encoding="utf-8")):
            targets.setdefault(process_id, milestone_id)
    return targets


def register(env, catalog: Catalog, renderer: Callable[[], Renderer]) -> None:
    """``renderer`` makes a Renderer for the page being built."""
    brand = env.variables.get("brand")
    targets = planner_targets(Path(env.conf["docs_dir"]))

    @env.macro
    def document(document_id: str) -> str:
        """A template's fields, buttons and the document as it will print."""
        return render.document(renderer(), catalog, catalog.document(document_id),
                               organisation=brand.organisation if brand else "",
                               site_name=env.conf["site_name"], targets=targets)

    @env.macro
    def document_list() -> str:
        """Every template with a line on when it is used."""
        return render.overview(renderer(), catalog, list(page_titles(env.conf.get("nav") or [])))
