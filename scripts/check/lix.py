"""LIX readability of the handbook's pages (Björnsson's läsbarhetsindex).

LIX = words per sentence + percentage of long words (more than six letters).
Below 30 is very easy, 30-40 easy (plain language), 40-50 average, above 50
hard. The handbook aims for 40 or below on every page.

A page is scored as the reader sees it: the main content of the built HTML
page, with the text that the macros render from data/ and brand.yml. Code,
scripts (the JSON of the question index), navigation, permalinks and text that
is hidden on screen (print-only header and footer, screen-reader-only text,
elements with the hidden attribute) are left out. A Markdown file can still be
scored on its own, but then text from macros is missing.

    .venv/bin/python -m scripts.check.lix                 # build the site, score every page
    .venv/bin/python -m scripts.check.lix site/           # a site built before (mkdocs build)
    .venv/bin/python -m scripts.check.lix docs/ [file.md] # Markdown files, without macro text

A folder that holds index.html is read as a built site, any other folder as
Markdown (every .md below it).
"""
from __future__ import annotations

import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def prose(markdown: str) -> str:
    """The readable text of a Markdown page: no front matter, macros, code or markup."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\*\[.*$", "", text, flags=re.M)
    # Headings, list items and table rows end a "sentence" even without a full stop.
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            lines.append("")
            continue
        if re.match(r"^(#+|[-*+]|\d+\.|\|)\s*", line):
            line = re.sub(r"^(#+|[-*+]|\d+\.)\s*", "", line).strip("| ")
            if line and not SENTENCE_END.search(line[-1:] + " "):
                line += "."
        lines.append(line)
    return "\n".join(lines)


# Elements that stand on a line of their own: like a heading or a list item in
# Markdown, each ends a "sentence" even without a full stop.
BLOCKS = frozenset("""
    address article aside blockquote button caption dd details div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header label legend li main
    noscript ol p section summary table tbody td tfoot th thead tr ul
""".split())
# Spans that the stylesheets show as lines of their own (timeline milestones).
BLOCK_CLASSES = frozenset({"shb-tl__mtitle", "shb-tl__mtext", "shb-tl__mdate"})
# Elements whose text is not prose: code, scripts and their JSON, styles,
# navigation, form controls' own content, pictures.
SKIPPED = frozenset("""
    code kbd math nav pre samp script select style svg template textarea
""".split())
# Classes of elements that are not shown on screen or are not part of the text:
# permalinks (¶), the print-only page header and footer, screen-reader-only text.
SKIPPED_CLASSES = frozenset({"headerlink", "shb-print-only", "shb-sr-only"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _MainText(HTMLParser):
    """The visible text of the page's main content (Material's <article>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, starts a skipped part, is a block)
        self.depth_in_main = 0  # open elements inside the article, 0 = outside
        self.skipping = 0
        self.lines: list[str] = []
        self.current: list[str] = []

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        self.current = []
        if not line:
            return
        if not SENTENCE_END.search(line[-1:] + " "):
            line += "."
        self.lines.append(line)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if not self.depth_in_main:
            if tag == "article" and "md-content__inner" in classes:
                self.depth_in_main = 1
            return
        if tag in VOID:
            if tag == "br":
                self.current.append(" ")
            return
        skip = (tag in SKIPPED or bool(classes & SKIPPED_CLASSES) or "hidden" in attributes
                or attributes.get("aria-hidden") == "true")
        block = tag in BLOCKS or bool(classes & BLOCK_CLASSES)
        self.stack.append((tag, skip, block))
        self.depth_in_main += 1
        if skip:
            self.skipping += 1
        if block and not self.skipping:
            self._break()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.depth_in_main > 1:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.depth_in_main or tag in VOID:
            return
        if not self.stack:
            if tag == "article":
                self._break()
                self.depth_in_main = 0
            return
        if not any(t == tag for t, _, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, skip, block = self.stack.pop()
            self.depth_in_main -= 1
            if skip:
                self.skipping -= 1
            elif block and not self.skipping:
                self._break()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.depth_in_main and not self.skipping:
            self.current.append(data)


def html_prose(html: str) -> str:
    """The readable text of a built page: the main content as shown on screen,
    one block (paragraph, heading, list item, label...) a line, each ending a sentence."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    parser._break()
    return "\n".join(parser.lines)


def built_page(site_dir: Path, page: str) -> Path:
    """The built HTML file of a page given by its path under docs/ (directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / f"{stem}.html"
    return site_dir / stem / "index.html"


def built_page_lix(site_dir: Path, page: str) -> float:
    """LIX of a page as the reader sees it in the built site; page is its path under docs/."""
    return html_lix(built_page(site_dir, page))


def lix(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text)))
    long_words = sum(1 for w in words if len(w.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def page_lix(path: Path) -> float:
    """LIX of a Markdown file as written: text from macros is not there."""
    return lix(prose(path.read_text(encoding="utf-8")))


def html_lix(path: Path) -> float:
    return lix(html_prose(path.read_text(encoding="utf-8")))


def _scores(paths: list[Path]) -> list[tuple[float, Path]]:
    scores = []
    for path in paths:
        if path.is_dir() and (path / "index.html").is_file():
            scores += [(html_lix(p), p) for p in sorted(path.rglob("*.html"))]
        elif path.is_dir():
            scores += [(page_lix(p), p) for p in sorted(path.rglob("*.md"))]
        elif path.suffix == ".html":
            scores.append((html_lix(path), path))
        else:
            scores.append((page_lix(path), path))
    return scores


def main(argv: list[str]) -> int:
    if any(a.startswith("-") for a in argv):
        print(__doc__.strip())
        return 0 if set(argv) <= {"-h", "--help"} else 2
    if argv:
        scores = _scores([Path(a) for a in argv])
    else:
        from scripts.build.sitebuild import build_site

        with tempfile.TemporaryDirectory() as tmp:
            site = build_site(Path(tmp))
            scores = [(s, p.relative_to(site)) for s, p in _scores([site])]
    for score, path in scores:
        flag = "  <- above 40" if score > 40 else ""
        print(f"{score:5.1f}  {path}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
