"""Read the order and titles of chapters from the ``nav`` setting."""
from __future__ import annotations

from typing import Any


def page_titles(nav: list[Any]) -> dict[str, str]:
    """Map each page path in ``nav`` to its title, in navigation order."""
    titles: dict[str, str] = {}

    def walk(items: list[Any], parent: str | None) -> None:
        for item in items:
            if isinstance(item, str):
                titles.setdefault(item, parent or item)
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        titles.setdefault(value, title)
                    elif isinstance(value, list):
                        walk(value, title)

    walk(nav, None)
    return titles
