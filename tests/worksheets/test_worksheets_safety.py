"""Stored notes are never lost: older stores are migrated, stores that cannot
be read are left alone, a note typed just before the page is left is saved,
two open pages agree, and the browser is asked to keep the data.

The kernel (shb.js) keeps the format: ``window.shb.store`` has ``VERSION``,
``MIGRATIONS`` and ``migrate``, which the tests call directly. To raise the
version, the shipped (minified) kernel is served with its ``VERSION`` changed
and, if given, a step added; everything else is the file as built. Timers are
Playwright's clock, so that the 600 ms save delay cannot do the work a test
says an event does.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser_checks import PageWatch, origin_of
from tests.helpers import FIXTURES
from tests.worksheets_support import (BANK, STORE_KEY, WORKSHEET, active_answers, mounted,
                                      open_page, open_panel, stored)

Q1, Q2 = "rb-beslut-arbetsgrupp", "rb-beslut-mandat"
V1_STORE = json.loads((FIXTURES / "stores" / "v1.json").read_text(encoding="utf-8"))
SCRIPT = "**/assets/javascripts/shb.js"
BLOCKED_TEXT = ("Anteckningarna som finns sparade i webbläsaren kommer från en nyare version av "
                "handboken eller går inte att läsa. De lämnas orörda, och ändringar här sparas inte.")
COUNT_PERSIST = """
window.__persistCalls = 0;
if (navigator.storage) {
  navigator.storage.persist = () => { window.__persistCalls++; return Promise.resolve(true); };
}
"""


def serve_script(page, change=lambda js: js):
    """Serve the kernel (shb.js) as built, with ``change`` applied."""
    def handle(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))
    page.route(SCRIPT, handle)


def raise_version(js: str, step: str | None) -> str:
    """The script with VERSION one higher and, if given, MIGRATIONS[old] = step."""
    version = int(re.search(r"const VERSION\s*=\s*(\d+)", js).group(1))
    js = re.sub(r"const VERSION\s*=\s*\d+", f"const VERSION={version + 1}", js, count=1)
    if step:
        # The step is added just before migrate() is declared, which follows
        # the MIGRATIONS table in the same scope.
        js, found = re.subn(r"function migrate\(", lambda m: f"MIGRATIONS[{version}]={step};" + m.group(0),
                            js, count=1)
        assert found, "shb.js no longer declares function migrate("
    return js


def missing_steps(page) -> list[int]:
    """Versions below VERSION that have no migration step."""
    return page.evaluate("""() => { const t = window.shb.store, missing = [];
        for (let v = 1; v < t.VERSION; v++) if (typeof t.MIGRATIONS[v] !== 'function') missing.push(v);
        return missing; }""")


def assert_v1_shown(page):
    """The version-1 store's active workspace on the worksheet, with no alert."""
    assert page.locator("#shb-alert").count() == 0
    assert page.inner_text("#shb-ws-name") == "Överenskommelse Kumla 2027"
    assert page.is_checked(f"#shb-check-{Q1}")
    assert page.input_value(f"#shb-note-{Q2}") == "Beslut i styrgruppen\nandra raden"


def migrated_v1(page):
    """The version-1 store from tests/fixtures/stores/v1.json, through migrate()."""
    return page.evaluate("""(d) => { try { return {ok: window.shb.store.migrate(d)}; }
        catch (e) { return {error: String(e)}; } }""", V1_STORE)


def assert_v1_notes_kept(result, version):
    """Whatever the format becomes, every tick, note, name and value of version 1 is kept."""
    assert "error" not in result, result
    d = result["ok"]
    assert d is not None, "migrate() gave up on a version-1 store: a step is missing"
    assert d["version"] == version
    assert d["active"] == "wkumla2027"
    for wid, old in V1_STORE["workspaces"].items():
        new = d["workspaces"][wid]
        assert new["name"] == old["name"]
        assert new["values"] == old["values"]
        assert {q: (a["checked"], a["note"]) for q, a in new["answers"].items()} == \
               {q: (a["checked"], a["note"]) for q, a in old["answers"].items()}


