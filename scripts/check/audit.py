"""Audit a built site: the Nu Html Checker on every page, then a link crawl.

    .venv/bin/python -m scripts.check.audit site

Exits non-zero when the checker reports an error that is not explicitly
allowed below, or when an internal link, asset or #anchor does not resolve.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.check.linkcheck import broken_links

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    pattern: str
    reason: str


# Every filtered checker message, with the reason it is accepted.
ALLOWED = (
    Allowed(
        r"^Attribute “autocomplete” is only allowed when the input type is",
        "Material's base.html puts autocomplete=\"off\" on its two toggle checkboxes "
        "(drawer and search) so that Firefox does not restore an open drawer on reload. "
        "The attribute is harmless; changing it means forking base.html.",
    ),
)


def html_errors(site: Path) -> list[str]:
    """Run vnu.jar on every page; return the errors that are not allowed."""
    java = shutil.which("java")
    if java is None:
        raise SystemExit("audit: Java is needed for the Nu Html Checker (Debian: default-jre-headless)")
    if not VNU_JAR.is_file():
        raise SystemExit(f"audit: {VNU_JAR.relative_to(ROOT)} is missing; run `npm ci` (make audit does)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = []
    for message in messages:
        text = message.get("message", "")
        if any(re.search(a.pattern, text) for a in ALLOWED):
            continue
        where = message.get("url", "").replace(site.resolve().as_uri(), "")
        errors.append(f"{where}:{message.get('lastLine', '?')}: {text}")
    if result.returncode not in (0, 1) and not messages:
        raise SystemExit(f"audit: the checker failed: {result.stderr.strip()[:500]}")
    return errors


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    if not (site / "index.html").is_file():
        print(f"audit: no built site in {site}/ (run make build)", file=sys.stderr)
        return 2
    errors = html_errors(site)
    links = broken_links(site)
    for line in errors:
        print(f"html: {line}")
    for line in links:
        print(f"link: {line}")
    pages = len(list(site.rglob("*.html")))
    print(f"audit: {pages} pages, {len(errors)} HTML errors, {len(links)} broken links "
          f"({len(ALLOWED)} checker message filtered, see scripts/check/audit.py)")
    return 1 if errors or links else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
