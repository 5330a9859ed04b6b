"""Printing in the browser: print media, the "Skriv ut" buttons, ticks and notes.

Pages are loaded from the built site and looked at with print media emulated,
so the assertions are about what lands on paper: computed styles, visibility
and the print-only elements that print.js fills in.
"""
from __future__ import annotations

import pytest

from macros.data.catalog import load
from scripts.build.sitebuild import ROOT

WORKSHEET = "verktyg/rundabordssamtal/"
PROCESS = load(ROOT / "data", ROOT / "docs").process("rundabordssamtal")
QUESTIONS = [q for step in PROCESS.steps for q in step.questions]
MEETING_QUESTIONS = [q for step in load(ROOT / "data", ROOT / "docs").process("motesplanering").steps
                     for q in step.questions]


def open_page(page, base_url, path=WORKSHEET):
    page.goto(base_url + path, wait_until="load")
    page.wait_for_function("() => typeof window.shb?.features?.print === 'object'")
    return page


def pseudo(page, selector: str, which: str, prop: str) -> str:
    return page.evaluate(
        "([sel, which, prop]) => getComputedStyle(document.querySelector(sel), which)"
        ".getPropertyValue(prop)", [selector, which, prop])


def displayed(page, selector: str) -> bool:
    """True when the element takes up space on the (emulated) medium."""
    return page.evaluate(
        "sel => { const el = document.querySelector(sel);"
        " return !!el && el.getClientRects().length > 0; }", selector)


def test_print_shows_content_without_chrome(page, base_url):
    open_page(page, base_url)
    nav_titles = page.eval_on_selector_all(
        ".md-sidebar--primary .md-nav__link", "els => els.map(e => e.textContent.trim())")
    assert len([t for t in nav_titles if t]) > 5  # the navigation is there on screen
    assert not displayed(page, ".shb-print-header")  # paper-only parts hide on screen

    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".md-search", ".md-top", ".shb-toolbar",
                   ".shb-print-tools", ".md-content .headerlink"):
        assert page.locator(chrome).count() >= 1, f"{chrome} is not on the page: the check would pass unseen"
        assert not displayed(page, chrome), f"{chrome} prints"
    visible_nav = page.eval_on_selector_all(
        ".md-nav__link", "els => els.filter(e => e.getClientRects().length > 0).length")
    assert visible_nav == 0
    assert page.eval_on_selector_all(
        ".md-content button, .md-content textarea",
        "els => els.filter(e => e.getClientRects().length > 0).length") == 0

    # The handbook's name and the page title at the top, before the heading.
    header = page.locator(".shb-print-header")
    assert header.is_visible()
    site_name = page.evaluate("document.title.split(' - ').pop()")
    assert site_name in header.inner_text()
    assert "Rundabordssamtal" in header.inner_text()
    order = page.evaluate("""() => {
        const h = document.querySelector('.shb-print-header');
        const h1 = document.querySelector('.md-content h1');
        return h.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING; }""")
    assert order == 4  # Node.DOCUMENT_POSITION_FOLLOWING

    # The print date at the bottom. The shipped site_url is a stand-in under
    # .example, so no address is printed (test_brand.py prints a real one).
    footer = page.locator(".shb-print-footer")
    assert footer.is_visible()
    assert "Sidans adress" not in footer.inner_text() and ".example" not in footer.inner_text()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    today = page.evaluate("""() => { const d = new Date(), p = n => String(n).padStart(2, '0');
        return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); }""")
    assert f"Utskriven {today}" in footer.inner_text()
    last = page.evaluate("""() => { const all = [...document.querySelectorAll('.md-content__inner > *')]
        .filter(e => e.getClientRects().length); return all[all.length - 1].className; }""")
    assert "shb-print-footer" in last


def test_all_steps_and_questions_print(page, base_url):
    open_page(page, base_url)
    page.emulate_media(media="print")
    text = page.inner_text(".md-content")
    for i, step in enumerate(PROCESS.steps, start=1):
        assert f"{i}. {step.title}" in text
    for q in QUESTIONS:
        assert page.locator(f"#shb-text-{q.id}").is_visible()
        assert pseudo(page, f"#shb-check-{q.id}", "", "appearance") == "none"
    assert len(PROCESS.steps) == 8


