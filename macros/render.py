"""Turn validated data into the Markdown and HTML that pages embed.

All markup lives in the ``templates/`` folder of each feature
(``macros/<feature>/templates/``; a template is named ``"<feature>/<file>"``),
written in Jinja's syntax and rendered with MiniJinja, the Rust engine that Zensical also uses: Jinja2
took 58 ms of every build to compile these templates, MiniJinja about 1 ms
(README, "Val vi har gjort"). Every value passes through markupsafe's
``escape`` on its way into the page, the escaping Jinja2's autoescape does,
so text from data files always reaches the page as text; values that are
already ``Markup`` (what the filters return) pass unchanged. mkdocs-macros
itself does not autoescape.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape
from minijinja import Environment, TemplateError, pass_state
from mkdocs.utils import get_relative_url

from macros.formats import display_url, swedish_date, tel
from macros.glossary.terms import Glosser
from macros.pages import COMPARE_PAGE, NOTES_PAGE, PageContext, page_context

PACKAGE = Path(__file__).parent


def template_path(name: str) -> str:
    """Where the template ``"<feature>/<file>"`` lives, from the project root,
    for messages: ``macros/<feature>/templates/<file>``."""
    feature, _, file = name.partition("/")
    return f"macros/{feature}/templates/{file}"

# Characters that Markdown would read as syntax inside a heading.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~-])")


def text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """Plain text from the data files as blocks: blank lines part them, and a
    block whose every line starts with "- " is a list. Each block is
    ``("list", items)`` or ``("paragraph", [text])``, its lines joined."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        if all(line.startswith("- ") for line in lines):
            blocks.append(("list", [line[2:].strip() for line in lines]))
        else:
            blocks.append(("paragraph", [" ".join(lines)]))
    return blocks


def paragraphs(text: str | None, mark: Callable[[str], Markup] = escape) -> Markup:
    """Plain text to HTML (:func:`text_blocks`): paragraphs and lists.

    ``mark`` escapes each piece of text (a ``Glosser`` also marks glossary words).
    """
    if not text:
        return Markup("")
    html = []
    for kind, parts in text_blocks(text):
        if kind == "list":
            html.append("<ul>{}</ul>".format("".join(f"<li>{mark(item)}</li>" for item in parts)))
        else:
            html.append(f"<p>{mark(parts[0])}</p>")
    return Markup("\n".join(html))


# A step title that already carries its own label, such as "A. Forma grunden".
_LABELLED = re.compile(r"^(?:[A-ZÅÄÖ]|\d+)\. ")


def feature_script(name: str, about: str, data) -> str:
    """A script written by the build that registers ``data`` with the kernel
    as the feature ``name`` (its exports); the JSON has no "<", so no text
    from data can close a script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"/* Samverkanshandboken: {about} */\nwindow.shb.feature({json.dumps(name)},{{exports:{text}}});\n"


def numbered(title: str, index: int) -> str:
    """Prefix a step title with its number, unless it has its own label."""
    return title if _LABELLED.match(title) else f"{index}. {title}"


def md_heading(text: str) -> Markup:
    """Escape text for a Markdown heading: HTML first, then Markdown syntax."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(text))))


def _marker(state) -> Callable[[str], Markup]:
    return state.lookup("glosser") or escape


def _gloss(state, text: str) -> Markup:
    """The ``gloss`` filter: text escaped, glossary words marked when the page wants them."""
    return _marker(state)(text)


def _paragraphs(state, text: str) -> Markup:
    """The ``paragraphs`` filter, glossary words marked when the page wants them."""
    return paragraphs(text, _marker(state))


def _page_url(state, page: str) -> str:
    """The ``page_url`` filter: a page's address relative to the page being built."""
    return state.lookup("page_context").page_url(page)


# The filters of the templates: name, function, whether it reads the page's
# state (glosser, page_context) as its first argument.
FILTERS: tuple[tuple[str, Callable, bool], ...] = (
    ("paragraphs", _paragraphs, True),
    ("gloss", _gloss, True),
    ("page_url", _page_url, True),
    ("md_heading", md_heading, False),
    ("numbered", numbered, False),
    ("swedish_date", swedish_date, False),
    ("tel", tel, False),
    ("display_url", display_url, False),
)


class TemplateProblem(Exception):
    """A template of the macros cannot be rendered; the message names
    the template (and the line, where MiniJinja knows it). Messages carry no
    "%": mkdocs-macros formats errors with the % operator."""


def _problem(error: TemplateError) -> TemplateProblem:
    where = f"{template_path(error.name)}, line {error.line}" if error.name else "a template"
    return TemplateProblem(f"{where}: {error.message.split(' (in ')[0]}")


def _refusing_nothing(name: str, function: Callable, with_state: bool) -> Callable:
    """``function`` as a filter that stops on a missing value.

    MiniJinja hands a Python filter None where a template names something
    that does not exist (a misspelt attribute), where Jinja2 would have
    stopped. No filter here is meant for an empty value: the templates test
    optional values with ``{% if %}`` before they filter them.
    """
    @pass_state
    def checked(state, value, *args):
        if value is None:
            raise TemplateProblem(
                f"{template_path(state.name)}: the filter {name!r} got no value; the name "
                "before it is misspelt, or it is optional and the template must test it with an if first")
        return function(state, value, *args) if with_state else function(value, *args)
    return checked


