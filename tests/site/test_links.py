"""The link crawl of the built site (also run by `make audit`)."""
from __future__ import annotations

from scripts.check.linkcheck import broken_links


def test_every_internal_link_and_anchor_resolves(site_outputs):
    """The PDFs and blank Word files included: pages link to them."""
    assert broken_links(site_outputs) == []


def test_the_crawl_reports_missing_pages_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="b/">missing</a><a href="a/#gone">bad anchor</a>'
        '<img src="img/x.png"><a href="https://example.org/">external</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: b/: no such file",
        "index.html: a/#gone: no element with id 'gone'",
        "index.html: img/x.png: no such file",
    ]
