"""Build the site in-process (used by tests and scripts)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from scripts.build import csp, minify, precache, vendor

ROOT = Path(__file__).resolve().parents[2]


def build_site(site_dir: Path, config_file: Path | None = None, **overrides) -> Path:
    """Build as `make build` does: mkdocs --strict, our assets minified, then
    the security policy and the service worker.

    Raises on any warning or error. (The PDF step is separate: scripts.build.pdf.)
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file or ROOT / "mkdocs.yml"),
                         site_dir=str(site_dir), strict=True, **overrides)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    finish(Path(site_dir))
    return Path(site_dir)


def finish(site_dir: Path) -> None:
    """The steps after `mkdocs build` that make the site as it is served:
    our assets minified, the browser libraries from npm copied in, then the
    security policy, and last the service worker's list of files with their
    revisions (as `make build` runs them)."""
    minify.apply(site_dir)
    vendor.apply(site_dir)
    csp.apply(site_dir)
    precache.apply(site_dir)