def _load(name: str) -> str | None:
    feature, _, file = name.partition("/")
    path = PACKAGE / feature / "templates" / file
    return path.read_text(encoding="utf-8") if file and path.is_file() else None


@cache
def environment() -> Environment:
    """The one template environment for the macros' templates, shared by every page
    so that each template is compiled once per build. define_env starts each
    build with a fresh one (environment.cache_clear()), so `mkdocs serve`
    picks up edited templates."""
    env = Environment(
        loader=_load,
        # Every template writes HTML (also the .md.j2 ones, into Markdown).
        auto_escape_callback=lambda name: "html",
        # markupsafe's escaping, not MiniJinja's own (which also escapes "/"
        # in every address): the pages stay as Jinja2 wrote them.
        finalizer=escape,
        # A name that is not defined is an error, not an empty string.
        undefined_behavior="strict",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    for name, function, with_state in FILTERS:
        env.add_filter(name, _refusing_nothing(name, function, with_state))
    return env


class Renderer:
    """Renders data for one page."""

    def __init__(self, context: PageContext, glosser: Glosser | None = None,
                 memo: dict | None = None,
                 claim: Callable[[str], bool] | None = None) -> None:
        """``claim`` answers True the first time the page asks for something
        it must have only once (its workspace panel, a stylesheet).
        ``memo``, shared by the renderers of one build, keeps HTML that is
        the same on every page that shows it (each question)."""
        self.context = context
        self.glosser = glosser
        self.claim = claim
        self.memo = memo
        self.env = environment()

    def stylesheet(self, path: str) -> Markup:
        """A ``<link>`` to one of our feature's stylesheets (``path`` from the
        site's root), the first time this page asks for it; then nothing.
        A feature's CSS thus loads only on the pages that show the feature
        (a stylesheet link is allowed in the body, and instant navigation
        brings it along with the content). Templates put it inside their
        outer element, where Markdown leaves raw HTML alone."""
        if self.claim and not self.claim("stylesheet:" + path):
            return Markup("")
        href = get_relative_url(path, self.context.url or "index.html")
        return Markup('<link rel="stylesheet" href="{}">').format(href)

    def panel(self, compact: bool = False) -> Markup:
        """The workspace panel (with its dialog and messages), the first time
        this page asks for it; then nothing. Templates call it as
        ``panel()`` where the page's first toolbar, or the notes or compare
        page's own markup, starts; the first to ask gets it. It links to
        Mina anteckningar and Jämför svar, but not to the page it is on.
        ``compact`` (a template's page): only choosing the workspace and the
        party, since the page has its own Word button."""
        if not (self.claim and self.claim("panel")):
            return Markup("")
        links = {name: "" if self.context.is_page(page) else self.context.page_url(page)
                 for name, page in (("notes", NOTES_PAGE), ("compare", COMPARE_PAGE))}
        return Markup(self._render("worksheets/workspace_panel.html.j2", compact=compact, **links))

    def remember(self, key, make: Callable[[], Markup]) -> Markup:
        """``make()``, kept in the build's memo under ``key``: for HTML that
        does not depend on the page (each question is shown on its chapter,
        in the question bank and in the booklet)."""
        if self.memo is None:
            return make()
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def render(self, template: str, gloss: bool = True, **values) -> str:
        """Render one template (``"<feature>/<file>"``) for this page; with
        ``gloss``, the ``gloss`` and ``paragraphs`` filters mark glossary words."""
        glosser = self.glosser if gloss else None
        return self._render(template, page_context=self.context, glosser=glosser,
                            panel=self.panel, **values)

    def _render(self, template: str, **values) -> str:
        try:
            return self.env.render_template(template, **values)
        except TemplateError as error:
            raise _problem(error) from None


# What each feature's ``register`` gets: it makes the Renderer for the page
# that mkdocs-macros is rendering now (a PageRenderers).
RendererFactory = Callable[[], Renderer]


class PageRenderers:
    """Makes the renderer for the page that mkdocs-macros is rendering now.

    mkdocs-macros calls a macro while it renders a page (``env.page``); the
    renderer it gets knows that page's address, marks glossary words, hands
    out what the page may have only once and shares the build-wide memo of
    questions. Made anew by ``define_env`` on every build (also each rebuild
    of ``mkdocs serve``), so what it remembers starts empty each time."""

    def __init__(self, env, glosser: Glosser) -> None:
        self.env = env
        self.glosser = glosser  # tooltips in text rendered from data
        self.claimed: set[tuple[str, str]] = set()  # (page, what): the panel, a stylesheet
        self.fragments: dict = {}  # HTML that is the same on every page (each question)

    def claim(self, what: str) -> bool:
        """True the first time the page being rendered asks for ``what``
        (its one workspace panel, or a feature's stylesheet)."""
        page = self.env.page
        key = (page.url if page else "", what)
        first = key not in self.claimed
        self.claimed.add(key)
        return first

    def __call__(self) -> Renderer:
        return Renderer(page_context(self.env), glosser=self.glosser,
                        memo=self.fragments, claim=self.claim)
