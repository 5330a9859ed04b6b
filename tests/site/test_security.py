"""Content-Security-Policy: the policy the build writes, and what it blocks.
(Every page under it, with its search: the walks in tests/site/test_accessibility.py.)"""
from __future__ import annotations

import base64
import hashlib
import re

from scripts.build.csp import header_policy, inline_script_hashes, policy
from tests.browser_checks import VIOLATION_LISTENER

def test_policy_allows_no_other_host_and_no_unsafe_inline_script(site_dir):
    csp = header_policy(site_dir)
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "worker-src 'self'" in csp
    assert not re.search(r"https?:|\*", csp)
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{csp.split("; frame-ancestors")[0]}">' in page


def test_hashes_cover_inline_scripts_but_not_data_blocks():
    html = ('<script>a()</script><script type="application/json">{"x":1}</script>'
            '<script src="x.js"></script>')
    digest = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert inline_script_hashes(html) == {f"'sha256-{digest}'"}


def test_the_meta_policy_alone_blocks_an_unknown_inline_script(browser, base_url):
    """For hosts that send no headers (base_url serves none): the <meta> policy.
    The header alone is tested in tests/site/test_security_headers.py."""
    ctx = browser.new_context()
    ctx.add_init_script(VIOLATION_LISTENER)
    page = ctx.new_page()
    page.goto(base_url, wait_until="load")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = true'; document.body.append(s); }""")
    page.wait_for_function("() => (window.__cspViolations || []).length > 0")
    assert page.evaluate("window.__injected === undefined")
    assert [v.split(" ")[0] for v in page.evaluate("window.__cspViolations")] == ["script-src-elem"]
    ctx.close()


def test_policy_text_is_stable():
    assert policy({"'sha256-x'"}).startswith("default-src 'self'; script-src 'self' 'sha256-x'")
