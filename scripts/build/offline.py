"""Build the handbook for reading from disk and zip it (`make offline`).

The build switches on Material's offline plugin through SHB_OFFLINE (see
mkdocs.yml); macros/brand/site.py then turns off instant navigation and
directory URLs and keeps the search shim local. The zip holds one folder;
unpacked, its index.html opens in a browser straight from the disk, with
search and worksheets working, and the worksheet PDFs and the blank Word
templates beside the pages (the steps of `make build`, made from this build).

    python -m scripts.build.offline [--site-dir DIR] [--zip FILE] [--from-site SITE]

With --from-site (the last step of `make build`), the PDFs and the blank
Word files are copied from that built site instead of being made again, and
the zip is put into that site too, where "Om handboken" links to it
("Läs utan internet"; the Pages workflow publishes it with the site).
"""
from __future__ import annotations

import argparse
import os
import shutil
import zipfile
from pathlib import Path

from macros.brand.register import OFFLINE_ZIP
from scripts.build import blank_documents, pdf

ROOT = Path(__file__).resolve().parents[2]
FOLDER = "samverkanshandboken"
DEFAULT_SITE = ROOT / "dist" / "offline" / FOLDER
DEFAULT_ZIP = ROOT / "dist" / f"{FOLDER}-offline.zip"


def build_offline(site_dir: Path, project_dir: Path = ROOT) -> Path:
    """Build the offline site strictly into ``site_dir`` (emptied first)."""
    os.environ["SHB_OFFLINE"] = "true"
    from scripts.build.sitebuild import build_site  # after SHB_OFFLINE: mkdocs.yml reads it

    if site_dir.exists():
        shutil.rmtree(site_dir)
    return build_site(site_dir, config_file=project_dir / "mkdocs.yml")


def make_zip(site_dir: Path, zip_path: Path, folder: str = FOLDER) -> Path:
    """Zip ``site_dir`` as one ``folder`` inside ``zip_path``, in a stable order."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    return zip_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--from-site", type=Path, default=None,
                        help="a site from `make build`: take its PDFs and Word files, and put the zip into it")
    args = parser.parse_args(argv)
    site = build_offline(args.site_dir.resolve())
    if args.from_site:
        published = args.from_site.resolve()
        for folder in ("pdf", blank_documents.FOLDER):
            if not (published / folder).is_dir():
                raise SystemExit(f"offline: {published / folder} is missing: run the whole `make build` first")
            shutil.copytree(published / folder, site / folder, dirs_exist_ok=True)
        archive = make_zip(site, args.zip.resolve())
        shutil.copy2(archive, published / OFFLINE_ZIP)
        print(f"{published / OFFLINE_ZIP} ({archive.stat().st_size // 1024} kB)")
        return
    if pdf.main([str(site)]) != 0:
        raise SystemExit("offline: the PDFs could not be printed, so no zip was made")
    if blank_documents.main([str(site)]) != 0:
        raise SystemExit("offline: the blank Word files could not be made, so no zip was made")
    archive = make_zip(site, args.zip.resolve())
    print(f"{archive} ({archive.stat().st_size // 1024} kB): "
          f"unpack it and open {FOLDER}/index.html")


if __name__ == "__main__":
    main()
