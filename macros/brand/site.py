"""Carry the brand into MkDocs' configuration and into the built site.

:func:`apply_brand` runs from ``define_env`` (mkdocs-macros calls it in
``on_config``), so everything the theme reads from the configuration (site
name, site address, footer, logo, favicon, palette) comes from brand.yml.
:func:`write_brand_assets` runs after the build and writes what the
configuration points to: the brand stylesheet and copies of the logo and
favicon, wherever they are in the repository.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import escape
from mkdocs.structure.files import File

from macros.brand.config import Brand
from macros.brand.contrast import BLACK, WHITE, mix, readable_on
from macros.render import PageContext, Renderer

STYLESHEET = "assets/stylesheets/brand.css"
ASSET_DIR = "assets/brand"
STATEMENT_PAGE = "tillganglighet.md"
# Loaded instead of the copy on unpkg.com that Material's offline plugin adds,
# so that the offline site asks no other host for anything.
IFRAME_WORKER = "assets/javascripts/iframe-worker.js"


def asset_url(kind: str, source: str) -> str:
    """Where the logo or favicon lands in the site, e.g. ``assets/brand/logo.svg``."""
    return f"{ASSET_DIR}/{kind}{Path(source).suffix.lower()}"


def offline_enabled(conf) -> bool:
    """True when Material's offline plugin is on for this build."""
    for name in ("material/offline", "offline"):
        plugin = conf["plugins"].get(name)
        if plugin is not None and plugin.config.enabled:
            return True
    return False


def apply_brand(conf, brand: Brand) -> None:
    """Set the configuration values the theme reads from the brand."""
    conf["site_name"] = brand.name
    if brand.site_url:
        conf["site_url"] = brand.site_url if brand.site_url.endswith("/") else brand.site_url + "/"
    if brand.footer:
        # Material prints config.copyright as HTML; the footer is plain text.
        conf["copyright"] = str(escape(brand.footer))
    theme = conf["theme"]
    if brand.logo:
        theme["logo"] = asset_url("logo", brand.logo)
    if brand.favicon:
        theme["favicon"] = asset_url("favicon", brand.favicon)
    palette = theme["palette"]
    for scheme in palette if isinstance(palette, list) else [palette]:
        scheme["primary"] = "custom"
        scheme["accent"] = "custom"
    if STYLESHEET not in conf["extra_css"]:
        conf["extra_css"].append(STYLESHEET)
    if offline_enabled(conf):
        _configure_offline(conf)
    statement = File(STATEMENT_PAGE, src_dir=None, dest_dir="",
                     use_directory_urls=conf["use_directory_urls"])
    # Read by overrides/partials/footer-brand.html.
    conf["extra"]["brand"] = brand
    conf["extra"]["brand_statement_url"] = statement.url


def _configure_offline(conf) -> None:
    """A site opened from disk: file links, no instant loading, no foreign script."""
    conf["use_directory_urls"] = False
    features = conf["theme"]["features"]
    conf["theme"]["features"] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = [p for p in conf["extra"].get("polyfills", []) if "://" not in str(p)]
    if IFRAME_WORKER not in polyfills:
        polyfills.append(IFRAME_WORKER)
    conf["extra"]["polyfills"] = polyfills


def stylesheet(brand: Brand) -> str:
    """The brand stylesheet: Material's colour variables for both schemes."""
    primary = brand.colors.primary_hex
    accent = brand.colors.accent_hex
    return Renderer(PageContext(url="")).render(
        "brand/brand.css.j2",
        primary=primary,
        primary_light=mix(primary, WHITE, 0.15),
        primary_dark=mix(primary, BLACK, 0.2),
        accent=accent,
        on_accent=readable_on(accent),
    )


def write_brand_assets(brand: Brand, project_dir: Path, site_dir: Path) -> None:
    """Write the stylesheet and copy the logo and favicon into the built site."""
    css = site_dir / STYLESHEET
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(stylesheet(brand), encoding="utf-8")
    for kind in ("logo", "favicon"):
        source = getattr(brand, kind)
        if source:
            target = site_dir / asset_url(kind, source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project_dir / source, target)
