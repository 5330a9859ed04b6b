"""Copy the browser libraries from npm (node_modules/, pinned by
package-lock.json) into the built site, where our scripts load them at the
moment they are needed: the Word library ``docx`` for documents.js, and
Workbox for the service worker (scripts/build/precache.py).

    .venv/bin/python -m scripts.build.vendor site

No page lists these files: documents.js adds the script element when a
reader asks for a Word file, so no first view of a page gets heavier.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (file in node_modules, where it goes in the site). The IIFE build of docx
# defines one global, ``docx``, and needs no module loader, no eval and no
# workers (it zips with fflate's zipSync), so it runs under the site's CSP.
LIBRARIES = (
    ("docx/dist/index.iife.js", "assets/vendor/docx/docx.js"),
    ("docx/LICENSE", "assets/vendor/docx/LICENSE.txt"),
    # Workbox's precaching for the service worker (sw.js, written by
    # scripts/build/precache.py, which imports these): npm ships each module's
    # browser build, one global ``workbox`` with a part per module.
    *((f"workbox-{name}/build/workbox-{name}.prod.js", f"assets/vendor/workbox/workbox-{name}.js")
      for name in ("core", "routing", "strategies", "precaching")),
    ("workbox-precaching/LICENSE", "assets/vendor/workbox/LICENSE.txt"),
)
# npm ships docx unminified (about 1 MB, 230 KB gzipped); terser (pinned in
# package.json) makes it about 290 KB, 85 KB gzipped. Minifying takes a few
# seconds, so the result is kept in build/vendor/ under the source's hash.
CACHE = ROOT / "build" / "vendor"


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
        shutil.copyfile(minified(src, Path(modules)) if src.suffix == ".js" else src, dest)
        written.append(dest)
    return written


def minified(src: Path, modules: Path, cache: Path = CACHE) -> Path:
    """``src`` minified with terser, from the cache when it has been done before."""
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    done = cache / f"{src.stem}.{digest}.min.js"
    if done.is_file():
        return done
    terser, node = modules / "terser" / "bin" / "terser", shutil.which("node")
    if not terser.is_file() or not node:
        raise VendorError(f"{terser} or node is missing: run `npm ci --ignore-scripts` (make does it)")
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache, suffix=".tmp")
    os.close(fd)
    result = subprocess.run([node, str(terser), str(src), "--compress", "--mangle", "--comments", "false",
                             "-o", tmp], capture_output=True, text=True)
    if result.returncode != 0:
        os.unlink(tmp)
        raise VendorError(f"terser could not minify {src}: {result.stderr.strip()[:500]}")
    os.replace(tmp, done)  # whole or not at all, also with two builds at once
    return done


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
