"""No placeholder or developer text reaches a reader: not with the shipped
brand.yml, and not with a minimal one where every optional value is empty."""
from __future__ import annotations

import re

import pytest

from macros.brand.address import is_public_address
from tests.built_pages import pages, scripts

# Text meant for whoever builds the site, never for its readers.
DEVELOPER_TEXT = [
    r"brand\.yml", r"<[a-zåäö-]+-konto>", r"handbokens-konto", r"kan skriva in sin egen",
    r"\bTODO\b", r"\bFIXME\b", r"\blorem ipsum\b", r"ingen adress för synpunkter",
    r"Kapitlet skrivs just nu", r"\{\{", r"\{%", r"\bNone\b",
]
# The one page whose readers are those who publish their own edition: it
# teaches them brand.yml, so naming the file there is the content, not a leak.
FORK_GUIDE = {"egen-handbok/index.html": {r"brand\.yml"}}
# Stand-in addresses (RFC 2606): never shown, not even on paper.
STAND_IN = r"https?://[^\s\"'<>]*\.(?:example|test|invalid)\b|\bexample\.(?:com|org|net)\b"


def _site_name(site) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r"<title>([^<]+)</title>", html).group(1).strip()


def _problems(site) -> list[str]:
    name = re.escape(_site_name(site))
    self_publishing = [rf"ges ut av {name}", rf"{name} står bakom (?:webbplatsen )?{name}"]
    found = []
    for where, text in pages(site).items():
        for pattern in DEVELOPER_TEXT + [STAND_IN] + self_publishing:
            if pattern in FORK_GUIDE.get(where, ()):
                continue
            for match in re.finditer(pattern, text, re.IGNORECASE):
                found.append(f"{where}: {pattern!r}: '…{text[max(0, match.start() - 50):match.end() + 50]}…'")
    for where, text in scripts(site).items():
        if re.search(STAND_IN, text):
            found.append(f"{where}: a stand-in address")
    return found


@pytest.fixture(scope="module")
def minimal_site(minimal_brand_site):
    return minimal_brand_site


def test_no_placeholder_on_any_page_with_the_shipped_brand(site_dir):
    problems = _problems(site_dir)
    assert not problems, "\n".join(problems)


def test_no_placeholder_on_any_page_with_a_minimal_brand(minimal_site):
    problems = _problems(minimal_site)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("which", ["shipped", "minimal"])
def test_print_shows_no_address_without_a_real_site_url(site_dir, minimal_site, which):
    site = site_dir if which == "shipped" else minimal_site
    html = (site / "verktyg" / "rundabordssamtal" / "index.html").read_text(encoding="utf-8")
    assert 'data-shb-print-address=""' in html
    assert "Sidans adress" not in html


def test_the_support_page_says_whom_to_ask_when_brand_yml_names_no_one(minimal_site):
    text = pages(minimal_site)["handling/stod-och-resurser/index.html"]
    assert "shb-support-box" not in (minimal_site / "handling/stod-och-resurser/index.html").read_text(encoding="utf-8")
    assert "frågor om civilsamhället eller föreningslivet" in text
    assert "nätverk för idéburna organisationer" in text


def test_pages_say_who_publishes_only_when_it_is_someone_else(minimal_site):
    about = pages(minimal_site)["om/index.html"]
    assert "Vem ger ut den här utgåvan?" not in about and "ges ut av" not in about
    statement = pages(minimal_site)["tillganglighet/index.html"]
    assert "står bakom" not in statement
    assert "Vi vill att så många som möjligt ska kunna använda webbplatsen" in statement
    assert "anmäla det till Digg" in statement


@pytest.mark.parametrize(("url", "public"), [
    ("https://handbok.exempelkommun.se/", True),
    ("http://www.kommun.se/handbok/", True),
    ("https://samverkanshandboken.example/", False),
    ("https://example.org/", False),
    ("https://www.example.com/x", False),
    ("http://localhost:8000/", False),
    ("http://127.0.0.1:8000/", False),
    ("https://handbok.test/", False),
    ("", False),
    (None, False),
    ("ftp://handbok.kommun.se/", False),
])
def test_which_site_addresses_are_real(url, public):
    assert is_public_address(url) is public
