"""Minify the handbook's own JavaScript and CSS in a built site.

    .venv/bin/python -m scripts.build.minify site

Material's own assets arrive minified; ours are kept readable in
overrides/assets/ and macros/<feature>/assets/ (and brand.css is written by
the build). This step rewrites our copies in the built site with rjsmin and rcssmin, which only drop comments and white space,
so the code that runs is the code in the repository. It runs after
`mkdocs build` in `make build`, the tests' build, `make offline` and
`make bench`: a script beside the generator rather than a plugin, so that it
survives a change of site generator, as the PDF step does.
"""
from __future__ import annotations

import sys
from pathlib import Path

import rcssmin
import rjsmin

ROOT = Path(__file__).resolve().parents[2]
OWN_ASSETS = ROOT / "overrides" / "assets"
GENERATED = ("assets/stylesheets/brand.css",)  # written by macros/brand/site.py


def own_sources() -> dict[str, Path]:
    """Our JavaScript and CSS by their path in the built site: the theme's
    (overrides/assets/) and each feature's (macros/<feature>/assets/)."""
    from macros.assets import feature_assets

    theme = {f"assets/{p.relative_to(OWN_ASSETS).as_posix()}": p
             for p in sorted(OWN_ASSETS.rglob("*")) if p.suffix in (".js", ".css")}
    return theme | feature_assets()


def own_files(site: Path) -> list[Path]:
    """Our JavaScript and CSS in the built site, and brand.css."""
    return [site / rel for rel in (*own_sources(), *GENERATED) if (site / rel).is_file()]


def minify(path: Path) -> tuple[int, int]:
    """Minify one file in place; returns (bytes before, bytes after)."""
    text = path.read_text(encoding="utf-8")
    small = rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text)
    path.write_text(small, encoding="utf-8")
    return len(text.encode()), len(small.encode())


def apply(site: Path) -> dict[str, tuple[int, int]]:
    return {path.relative_to(site).as_posix(): minify(path) for path in own_files(site)}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site = Path(argv[0])
    sizes = apply(site)
    before = sum(b for b, _ in sizes.values())
    after = sum(a for _, a in sizes.values())
    print(f"minify: {len(sizes)} files, {before} B to {after} B")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
