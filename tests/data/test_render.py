"""Rendering data into pages: structure, ids, links and escaping."""
from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest
from markupsafe import Markup
from minijinja import TemplateError

from macros.glossary.terms import Glosser
from macros.data.schema import Glossary, Question, Term
from macros.glossary.render import glossary_page
from macros.render import PageContext, Renderer, TemplateProblem, environment, md_heading, paragraphs
from macros.worksheets.render import question_bank, worksheet
from tests.helpers import ids_in_data


def to_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["attr_list", "md_in_html", "toc"])


def test_worksheet_renders_every_step_and_question(catalog):
    process = catalog.process("rundabordssamtal")
    html = to_html(worksheet(Renderer(PageContext("verktyg/rundabordssamtal/")), process))
    titles = re.findall(r'<h2 class="shb-step-title" id="rundabordssamtal-([a-z-]+)">(\d)\. ', html)
    assert [t[0] for t in titles] == [s.id for s in process.steps]
    assert [t[1] for t in titles] == [str(i) for i in range(1, 9)]
    for step in process.steps:
        for q in step.questions:
            assert f'<input class="shb-q__check" type="checkbox" id="shb-check-{q.id}"' in html
            assert f'<label class="shb-q__text" for="shb-check-{q.id}"' in html
            assert f'<label class="shb-q__note-label" for="shb-note-{q.id}">' in html
            assert f'<textarea class="shb-q__note" id="shb-note-{q.id}"' in html


