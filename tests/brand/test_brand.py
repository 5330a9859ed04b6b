"""A fork's brand reaches every page: a build with the example brand in tests/fixtures."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pypdf
import pytest

from macros.brand.config import load_brand
from macros.brand.contrast import rgb
from macros.data.catalog import load
from scripts.build.pdf import BOOKLET_FILE, write_site_pdfs
from scripts.build.sitebuild import build_site
from scripts.build.serve_static import serve
from tests.browser_checks import axe_violations
from tests.helpers import FIXTURES, copy_project

# Every test here reads a site that a fixture of this module builds.
pytestmark = pytest.mark.build

EXAMPLE = FIXTURES / "brand-example"
BRAND = load_brand(EXAMPLE)
NAME = "Exempelkommunens samverkanshandbok"


@pytest.fixture(scope="module")
def brand_site(tmp_path_factory, browser) -> Path:
    """The project copied, with the example brand.yml and its images, built as
    `make build` builds (strict, minified, with the policy), and the PDF of one
    worksheet with the booklet."""
    project = copy_project(tmp_path_factory.mktemp("brand") / "project")
    shutil.copy2(EXAMPLE / "brand.yml", project / "brand.yml")
    shutil.copytree(EXAMPLE / "bilder", project / "bilder")
    site = build_site(project / "site", config_file=project / "mkdocs.yml")
    catalog = load(project / "data", project / "docs")
    write_site_pdfs(browser, site, catalog=type(catalog)(processes={"rundabordssamtal":
                                                                    catalog.process("rundabordssamtal")}))
    return site


@pytest.fixture(scope="module")
def brand_url(brand_site) -> str:
    with serve(brand_site) as url:
        yield url


def css_rgb(hex_color: str) -> str:
    return "rgb({}, {}, {})".format(*rgb(hex_color))


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_brand_name_is_in_titles_and_header(brand_site, brand_url, page):
    page.goto(brand_url + "verktyg/rundabordssamtal/")
    assert page.title() == f"Rundabordssamtal - {NAME}"
    assert page.locator(".md-header__topic").first.inner_text().strip() == NAME
    page.goto(brand_url)
    assert page.title() == NAME
    assert "Samverkanshandboken" not in page.locator(".md-header").inner_text()


def test_the_print_header_carries_the_brand_name(brand_site):
    page_html = html(brand_site, "handling/stod-och-resurser/index.html")
    site_name = re.search(r'class="shb-print-header__site">([^<]*)<', page_html)
    assert site_name and site_name.group(1) == NAME


def test_the_pdfs_carry_the_brand_name(brand_site):
    for name in ("rundabordssamtal.pdf", BOOKLET_FILE):
        reader = pypdf.PdfReader(brand_site / "pdf" / name)
        first = " ".join(reader.pages[0].extract_text().split())
        assert first.startswith(NAME), (name, first[:80])
        assert "Samverkanshandboken" not in first


def test_site_url_gives_canonical_links(brand_site):
    assert ('<link rel="canonical" href="https://handbok.exempelkommun.se/om/">'
            in html(brand_site, "om/index.html"))


def test_print_shows_the_page_address_under_a_real_site_url(brand_url, page):
    # The example brand has a real address: print names the page and the
    # links within the handbook by it, not by the server the page came from.
    page.goto(brand_url + "verktyg/planera-motet/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    footer = page.locator(".shb-print-footer")
    assert "Sidans adress: https://handbok.exempelkommun.se/verktyg/planera-motet/" in footer.inner_text()
    inside = page.eval_on_selector_all(
        ".md-content__inner a[data-shb-print-href]",
        "els => els.map(a => getComputedStyle(a, '::after').content)")
    assert inside and all("https://handbok.exempelkommun.se/" in c for c in inside), inside


def test_logo_and_favicon_are_the_brand_files(brand_site, brand_url, page):
    page.goto(brand_url + "dialogprocessen/")
    logo = page.locator(".md-header .md-logo img")
    src = urljoin(page.url, logo.get_attribute("src"))
    assert page.evaluate("img => img.complete && img.naturalWidth", logo.element_handle()) == 32
    # Decorative beside the site's name, which names the link; not the English "logo".
    assert logo.get_attribute("alt") == ""
    assert page.locator(".md-header .md-logo").get_attribute("aria-label") == "Exempelkommunens samverkanshandbok"
    served = brand_site / urlsplit(src).path.lstrip("/")
    assert served.read_bytes() == (EXAMPLE / "bilder" / "exempel-logga.png").read_bytes()

    icon = urljoin(page.url, page.locator("link[rel=icon]").get_attribute("href"))
    response = page.request.get(icon)
    assert response.ok
    assert response.body() == (EXAMPLE / "bilder" / "exempel-ikon.svg").read_bytes()


@pytest.mark.parametrize("scheme, body_scheme, link_hex", [
    ("light", "default", BRAND.colors.primary),
    ("dark", "slate", BRAND.colors.accent),
])
def test_colours_in_both_schemes(browser, brand_url, scheme, body_scheme, link_hex):
    context = browser.new_context(color_scheme=scheme, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(brand_url + "om/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == body_scheme
        assert page.locator("body").get_attribute("data-md-color-primary") == "custom"
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == css_rgb(BRAND.colors.primary)
        header_text = page.evaluate("getComputedStyle(document.querySelector('.md-header')).color")
        assert header_text == "rgb(255, 255, 255)"
        link = page.locator(".md-content a", has_text="Gör handboken till er egen")
        link_color = link.evaluate("a => getComputedStyle(a).color")
        assert link_color == css_rgb(link_hex)
        assert axe_violations(page) == []
    finally:
        context.close()


def test_support_box_shows_the_support_organisation(brand_url, page):
    page.goto(brand_url + "handling/stod-och-resurser/")
    box = page.locator(".shb-support-box")
    assert box.locator(".shb-brand-box__title").inner_text() == BRAND.support.name
    # The description is text: the <b> in brand.yml is shown, not obeyed.
    assert "att <b>komma igång</b> med dialogen" in box.inner_text()
    assert box.locator("b").count() == 0
    assert box.locator("a[href='mailto:kansliet@exempelkommun.se']").inner_text() == \
        "kansliet@exempelkommun.se"
    assert box.locator("a[href='https://www.exempelkommun.se/kansliet']").count() == 1
    assert "Telefon" not in box.inner_text()  # support has no phone: nothing is shown
    assert axe_violations(page) == []


def test_om_page_shows_the_organisation_and_contacts(brand_url, page):
    page.goto(brand_url + "om/")
    box = page.locator(".shb-contact-box")
    assert "ges ut av Exempelkommun." in box.inner_text()
    assert box.locator("a[href='mailto:samverkan@exempelkommun.se']").count() == 1
    assert box.locator("a[href='tel:0101234567']").inner_text() == "010-123 45 67"
    assert box.locator("a[href='https://www.exempelkommun.se/samverkan']").inner_text() == \
        "www.exempelkommun.se/samverkan"


def test_accessibility_statement_has_what_digg_asks_for(brand_url, page):
    page.goto(brand_url + "tillganglighet/")
    main = page.locator(".md-content")
    text = main.inner_text()
    assert "Exempelkommun står bakom webbplatsen Exempelkommunens samverkanshandbok." in text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert "Webbplatsen är delvis förenlig med lagen" in text
    assert main.locator(".shb-a11y-shortcomings li").all_inner_texts() == [
        "Några tabeller saknar rubrikceller."]
    assert main.locator(".shb-a11y-method").inner_text() == "Extern granskning av Exempelgranskarna AB."
    assert main.locator(".shb-a11y-assessed").inner_text() == "1 oktober 2026"
    assert main.locator(".shb-a11y-assessed").get_attribute("datetime") == "2026-10-01"
    assert main.locator(".shb-a11y-updated").inner_text() == "2 november 2026"
    # Feedback goes to the statement's own address, not the general one.
    feedback = main.locator(".shb-a11y-feedback a")
    assert feedback.all_inner_texts() == ["tillganglighet@exempelkommun.se"]
    digg = main.locator("a.shb-a11y-digg")
    assert digg.get_attribute("href") == "https://www.digg.se/tdosanmalan"
    assert axe_violations(page) == []


def test_every_page_links_the_statement_from_its_footer(brand_site):
    statement = (brand_site / "tillganglighet" / "index.html").resolve()
    pages = sorted(brand_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        if path.name == "404.html":
            continue
        text = path.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer">'):]
        link = re.search(r'<a class="shb-footer__link" href="([^"]*)">Tillgänglighetsredogörelse</a>',
                         footer)
        assert link, f"{path} has no statement link in its footer"
        target = (path.parent / link.group(1)).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target == statement, f"{path}: {link.group(1)} leads to {target}"


def test_footer_text_is_escaped(brand_url, page):
    page.goto(brand_url + "begrepp/")
    footer = page.locator(".md-footer-meta")
    assert "Exempelkommun <b>fet</b> & co, Box 1, 123 45 Exempelby" in footer.inner_text()
    assert footer.locator("b").count() == 0
    link = footer.locator("a.shb-footer__link")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(brand_url + "tillganglighet/")
