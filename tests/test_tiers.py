"""The tiers of the suite (tests/conftest.py): every test has one, and the
unit tier stays free of builds and Chromium, so `make test-fast` stays fast."""
from __future__ import annotations

import pytest

from scripts.build.sitebuild import build_site
from tests.conftest import TIERS


def test_every_collected_test_has_a_tier(request):
    items = request.session.items
    assert items
    untiered = [item.nodeid for item in items if not any(item.get_closest_marker(t) for t in TIERS)]
    assert untiered == []
    for item in items:
        unit = item.get_closest_marker("unit") is not None
        heavy = any(item.get_closest_marker(t) for t in ("build", "browser", "outputs"))
        assert unit != heavy, f"{item.nodeid}: unit, or build/browser/outputs, not both nor neither"


def test_the_site_fixtures_put_a_test_in_the_build_tier(request, site_pages):
    """What a test asks for puts it in its tier: here a fixture on the built site."""
    assert request.node.get_closest_marker("build") and not request.node.get_closest_marker("unit")


def test_a_unit_test_that_builds_fails(request, tmp_path):
    assert request.node.get_closest_marker("unit")
    with pytest.raises(pytest.fail.Exception, match="unit tier but builds the site"):
        build_site(tmp_path / "site")
    import subprocess
    import sys
    with pytest.raises(pytest.fail.Exception, match="unit tier but runs .*mkdocs build"):
        subprocess.run([sys.executable, "-m", "mkdocs", "build"], capture_output=True)
