"""The worksheet controls come with the page, so nothing moves while it loads.

The workspace panel, the list and print buttons and the confirmation dialog
are rendered by the macros (macros/worksheets/templates/progress.html.j2,
print_tools.html.j2, workspace_panel.html.j2); worksheets.js and print.js
only wire them up and fill in values. Without JavaScript worksheets.css keeps
them out of sight (@media (scripting: none)), and the questions read as a
plain list.
"""
from __future__ import annotations

import re
from urllib.request import urlopen

import pytest

from tests.worksheets_support import BANK, OVERVIEW, WORKSHEET, mounted

NO_TIMELINE = "handling/hall-processen-igang/"  # a worksheet without a timeline
ACTIONS = ["switch", "new", "rename", "clear", "delete", "json", "md", "docx"]
PRINT_BUTTONS = {"blank": "Skriv ut tomt", "notes": "Skriv ut med mina anteckningar"}
# What only works with JavaScript, and the text of it that must not show without.
JS_ONLY = ["#shb-ws", ".shb-print-tools", ".shb-list-actions", "#shb-dialog", "#shb-page-progress"]
JS_ONLY_TEXT = ["Arbetsyta:", "Skriv ut tomt", "Rensa listan", "Byt till vald", "Ta bort arbetsytan",
                "Avbryt", "webbläsaren tillåter inte", "nyare version"]

