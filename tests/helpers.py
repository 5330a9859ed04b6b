"""Helpers shared by several test modules."""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.build.sitebuild import ROOT, build_site

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


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project copy in a subprocess, as a
    contributor runs it: for the one check that the command stops."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, timeout=300)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def failed_build(project: Path, site: Path) -> str:
    """Build a project copy in-process, as build_site does (the same MkDocs
    build the command runs); it must stop. Returns what it reported: the
    error, then every warning and error logged, one a line."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build_site(site, config_file=project / "mkdocs.yml")
    except Exception as error:  # noqa: BLE001 - any error stops the build; its text is checked
        return "\n".join([str(error), *collect.lines])
    finally:
        logger.removeHandler(collect)
    raise AssertionError(f"the build of {project} did not stop")


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
