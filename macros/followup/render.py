"""The follow-up pages' parts: the yearly review and the feedback report."""
from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.schema import Register
from macros.followup import STYLESHEET
from macros.registers import STYLESHEET as REGISTERS_STYLESHEET
from macros.render import Renderer


def _css(renderer: Renderer) -> str:
    return renderer.stylesheet(REGISTERS_STYLESHEET) + renderer.stylesheet(STYLESHEET)


def yearly_review(renderer: Renderer, catalog: Catalog, reg: Register) -> str:
    if not reg.questions or not reg.asks:
        raise ValueError(f"data/registers/{reg.id}.yml: questions: the yearly review needs questions and 'asks'")
    asked = catalog.register(reg.asks)
    return renderer.render("followup/review.html.j2", r=reg, asked=asked, css=_css(renderer))


def feedback_report(renderer: Renderer, reg: Register) -> str:
    return renderer.render("followup/feedback.html.j2", r=reg, css=_css(renderer))
