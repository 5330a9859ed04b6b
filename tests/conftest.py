"""Shared fixtures: one strict build per test session, a local server, Chromium.

Every site a test needs is built once per session here (a fixture imported
into a test module would run once per module instead).
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts.build.serve_static import serve
from scripts.build.sitebuild import ROOT, build_site

# Set to a folder that `make build` wrote (the Pages workflow: site/) to test
# that very folder instead of building one.
SITE_DIR_VARIABLE = "SHB_SITE_DIR"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, browser) -> Path:
    """The handbook built once, as `make build` does, into a temporary folder:
    strictly, with the security policy, then the PDFs (pdf/, linked from pages)
    and the blank Word templates (mallar/filer/).
    With SHB_SITE_DIR set, the site that `make build` wrote there."""
    from scripts.build.blank_documents import write_site_blanks
    from scripts.build.pdf import write_site_pdfs

    if os.environ.get(SITE_DIR_VARIABLE):
        site = Path(os.environ[SITE_DIR_VARIABLE]).resolve()
        missing = [p for p in ("index.html", "404.html", "_headers", "pdf") if not (site / p).exists()]
        assert not missing, f"{SITE_DIR_VARIABLE}={site} is not a site from `make build`: no {missing}"
        return site
    site = build_site(tmp_path_factory.mktemp("site"))
    write_site_pdfs(browser, site)
    write_site_blanks(browser, site)
    return site


@pytest.fixture(scope="session")
def instant_base_url(tmp_path_factory) -> str:
    """A build whose site_url is the local server's URL.

    Material's instant navigation only takes over links found in sitemap.xml,
    and it matches them on scheme, host and port; the port comes from
    site_url. So this build is served first and built into afterwards, by the
    steps of `make build` (minify, policy; no PDFs: no test here opens one).
    """
    folder = tmp_path_factory.mktemp("instant-site")
    with serve(folder) as url:
        build_site(folder, site_url=url)
        yield url


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The zip, made by the same command `make offline` runs."""
    from scripts.build.offline import FOLDER

    work = tmp_path_factory.mktemp("offline")
    archive = work / "handbok.zip"
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if os.environ.get("SHB_CHROMIUM"):
        env["SHB_CHROMIUM"] = os.environ["SHB_CHROMIUM"]
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build.offline",
         "--site-dir", str(work / "build" / FOLDER), "--zip", str(archive)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    assert archive.is_file()
    return archive


@pytest.fixture(scope="session")
def unpacked(offline_zip, tmp_path_factory) -> Path:
    from scripts.build.offline import FOLDER

    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """Every HTML page of the built site, as URL paths relative to its root."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@pytest.fixture(scope="session")
def csp_base_url(site_dir):
    """The built site served with its Content-Security-Policy as a header too."""
    from scripts.build.csp import header_policy

    with serve(site_dir, {"Content-Security-Policy": header_policy(site_dir)}) as url:
        yield url


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


@pytest.fixture
def file_page(context):
    """A page that records every request that does not go to a file on disk."""
    page = context.new_page()
    page.foreign = []
    page.errors = []
    page.on("request", lambda r: r.url.startswith(("file:", "data:", "blob:", "about:"))
            or page.foreign.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    yield page
    page.close()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
