"""Write the handbook's pages as Markdown after the macros have run.

    .venv/bin/python -m scripts.check.expanded_docs OUT_DIR

OUT_DIR gets a copy of docs/ in which every page holds the Markdown that
MkDocs converts: front matter kept, every macro call replaced by what it
renders (worksheets, question lists, timelines, brand boxes). scripts/check/bench.py
builds it with stock Material, so that both builds work on the same content
and the comparison shows what the handbook's own machinery costs.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]


def write_expanded(out: Path) -> None:
    shutil.copytree(ROOT / "docs", out, dirs_exist_ok=True)
    render = Page.render

    def capture(page: Page, config, files) -> None:
        # page.markdown is the text after every plugin's on_page_markdown.
        front = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False) if page.meta else ""
        text = (f"---\n{front}---\n\n" if front else "") + page.markdown
        (out / page.file.src_uri).write_text(text, encoding="utf-8")
        return render(page, config, files)

    Page.render = capture  # only inside this process
    try:
        with tempfile.TemporaryDirectory() as site:
            build.build(load_config(str(ROOT / "mkdocs.yml"), site_dir=site))
    finally:
        Page.render = render


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[2].strip())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    write_expanded(Path(sys.argv[1]))