# ---- migrations ---------------------------------------------------------------

def test_every_older_version_has_a_migration_step_that_keeps_the_notes(page, base_url):
    serve_script(page)
    open_page(page, base_url, WORKSHEET)
    version = page.evaluate("window.shb.store.VERSION")
    assert version >= 1
    assert missing_steps(page) == [], f"VERSION is {version}: add MIGRATIONS[v] for each missing v"
    assert_v1_notes_kept(migrated_v1(page), version)


def test_the_migration_check_fails_when_version_is_raised_without_a_step(page, base_url):
    """The test above can fail: the same checks on a script whose VERSION was raised alone."""
    serve_script(page, lambda js: raise_version(js, None))
    open_page(page, base_url, WORKSHEET)
    version = page.evaluate("window.shb.store.VERSION")
    assert missing_steps(page) == [version - 1]
    assert migrated_v1(page) == {"ok": None}


def test_an_older_store_is_migrated_on_load_and_its_notes_shown(page, base_url):
    """A format one step newer than the shipped one, with its step: the shipped
    format in storage is upgraded when a page loads and saved as the new one."""
    step = "(d)=>{d.version+=1;d.upgraded=true;return d}"
    serve_script(page, lambda js: raise_version(js, step))
    page.goto(base_url + WORKSHEET)
    shipped = page.evaluate("window.shb.store.VERSION") - 1
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(V1_STORE)])
    open_page(page, base_url, WORKSHEET)

    assert_v1_shown(page)
    page.check(f"#shb-check-{Q2}")
    data = stored(page)
    assert data["version"] == shipped + 1 and data["upgraded"] is True
    answers = data["workspaces"]["wkumla2027"]["answers"]
    assert answers[Q2]["checked"] is True and answers[Q2]["note"] == "Beslut i styrgruppen\nandra raden"
    assert answers["rb-en-fraga-som-togs-bort"]["note"] == "Kvar fast frågan är borta"
    assert set(data["workspaces"]) == {"wkumla2027", "wregion"}


def test_the_version_one_store_opens_with_every_note(page, base_url):
    """The stored format as version 1 wrote it, in the shipped script, unchanged."""
    page.goto(base_url + WORKSHEET)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(V1_STORE)])
    open_page(page, base_url, WORKSHEET)
    assert_v1_shown(page)
    assert page.locator("#shb-ws-select option").all_text_contents() == \
        ["Överenskommelse Kumla 2027", "Rundabord med regionen"]


# ---- stores that cannot be read ------------------------------------------------

UNREADABLE = {
    "corrupt JSON": '{"version": 1, "active": "w1", "workspaces": {"w1": {"name": "Kum',
    "newer version": '{"version": 99, "active": "w1", "workspaces": {"w1": {"shape": "unknown"}}}',
    "no version": '{"active": "w1", "workspaces": {}}',
    "wrong shape": '{"version": 1, "active": "w1", "workspaces": {"w1": {"name": 5, "answers": []}}}',
}


@pytest.mark.parametrize("kind", UNREADABLE)
def test_a_store_that_cannot_be_read_is_left_untouched_and_the_reader_told(context, base_url, kind):
    context.add_init_script(COUNT_PERSIST)
    page = context.new_page()
    raw = UNREADABLE[kind]
    page.goto(base_url + WORKSHEET)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, raw])
    open_page(page, base_url, WORKSHEET)
    alert = page.locator("#shb-alert[role=alert]")
    assert alert.inner_text() == BLOCKED_TEXT
    assert alert.is_visible()

    # Everything a reader can do that would save: tick, type, leave the field,
    # a value from another script, then leave the page.
    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q2}", "skriver inte över")
    page.keyboard.press("Tab")
    assert page.evaluate("window.shb.store.set('timeline.phase', {phase: 'forfas'})") is False
    assert page.evaluate("window.__persistCalls") == 0
    page.goto(base_url + BANK)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('shb'))") == [STORE_KEY]
    assert page.evaluate("k => localStorage.getItem(k)", STORE_KEY) == raw
    mounted(page)
    assert page.locator("#shb-alert").inner_text() == BLOCKED_TEXT