def test_html_in_data_reaches_the_page_as_text(catalog):
    process = catalog.process("rundabordssamtal")
    evil = "<script>alert('x')</script><b>fet</b>"
    step = replace(process.steps[0], title=evil, text=evil,
                   questions=(Question(id="evil", text=evil, help=evil),))
    process = replace(process, steps=(step,), intro=evil)
    html = to_html(worksheet(Renderer(PageContext("x/")), process))
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;alert(") >= 5


def test_paragraphs_and_lists_are_escaped():
    html = str(paragraphs("Ett <i>stycke</i>\nsom fortsätter.\n\n- punkt & en\n- punkt två"))
    assert html == ("<p>Ett &lt;i&gt;stycke&lt;/i&gt; som fortsätter.</p>\n"
                    "<ul><li>punkt &amp; en</li><li>punkt två</li></ul>")


def test_heading_text_cannot_carry_markdown_syntax():
    assert str(md_heading("Steg *ett* [länk](x) {#id}")) == (
        r"Steg \*ett\* \[länk\]\(x\) \{\#id\}")


def test_links_are_relative_to_the_current_page():
    ctx = PageContext("verktyg/rundabordssamtal/")
    assert ctx.page_url("index.md") == "../../"
    assert ctx.page_url("dialogprocessen/index.md#forfas") == "../../dialogprocessen/#forfas"
    flat = PageContext("verktyg/rundabordssamtal.html", use_directory_urls=False)
    assert flat.page_url("om.md") == "../om.html"


def test_question_bank_holds_every_question(catalog):
    html = to_html(question_bank(Renderer(PageContext("verktyg/fragebank/")), catalog, {}))
    expected = [i for ids in ids_in_data().values() for i in ids]  # data/ read as plain YAML
    assert len(expected) == len(set(expected)) > 0
    for qid in expected:
        assert f'id="shb-check-{qid}"' in html


def test_glossary_lists_terms_sorted(catalog):
    html = to_html(glossary_page(Renderer(PageContext("begrepp/")), catalog.glossary))
    terms = re.findall(r'<dt id="begrepp-[a-z0-9-]+">([^<]+)</dt>', html)
    assert terms == sorted((t.term for t in catalog.glossary.terms), key=str.casefold)
    assert len(terms) == len(catalog.glossary.terms)


def _glosser(*terms):
    return Glosser.of(Glossary(terms=tuple(Term(id=t, term=t, definition=d, forms=f)
                                           for t, d, f in terms)))


def test_glosser_marks_whole_words_longest_first_and_escapes():
    gloss = _glosser(("samverkan", 'Att "arbeta" <ihop>', ("samverkansavtal",)),
                     ("avtal", "Ett skrivet avtal", ()))
    html = str(gloss("Samverkan & samverkansavtal, inte avtalsrörelse <b>"))
    assert html == ('<abbr title="Att &#34;arbeta&#34; &lt;ihop&gt;">Samverkan</abbr> &amp; '
                    '<abbr title="Att &#34;arbeta&#34; &lt;ihop&gt;">samverkansavtal</abbr>, '
                    'inte avtalsrörelse &lt;b&gt;')
    assert str(_glosser()("<i>")) == "&lt;i&gt;"


def test_text_from_data_gets_glossary_tooltips_but_not_the_glossary_itself(catalog):
    renderer = Renderer(PageContext("verktyg/planera-motet/"), glosser=Glosser.of(catalog.glossary))
    html = worksheet(renderer, catalog.process("motesplanering"))
    leader = next(t for t in catalog.glossary.terms if t.id == "facilitator")
    title = " ".join(leader.definition.split())
    # Step text (paragraphs) and question text (labels) from data both carry tooltips.
    assert f'<abbr title="{title}">samtalsledare</abbr>' in html
    assert re.search(r'<label class="shb-q__text"[^>]*>[^<]*<abbr title="[^"]+">', html)
    # The label for the note field repeats the question for screen readers, as plain text.
    assert not re.search(r'<span class="shb-sr-only">[^<]*<abbr', html)
    assert "<abbr" not in glossary_page(renderer, catalog.glossary)


def test_a_question_is_rendered_once_per_build_and_looks_the_same_on_every_page(catalog):
    glosser, memo = Glosser.of(catalog.glossary), {}
    process = catalog.process("rundabordssamtal")
    on_chapter = Renderer(PageContext("verktyg/rundabordssamtal/"), glosser=glosser, memo=memo)
    in_bank = Renderer(PageContext("verktyg/fragebank/"), glosser=glosser, memo=memo)
    fresh = Renderer(PageContext("arbetsblad/"), glosser=glosser)  # no memo: renders anew
    chapter_html = worksheet(on_chapter, process)
    bank_html = question_bank(in_bank, catalog, {})
    booklet_html = worksheet(fresh, process, level=3)
    questions = [q for step in process.steps for q in step.questions]
    # The bank shows every question in the data: one memo entry each.
    assert len(memo) == len({h.question.id for h in catalog.question_homes()})
    for q in questions:
        item = re.search(rf'<li class="shb-q" id="q-{q.id}".*?</li>', chapter_html, re.S)[0]
        assert item in bank_html and item in booklet_html
        assert "<abbr" in item or not glosser.pattern.search(q.text)


def test_templates_escape_every_value_and_refuse_names_that_are_not_defined():
    env = environment()
    # Text is escaped exactly as markupsafe (and so Jinja2) escapes it; "/" stays.
    assert env.render_str("{{ x }}", x="<a href='/x'>&\"") == "&lt;a href=&#39;/x&#39;&gt;&amp;&#34;"
    # HTML that a filter or the Glosser has already made safe passes unchanged.
    assert env.render_str("{{ x }}", x=Markup("<abbr title=\"t\">x</abbr>")) == '<abbr title="t">x</abbr>'
    # JSON in a single-quoted attribute cannot close the attribute or open a tag.
    attr = env.render_str("{{ v | tojson }}", v=["a'b", "</p><script>"])
    assert "'" not in attr and "<" not in attr and ">" not in attr
    with pytest.raises(TemplateError, match=r"`q` is undefined \(in worksheets/question.html.j2:1\)"):
        env.render_template("worksheets/question.html.j2")
    # Through the renderer the error names the file and line, and carries no
    # "%" (mkdocs-macros formats error messages with the % operator).
    with pytest.raises(TemplateProblem) as problem:
        Renderer(PageContext("x/")).render("worksheets/question.html.j2")
    assert str(problem.value) == ("macros/worksheets/templates/question.html.j2, line 1: "
                                  "undefined value: `q` is undefined")
    # A misspelt attribute reaches a filter as None (MiniJinja's way): every
    # filter of ours stops there, naming itself, instead of writing nothing.
    for name in ("paragraphs", "gloss", "page_url", "md_heading", "swedish_date"):
        with pytest.raises(TemplateProblem, match=rf"the filter '{name}' got no value"):
            env.render_str(f"{{{{ step.txet | {name} }}}}", step={"text": "x"},
                           glosser=None, page_context=PageContext("x/"))