def test_paper_layout_rules(page, base_url):
    open_page(page, base_url)
    page.emulate_media(media="print")
    first = QUESTIONS[0].id
    # A question is never split; a step heading keeps to what follows it.
    assert pseudo(page, f"#q-{first}", "", "break-inside") == "avoid"
    assert pseudo(page, "h2.shb-step-title", "", "break-after") == "avoid"
    assert pseudo(page, ".shb-step > :first-child", "", "break-before") == "avoid"
    # A clearly visible box: a solid black border of 1.5pt (2px) or more.
    box = f"#shb-check-{first}"
    assert pseudo(page, box, "", "border-top-style") == "solid"
    assert float(pseudo(page, box, "", "border-top-width").removesuffix("px")) >= 2
    assert pseudo(page, box, "", "border-top-color") in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 1)")
    assert page.locator(box).bounding_box()["width"] >= 14


def test_tick_and_note_print_as_written(page, base_url):
    open_page(page, base_url)
    ticked, other = QUESTIONS[2].id, QUESTIONS[3].id
    note = "Hållbar mobilitet <b>och</b> & boende\nandra raden"
    page.check(f"#shb-check-{ticked}")
    page.fill(f"#shb-note-{ticked}", note)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as the browser does
    page.emulate_media(media="print")

    # The tick shows in the ticked box only.
    # The tick is the ::after's two borders, rotated: drawn, not text.
    assert pseudo(page, f"#shb-check-{ticked}", "::after", "content") == '""'
    assert pseudo(page, f"#shb-check-{ticked}", "::after", "border-right-style") == "solid"
    assert pseudo(page, f"#shb-check-{ticked}", "::after", "border-bottom-style") == "solid"
    assert pseudo(page, f"#shb-check-{ticked}", "::after", "transform") != "none"
    assert pseudo(page, f"#shb-check-{other}", "::after", "content") in ("none", "normal")
    # The note is copied as text (no markup made from it) and the field hides.
    printed = page.locator(f"#q-{ticked} .shb-print-note")
    assert printed.is_visible()
    assert page.locator(f"#q-{ticked} .shb-print-note__text").text_content() == note
    assert page.locator(f"#q-{ticked} .shb-print-note b").count() == 0
    assert not page.locator(f"#shb-note-{ticked}").is_visible()
    assert pseudo(page, f"#q-{ticked} .shb-q__note-field", "::before", "display") == "none"
    # Without a note: ruled lines under the label "Plats för anteckningar".
    field = f"#q-{other} .shb-q__note-field"
    assert pseudo(page, field, "::before", "content") == '"Plats för anteckningar"'
    assert pseudo(page, field, "::after", "border-bottom-style") == "solid"
    assert pseudo(page, field, "", "border-bottom-style") == "solid"
    assert not page.locator(f"#q-{other} .shb-print-note").is_visible()

    # Blank: no tick, no note, ruled lines everywhere.
    page.evaluate("window.shb.features.print.prepare('blank')")
    assert pseudo(page, f"#shb-check-{ticked}", "::after", "content") in ("none", "normal")
    assert not printed.is_visible()
    assert pseudo(page, f"#q-{ticked} .shb-q__note-field", "::before", "content") \
        == '"Plats för anteckningar"'
    assert pseudo(page, f"#q-{ticked} .shb-q__note-field", "::before", "display") == "block"
    # After printing, the page is as it was.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('shb-print-blank')")
    assert page.input_value(f"#shb-note-{ticked}") == note
    assert page.is_checked(f"#shb-check-{ticked}")


@pytest.mark.parametrize("label, blank", [("Skriv ut tomt", True),
                                          ("Skriv ut med mina anteckningar", False)])
def test_print_buttons_choose_the_mode(page, base_url, label, blank):
    open_page(page, base_url)
    tools = page.locator(".shb-toolbar").first.locator(".shb-print-tools")
    assert tools.count() == 1
    assert page.locator(".shb-print-tools").count() == 1  # only in the first toolbar
    # The toolbar keeps what the template and other scripts put there.
    assert page.locator(".shb-toolbar").first.locator(".shb-progress").count() >= 1
    note_id = QUESTIONS[0].id
    page.fill(f"#shb-note-{note_id}", "Min anteckning")
    page.evaluate("""() => { window.__printed = [];
        window.print = () => window.__printed.push({
            blank: document.documentElement.classList.contains('shb-print-blank'),
            note: document.querySelector('#q-%s .shb-print-note__text').textContent }); }"""
                  % note_id)
    button = tools.get_by_role("button", name=label, exact=True)
    button.focus()
    page.keyboard.press("Enter")
    printed = page.evaluate("window.__printed")
    assert printed == [{"blank": blank, "note": "Min anteckning"}]