# ---- a note typed just before the page is left ---------------------------------

def typed_and_held(page, base_url, note: str):
    """Open the worksheet with the clock stopped, type a note, and check that
    only the save delay would have saved it."""
    page.clock.install()
    open_page(page, base_url, WORKSHEET)
    page.clock.pause_at(page.evaluate("Date.now()") + 60_000)
    page.locator(f"#shb-note-{Q1}").press_sequentially(note)
    assert page.evaluate("document.activeElement.id") == f"shb-note-{Q1}"
    assert Q1 not in active_answers(page), "saved before the delay and before leaving"


def test_the_save_delay_saves_after_600_ms(page, base_url):
    typed_and_held(page, base_url, "efter en stund")
    page.clock.run_for(599)
    assert Q1 not in active_answers(page)
    page.clock.run_for(1)
    assert active_answers(page)[Q1]["note"] == "efter en stund"


def test_a_note_typed_then_a_link_followed_at_once_is_saved(page, base_url):
    """Clicking the link takes the focus from the field first (a change event)."""
    typed_and_held(page, base_url, "sparas när sidan byts")
    page.locator(".md-nav a", has_text="Frågebank").first.click()
    page.wait_for_url(base_url + BANK)
    mounted(page)
    assert page.input_value(f"#shb-note-{Q1}") == "sparas när sidan byts"
    assert active_answers(page)[Q1]["note"] == "sparas när sidan byts"


def test_a_note_typed_then_the_page_left_without_leaving_the_field_is_saved(page, base_url):
    """Navigation away with the focus still in the field (no change event):
    pagehide saves it."""
    typed_and_held(page, base_url, "sparas när sidan lämnas")
    page.evaluate("p => location.assign(p)", base_url + BANK)
    page.wait_for_url(base_url + BANK)
    mounted(page)
    assert page.input_value(f"#shb-note-{Q1}") == "sparas när sidan lämnas"
    assert active_answers(page)[Q1]["note"] == "sparas när sidan lämnas"


def test_a_note_is_saved_on_pagehide(page, base_url):
    typed_and_held(page, base_url, "sparas vid pagehide")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: false}))")
    assert active_answers(page)[Q1]["note"] == "sparas vid pagehide"


def test_a_note_is_saved_when_the_tab_is_hidden(page, base_url):
    typed_and_held(page, base_url, "sparas när fliken döljs")
    # Still visible: the event alone saves nothing.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert Q1 not in active_answers(page)
    page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});
        Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange')); }""")
    assert active_answers(page)[Q1]["note"] == "sparas när fliken döljs"


def test_a_note_is_saved_when_leaving_the_field_without_the_delay(page, base_url):
    typed_and_held(page, base_url, "sparas direkt")
    page.keyboard.press("Tab")
    assert active_answers(page)[Q1]["note"] == "sparas direkt"


# ---- two pages of the site ------------------------------------------------------

def test_a_save_in_one_page_reaches_the_other(context, base_url):
    first, second = context.new_page(), context.new_page()
    open_page(first, base_url, WORKSHEET)
    open_page(second, base_url, BANK)
    first.check(f"#shb-check-{Q1}")
    first.fill(f"#shb-note-{Q2}", "skrivet i första fliken")
    first.keyboard.press("Tab")
    second.wait_for_function("id => document.getElementById(id).checked", arg=f"shb-check-{Q1}")
    # The note is the first page's second save (at Tab), a storage event of its own.
    second.wait_for_function("id => document.getElementById(id).value === 'skrivet i första fliken'",
                             arg=f"shb-note-{Q2}")
    assert second.locator('[data-shb-progress="rundabordssamtal"]').inner_text() == "1 av 16 frågor besvarade"

    open_panel(first)
    first.get_by_role("button", name="Byt namn").click()
    first.fill("#shb-dialog-name", "Kumla 2027")
    first.locator("dialog.shb-dialog[open]").get_by_role("button", name="Spara", exact=True).click()
    second.wait_for_function("() => document.getElementById('shb-ws-name').textContent === 'Kumla 2027'")


