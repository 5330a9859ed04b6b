"""Entry point that mkdocs-macros loads (``module_name: macros``).

``define_env`` only loads the data and registers the macros; the work is done
by plain functions in the other modules of this package.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError

from macros.brand_macros import register as register_brand
from macros.brand_macros import write_assets as write_brand_assets
from macros.catalog import Catalog, load
from macros.glossary import Glosser, abbreviations
from macros.navigation import page_titles
from macros.overview import notes_overview as render_notes_overview
from macros.render import PageContext, Renderer, environment
from macros.site_address import is_public_address
from macros.timeline import register as register_timeline
from macros.validate import DataError


def _catalog(env) -> Catalog:
    project = Path(env.project_dir)
    try:
        return load(project / "data", Path(env.conf["docs_dir"]))
    except DataError as error:
        raise PluginError(str(error)) from None


def define_env(env) -> None:
    environment.cache_clear()  # templates as they are now (mkdocs serve rebuilds)
    register_brand(env)
    # overrides/partials/print-footer.html prints the page's address only for a
    # real site_url, never the stand-in under .example.
    env.conf["extra"]["shb_public_address"] = is_public_address(env.conf.get("site_url"))
    catalog = _catalog(env)
    titles = page_titles(env.conf.get("nav") or [])
    glosser = Glosser.of(catalog.glossary)  # tooltips in text rendered from data
    env.variables["handbook"] = catalog

    # Pages that already hold the workspace panel. define_env runs on every
    # build (also each rebuild of `mkdocs serve`), so this starts empty each time.
    panel_pages: set[str] = set()
    # HTML that is the same on every page (each question), rendered once per build.
    fragments: dict = {}

    def claim_panel() -> bool:
        """True the first time the page being rendered asks for the panel."""
        url = env.page.url if env.page else ""
        first = url not in panel_pages
        panel_pages.add(url)
        return first

    def renderer() -> Renderer:
        page = env.page
        return Renderer(PageContext(url=page.url if page else "",
                                    use_directory_urls=env.conf["use_directory_urls"]),
                        glosser=glosser, claim_panel=claim_panel, memo=fragments)

    @env.macro
    def worksheet(process_id: str, level: int = 2) -> str:
        """All steps of a process with guidance and questions to tick and note."""
        return renderer().worksheet(catalog.process(process_id), level=level)

    @env.macro
    def questions(list_id: str) -> str:
        """One chapter's list of questions to ask."""
        return renderer().questions(catalog.question_list(list_id))

    @env.macro
    def question_bank(level: int = 2) -> str:
        """Every question in the data, grouped by chapter in navigation order."""
        return renderer().question_bank(catalog, titles, level=level)

    @env.macro
    def glossary() -> str:
        """The glossary as a definition list."""
        return renderer().glossary(catalog.glossary)

    @env.macro
    def file_url(path: str) -> str:
        """The address of a file that a later step adds to the site (the PDFs),
        relative to this page, for directory and file URLs alike."""
        return str(escape(renderer().context.page_url(path)))

    @env.macro
    def notes_overview() -> str:
        """The "Mina anteckningar" page: saved notes by chapter (drawn by worksheets.js)."""
        return render_notes_overview(renderer(), catalog, titles)

    register_timeline(env, catalog, renderer)

    # The glossary as abbreviations on every page (tooltips): the abbr
    # extension's own option, set once here rather than appended to each page.
    abbr = env.conf["mdx_configs"].setdefault("abbr", {})
    abbr["glossary"] = abbreviations(catalog.glossary)


def on_post_build(env) -> None:
    """Write the brand stylesheet and copy the logo and favicon into the site."""
    write_brand_assets(env)
