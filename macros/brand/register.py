"""The brand in the build: load and apply it, register its macros, write its
assets.

``load`` and ``register`` are called from ``define_env``; ``write_assets``
from the package's ``on_post_build``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.brand import render
from macros.brand.address import is_public_address
from macros.brand.config import Brand, load_brand
from macros.brand.site import apply_brand, offline_enabled, write_brand_assets
from macros.data.validate import DataError
from macros.render import RendererFactory


def load(env) -> Brand:
    """Load brand.yml (stopping the build if it is wrong) and carry it into
    MkDocs' configuration and the pages' variables."""
    try:
        brand = load_brand(Path(env.project_dir))
    except DataError as error:
        raise PluginError(str(error)) from None
    apply_brand(env.conf, brand)
    # overrides/partials/print-footer.html prints the page's address only for a
    # real site_url, never the stand-in under .example.
    env.conf["extra"]["shb_public_address"] = is_public_address(env.conf.get("site_url"))
    # Pages see a copy of the configuration taken before define_env.
    for key in ("site_name", "site_url", "copyright"):
        env.variables["config"][key] = env.conf[key]
    env.variables["brand"] = brand
    return brand


# The offline copy in the published site (scripts/build/offline.py puts it there).
OFFLINE_ZIP = "samverkanshandboken-offline.zip"


def register(env, brand: Brand, renderer: RendererFactory) -> None:
    """The brand's macros; ``renderer`` makes a Renderer for the page being built."""

    @env.macro
    def offline_copy() -> str:
        """"Läs utan internet": the link to the zip that the build adds to the
        site; in the offline copy itself, a line that this is it."""
        from markupsafe import Markup, escape

        if offline_enabled(env.conf):
            return Markup("<p>Det ni läser nu är en sådan kopia. En nyare version hämtar ni på "
                          "handbokens webbplats när ni har internet igen.</p>")
        href = escape(renderer().context.page_url(OFFLINE_ZIP))
        return Markup('<p><a href="{}" download>Ladda ner handboken som zip-fil</a> '
                      "(hela webbplatsen, med PDF-filerna och de tomma mallarna).</p>").format(href)

    @env.macro
    def support_box() -> str:
        """The support organisation from brand.yml ("Stöd och resurser")."""
        return render.support_box(renderer(), brand)

    @env.macro
    def contact_box() -> str:
        """Who publishes this edition and how to reach them ("Om handboken")."""
        return render.contact_box(renderer(), brand)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement from brand.yml's accessibility fields."""
        return render.accessibility_statement(renderer(), brand)


def write_assets(env) -> None:
    """After the build: the brand stylesheet, logo and favicon into the site."""
    brand = env.variables.get("brand")
    if brand is not None:
        write_brand_assets(brand, Path(env.project_dir), Path(env.conf["site_dir"]))
