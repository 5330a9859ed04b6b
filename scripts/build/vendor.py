"""Copy the browser libraries from npm (node_modules/, pinned by
package-lock.json) into the built site, where our scripts load them at the
moment they are needed: the Word library ``docx`` for documents.js.

    .venv/bin/python -m scripts.build.vendor site

No page lists these files: documents.js adds the script element when a
reader asks for a Word file, so no first view of a page gets heavier.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (file in node_modules, where it goes in the site). The IIFE build of docx
# defines one global, ``docx``, and needs no module loader, no eval and no
# workers (it zips with fflate's zipSync), so it runs under the site's CSP.
LIBRARIES = (
    ("docx/dist/index.iife.js", "assets/vendor/docx/docx.js"),
    ("docx/LICENSE", "assets/vendor/docx/LICENSE.txt"),
)


class VendorError(Exception):
    pass


def apply(site_dir: Path, modules: Path = ROOT / "node_modules") -> list[Path]:
    """Copy every library into ``site_dir``; stop with a clear message when
    one is missing (npm ci has not run)."""
    written = []
    for source, target in LIBRARIES:
        src = Path(modules) / source
        if not src.is_file():
            raise VendorError(f"{src} is missing: run `npm ci --ignore-scripts` (make does it) "
                              "so that the pinned browser libraries are installed")
        dest = Path(site_dir) / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        written.append(dest)
    return written


def main(argv: list[str]) -> int:
    try:
        for path in apply(Path(argv[0] if argv else "site")):
            print(f"vendor: {path}")
    except VendorError as error:
        print(f"vendor: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
