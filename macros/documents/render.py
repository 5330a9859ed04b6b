"""A template (data/documents/<id>.yml) as the parts its page is drawn from.

The page shows the fields to fill in and, under them, the document itself
with an empty place (a "slot") for every field. documents.js writes the
reader's values into the slots as text, and makes the Word file, the copy
and the print from that same document, so all outputs show one thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.data.catalog import Catalog
from macros.data.schema import PLACEHOLDER, DocumentField, DocumentTemplate
from macros.documents import EXAMPLES_SCRIPT, STYLESHEET
from macros.navigation import by_menu
from macros.render import Renderer, feature_script
from macros.render import text_blocks as plain_text_blocks

_PLACE = re.compile(PLACEHOLDER)


@dataclass(frozen=True)
class Piece:
    """A run of the template's own text, or the place of a field's value."""

    text: str = ""
    slot: DocumentField | None = None


def pieces(template: DocumentTemplate, text: str) -> list[Piece]:
    """``"Välkommen till {plats}"`` as text and slots, in order."""
    out: list[Piece] = []
    last = 0
    for match in _PLACE.finditer(text):
        if match.start() > last:
            out.append(Piece(text=text[last:match.start()]))
        out.append(Piece(slot=template.field(match.group(1))))
        last = match.end()
    if last < len(text):
        out.append(Piece(text=text[last:]))
    return out


def text_blocks(template: DocumentTemplate, text: str) -> list[dict]:
    """Paragraphs and lists (:func:`macros.render.text_blocks`), each run of
    text as pieces."""
    blocks = []
    for kind, parts in plain_text_blocks(text):
        if kind == "list":
            blocks.append({"kind": "list", "items": [pieces(template, item) for item in parts]})
        else:
            blocks.append({"kind": "paragraph", "parts": pieces(template, parts[0])})
    return blocks


def sections(catalog: Catalog, template: DocumentTemplate) -> list[dict]:
    out = []
    for section in template.sections:
        blocks = []
        for block in section.blocks:
            if block.text:
                blocks.extend(text_blocks(template, block.text))
            elif block.agenda:
                blocks.append({"kind": "list", "items": [pieces(template, item) for item in catalog.agenda(block.agenda)]})
            elif block.field:
                field = template.field(block.field)
                blocks.append({"kind": field.kind, "field": field})
            else:
                blocks.append({"kind": "questions", "questions": [pieces(template, q) for q in block.questions]})
        out.append({"heading": pieces(template, section.heading), "blocks": blocks})
    return out


def example(template: DocumentTemplate) -> dict:
    """The invented case, as documents.js stores values: {field: text, table: [[cell]]}."""
    return {f.id: [list(row) for row in f.example_rows] if f.kind == "table" else f.example
            for f in template.fields}


def examples_script(catalog: Catalog) -> str:
    """Every template's invented case, {template id: example}, as a script
    that registers itself with the kernel (documents-out.js loads it at the
    first "Fyll i med exempel")."""
    return feature_script("documents-examples", "the templates' invented cases, written by the build "
                          "(macros/documents/render.py).",
                          {tid: example(t) for tid, t in sorted(catalog.documents.items())})


def write_examples(catalog: Catalog, site_dir: Path) -> None:
    target = Path(site_dir) / EXAMPLES_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(examples_script(catalog), encoding="utf-8")


def prefill_source(catalog: Catalog, spec: str | None) -> dict | None:
    """Where a pre-filled value comes from, in words and with a link, for the
    note beside the field."""
    if not spec:
        return None
    kind, _, target = spec.partition(":")
    if kind == "organisation":
        return {"text": "handbokens inställningar (organisationen som ger ut den)", "page": None}
    if kind == "party":
        return {"text": "partens namn i arbetsytan", "page": None}
    if kind == "register":
        register = catalog.register(target)
        return {"text": f"registret {register.title}", "page": register.page}
    if kind == "answer":
        home = next(h for h in catalog.question_homes() if h.question.id == target)
        return {"text": f"ert svar i {home.owner_title}: ”{home.question.text}”", "page": home.page}
    process_id, _, milestone_id = target.partition("/")
    process = catalog.process(process_id)
    title = next(m.title for s in process.steps for m in s.milestones if m.id == milestone_id)
    return {"text": f"er planering av {process.title.lower()} ({title.lower()})", "page": process.page}


def document(renderer: Renderer, catalog: Catalog, template: DocumentTemplate, *,
             organisation: str, site_name: str) -> str:
    """A template's page: the fields, the buttons and the document as it will print."""
    sources = {f.id: prefill_source(catalog, f.prefill) for f in template.fields}
    parts = sections(catalog, template)
    return renderer.render(
        "documents/document.html.j2", t=template, heading=pieces(template, template.heading),
        sections=parts, has_questions=any(b["kind"] == "questions" for s in parts for b in s["blocks"]),
        sources=sources, organisation=organisation,
        site_name=site_name,
        blank_file=renderer.context.page_url(f"mallar/filer/{template.id}.docx"),
        css=renderer.stylesheet(STYLESHEET))


def overview(renderer: Renderer, catalog: Catalog, page_titles: dict[str, str]) -> str:
    """The "Mallar" page: the templates grouped by process (``group``), each
    group where its first template comes in the menu (its page is
    mallar/<id>.md), then any not in it by id."""
    templates = by_menu(catalog.documents.values(), page_titles,
                        page=lambda t: f"mallar/{t.id}.md", then=lambda t: t.id)
    groups: dict[str, list[DocumentTemplate]] = {}
    for template in templates:
        groups.setdefault(template.group, []).append(template)
    return renderer.render("documents/document_list.html.j2",
                           groups=[(title, _anchor(title), items) for title, items in groups.items()])


def _anchor(title: str) -> str:
    """A heading's id from its words: "Samverkan mellan …" -> "samverkan-mellan-…"."""
    plain = title.lower().translate(str.maketrans("åäö", "aao"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
