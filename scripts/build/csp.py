"""Write a Content-Security-Policy into a built site.

    .venv/bin/python -m scripts.build.csp site

Material puts a few small inline scripts in every page (the palette switch,
the storage scope, which differs with the page's depth). Rather than allow
'unsafe-inline', this hashes each inline script of every page and allows
exactly those. The policy goes into every page as a <meta http-equiv> (for
any static host) and into ``_headers`` (for hosts such as Netlify and
Cloudflare Pages that read one, where frame-ancestors also applies).
"""
from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
META_NAME = 'http-equiv="Content-Security-Policy"'
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def _is_executable(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    match = SCRIPT_TYPE.search(attrs)
    return (match.group(1).lower() if match else "") in EXECUTABLE_TYPES


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-...') for every executable inline script."""
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        if _is_executable(match.group("attrs")):
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def policy(hashes: set[str]) -> str:
    """The policy for the site: only its own origin, and only known inline scripts."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(hashes)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def apply(site: Path) -> str:
    """Write the policy into every page of ``site`` and into ``_headers``."""
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes: set[str] = set()
    for text in texts.values():
        hashes |= inline_script_hashes(text)
    csp = policy(hashes)
    meta = f'<meta {META_NAME} content="{csp}">'
    for page, text in texts.items():
        text = re.sub(rf"<meta {META_NAME} content=\"[^\"]*\">\s*", "", text)
        new, count = CHARSET.subn(lambda m: m.group(0) + "\n    " + meta, text, count=1)
        if count != 1:
            raise SystemExit(f"csp: {page.relative_to(site)} has no <meta charset>; cannot place the policy")
        page.write_text(new, encoding="utf-8")
    (site / "_headers").write_text(
        "/*\n"
        f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n",
        encoding="utf-8")
    return csp


def header_policy(site: Path) -> str:
    """The Content-Security-Policy line of ``site/_headers``."""
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        name, _, value = line.strip().partition(": ")
        if name == "Content-Security-Policy":
            return value
    raise ValueError(f"{site}/_headers has no Content-Security-Policy")


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    csp = apply(site)
    print(f"csp: policy written to {len(list(site.rglob('*.html')))} pages and _headers "
          f"({csp.count('sha256-')} inline script hashes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
