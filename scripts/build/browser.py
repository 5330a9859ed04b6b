"""Start Chromium for tests and scripts, through Playwright.

Playwright's own browser download is not always available (closed networks,
CI images), so this prefers, in order: the path in SHB_CHROMIUM, Playwright's
downloaded Chromium if present, then a system Chromium on PATH.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# Flags for a quiet, private, headless browser: no background traffic to
# other hosts (update checks, sync, safe-browsing lists).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
]

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserNotFound(RuntimeError):
    pass


def executable_path(playwright) -> str | None:
    """Path of the Chromium to start, or None to let Playwright use its own."""
    explicit = os.environ.get("SHB_CHROMIUM")
    if explicit:
        if not Path(explicit).is_file():
            raise BrowserNotFound(f"SHB_CHROMIUM points to {explicit}, which does not exist")
        return explicit
    try:
        bundled = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - Playwright raises when it has no download
        bundled = ""
    if bundled and Path(bundled).is_file():
        return None
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(
        "no Chromium found: install Debian's package 'chromium' (.ci/run does this), "
        "or set SHB_CHROMIUM to a Chromium executable")


def launch(playwright, **options):
    """Launch headless Chromium with the project's flags."""
    return playwright.chromium.launch(
        executable_path=executable_path(playwright),
        args=CHROMIUM_ARGS,
        headless=True,
        **options,
    )


def write_with_browser(step: str, write, errors=(Exception,)) -> int:
    """Run ``write(browser)`` in a fresh headless Chromium for a build step
    (``scripts.build.<step>``): print each path it returns, or the error that
    stopped it, and return the exit code."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                written = write(browser)
            finally:
                browser.close()
    except errors as error:
        print(f"{step}: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{step}: {path}")
    return 0
