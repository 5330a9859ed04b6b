/* Samverkanshandboken: interactive worksheets and the workspace panel.
 *
 * The kernel (shb.js) loads this script on a page with questions or the
 * workspace panel (macros/worksheets/templates/). It binds each question's
 * tick and note to the active workspace (shb.store), counts progress and
 * fills the panel (the workspace's name, the list of workspaces, the party).
 * The panel's buttons, export, import and dialog and the notes overview on
 * Mina anteckningar are panel.js, loaded when the panel is opened or a
 * button pressed. Nothing moves when it runs: the markup arrives with the
 * page; this only fills in values, as text.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, byId, all, el, now } = shb.kit;
  const UNDO = "worksheets";

  const count = (n, m) => n + " av " + m + (m === 1 ? " fråga besvarad" : " frågor besvarade");
  const ws = store.active;
  // The panel's own script (panel.js), loaded at the first need.
  const panelScript = () => shb.need("panel.js").then(() => shb.features.panel);

  // ---- the page -----------------------------------------------------------

  const QUESTIONS = "li.shb-q[data-shb-q]";
  const listOf = (li) => { const ul = li.closest("[data-shb-list]"); return ul ? ul.dataset.shbList : ""; };
  function listTitle(listId) {
    const tools = document.querySelector('[data-shb-list-tools="' + listId + '"]');
    return tools ? tools.dataset.shbTitle : listId;
  }

  // Copy one question's tick and note from the page into the workspace.
  function record(li) {
    const id = li.dataset.shbQ, w = ws(), t = now();
    shb.undo.retire(UNDO);
    const a = {
      checked: li.querySelector(".shb-q__check").checked, note: li.querySelector(".shb-q__note").value, updated: t,
      text: li.querySelector(".shb-q__text").textContent.trim(), list: listTitle(listOf(li)), page: shb.sitePath()
    };
    if (!a.checked && !a.note.trim()) delete w.answers[id];
    else w.answers[id] = a;
    w.updated = t;
  }

  function restore() {
    const w = ws();
    all(QUESTIONS).forEach((li) => {
      const a = own(w.answers, li.dataset.shbQ), note = li.querySelector(".shb-q__note");
      li.querySelector(".shb-q__check").checked = !!(a && a.checked);
      if (note !== document.activeElement) note.value = a ? a.note : "";
    });
    progress();
    panel();
  }

  function progress() {
    const lists = {}, page = [0, 0];
    all("[data-shb-list] " + QUESTIONS).forEach((li) => {
      const c = lists[listOf(li)] || (lists[listOf(li)] = [0, 0]);
      const done = li.querySelector(".shb-q__check:checked") ? 1 : 0;
      c[0] += done; c[1]++;
      page[0] += done; page[1]++;
    });
    all("[data-shb-progress]").forEach((p) => {
      const c = own(lists, p.dataset.shbProgress);
      if (c) p.textContent = count(c[0], c[1]);
    });
    // The whole page's count, shown when the page has more than one list.
    const total = byId("shb-page-progress");
    if (total) {
      total.hidden = Object.keys(lists).length < 2;
      total.textContent = "Hela sidan: " + count(page[0], page[1]);
    }
  }

  // The workspace panel (workspace_panel.html.j2): the list to switch
  // between workspaces and the party (the kernel writes the name in its summary).
  function panel() {
    if (!byId("shb-ws")) return;
    const d = store.state();
    const party = byId("shb-ws-party");
    if (party !== document.activeElement) party.value = ws().party;
    byId("shb-ws-select").replaceChildren(...Object.keys(d.workspaces).map((id) => {
      const o = el("option", { value: id }, [d.workspaces[id].name]);
      o.selected = id === d.active;
      return o;
    }));
  }

  // ---- listeners, attached once -------------------------------------------

  const question = (target) => target.closest && target.closest(QUESTIONS);
  document.addEventListener("change", (e) => {
    const t = e.target, li = question(t);
    if (li && t.matches(".shb-q__check, .shb-q__note")) {
      record(li);
      store.save();
      progress();
    } else if (t.id === "shb-ws-file" || t.id === "shb-ws-party") {
      panelScript().then((p) => p.change(t), () => {});
    }
  });
  document.addEventListener("input", (e) => {
    const li = question(e.target);
    if (li && e.target.matches(".shb-q__note")) {
      record(li);
      store.saveSoon();
    }
  });

  // Another workspace, an import, an undo, another tab: show it. A note still
  // being typed here is kept (its save is waiting and would otherwise
  // overwrite the other tab's state with the old one).
  store.subscribe(() => {
    const li = store.pending() && question(document.activeElement);
    if (li) record(li);
    restore();
  });

  // The panel's and the lists' buttons (data-shb-act) are panel.js's; it
  // loads when the panel is opened (the kernel loads it), or at the first press.
  shb.actions("data-shb-act", (name, button) => panelScript().then((p) => p.act(name, button), () => {}));

  shb.feature("worksheets", { mount: restore, exports: { QUESTIONS, listOf, listTitle } });
})();
