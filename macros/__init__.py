"""Entry point that mkdocs-macros loads (``module_name: macros``).

``define_env`` only loads the data and lets each feature register its macros;
the work is done in the feature packages:

- ``macros.data``: the shape of the data files, declared once, and their loading and validation
- ``macros.brand``: everything brand.yml does (schema, site configuration, boxes, statement)
- ``macros.worksheets``: worksheets, question lists, the question bank, the notes overview
- ``macros.timeline``: timelines, the planner, "Var är vi nu?" and the ladder
- ``macros.glossary``: the glossary page and the tooltips
- ``macros.compare``: "Jämför svar" and the status overview on Mina anteckningar
- ``macros.documents``: the templates ("Mallar") filled in on their pages
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.assets import copy_feature_assets
from macros.brand.plugin import register as register_brand
from macros.brand.plugin import write_assets as write_brand_assets
from macros.compare.plugin import register as register_compare
from macros.data.catalog import Catalog, load
from macros.data.validate import DataError
from macros.documents.plugin import register as register_documents
from macros.glossary.plugin import register as register_glossary
from macros.glossary.terms import Glosser
from macros.navigation import page_titles
from macros.pages import PageRenderers
from macros.render import environment
from macros.timeline.plugin import register as register_timeline
from macros.worksheets.plugin import register as register_worksheets


def _catalog(env) -> Catalog:
    project = Path(env.project_dir)
    try:
        return load(project / "data", Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None


def define_env(env) -> None:
    environment.cache_clear()  # templates as they are now (mkdocs serve rebuilds)
    register_brand(env)
    catalog = _catalog(env)
    env.variables["handbook"] = catalog
    renderer = PageRenderers(env, Glosser.of(catalog.glossary))
    titles = page_titles(env.conf.get("nav") or [])
    register_worksheets(env, catalog, renderer, titles)
    register_timeline(env, catalog, renderer)
    register_glossary(env, catalog.glossary, renderer)
    register_compare(env, catalog, renderer, titles)
    register_documents(env, catalog, renderer)


def on_post_build(env) -> None:
    """Copy the features' scripts and styles, write the brand stylesheet and
    copy the logo and favicon into the site."""
    copy_feature_assets(Path(env.conf["site_dir"]))
    write_brand_assets(env)
