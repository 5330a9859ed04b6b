"""Copy each feature's browser assets into the built site.

A feature keeps its scripts and styles beside its Python, in
``macros/<feature>/assets/`` (one folder per feature, as GOV.UK Frontend keeps
a component). MkDocs only copies what lies in ``docs/`` or the theme's
``custom_dir``, so after the build this step puts them where the pages link
them: ``*.js`` in ``assets/javascripts/`` and ``*.css`` in
``assets/stylesheets/``, the same addresses as the theme's own assets in
``overrides/assets/``. Called from the package's ``on_post_build``, so that
``mkdocs serve`` serves them too. Two files of the same name stop the build.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE = Path(__file__).resolve().parent
FOLDERS = {".js": "assets/javascripts", ".css": "assets/stylesheets"}


def feature_assets() -> dict[str, Path]:
    """Each feature asset by its path in the built site."""
    found: dict[str, Path] = {}
    for source in sorted(PACKAGE.glob("*/assets/*")):
        folder = FOLDERS.get(source.suffix)
        if folder is None:
            continue
        target = f"{folder}/{source.name}"
        theme = PACKAGE.parent / "overrides" / target
        if target in found or theme.exists():
            other = found.get(target, theme)
            raise PluginError(f"{source.relative_to(PACKAGE.parent)}: another file is also published as "
                              f"{target} ({other.relative_to(PACKAGE.parent)}); rename one of them")
        found[target] = source
    return found


def copy_feature_assets(site_dir: Path) -> None:
    for target, source in feature_assets().items():
        destination = site_dir / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