# Parts of a page that save something through window.shb.store (timeline.js).
SAVES = re.compile(r"data-shb-(tl-mark|tl-clear|planner|ladder)[\s=>]")
# The sum of the page's layout shifts so far (as CLS counts them: not right
# after the reader's input). Shifts before the observer started are buffered.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 250);
})"""


def served(base_url: str, path: str) -> str:
    with urlopen(base_url + path) as response:
        return response.read().decode("utf-8")


def page_html(site_dir, path: str) -> str:
    return (site_dir / (path + "index.html" if path.endswith("/") or path == "" else path)).read_text(
        encoding="utf-8")


@pytest.fixture
def without_js(browser):
    ctx = browser.new_context(java_script_enabled=False, locale="sv-SE")
    yield ctx.new_page()
    ctx.close()


def test_the_served_page_holds_the_panel_and_the_print_buttons(base_url):
    html = served(base_url, WORKSHEET)
    assert html.count('id="shb-ws"') == 1 and html.count('id="shb-dialog"') == 1
    assert html.count('class="shb-print-tools ') == 1
    for mode in PRINT_BUTTONS:
        assert html.count(f'data-shb-print="{mode}"') == 1
    for act in ACTIONS:
        assert html.count(f'data-shb-act="{act}"') == 1, act


def test_before_any_script_the_first_toolbar_has_every_control(without_js, base_url):
    page = without_js
    page.goto(base_url + WORKSHEET)
    toolbar = page.locator(".shb-toolbar").first
    tools = toolbar.locator(".shb-print-tools[role=group][aria-label='Skriv ut']")
    for mode, label in PRINT_BUTTONS.items():
        button = tools.get_by_role("button", name=label, exact=True, include_hidden=True)
        assert button.get_attribute("data-shb-print") == mode
        assert button.get_attribute("type") == "button"
    panel = toolbar.locator("details#shb-ws")
    assert panel.locator("summary").text_content() == "Arbetsyta: "
    for part in ("#shb-ws-name", "select#shb-ws-select", "input#shb-ws-file[type=file]",
                 "#shb-ws-status[role=status]", "#shb-ws-error[role=alert]",
                 "a[href='../mina-anteckningar/']"):
        assert panel.locator(part).count() == 1, part
    assert panel.locator("[data-shb-act]").evaluate_all(
        "buttons => buttons.map(b => b.dataset.shbAct)") == ACTIONS
    assert toolbar.locator("dialog#shb-dialog[aria-labelledby=shb-dialog-title]").count() == 1
    assert toolbar.locator("[data-shb-act=clear-list][data-shb-list-id=rundabordssamtal]").count() == 1
    # Order as the scripts used to build it: print buttons before the PDF link,
    # the list's buttons and then the panel last.
    order = toolbar.evaluate("""t => [...t.children].map(c => c.id || c.className.split(' ')[0])""")
    assert order.index("shb-print-tools") < order.index("shb-pdf") < order.index("shb-list-actions") \
        < order.index("shb-ws")


def test_without_javascript_no_control_shows_and_the_questions_are_a_list(without_js, base_url):
    page = without_js
    for path in (WORKSHEET, BANK, OVERVIEW):
        page.goto(base_url + path)
        assert page.evaluate("matchMedia('(scripting: none)').matches")
        for selector in JS_ONLY:
            if path == OVERVIEW and selector in (".shb-print-tools", ".shb-list-actions", "#shb-page-progress"):
                continue
            items = page.locator(selector)
            assert items.count() >= 1, f"{path}: {selector} is not in the page"
            assert not any(items.nth(i).is_visible() for i in range(items.count())), f"{path}: {selector} shows"
        hidden = page.locator(".shb-js-only")
        assert hidden.count() >= 1
        assert not any(hidden.nth(i).is_visible() for i in range(hidden.count()))
        text = page.inner_text(".md-content")
        assert [t for t in JS_ONLY_TEXT if t in text] == [], path
        hint = "behöver JavaScript" if path == OVERVIEW else "Utan JavaScript sparas inte"
        assert hint in text  # the <noscript> hints stay

    page.goto(base_url + WORKSHEET)
    questions = page.locator("ul.shb-questions > li.shb-q")
    assert questions.count() == 16
    assert all(questions.nth(i).is_visible() for i in range(questions.count()))
    assert page.inner_text('[data-shb-progress="rundabordssamtal"]') == "16 frågor"


def test_one_panel_per_page_in_the_first_toolbar(site_dir, site_pages):
    """Every built page: one panel, dialog and pair of print buttons where the
    page has questions (the panel also on the notes overview and the compare
    page), none elsewhere."""
    with_panel = []
    for path in site_pages:
        html = page_html(site_dir, path)
        toolbars = html.count('class="shb-toolbar"')
        overview = "data-shb-overview" in html or "data-shb-compare" in html
        template = "data-shb-doc=" in html  # a template's page keeps its values in the workspace too
        template = template or 'data-shb-reg="' in html  # so does a register's page
        template = template or 'data-shb-fu="review"' in html  # and the yearly review
        one = 1 if toolbars or overview or template else 0
        assert html.count('id="shb-ws"') == one, path
        assert html.count('id="shb-dialog"') == one, path
        assert html.count('class="shb-print-tools ') == (1 if toolbars else 0), path
        assert html.count('id="shb-page-progress"') == (1 if toolbars else 0), path
        assert html.count('data-shb-act="clear-list"') == toolbars, path
        # print.js copies notes into copies of this template before printing.
        assert html.count('id="shb-print-note"') == (1 if toolbars else 0), path
        assert toolbars or "shb-q__note-field" not in html, path
        if one:
            with_panel.append(path)
    assert OVERVIEW in with_panel and WORKSHEET in with_panel and BANK in with_panel
    # Every page that saves something (timeline marks, the planner, the ladder)
    # has the panel, which holds the texts of the alert shown when saving fails.
    for path in site_pages:
        html = page_html(site_dir, path)
        if SAVES.search(html):
            assert path in with_panel, path


def test_a_page_with_many_lists_has_one_panel(page, base_url):
    page.goto(base_url + BANK)
    mounted(page)
    toolbars = page.locator(".shb-toolbar")
    assert toolbars.count() > 5
    assert page.locator("#shb-ws").count() == 1
    assert toolbars.first.locator("#shb-ws").count() == 1
    assert page.locator(".shb-print-tools").count() == 1
    assert page.locator("#shb-dialog").count() == 1
    assert page.locator("[data-shb-act=clear-list]").count() == toolbars.count()
    assert page.locator("#shb-page-progress").is_visible()
    assert page.inner_text("#shb-page-progress").startswith("Hela sidan: 0 av ")


@pytest.mark.parametrize("path", [WORKSHEET, NO_TIMELINE])
def test_nothing_moves_when_the_scripts_start(page, base_url, path):
    """With JavaScript: the page does not shift once loaded. A tall window
    keeps the toolbar and the questions after it in view. The worksheet also
    has a step map, whose hint and "Vi är här" buttons are in the page from
    the start (macros/timeline/templates/timeline.html.j2)."""
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto(base_url + path, wait_until="load")
    mounted(page)
    if page.locator("[data-shb-timeline]").count():
        page.wait_for_selector("[data-shb-timeline][data-shb-ready]")  # timeline.js ran too
    assert page.locator(".shb-print-tools").is_visible()
    assert page.locator("#shb-ws").is_visible()
    page.wait_for_timeout(300)
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
