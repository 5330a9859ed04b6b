"""Entry point that mkdocs-macros loads (``module_name: macros``).

``define_env`` only loads the brand and the data and lets each feature register
its macros (each feature's ``register.py``, calling its ``render.py``); the
work is done in the feature packages:

- ``macros.data``: the shape of the data files, declared once, their loading
  and validation, and the question index that the notes and compare pages embed
- ``macros.brand``: everything brand.yml does (schema, site configuration, boxes, statement)
- ``macros.worksheets``: worksheets, question lists, each question, the question
  bank, the booklet, the notes overview
- ``macros.timeline``: timelines, the planner, "Var är vi nu?" and the ladder
- ``macros.glossary``: the glossary page and the tooltips
- ``macros.compare``: "Jämför svar" and the status overview on Mina anteckningar
- ``macros.documents``: the templates ("Mallar") filled in on their pages
- ``macros.registers``: the registers a process keeps (commitments, decisions,
  parked questions, feedback) and the index of them that registers.js reads
- ``macros.followup``: after the signing: the yearly review and the feedback reports

What they share: ``macros.render`` (the template engine, its filters, the
plain-text parser and the renderer each page gets), ``macros.pages`` (the
pages that several features link to, and the page being built),
``macros.navigation`` (the menu's titles and order), ``macros.formats``
(dates, addresses), ``macros.template_cache`` (compiled Jinja2 templates
kept between builds) and ``macros.assets`` (each feature's scripts and
styles copied into the site).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.assets import copy_feature_assets
from macros.brand.register import load as load_brand
from macros.brand.register import register as register_brand
from macros.brand.register import write_assets as write_brand_assets
from macros.compare.register import register as register_compare
from macros.data.catalog import Catalog, load
from macros.data.validate import DataError
from macros.documents.register import register as register_documents
from macros.documents.render import write_examples
from macros.followup.register import register as register_followup
from macros.glossary.register import register as register_glossary
from macros.glossary.terms import Glosser
from macros.navigation import page_titles
from macros.registers.register import register as register_registers
from macros.registers.render import write_index as write_register_index
from macros.render import PageRenderers, environment
from macros.template_cache import cache_page_templates, cache_theme_templates
from macros.timeline.register import register as register_timeline
from macros.worksheets.register import register as register_worksheets


# What define_env loaded, for on_post_build of the same build.
_BUILT: dict = {}


def _catalog(env) -> Catalog:
    project = Path(env.project_dir)
    try:
        return load(project / "data", Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None


def define_env(env) -> None:
    """Called by mkdocs-macros once per build, before any page is rendered."""
    environment.cache_clear()  # templates as they are now (mkdocs serve rebuilds)
    cache_theme_templates(env.conf, Path(env.project_dir))
    brand = load_brand(env)
    catalog = _catalog(env)
    renderer = PageRenderers(env, Glosser.of(catalog.glossary))
    titles = page_titles(env.conf.get("nav") or [])
    register_brand(env, brand, renderer)
    register_worksheets(env, catalog, renderer, titles)
    register_timeline(env, catalog, renderer)
    register_glossary(env, catalog.glossary, renderer)
    register_compare(env, catalog, renderer, titles)
    register_documents(env, catalog, renderer, titles, brand)
    register_registers(env, catalog, renderer)
    register_followup(env, catalog, renderer)
    _BUILT["catalog"] = catalog  # for on_post_build


def on_pre_page_macros(env) -> None:
    """Before mkdocs-macros renders a page: its compiled pages are cached."""
    cache_page_templates(env, Path(env.project_dir))


def on_post_build(env) -> None:
    """Copy the features' scripts and styles, write the registers' index
    script, the templates' examples and the brand stylesheet and copy the logo and favicon into the site."""
    copy_feature_assets(Path(env.conf["site_dir"]))
    write_register_index(_BUILT["catalog"], Path(env.conf["site_dir"]),
                         env.conf["use_directory_urls"])
    write_examples(_BUILT["catalog"], Path(env.conf["site_dir"]))
    write_brand_assets(env)
