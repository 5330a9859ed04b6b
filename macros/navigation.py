"""The menu: the order and titles of chapters from the ``nav`` setting, and
things put in the menu's order."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


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


def by_menu(items: Iterable[T], order: Iterable[str], page: Callable[[T], str],
            then: Callable[[T], Any] | None = None) -> list[T]:
    """``items`` in the order of the menu: by where ``page(item)`` (a path
    under docs/, an anchor ignored) stands in ``order`` (the menu's page
    paths, as :func:`page_titles` lists them), items whose page is not in the
    menu last; among items of one page by ``then``, else in their own order."""
    position = {path: i for i, path in enumerate(order)}

    def key(item: T) -> tuple:
        at = position.get(page(item).split("#", 1)[0], len(position))
        return (at, then(item)) if then else (at,)
    return sorted(items, key=key)
