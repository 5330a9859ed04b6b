"""LIX readability of the handbook's chapters (Björnsson's läsbarhetsindex).

LIX = words per sentence + percentage of long words (more than six letters).
Below 30 is very easy, 30-40 easy (plain language), 40-50 average, above 50
hard. The handbook aims for 40 or below on every chapter.

    .venv/bin/python -m scripts.lix [docs/kapitel.md ...]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def lix(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text)))
    long_words = sum(1 for w in words if len(w.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def page_lix(path: Path) -> float:
    return lix(prose(path.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "docs").rglob("*.md"))
    worst = 0.0
    for path in paths:
        score = page_lix(path)
        worst = max(worst, score)
        flag = "  <- above 40" if score > 40 else ""
        print(f"{score:5.1f}  {path}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
