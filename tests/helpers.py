"""Helpers shared by several test modules."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from scripts.build.sitebuild import ROOT

# tests/fixtures: the example and minimal brands, old stores, the id record.
FIXTURES = Path(__file__).parent / "fixtures"

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


def ids_in_data() -> dict[str, list[str]]:
    """Question ids per list or process, read from data/ as plain YAML."""
    found = {}
    for path in sorted((ROOT / "data" / "processes").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[doc["id"]] = [q["id"] for s in doc["steps"] for q in s.get("questions") or []]
    for path in sorted((ROOT / "data" / "questions").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[doc["id"]] = [q["id"] for q in doc["questions"]]
    return found
