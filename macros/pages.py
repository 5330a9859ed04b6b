"""The handbook's pages as the macros link to them: the paths of the pages
that several features point to, and the page being built.

A path is a page's source under ``docs/`` (``"verktyg/jamfor-svar.md"``);
:class:`PageContext` turns it into an address relative to the page being
built, and :func:`page_context` makes that context for the page that
mkdocs-macros renders now.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# Pages that the workspace panel links to (macros.render.Renderer.panel).
NOTES_PAGE = "verktyg/mina-anteckningar.md"  # "Mina anteckningar"
COMPARE_PAGE = "verktyg/jamfor-svar.md"  # "Jämför svar"


@dataclass(frozen=True)
class PageContext:
    """What a renderer needs to know about the page it writes into."""

    url: str  # the current page's URL, relative to the site root
    use_directory_urls: bool = True

    def page_url(self, page: str) -> str:
        path, _, anchor = page.partition("#")
        target = _site_url(path, self.use_directory_urls)
        url = get_relative_url(target, self.url) if self.url or target else "."
        if self.use_directory_urls is False and url in ("", "."):
            url = target.rsplit("/", 1)[-1]
        return f"{url}#{anchor}" if anchor else url

    def is_page(self, page: str) -> bool:
        """True when ``page`` (a path under docs/) is the page being built."""
        return _site_url(page, self.use_directory_urls) == self.url


@cache
def _site_url(path: str, use_directory_urls: bool) -> str:
    """Where MkDocs puts the page at ``path`` (under docs/), from the site's root.
    The same few pages are linked from many places, so each is worked out once."""
    return File(path, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


def page_context(env) -> PageContext:
    """The context of the page that mkdocs-macros is rendering now (``env``
    is its plugin); outside a page, the site's root."""
    page = env.page
    return PageContext(url=page.url if page else "", use_directory_urls=env.conf["use_directory_urls"])
