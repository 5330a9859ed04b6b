"""Shared fixtures: one strict build per test session, a local server, Chromium;
and the test tiers.

Every site a test needs is built once per session here (a fixture imported
into a test module would run once per module instead).

Tiers (markers, registered in pyproject.toml, set here from the fixtures a
test uses; `make test-fast` runs `pytest -m unit`):

- ``build``: needs a full site build (site_dir and the fixtures on it);
- ``browser``: needs Chromium;
- ``outputs``: needs the PDFs or blank Word files (site_outputs);
- ``unit``: needs neither a build nor Chromium: every other test.

A test that builds some other way (build_site, or mkdocs in a subprocess)
says so with an explicit ``pytest.mark.build``; a test marked ``unit`` that
builds anyway fails (see guard_the_unit_tier below).
"""
from __future__ import annotations

import os
import shutil
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

TIERS = ("unit", "build", "browser", "outputs")
BUILD_FIXTURES = frozenset({"site_dir", "site_outputs", "outputs_base_url", "base_url", "site_pages",
                            "csp_base_url", "instant_base_url", "offline_zip", "unpacked",
                            "minimal_brand_site"})
# offline_zip is the zip in site_outputs, made from its PDFs and Word files
# (printed and written in Chromium).
BROWSER_FIXTURES = frozenset({"browser", "page", "context", "playwright_instance", "file_page",
                              "offline_zip"})
OUTPUT_FIXTURES = frozenset({"site_outputs", "offline_zip"})


def pytest_collection_modifyitems(config, items):
    """Give every test its tiers from the fixtures it uses (item.fixturenames
    is the whole closure: a module fixture that needs ``browser`` counts)."""
    for item in items:
        names = set(item.fixturenames)
        for marker, fixtures in (("build", BUILD_FIXTURES), ("browser", BROWSER_FIXTURES),
                                 ("outputs", OUTPUT_FIXTURES)):
            if names & fixtures and not item.get_closest_marker(marker):
                item.add_marker(marker)
        if item.get_closest_marker("outputs") and not item.get_closest_marker("build"):
            item.add_marker("build")
        if not (item.get_closest_marker("build") or item.get_closest_marker("browser")):
            item.add_marker("unit")
    untiered = [item.nodeid for item in items if not any(item.get_closest_marker(t) for t in TIERS)]
    if untiered:
        raise pytest.UsageError(f"tests without a tier marker ({', '.join(TIERS)}): {untiered}")
    both = [item.nodeid for item in items if item.get_closest_marker("unit")
            and (item.get_closest_marker("build") or item.get_closest_marker("browser"))]
    if both:
        raise pytest.UsageError(f"tests marked unit that need a build or Chromium: {both}")


def _refuse(what: str):
    def refuse(*args, **kwargs):
        # pytest.fail: not an Exception, so no `except Exception` swallows it.
        pytest.fail(f"this test is in the unit tier but {what}: mark it "
                    "pytest.mark.build (or use a build fixture)", pytrace=False)
    return refuse


