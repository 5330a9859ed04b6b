"""Glossary terms for everyone: a term's definition can be reached with the
keyboard, is announced, closes with Escape and opens with a tap, and each term
is a tab stop once per section (macros/glossary/focus.py, glossary.js)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from macros.glossary.focus import once_per_section

CHAPTER = "overenskommelse/principerna/"
TOOLTIP = ".md-tooltip2--active[role='tooltip']"  # Material's tooltip, while shown


def test_a_term_is_marked_and_focusable_once_per_section():
    html = ('<h1 id="a">Om <abbr title="D1">samverkan</abbr></h1>'
            '<p><abbr title="D1">samverkan</abbr> och <abbr title="D1">Samverkan</abbr>, '
            '<abbr title="D2">part</abbr> &amp; <a href="x"><abbr title="D2">part</abbr></a></p>'
            '<h3>Under</h3><p><abbr title="D1">samverkan</abbr></p>'
            '<h2 id="b">Nästa</h2><p><abbr title="D1">samverkan</abbr></p>')
    assert once_per_section(html) == (
        '<h1 id="a">Om samverkan</h1>'
        '<p><abbr class="shb-term" tabindex="0" title="D1">samverkan</abbr> och Samverkan, '
        '<abbr class="shb-term" tabindex="0" title="D2">part</abbr> &amp; <a href="x">part</a></p>'
        '<h3>Under</h3><p>samverkan</p>'
        '<h2 id="b">Nästa</h2><p><abbr class="shb-term" tabindex="0" title="D1">samverkan</abbr></p>')
    assert once_per_section("<p>Ingen term</p>") == "<p>Ingen term</p>"


class _Terms(HTMLParser):
    """Every abbr of a page, with the section (h1/h2) it stands in."""

    def __init__(self):
        super().__init__()
        self.section, self.terms = 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2"):
            self.section += 1
        if tag == "abbr":
            self.terms.append((self.section, attrs))


@pytest.mark.parametrize("path", [CHAPTER, "dialogprocessen/", "verktyg/fragebank/", "arbetsblad/"])
def test_built_pages_mark_each_term_once_per_section(site_dir, path):
    parser = _Terms()
    parser.feed((site_dir / path / "index.html").read_text(encoding="utf-8"))
    assert parser.terms, f"{path} has no glossary terms"
    for _, attrs in parser.terms:  # every term left is a tab stop with its definition
        assert attrs.get("class") == "shb-term" and attrs.get("tabindex") == "0" and attrs.get("title")
    keys = [(section, attrs["title"]) for section, attrs in parser.terms]
    assert len(keys) == len(set(keys)), "a term is marked twice in one section"
    # Calm: the page gets far fewer tab stops than it has sentences with terms.
    assert len(keys) <= 20, len(keys)


def description(page, selector: str) -> str:
    """The accessible description Chromium gives the element (what a screen
    reader announces after the name)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    ax = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    cdp.detach()
    return ax["nodes"][0].get("description", {}).get("value", "")


def test_keyboard_reaches_a_term_shows_and_announces_it_and_escape_closes(page, base_url):
    page.goto(base_url + CHAPTER, wait_until="load")
    definition = page.get_attribute("article abbr.shb-term >> nth=0", "title")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article abbr.shb-term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    focused = page.evaluate("document.activeElement.title || document.activeElement.textContent")
    assert focused  # the first term reached is the first in the article
    # Shown and announced: the term is described by its tooltip, whose text is
    # the definition. (The tooltip of a heading's link that Tab passed on the
    # way may still be fading out: the term's own is the one it points to.)
    page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')")
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tip = page.locator(f"#{tip_id}")
    assert tip.get_attribute("role") == "tooltip"
    tip.wait_for(state="visible")
    assert " ".join(tip.inner_text().split()) == definition
    page.evaluate("document.activeElement.id = 'shb-focused-term'")
    assert description(page, "#shb-focused-term") == definition

    page.keyboard.press("Escape")
    expect_hidden(page)
    assert page.evaluate("document.activeElement.id") == "shb-focused-term", "Escape moved focus"
    # Shown again the next time the term gets focus.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.locator(TOOLTIP).wait_for(state="visible")


def expect_hidden(page):
    """No glossary tooltip is on screen (Material fades a closing one out)."""
    page.wait_for_function(
        """(sel) => ![...document.querySelectorAll(sel)].some(t => t.getClientRects().length
            && getComputedStyle(t).visibility !== 'hidden' && +getComputedStyle(t).opacity > 0)""",
        arg=TOOLTIP)


def test_escape_closes_a_definition_shown_on_hover(page, base_url):
    page.goto(base_url + CHAPTER, wait_until="load")
    page.hover("article abbr.shb-term >> nth=0")
    page.locator(TOOLTIP).wait_for(state="visible")
    page.keyboard.press("Escape")
    expect_hidden(page)


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                              has_touch=True, device_scale_factor=2, locale="sv-SE")
    yield ctx.new_page()
    ctx.close()


def test_a_tap_opens_the_definition_on_a_phone(phone, base_url):
    phone.goto(base_url + CHAPTER, wait_until="load")
    term = phone.locator("article abbr.shb-term").first
    definition = term.get_attribute("title")  # Material moves it into the tooltip
    term.scroll_into_view_if_needed()
    term.tap()
    tip = phone.locator(TOOLTIP)
    tip.wait_for(state="visible")
    assert " ".join(tip.inner_text().split()) == definition
    # A tap elsewhere closes it.
    phone.locator("article h1").tap()
    expect_hidden(phone)


def test_a_tap_on_a_term_in_a_question_does_not_tick_it(phone, base_url):
    phone.goto(base_url + "verktyg/fragebank/", wait_until="load")
    term = phone.locator("label.shb-q__text abbr.shb-term").first
    box = phone.locator("#" + term.evaluate("t => t.closest('label').htmlFor"))
    term.scroll_into_view_if_needed()
    term.tap()
    phone.locator(TOOLTIP).wait_for(state="visible")
    assert not box.is_checked()
    # The rest of the label still ticks the box.
    box.tap()
    assert box.is_checked()


def test_glossary_page_tells_how_to_open_and_close_a_definition(site_dir):
    text = " ".join(re.sub(r"<[^>]+>", " ", (site_dir / "begrepp/index.html").read_text(encoding="utf-8")).split())
    assert "tabbtangenten" in text and "Esc" in text
