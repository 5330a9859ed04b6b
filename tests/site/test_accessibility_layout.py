"""Reflow at 320 CSS pixels with filled-in tools, forced colours, reduced
motion and focus under the header (WCAG 1.4.10, 1.4.12, 1.4.11, 2.3.3 and
2.4.11). Every page's reflow at 320 px is checked in the walk over every
page (tests/site/test_accessibility.py)."""
from __future__ import annotations

import base64

import pytest

from tests.browser_checks import BROKEN_TITLE_WORDS, REFLOW_PROBLEMS, TEXT_SPACING

WORKSHEET = "verktyg/rundabordssamtal/"
PHASES = "dialogprocessen/"


def test_the_planner_and_the_panel_are_usable_at_320_px(browser, base_url):
    """Filled in, the planner's table of dates still fits, and the workspace
    panel opens with every button inside the window."""
    ctx = browser.new_context(viewport={"width": 320, "height": 640}, locale="sv-SE")
    page = ctx.new_page()
    page.goto(base_url + PHASES, wait_until="load")
    page.fill("[data-shb-plan-start]", "2027-01-15")
    page.locator("[data-shb-plan-start]").dispatch_event("change")
    page.wait_for_function("() => document.querySelector('[data-shb-plan-date]').textContent.trim() !== '–'")
    # The timeline's text keeps most of the width beside its rail and frames.
    widths = page.evaluate("""() => [...document.querySelectorAll('.shb-tl:not(.shb-tl--compact) :is(.shb-tl__body > p, .shb-tl__mtext)')]
        .map((e) => e.getBoundingClientRect().width).filter((w) => w > 0)""")
    assert widths and min(widths) >= 0.6 * 320, min(widths)
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate(REFLOW_PROBLEMS) == []
    page.goto(base_url + WORKSHEET, wait_until="load")
    page.locator("#shb-ws > summary").click()
    page.add_style_tag(content=TEXT_SPACING)
    assert page.locator("#shb-ws [data-shb-act='json']").is_visible()
    assert page.evaluate(REFLOW_PROBLEMS) == []
    ctx.close()


def test_the_reflow_check_can_fail(page, base_url):
    page.goto(base_url + "404.html")
    page.set_viewport_size({"width": 320, "height": 640})
    page.evaluate("document.querySelector('article h1').textContent = 'Samverkanshandbokensamverkanshandboken'")
    assert page.evaluate(BROKEN_TITLE_WORDS) == ["the title breaks inside Samverkanshandbokensamverkanshandboken"]
    page.evaluate("""() => { const c = document.querySelector('.md-content');
        c.insertAdjacentHTML('beforeend', '<p><button style="margin-left:400px">x</button></p>'
            + '<div style="overflow:hidden;height:10px;width:100px">a<br>b<br>c</div>'); }""")
    problems = " ".join(page.evaluate(REFLOW_PROBLEMS))
    assert "page is" in problems and "button" in problems and "cuts off" in problems


# ---------- Forced colours ----------

def ink_share(browser, png: bytes) -> float:
    """Share of a screenshot's pixels that differ from its top-left pixel (the
    background): how much is drawn on it."""
    page = browser.new_page()
    share = page.evaluate(
        """async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            for (let i = 0; i < d.length; i += 4)
                if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 96) ink++;
            return ink / (d.length / 4);
        }""",
        "data:image/png;base64," + base64.b64encode(png).decode())
    page.close()
    return share


@pytest.fixture(params=["light", "dark"])
def forced(browser, request):
    ctx = browser.new_context(forced_colors="active", color_scheme=request.param,
                              viewport={"width": 1000, "height": 900}, locale="sv-SE")
    page = ctx.new_page()
    yield page
    ctx.close()


# The frame of each part, as forced colours draw it: a visible border or
# outline in a colour other than the page's.
FRAME = r"""(el) => {
    const css = getComputedStyle(el), bg = getComputedStyle(document.body).backgroundColor;
    const sides = ['Top', 'Right', 'Bottom', 'Left'].filter(s =>
        css['border' + s + 'Style'] !== 'none' && parseFloat(css['border' + s + 'Width']) >= 1
        && css['border' + s + 'Color'] !== bg && !/^rgba\(.*, 0\)$/.test(css['border' + s + 'Color']));
    return sides.length;
}"""


def test_forced_colours_keep_a_worksheets_controls_and_boxes_visible(forced, browser, base_url):
    page = forced
    page.goto(base_url + WORKSHEET, wait_until="load")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    question = page.locator("li.shb-q").first
    question.scroll_into_view_if_needed()
    assert page.evaluate(FRAME, question.element_handle()) == 4, "the box around a question"
    assert page.evaluate(FRAME, page.locator(".shb-q__note").first.element_handle()) == 4
    box = page.locator(".shb-q__check").first
    # The checkbox is drawn by the system in forced colours: it shows a frame
    # on the page (ink around its edge), unticked and ticked.
    for tick in (False, True):
        if tick:
            box.check()
        shot = box.screenshot()
        assert ink_share(browser, shot) > 0.15, f"checkbox {'ticked' if tick else 'unticked'} not drawn"


