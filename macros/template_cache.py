"""Keep the theme's compiled Jinja2 templates between builds, as Python keeps
compiled modules in ``__pycache__``.

Every build compiles the same few dozen templates of Material and of
``overrides/`` again before it renders a page; that was the largest share of
the handbook's build time that was not converting Markdown. Jinja2's own
bytecode cache keeps each compiled template in ``build/jinja2-<version>/``,
keyed by the template's name and a checksum of its source, so an edited
template (or a new Material) is compiled afresh and the pages come out the
same. MkDocs makes the theme's environment after ``define_env`` has run and
offers no setting for the cache, so the theme's ``get_env`` is wrapped for
this build's configuration only.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache


def cache_theme_templates(conf, project_dir: Path) -> None:
    """Give the theme environment of this build a bytecode cache under build/."""
    theme = conf["theme"]
    if getattr(theme.get_env, "shb_cached", False):
        return
    directory = project_dir / "build" / f"jinja2-{jinja2.__version__}"
    get_env = theme.get_env

    def get_env_with_cache() -> jinja2.Environment:
        env = get_env()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # a read-only checkout builds as before, only slower
        env.bytecode_cache = FileSystemBytecodeCache(str(directory))
        return env

    get_env_with_cache.shb_cached = True
    theme.get_env = get_env_with_cache
