"""Helpers shared by several test modules."""
from __future__ import annotations

import shutil
from pathlib import Path

from scripts.build.sitebuild import ROOT

# What a copy of the project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")


def copy_project(target: Path) -> Path:
    """Copy the buildable parts of the project, so a test may break them."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    for extra in ("brand.yml",):
        if (ROOT / extra).exists():
            shutil.copy2(ROOT / extra, target / extra)
    return target
