"""A register (data/registers/<id>.yml) as the parts its page is drawn from,
and the index of all registers that registers.js reads (the fields, the
statuses, the options of a section field)."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File

from macros.data.catalog import Catalog
from macros.data.schema import PLACEHOLDER, Register
from macros.registers import INDEX_SCRIPT, INDEX_VERSION, STYLESHEET
from macros.render import Renderer, feature_script


def section_options(catalog: Catalog, document_id: str) -> list[str]:
    """The parts of a template, by their headings, for a section field
    ("Avsnitt i överenskommelsen"); a heading's {field} places are dropped."""
    template = catalog.document(document_id)
    return [re.sub(r"\s+", " ", re.sub(PLACEHOLDER, "", s.heading)).strip(" ,:") for s in template.sections]


def page_address(page: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs puts a page, from the site's root."""
    return File(page, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


def index(catalog: Catalog, use_directory_urls: bool = True) -> dict:
    """Every register as registers.js needs it."""
    registers = []
    for reg in catalog.registers.values():
        fields = []
        for f in reg.fields:
            entry = {"id": f.id, "label": f.label, "kind": f.kind, "limit": f.limit,
                     "required": f.required, "due": f.due, "list": f.list}
            if f.help:
                entry["help"] = f.help
            if f.default:
                entry["default"] = f.default
            if f.register:
                entry["register"] = f.register
            if f.document:
                entry["options"] = section_options(catalog, f.document)
            fields.append(entry)
        registers.append({"id": reg.id, "title": reg.title, "one": reg.one, "many": reg.many,
                          "url": page_address(reg.page, use_directory_urls), "late": reg.late or "", "lateMany": reg.late_many or "", "papers": reg.papers,
                          "statuses": [{"id": s.id, "label": s.label, "done": s.done} for s in reg.statuses],
                          "fields": fields, "notes": reg.notes or "", "answer": reg.answer or "", "asks": reg.asks or "",
                          "questions": [{"id": q.id, "text": q.text, "scope": q.scope, "source": q.source or "", "change": q.change}
                                        for q in reg.questions]})
    return {"version": INDEX_VERSION, "registers": registers}


def index_script(catalog: Catalog, use_directory_urls: bool = True) -> str:
    """The index as a script that registers itself with the kernel."""
    return feature_script("registers-index", "every register's fields and statuses, written by the build "
                          "(macros/registers/render.py).", index(catalog, use_directory_urls))


def write_index(catalog: Catalog, site_dir: Path, use_directory_urls: bool = True) -> None:
    target = Path(site_dir) / INDEX_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_script(catalog, use_directory_urls), encoding="utf-8")


def register_list(renderer: Renderer, catalog: Catalog, reg: Register) -> str:
    options = {f.id: section_options(catalog, f.document) for f in reg.fields if f.document}
    linked = {f.id: catalog.register(f.register) for f in reg.fields if f.register}
    parties = [f for f in reg.fields if f.kind == "party"]
    dates = [f for f in reg.fields if f.kind == "date"]
    return renderer.render("registers/register.html.j2", r=reg, options=options, linked=linked,
                           party=parties[0] if parties else None, dates=dates,
                           status=next((f for f in reg.fields if f.kind == "status"), None),
                           css=renderer.stylesheet(STYLESHEET))


def status(renderer: Renderer, catalog: Catalog) -> str:
    return renderer.render("registers/status.html.j2", registers=list(catalog.registers.values()),
                           css=renderer.stylesheet(STYLESHEET))
