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


# A phone's first sight: no word of the page's title is broken over two lines
# (the start page's "Samverkanshandboken" was). Each word's text, as laid out;
# a compound longer than the line may break at its soft hyphen, with a hyphen.
BROKEN_TITLE_WORDS = """() => {
    const h = document.querySelector('article h1'), out = [];
    if (!h) return out;
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.headerlink')) continue;
        // A word may break where its author allowed it (a soft hyphen).
        for (const m of node.data.matchAll(/[^\\s\\u00ad]+/g)) {
            // The line of a character: its box's top (the last box: a range
            // just after a soft hyphen also holds the hyphen drawn before it).
            const top = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                const boxes = [...r.getClientRects()]; return Math.round(boxes[boxes.length - 1].top); };
            if (top(m.index) !== top(m.index + m[0].length - 1)) out.push('the title breaks inside ' + m[0]);
        }
    }
    return out;
}"""


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


# ---- WCAG 1.4.11: the boundary of every form control -----------------------
#
# axe does not test non-text contrast, so each form control in the content (and
# the panel's dialog) is measured here: text fields, selects and text areas
# from their computed colours (the border over the field's own background,
# or that background itself, against what lies behind the field); ticks and
# choices (checkboxes, radio buttons), which the browser paints itself, from
# the pixels of a screenshot. The panel (a closed <details>) is opened first.
CONTROL_BOUNDARIES = """() => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  if (document.activeElement) document.activeElement.blur();
  const rgba = (c) => { const m = c.match(/[\\d.]+/g) || [0, 0, 0, 0];
    return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
  const over = (top, under) => { const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat([1]); };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  // What lies behind an element: the backgrounds of its ancestors, composited.
  function behind(el) {
    const layers = [];
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  }
  const out = [];
  document.querySelectorAll(':is(.md-content, .shb-dialog) :is(input, select, textarea)').forEach((el) => {
    const type = (el.type || '').toLowerCase();
    if (['hidden', 'file', 'submit', 'button', 'reset', 'image'].includes(type)) return;
    const r = el.getBoundingClientRect(), css = getComputedStyle(el);
    if (!r.width || !r.height || css.visibility === 'hidden') return;
    const name = el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.name ? '[name=' + el.name + ']' : '') +
      (el.dataset.shbCmpDiscuss ? '[' + el.dataset.shbCmpDiscuss + ']' : '');
    const back = behind(el);
    if (type === 'checkbox' || type === 'radio') {
      out.push({ name, kind: 'tick', type, appearance: css.appearance, scheme: css.colorScheme,
        accent: css.accentColor, size: [Math.round(r.width), Math.round(r.height)],
        box: { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }, back });
      return;
    }
    const fill = over(rgba(css.backgroundColor), back);
    const width = parseFloat(css.borderTopWidth) || 0, style = css.borderTopStyle;
    const border = width >= 1 && style !== 'none' && style !== 'hidden' ? ratio(over(rgba(css.borderTopColor), fill), back) : 1;
    out.push({ name, kind: 'field', ratio: Math.max(border, ratio(fill, back)) });
  });
  return out;
}"""


def png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Width, height and RGB rows of an 8-bit RGB or RGBA PNG (a screenshot)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), (depth, color)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def contrast(a, b) -> float:
    def lum(c):
        f = [v / 255 for v in c[:3]]
        f = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in f]
        return 0.2126 * f[0] + 0.7152 * f[1] + 0.0722 * f[2]
    x, y = sorted((lum(a), lum(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


def painted_boundary(page, box: dict, margin: int = 3, round_edge: bool = False) -> float:
    """The contrast of a painted control's edge against what surrounds it, from
    the pixels: the most common colour in a ring just outside the box; for
    each point of the box's edge the line's colour there, and the median
    over the edge (a corner's smoothing does not count). A 1 px line at a
    fractional position is smoothed over two pixels, each half as dark; the
    browser blends in sRGB, so the line is the outside colour plus the two
    pixels' differences from it (the best of the single pixels and the
    pairs across the edge: one just outside, two inside)."""
    from collections import Counter

    # In the middle of the window (a screenshot of the whole page is slow).
    top = page.evaluate("y => { scrollTo(0, Math.max(0, y - innerHeight / 2)); return scrollY; }", box["y"])
    x, y = int(box["x"]) - margin, int(box["y"] - top) - margin
    w, h = int(box["width"] + 0.999) + 2 * margin, int(box["height"] + 0.999) + 2 * margin
    _, _, px = png_pixels(page.screenshot(clip={"x": x, "y": y, "width": w, "height": h},
                                          animations="disabled", caret="hide"))
    h, w = len(px), len(px[0])
    ring = [px[j][i] for j in range(h) for i in range(w)
            if min(i, j, w - 1 - i, h - 1 - j) < margin - 1]
    out = Counter(ring).most_common(1)[0][0]

    def line(pixels):
        return tuple(min(255, max(0, o + sum(p[k] - o for p in pixels))) for k, o in enumerate(out))

    def best(across):  # the pixel just outside the edge, then two inside
        candidates = [[p] for p in across] + [across[0:2], across[1:3]]
        return max(contrast(line(c), out) for c in candidates)

    m, edge = margin, []
    inner_w, inner_h = w - 2 * m, h - 2 * m
    if round_edge:  # a radio button: its edge is the circle inside the box
        import math

        cx, cy = box["x"] - x + box["width"] / 2, box["y"] - top - y + box["height"] / 2
        r = min(box["width"], box["height"]) / 2
        for k in range(72):
            dx, dy = math.cos(k * math.pi / 36), math.sin(k * math.pi / 36)
            at = [px[int(cy + dy * d)][int(cx + dx * d)] for d in (r + 0.5, r - 0.5, r - 1.5)]
            edge.append(best(at))
        edge.sort()
        return edge[len(edge) // 2]
    for i in range(inner_w):
        edge.append(best([px[m - 1][m + i], px[m][m + i], px[m + 1][m + i]]))
        edge.append(best([px[m + inner_h][m + i], px[m + inner_h - 1][m + i], px[m + inner_h - 2][m + i]]))
    for j in range(inner_h):
        edge.append(best([px[m + j][m - 1], px[m + j][m], px[m + j][m + 1]]))
        edge.append(best([px[m + j][m + inner_w], px[m + j][m + inner_w - 1], px[m + j][m + inner_w - 2]]))
    edge.sort()
    return edge[len(edge) // 2]


def boundary_problems(page, path: str, scheme: str, measured: dict | None = None) -> list[str]:
    """Every form control whose boundary is under 3:1 on the page (WCAG 1.4.11).
    Text fields by their computed colours; ticks and choices by pixels: one
    of each way they are painted (kind, size, colour scheme and accent, and
    what lies behind them), which stands for the others painted so, on this
    page and, with ``measured`` (kept by the caller), on the pages after it."""
    found = page.evaluate(CONTROL_BOUNDARIES)
    problems = [f"{path} ({scheme}): {c['name']} has a boundary of {c['ratio']:.2f}:1"
                for c in found if c["kind"] == "field" and c["ratio"] < 3]
    measured = {} if measured is None else measured
    for c in found:
        if c["kind"] != "tick":
            continue
        key = (c["type"], c["appearance"], c["scheme"], c["accent"], tuple(c["size"]),
               tuple(round(v) for v in c["back"]))
        if key in measured:
            continue
        ratio = measured[key] = painted_boundary(page, c["box"], round_edge=c["type"] == "radio")
        if ratio < 3:
            problems.append(f"{path} ({scheme}): {c['name']} is painted with a boundary of {ratio:.2f}:1")
    return problems
