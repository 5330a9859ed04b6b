"""Screenshot pages of a built site: a quick way to look at what you built.

    .venv/bin/python -m scripts.check.screenshot site verktyg/rundabordssamtal/ out.png [--dark] [--width 1280]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.build.browser import launch
from scripts.build.serve_static import serve


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("path")
    ap.add_argument("output", type=Path)
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--print", dest="print_media", action="store_true")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--full", action="store_true", help="the whole page, not one screen")
    args = ap.parse_args()
    with serve(args.site) as base, sync_playwright() as p:
        browser = launch(p)
        ctx = browser.new_context(service_workers="block", color_scheme="dark" if args.dark else "light",
                                  viewport={"width": args.width, "height": args.height})
        page = ctx.new_page()
        if args.print_media:
            page.emulate_media(media="print")
        page.goto(base + args.path, wait_until="networkidle")
        page.screenshot(path=str(args.output), full_page=args.full)
        browser.close()


if __name__ == "__main__":
    main()