def test_a_note_being_typed_keeps_what_another_page_saved(context, base_url):
    """A note typed in one page within the save delay, while another page saves:
    both are kept (the later save does not overwrite the other page's note)."""
    first, second = context.new_page(), context.new_page()
    open_page(first, base_url, WORKSHEET)
    open_page(second, base_url, WORKSHEET)
    context.clock.install()
    second.reload()
    mounted(second)
    second.clock.pause_at(second.evaluate("Date.now()") + 60_000)
    second.locator(f"#shb-note-{Q2}").press_sequentially("skrivs i andra fliken")

    first.fill(f"#shb-note-{Q1}", "sparat i första fliken")
    first.keyboard.press("Tab")
    assert active_answers(first)[Q1]["note"] == "sparat i första fliken"
    expect(second.locator(f"#shb-note-{Q1}")).to_have_value("sparat i första fliken")
    assert second.input_value(f"#shb-note-{Q2}") == "skrivs i andra fliken"

    second.clock.run_for(600)
    answers = active_answers(second)
    assert answers[Q1]["note"] == "sparat i första fliken"
    assert answers[Q2]["note"] == "skrivs i andra fliken"


# ---- persistent storage ---------------------------------------------------------

def test_persistent_storage_is_asked_once_after_the_first_save(context, base_url):
    context.add_init_script(COUNT_PERSIST)
    page = context.new_page()
    open_page(page, base_url, WORKSHEET)
    assert page.evaluate("window.__persistCalls") == 0  # opening a page saves nothing
    page.check(f"#shb-check-{Q1}")
    assert stored(page) is not None
    assert page.evaluate("window.__persistCalls") == 1
    page.check(f"#shb-check-{Q2}")
    page.fill(f"#shb-note-{Q2}", "ännu en")
    page.keyboard.press("Tab")
    page.evaluate("window.shb.store.set('ladder.level', 2)")
    assert page.evaluate("window.__persistCalls") == 1


def test_persistent_storage_is_not_asked_while_nothing_can_be_saved(context, base_url):
    context.add_init_script(COUNT_PERSIST + """Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""")
    page = context.new_page()
    watch = PageWatch(origin_of(base_url)).attach(page)
    open_page(page, base_url, WORKSHEET)
    page.check(f"#shb-check-{Q1}")
    page.fill(f"#shb-note-{Q1}", "sparas inte")
    page.keyboard.press("Tab")
    assert page.locator("#shb-alert[role=alert]").is_visible()
    assert page.evaluate("window.__persistCalls") == 0
    assert page.evaluate("Object.keys(localStorage)") == []
    assert watch.console_errors == []


# ---- the reminder to export --------------------------------------------------

REMINDER = ("Bockar och anteckningar sparas bara i den här webbläsaren. Exportera dem då och då och "
            "spara filen: Safari raderar en webbplats data efter sju dagar utan besök.")


def test_every_page_that_saves_reminds_to_export(site_dir):
    """The README: the panel on every page with questions, and Mina anteckningar."""
    pages = [p for p in sorted(site_dir.rglob("*.html")) if 'class="shb-q"' in p.read_text(encoding="utf-8")
             or 'data-shb-q=' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 10
    for path in [*pages, site_dir / "verktyg" / "mina-anteckningar" / "index.html"]:
        html = path.read_text(encoding="utf-8")
        assert html.count('id="shb-ws"') == 1, path
        assert f'<p class="shb-hint">{REMINDER}</p>' in html, path


def test_the_reminder_is_shown_in_the_open_panel_and_when_nothing_is_saved(context, base_url):
    page = context.new_page()
    open_page(page, base_url, WORKSHEET)
    hint = page.locator("#shb-ws .shb-hint", has_text="sparas bara i den här webbläsaren")
    assert not hint.is_visible()
    open_panel(page)
    assert hint.is_visible() and hint.inner_text() == REMINDER

    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    page.check(f"#shb-check-{Q1}")
    alert = page.locator("#shb-alert[role=alert]")
    assert alert.is_visible()
    assert alert.inner_text().endswith("Sidan fungerar, men exportera det ni vill behålla.")
