"""Checks run inside Chromium pages: axe-core and request/console watching."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0, 2.1 and 2.2 A and AA (the law points to EN 301 549, which follows
# WCAG; 2.2 adds target size), and axe's best practices (Lighthouse checks some
# of them).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Records the page's policy violations in window.__cspViolations (add as an init script).
VIOLATION_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def inject_axe(page) -> None:
    """axe-core into the page, once per document."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)


def axe_violations(page, include: str | None = None) -> list[str]:
    """Run axe-core on the page, or only on the elements matching the CSS
    selector ``include``; return one readable line per failing node."""
    inject_axe(page)
    result = page.evaluate(
        """async ([tags, include]) => {
            const r = await axe.run(include ? {include: [[include]]} : document,
                                    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
        }""",
        [AXE_TAGS, include],
    )
    return [f"{v['id']} ({v['help']}): {node}" for v in result for node in v["nodes"]]


def axe_results(page) -> dict:
    """Run axe-core on the page; return its violations and its "needs review"
    results (incomplete), each as {id, help, nodes: [{target, summary, data}]}."""
    inject_axe(page)
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']});
            const pick = (list) => list.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                          data: (n.any[0] || n.all[0] || n.none[0] || {}).data || {}}))}));
            return {violations: pick(r.violations), incomplete: pick(r.incomplete)};
        }""",
        AXE_TAGS,
    )


# WCAG 1.4.12: the spacing a reader's own style sheet may set.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

# What reflow needs of a page, measured in it:
# - the page is no wider than the window (no sideways scrolling);
# - every control in the page's content is within the window, or inside a box
#   that scrolls sideways on its own (Material's wide data tables, which WCAG
#   allows to scroll) and that box is within the window;
# - no text is cut off by a box that hides what overflows.
REFLOW_PROBLEMS = """() => {
    const W = document.documentElement.clientWidth, problems = [];
    if (document.documentElement.scrollWidth > W)
        problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${W}px window`);
    const scroller = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            if (/auto|scroll/.test(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth) return p;
        }
        return null;
    };
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
    const controls = document.querySelectorAll(
        '.md-content :is(a[href], button, input, select, textarea, summary, [tabindex="0"])');
    for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || el.closest('[hidden], .shb-sr-only')) continue;
        const box = scroller(el), limit = box ? box.getBoundingClientRect() : {left: 0, right: W};
        if (box && (limit.left < -1 || limit.right > W + 1)) problems.push(`${name(box)} reaches outside the window`);
        else if (!box && (r.left < -1 || r.right > W + 1))
            problems.push(`${name(el)} "${el.textContent.trim().slice(0, 30)}" reaches outside the window (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    for (const el of document.querySelectorAll('.md-content *')) {
        const css = getComputedStyle(el);
        if (!/hidden|clip/.test(css.overflowX + css.overflowY) || el.clientWidth <= 2) continue;
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
            problems.push(`${name(el)} cuts off its content`);
    }
    return problems;
}"""

# At 320 px Material's layout is the phone layout: check targets and scrolling boxes there too.
NARROW_RULES = ["target-size", "scrollable-region-focusable"]


def narrow_axe(page) -> list[str]:
    """axe's rules that matter at phone width, on the page as it is."""
    inject_axe(page)
    return page.evaluate(
        """async (rules) => (await axe.run(document, {runOnly: {type: 'rule', values: rules}}))
            .violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))""",
        NARROW_RULES)


@dataclass
class PageWatch:
    """Records console errors, page errors and requests to other hosts."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def attach(self, page) -> "PageWatch":
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda err: self.console_errors.append(str(err)))
        page.on("request", self._request)
        return self

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign_requests.append(request.url)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def wait_for_path(page, path: str) -> None:
    """Wait until the page shows ``path`` (a site-relative path ending in '/').

    Material's ``navigation.tracking`` may add a heading's anchor to the
    address right after an instant navigation, so the fragment is ignored.
    """
    page.wait_for_function("p => location.pathname.endsWith('/' + p)", arg=path)
