"""The 404 page, served as a static host serves it: for any missing address,
however deep, with status 404, at the site's root and under a sub-path."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from scripts.build.serve_static import serve
from scripts.build.sitebuild import build_site

MISSING = "verktyg/finns-inte/alls/djupt/"
HOME_H1 = "Samverkanshandboken"


@pytest.fixture(scope="module")
def at_root(site_dir):
    with serve(site_dir, not_found=site_dir / "404.html") as url:
        yield url


@pytest.fixture(scope="module")
def under_sub_path(tmp_path_factory):
    """The site built for https://…/handbok/ and served under /handbok/."""
    root = tmp_path_factory.mktemp("host")
    site = build_site(root / "handbok", site_url="https://samverkanshandboken.example/handbok/")
    with serve(root, not_found=site / "404.html") as url:
        yield url + "handbok/"


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


# The fixtures are asked for by name inside the test, so the tiers cannot see them.
@pytest.mark.build
@pytest.mark.parametrize("where", ["at_root", "under_sub_path"])
def test_a_missing_nested_address_gets_the_styled_404_page_that_leads_home(request, page, where):
    base = request.getfixturevalue(where)
    assert status_of(base) == 200 and status_of(base + MISSING) == 404
    failed = []
    page.on("response", lambda r: r.status >= 400 and r.url != base + MISSING and failed.append(r.url))

    response = page.goto(base + MISSING)
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Sidan finns inte")
    # Styled: the theme's and the handbook's styles, the logo and the scripts all loaded.
    assert failed == []
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert header == "sticky"
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href && new URL(s.href).pathname)")
    assert any(s and s.endswith("/assets/stylesheets/handbook.css") for s in sheets), sheets
    assert all(s is None or s.startswith(urlsplit(base).path) for s in sheets), sheets

    page.get_by_role("link", name="startsidan", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url.rstrip(".") == base
    expect(page.locator("h1").first).to_contain_text(HOME_H1)
    assert failed == []


def test_under_a_sub_path_the_page_needs_a_matching_site_url(site_dir, tmp_path, page):
    """The check above can fail: built for the root but served under /handbok/,
    the 404 page's absolute links miss the styles and the way home. (site_dir
    is built for the root: mkdocs.yml's site_url, as brand.yml sets none.)"""
    (tmp_path / "handbok").symlink_to(site_dir, target_is_directory=True)
    with serve(tmp_path, not_found=site_dir / "404.html") as url:
        failed = []
        page.on("response", lambda r: r.status >= 400 and "finns-inte" not in r.url and failed.append(r.url))
        page.goto(url + "handbok/" + MISSING)
        assert any(u.endswith("/assets/stylesheets/handbook.css") for u in failed), failed
        assert page.get_by_role("link", name="startsidan", exact=True).get_attribute("href") == "/."