def test_forced_colours_keep_step_numbers_and_the_marker_visible(forced, browser, base_url):
    page = forced
    page.goto(base_url + PHASES, wait_until="load")
    page.locator('[data-shb-tl-mark="samlingsfas"]').click()
    dot = page.locator("#tl-dialogprocess-forfas .shb-tl__dot")
    current = page.locator("#tl-dialogprocess-samlingsfas .shb-tl__dot")
    for el in (dot, current):
        assert page.evaluate(FRAME, el.element_handle()) == 4, "a step number's frame"
        assert ink_share(browser, el.screenshot()) > 0.2
    here = page.locator("#tl-dialogprocess-samlingsfas [data-shb-tl-here]")
    assert here.is_visible() and "Ni är här" in here.inner_text()
    assert page.evaluate(FRAME, here.element_handle()) == 4
    mark = page.locator("#tl-dialogprocess-samlingsfas .shb-tl__here-mark")
    assert ink_share(browser, mark.screenshot()) > 0.2, "the marker's arrow"


def test_the_forced_colour_checks_can_fail(forced, browser, base_url):
    page = forced
    page.goto(base_url + "404.html")
    page.evaluate("""() => document.querySelector('.md-content').insertAdjacentHTML('beforeend',
        '<div id="x" style="width:40px;height:40px;background:#000"></div>'
        + '<div id="y" style="box-shadow:0 0 0 2px #000;height:10px"></div>')""")
    assert ink_share(browser, page.locator("#x").screenshot()) < 0.05  # a background only: gone
    # A frame drawn with a shadow is gone in forced colours, and not counted.
    assert page.evaluate(FRAME, page.locator("#y").element_handle()) == 0


# ---------- Reduced motion ----------

# The most animations running at once over the next ten frames (one look
# right after a click can come too early or too late on a busy machine).
RUNNING = """() => new Promise((done) => {
    let most = 0, frames = 0;
    const look = () => {
        most = Math.max(most, document.getAnimations().filter(a => a.playState === 'running').length);
        if (++frames < 10) requestAnimationFrame(look); else done(most);
    };
    look();
})"""


def move_around(page, base_url) -> list[int]:
    """Things that move on the site: a definition's tooltip, the workspace
    panel, a phase marked, the search and the menu. The number of running
    animations after each."""
    counts = []
    page.goto(base_url + PHASES, wait_until="load")
    page.hover("article abbr.shb-term >> nth=0")
    counts.append(page.evaluate(RUNNING))
    page.locator('[data-shb-tl-mark="forfas"]').click()
    counts.append(page.evaluate(RUNNING))
    page.locator("#shb-ws > summary").click()
    counts.append(page.evaluate(RUNNING))
    page.keyboard.press("/")
    counts.append(page.evaluate(RUNNING))
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 400, "height": 800})
    page.locator("label.md-header__button[for='__drawer']").click()
    counts.append(page.evaluate(RUNNING))
    return counts


def test_nothing_moves_with_reduced_motion(browser, base_url):
    ctx = browser.new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    assert move_around(page, base_url) == [0, 0, 0, 0, 0]
    ctx.close()


def test_without_reduced_motion_things_do_move(browser, base_url):
    """Guard: the same steps start animations when motion is not reduced, so
    the test above would see them."""
    ctx = browser.new_context(reduced_motion="no-preference", viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    assert sum(move_around(page, base_url)) > 0
    ctx.close()


# ---------- Focus not hidden (WCAG 2.4.11) ----------

HIDDEN_BY_HEADER = """() => {
    const el = document.activeElement, r = el.getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return r.height > 0 && r.bottom <= header + 1
        ? `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" under the header` : null;
}"""


@pytest.mark.parametrize("width", [1280, 320])
def test_focus_moving_up_the_page_is_not_hidden_by_the_header(browser, base_url, width):
    """Shift+Tab from the foot of a worksheet: the browser scrolls each control
    into view at the top, where Material's fixed header is."""
    ctx = browser.new_context(viewport={"width": width, "height": 700}, locale="sv-SE")
    page = ctx.new_page()
    page.goto(base_url + WORKSHEET, wait_until="load")
    page.locator("footer a").last.focus()
    hidden = []
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        hidden.append(page.evaluate(HIDDEN_BY_HEADER))
    ctx.close()
    assert [h for h in hidden if h] == []
