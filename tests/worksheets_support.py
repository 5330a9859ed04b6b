"""Helpers for the worksheet tests (tests/worksheets/)."""
from __future__ import annotations

import json
from contextlib import contextmanager

# The site is served at the root of its origin, so its scope is "/".
STORE_KEY = "shb:v1:/"
WORKSHEET = "verktyg/rundabordssamtal/"
OVERVIEW = "verktyg/mina-anteckningar/"
BANK = "verktyg/fragebank/"
FILE_KIND = "samverkanshandboken-anteckningar"


def mounted(page):
    """Wait until the kernel has named the workspace in the panel and, on a page
    with questions or the full panel, worksheets.js has mounted (restored the
    ticks, notes and party): it arrives after the kernel, in a script of its own."""
    page.wait_for_function("""() => !!document.getElementById('shb-ws-name')?.textContent &&
      (!document.querySelector('#shb-ws:not([data-shb-compact]), li.shb-q[data-shb-q]') ||
       !!window.shb?.features?.worksheets)""")
    return page


def open_page(page, base_url: str, path: str):
    """Go to a page and wait until worksheets.js has mounted."""
    page.goto(base_url + path)
    return mounted(page)


def stored(page) -> dict | None:
    raw = page.evaluate("k => localStorage.getItem(k)", STORE_KEY)
    return json.loads(raw) if raw is not None else None


def active_answers(page) -> dict:
    data = stored(page)
    return data["workspaces"][data["active"]]["answers"] if data else {}


def seed(page, base_url: str, store: dict, path: str = WORKSHEET):
    """Write a store into localStorage, then load ``path`` afresh."""
    page.goto(base_url + path)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(store)])
    return open_page(page, base_url, path)


def store_with(answers: dict, name: str = "Kumla 2027", wid: str = "wtest1", values=None) -> dict:
    return {"version": 1, "active": wid, "workspaces": {wid: {
        "name": name, "created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-01T00:00:00.000Z",
        "answers": answers, "values": values or {}}}}


def exported_file(party: str, answers: dict, name: str = "Rundabordssamtal", version: int = 2) -> dict:
    workspace = {"name": name, "created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-01T00:00:00.000Z",
                 "answers": answers, "values": {}}
    if version >= 2:
        workspace["party"] = party
    return {"kind": FILE_KIND, "version": version, "exported": "2026-01-03T00:00:00.000Z",
            "active": "w1", "workspaces": {"w1": workspace}}


def answer(checked: bool, note: str, **extra) -> dict:
    return {"checked": checked, "note": note, "updated": "2026-01-02T00:00:00.000Z", **extra}


def open_panel(page):
    if not page.locator("#shb-ws").evaluate("d => d.open"):
        page.click("#shb-ws > summary")


def set_party(page, name: str):
    """Name the party in the panel; return once it is saved.

    Leaving the field saves it through panel.js, which may still be on its way
    when the field is left: the save comes when it has arrived."""
    open_panel(page)
    page.fill("#shb-ws-party", name)
    page.keyboard.press("Tab")
    page.wait_for_function("""([key, party]) => {
      const data = JSON.parse(localStorage.getItem(key) || "null");
      return !!data && data.workspaces[data.active].party === party;
    }""", arg=[STORE_KEY, name.strip()[:80]])


def export(page, label: str):
    """Press an export button in the panel; return the saved file's name and text."""
    open_panel(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    download = info.value
    return download.suggested_filename, open(download.path(), encoding="utf-8").read()


def confirm(page, label: str):
    """Press a button in the open dialog; return once the page has handled its answer."""
    dialog = page.locator("dialog.shb-dialog[open]")
    dialog.wait_for()
    with dialog_handled(page):
        dialog.get_by_role("button", name=label, exact=True).click()


@contextmanager
def dialog_handled(page):
    """Wrap what closes the open dialog; wait until its close event has been handled.

    The browser fires "close" in a task of its own after the dialog loses its open
    attribute, and shb.ask answers in that event: waiting for the attribute alone reads
    the page before the answer took effect (a clean CI run once did).
    """
    page.evaluate("""() => {
      const dialog = document.getElementById("shb-dialog");
      window.__shbDialogHandled = new Promise((done) =>
        dialog.addEventListener("close", () => setTimeout(done), { once: true }));
    }""")
    yield
    page.evaluate("() => window.__shbDialogHandled")


# instant_base_url, the build for instant navigation, is in tests/conftest.py
# (one build per session; do not import it into a test module).


def tab_to(page, selector: str, limit: int = 400):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")
