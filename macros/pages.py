"""One Renderer for each page being built, sharing what lasts a whole build.

mkdocs-macros calls a macro while it renders a page (``env.page``); the
renderer it gets knows that page's address, marks glossary words, hands out
the page's one workspace panel and shares the build-wide memo of questions.
"""
from __future__ import annotations

from macros.glossary.terms import Glosser
from macros.render import PageContext, Renderer


class PageRenderers:
    """Makes the renderer for the page that mkdocs-macros is rendering now.

    Made anew by ``define_env`` on every build (also each rebuild of
    ``mkdocs serve``), so what it remembers starts empty each time."""

    def __init__(self, env, glosser: Glosser) -> None:
        self.env = env
        self.glosser = glosser  # tooltips in text rendered from data
        self.claimed: set[tuple[str, str]] = set()  # (page, what): the panel, a stylesheet
        self.fragments: dict = {}  # HTML that is the same on every page (each question)

    def _url(self) -> str:
        page = self.env.page
        return page.url if page else ""

    def claim(self, what: str) -> bool:
        """True the first time the page being rendered asks for ``what``
        (its one workspace panel, or a feature's stylesheet)."""
        key = (self._url(), what)
        first = key not in self.claimed
        self.claimed.add(key)
        return first

    def claim_panel(self) -> bool:
        """True the first time the page being rendered asks for the panel."""
        return self.claim("panel")

    def __call__(self) -> Renderer:
        context = PageContext(url=self._url(), use_directory_urls=self.env.conf["use_directory_urls"])
        return Renderer(context, glosser=self.glosser, claim_panel=self.claim_panel,
                        memo=self.fragments, claim=self.claim)