@pytest.fixture(autouse=True)
def guard_the_unit_tier(request, monkeypatch):
    """A test in the unit tier may neither build the site in-process nor run
    mkdocs or a build script in a subprocess, so `make test-fast` stays fast."""
    if not request.node.get_closest_marker("unit"):
        return
    import scripts.build.sitebuild

    monkeypatch.setattr(scripts.build.sitebuild, "build", _refuse("builds the site"))
    run = subprocess.run

    def guarded_run(args, *rest, **kwargs):
        words = [str(a) for a in args] if isinstance(args, (list, tuple)) else str(args).split()
        if any(w == "mkdocs" or w.startswith("scripts.build") for w in words):
            _refuse(f"runs {' '.join(words)}")()
        return run(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "run", guarded_run)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The handbook built once, as `make build` does but without its last two
    steps (the PDFs and the blank Word files: see site_outputs), into a
    temporary folder: strictly, minified, with the security policy.
    With SHB_SITE_DIR set, the site that `make build` wrote there."""
    if os.environ.get(SITE_DIR_VARIABLE):
        site = Path(os.environ[SITE_DIR_VARIABLE]).resolve()
        missing = [p for p in ("index.html", "404.html", "_headers") if not (site / p).exists()]
        assert not missing, f"{SITE_DIR_VARIABLE}={site} is not a site from `make build`: no {missing}"
        return site
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_outputs(site_dir, tmp_path_factory, browser) -> Path:
    """The whole site of `make build`: site_dir with the PDFs (pdf/, linked
    from pages) and the blank Word templates (mallar/filer/), printed and
    written in Chromium, and the offline zip made by `make build`'s last
    step from them ("Läs utan internet" on Om handboken links to it; the
    offline_zip fixture). Only the tests that
    read those files, or follow the links to them, use it: they are the slow
    steps of the build.

    Its own folder, a copy of site_dir: so site_dir stays the same whatever
    ran before, and a test that needs a PDF but asks for site_dir fails every
    time, not only when it happens to run after one that asked for this.
    With SHB_SITE_DIR set, that folder, which has them already."""
    from macros.brand.register import OFFLINE_ZIP
    from scripts.build.blank_documents import FOLDER as BLANKS, write_site_blanks
    from scripts.build.pdf import write_site_pdfs

    if os.environ.get(SITE_DIR_VARIABLE):
        missing = [p for p in ("pdf", BLANKS, OFFLINE_ZIP) if not (site_dir / p).exists()]
        assert not missing, (f"{SITE_DIR_VARIABLE}={site_dir} has no {missing}: "
                             "build it with `make build`, which writes them")
        return site_dir
    site = tmp_path_factory.mktemp("site-outputs") / "site"
    shutil.copytree(site_dir, site)
    write_site_pdfs(browser, site)
    write_site_blanks(browser, site)
    make_offline_zip(site, tmp_path_factory.mktemp("offline"))
    assert (site / OFFLINE_ZIP).is_file()
    return site


@pytest.fixture(scope="session")
def minimal_brand_site(tmp_path_factory) -> Path:
    """The handbook built with the minimal brand.yml of tests/fixtures
    (every optional value empty), as build_site builds: what a fork that
    fills in only the required keys ships."""
    from tests.built_pages import MINIMAL_BRAND
    from tests.helpers import copy_project

    root = tmp_path_factory.mktemp("minimal-brand")
    project = copy_project(root / "project")
    shutil.copy2(MINIMAL_BRAND / "brand.yml", project / "brand.yml")
    return build_site(root / "site", config_file=project / "mkdocs.yml")


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


def make_offline_zip(site: Path, work: Path) -> None:
    """`make build`'s last step: the site built for reading from disk, with
    the PDFs and Word files of ``site``, zipped into ``site``. In its own
    process, as make runs it (the offline build switches on by an
    environment variable)."""
    from scripts.build.offline import FOLDER

    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if os.environ.get("SHB_CHROMIUM"):
        env["SHB_CHROMIUM"] = os.environ["SHB_CHROMIUM"]
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build.offline", "--site-dir", str(work / "build" / FOLDER),
         "--zip", str(work / "handbok.zip"), "--from-site", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def offline_zip(site_outputs) -> Path:
    """The offline zip that `make build` puts into the site (and the Pages
    workflow publishes). `make offline` makes the same zip on its own,
    printing the PDFs itself instead of copying them."""
    from macros.brand.register import OFFLINE_ZIP

    return site_outputs / OFFLINE_ZIP


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
def outputs_base_url(site_outputs) -> str:
    """site_outputs served: for the tests that follow links to the PDFs or Word files."""
    with serve(site_outputs) as url:
        yield url


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


class NoServiceWorkers:
    """The browser, whose new contexts and pages block service workers unless
    a test asks for them (``service_workers="allow"``): the site registers
    its worker (sw.js) on every page, which would then fetch the whole site
    in the background of each of the hundreds of pages the tests open. Only
    tests/site/test_service_worker.py allows it."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        return self._browser.new_context(**{"service_workers": "block", **options})

    def new_page(self, **options):
        return self._browser.new_page(**{"service_workers": "block", **options})


@pytest.fixture(scope="session")
def browser(playwright_instance):
    from scripts.build.browser import launch

    browser = launch(playwright_instance)
    yield NoServiceWorkers(browser)
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


@pytest.fixture(scope="session")
def catalog(project_root):
    """The project's data as the macros load it (data/ and docs/)."""
    from macros.data.catalog import load

    return load(project_root / "data", project_root / "docs")