def test_links_print_their_address(page, base_url):
    open_page(page, base_url, "verktyg/planera-motet/")
    page.evaluate("""() => {
        const p = document.createElement('p');
        const a = document.createElement('a');
        a.href = 'https://example.org/rapport'; a.id = 'shb-test-outside'; a.textContent = 'en rapport';
        p.appendChild(a); document.querySelector('.md-content__inner').appendChild(p); }""")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    # Without a real site address, links within the handbook print none: not
    # the stand-in under .example, and not this test server's.
    inside = page.eval_on_selector_all(
        ".md-content__inner a[href]",
        """els => els.filter(a => a.href.startsWith(location.origin) && !a.href.includes('#'))
                   .map(a => getComputedStyle(a, '::after').content)""")
    assert inside, "the page has no link inside the handbook"
    assert all(c in ("none", "normal", '""') for c in inside), inside
    assert pseudo(page, "#shb-test-outside", "::after", "content") \
        == '" (https://example.org/rapport)"'
    # Permalinks and anchors on the same page print no address.
    assert page.locator(".md-content .headerlink[data-shb-print-href]").count() == 0


def test_links_within_the_page_print_no_address(page, base_url):
    open_page(page, base_url)
    page.evaluate("""() => {
        const a = document.createElement('a');
        a.href = '#rundabordssamtal-teman'; a.id = 'shb-test-anchor'; a.textContent = 'Teman';
        document.querySelector('.md-content__inner').appendChild(a); }""")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    contents = page.evaluate("""() => [...document.querySelectorAll('.md-content a[href]')]
        .filter(a => a.href.split('#')[0] === location.href.split('#')[0] && a.href.includes('#'))
        .filter(a => a.getClientRects().length > 0)
        .map(a => getComputedStyle(a, '::after').content)""")
    assert len(contents) >= 1
    assert set(contents) <= {"none", "normal"}, contents


def test_a4_page_rule(page, base_url):
    open_page(page, base_url)
    rules = page.evaluate("""() => [...document.styleSheets].flatMap(s => {
        try { return [...s.cssRules]; } catch (e) { return []; } })
        .filter(r => r instanceof CSSPageRule).map(r => r.style.getPropertyValue('size'))""")
    assert "A4" in [r.strip() for r in rules] or "a4" in [r.strip().lower() for r in rules]


def test_print_tools_mount_again_when_material_swaps_the_page(page, base_url):
    """Instant navigation swaps the content and emits document$; the buttons
    must come back in the new page's first toolbar. (Material's own click
    handling needs the sitemap's host, so the swap is done here by hand.)"""
    open_page(page, base_url)
    page.evaluate("""async () => {
        const html = await (await fetch('../planera-motet/')).text();
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.querySelector('.md-content').replaceWith(
            document.adoptNode(next.querySelector('.md-content')));
        history.pushState({}, '', '../planera-motet/');
        window.document$.next(document);
    }""")
    page.wait_for_selector(".md-content .shb-toolbar .shb-print-tools")
    assert "Planera" in page.inner_text(".md-content h1")
    assert page.locator(".shb-print-tools").count() == 1
    assert page.locator(".shb-toolbar").first.locator(".shb-print-tools").count() == 1
    # print.js has marked the new page's links (document$) ...
    # (the shipped site_url is a placeholder, so links within the handbook
    # are marked to print no address; outside links print theirs)
    assert page.locator(".md-content__inner a.shb-print-no-href").count() >= 1
    marked = page.locator(".md-content__inner a[data-shb-print-href]")
    assert all(h.startswith("https://") for h in marked.evaluate_all("as => as.map(a => a.dataset.shbPrintHref)"))
    # ... and its buttons print this page, in the mode chosen, with its note.
    question = MEETING_QUESTIONS[0].id
    page.fill(f"#shb-note-{question}", "Lokalen bokad")
    page.evaluate("""(id) => { window.__printed = []; window.print = () => window.__printed.push({
        blank: document.documentElement.classList.contains('shb-print-blank'),
        note: document.querySelector('#q-' + id + ' .shb-print-note__text').textContent}); }""", question)
    for label in ("Skriv ut tomt", "Skriv ut med mina anteckningar"):
        page.get_by_role("button", name=label, exact=True).click()
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("window.__printed") == [{"blank": True, "note": "Lokalen bokad"},
                                                 {"blank": False, "note": "Lokalen bokad"}]
