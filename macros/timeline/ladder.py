"""The involvement ladder (data/ladder.yml) drawn as a stair of levels."""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.render import Renderer
from macros.timeline import STYLESHEET


def render_ladder(renderer: Renderer, catalog: Catalog, choose: bool = False,
                  step: str | None = None) -> str:
    """The ladder as HTML; ``choose`` adds a radio button per level, ``step`` names
    the worksheet step (``data-shb-step``) beside which the choice is shown."""
    if catalog.ladder is None:
        raise KeyError("ladder(): there is no data/ladder.yml; add it or remove the macro call")
    # No glossary tooltips here: Boverket's level names (such as "Förankring")
    # mean something else than the handbook's terms of the same spelling.
    return renderer.render(
        "timeline/ladder.html.j2", gloss=False, ladder=catalog.ladder, choose=choose, step=step,
        css=renderer.stylesheet(STYLESHEET))
