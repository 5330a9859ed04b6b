"""Keep compiled Jinja2 templates between builds, as Python keeps compiled
modules in ``__pycache__``.

Every build compiled the same few dozen templates of Material and of
``overrides/`` again before it rendered a page, and mkdocs-macros compiles
every page's Markdown as a template; that was the largest share of the
handbook's build time above stock Material that was not converting Markdown.
Jinja2's own bytecode cache keeps each compiled template in
``build/jinja2-<version>/``, keyed by the template's name (a page by its
path) and checked against a checksum of its source, so an edited template or
page (or a new Material) is compiled afresh and the pages come out the same.

Neither MkDocs nor mkdocs-macros has a setting for the cache, so the two
environments are given it here, for this build only: MkDocs makes the
theme's environment after ``define_env`` has run (its ``get_env`` is
wrapped), and mkdocs-macros compiles pages with ``from_string``, which the
cache does not see (it is wrapped to do what Jinja2's loaders do).
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache


def _cache(project_dir: Path) -> FileSystemBytecodeCache | None:
    directory = project_dir / "build" / f"jinja2-{jinja2.__version__}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds as before, only slower
    return FileSystemBytecodeCache(str(directory))


def cache_theme_templates(conf, project_dir: Path) -> None:
    """Give the theme environment of this build a bytecode cache under build/."""
    theme = conf["theme"]
    if getattr(theme.get_env, "shb_cached", False):
        return
    get_env = theme.get_env

    def get_env_with_cache() -> jinja2.Environment:
        env = get_env()
        env.bytecode_cache = _cache(project_dir)
        return env

    get_env_with_cache.shb_cached = True
    theme.get_env = get_env_with_cache


def cache_page_templates(macros_env, project_dir: Path) -> None:
    """Let mkdocs-macros' environment (``macros_env.env``, made after
    ``define_env``) keep each page it compiles, under the page's path."""
    jinja = macros_env.env
    if getattr(jinja.from_string, "shb_cached", False):
        return
    cache = _cache(project_dir)
    if cache is None:
        return
    from_string = jinja.from_string

    def from_string_with_cache(source, globals=None, template_class=None):
        page = macros_env.page
        if template_class is not None or not isinstance(source, str) or page is None:
            return from_string(source, globals, template_class)
        bucket = cache.get_bucket(jinja, f"page:{page.file.src_uri}", None, source)
        if bucket.code is None:
            bucket.code = jinja.compile(source)
            cache.set_bucket(bucket)
        return jinja.template_class.from_code(jinja, bucket.code, jinja.make_globals(globals), None)

    from_string_with_cache.shb_cached = True
    jinja.from_string = from_string_with_cache
