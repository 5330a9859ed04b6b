"""Shared fixtures: one strict build per test session, a local server, Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.build.serve_static import serve
from scripts.build.sitebuild import ROOT, build_site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, browser) -> Path:
    """The handbook built once, as `make build` does, into a temporary folder:
    strictly, with the security policy, then the PDFs (pdf/, linked from pages)
    and the blank Word templates (mallar/filer/)."""
    from scripts.build.blank_documents import write_site_blanks
    from scripts.build.pdf import write_site_pdfs

    site = build_site(tmp_path_factory.mktemp("site"))
    write_site_pdfs(browser, site)
    write_site_blanks(browser, site)
    return site


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """Every HTML page of the built site, as URL paths relative to its root."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    from scripts.build.browser import launch

    browser = launch(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile: empty storage, like a first visit."""
    ctx = browser.new_context(locale="sv-SE")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
