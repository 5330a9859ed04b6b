/* Samverkanshandboken: interactive worksheets.
 *
 * Ticks and notes are saved in this browser only (localStorage), under the
 * questions' stable ids, in the active workspace. Nothing is sent anywhere.
 * Mounted through Material's document$, so it works with instant navigation:
 * listeners are attached once to document, state is restored on every page.
 * Everything read from storage or from a file is put on the page as text.
 * window.shbStore lets the other scripts keep their values in the workspace.
 * The first page with a timeline, a planner or the ladder loads timeline.js,
 * a page with a template documents.js, a Word protocol documents-export.js.
 */
(function () {
  "use strict";

  const VERSION = 2;
  const KIND = "samverkanshandboken-anteckningar";
  const MAX_IMPORT = 2 * 1024 * 1024;
  const DEFAULT_NAME = "Min arbetsyta";

  // Material's storage scope: the site's root (or extra.scope in mkdocs.yml).
  const scope = window.__md_scope;
  const KEY = "shb:v1:" + scope.pathname;

  // timeline.js drives these; it lies beside this file, whatever the site's
  // base path (or file:// in the offline copy).
  const TIMELINE_PARTS = "[data-shb-timeline], [data-shb-tl-now], [data-shb-planner], [data-shb-ladder]";
  // So do compare.js (the compare page), status.js (the overview on Mina
  // anteckningar) and documents.js (a template's page).
  const SRC = document.currentScript && document.currentScript.src, loaded = {};
  const LAZY = [["timeline.js", TIMELINE_PARTS, "shbTimeline"], ["compare.js", "[data-shb-compare]", "shbCompare"],
    ["status.js", "[data-shb-status]", "shbStatus"], ["documents.js", "[data-shb-doc]", "shbDocumentsPage"]];

  let data, blocked = false, failed = false, pending = null, undo = null, asked = false;
  let subscribers = [];

  // ---- helpers ------------------------------------------------------------

  const own = (obj, key) => Object.hasOwn(obj, key) ? obj[key] : undefined;
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const now = () => new Date().toISOString();
  const byId = (id) => document.getElementById(id);
  const all = (sel) => [...document.querySelectorAll(sel)];
  function el(tag, attrs, kids) {
    const node = document.createElement(tag);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    node.append(...(kids || []));
    return node;
  }
  const quote = (s) => "\u201d" + s + "\u201d";
  const fail = (msg) => { throw { shb: msg }; };
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const today = () => new Date().toLocaleDateString("sv-SE"); // YYYY-MM-DD
  const count = (n, m) => n + " av " + m + (m === 1 ? " fråga besvarad" : " frågor besvarade");
  const answered = (n, notes) => n + " besvarade frågor och " + notes + " anteckningar";

  // ---- the stored format --------------------------------------------------

  function workspace(name) {
    const t = now();
    return { name, party: "", created: t, updated: t, answers: {}, values: {} };
  }
  const newId = () => "w" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  function fresh() {
    const id = newId();
    return { version: VERSION, active: id, workspaces: { [id]: workspace(DEFAULT_NAME) } };
  }

  // Older formats are upgraded one step at a time. For version 3: raise
  // VERSION and add MIGRATIONS[2] = function (d) { ...; d.version = 3; return d; }.
  const MIGRATIONS = {
    // 2: a workspace has a party, the side that answers ("" when not set).
    // (check() sets it, for files from 1 and for 2 alike).
    1(d) {
      d.version = 2;
      return d;
    }
  };
  function migrate(d) {
    if (!isObj(d) || typeof d.version !== "number") fail("Formatet saknar versionsnummer.");
    while (d.version < VERSION && MIGRATIONS[d.version]) d = MIGRATIONS[d.version](d);
    return d.version === VERSION ? check(d) : null; // null: a newer format, leave it alone
  }

  // Checks the shape of a store or an export file; throws {shb: message}.
  function check(d) {
    const ids = isObj(d.workspaces) ? Object.keys(d.workspaces) : [];
    if (!ids.length) fail("Det finns ingen arbetsyta i den.");
    ids.forEach((id) => {
      const w = d.workspaces[id];
      if (isObj(w) && w.party === undefined) w.party = ""; // optional: no party
      if (!/^[\w-]{1,60}$/.test(id) || id === "__proto__" || !isObj(w) ||
          typeof w.name !== "string" || !w.name.trim() || !isObj(w.answers) || typeof w.party !== "string") {
        fail("Arbetsytan " + quote(id) + " har fel form.");
      }
      if (w.values === undefined) w.values = {};
      if (!isObj(w.values) || own(w.values, "__proto__") !== undefined) {
        fail("Värdena i arbetsytan " + quote(w.name) + " har fel form.");
      }
      Object.keys(w.answers).forEach((q) => {
        const a = w.answers[q];
        if (!/^[a-z0-9-]{1,100}$/.test(q) || !isObj(a) || typeof a.checked !== "boolean" ||
            typeof a.note !== "string" ||
            ["updated", "text", "list", "page"].some((k) => a[k] !== undefined && typeof a[k] !== "string")) {
          fail("Svaret på frågan " + quote(q) + " i arbetsytan " + quote(w.name) + " har fel form.");
        }
      });
    });
    if (!own(d.workspaces, d.active)) d.active = ids[0];
    return d;
  }

  function load() {
    let raw = null;
    blocked = false;
    try {
      raw = localStorage.getItem(KEY);
      // A browser may read but refuse to write (storage off or full): find out now.
      localStorage.setItem(KEY + ":test", "1");
      localStorage.removeItem(KEY + ":test");
    } catch (e) {
      failed = true;
    }
    if (raw == null) return fresh();
    try {
      const d = migrate(JSON.parse(raw));
      if (d) return d;
    } catch (e) { /* unreadable: treated like a newer format below */ }
    blocked = true;
    return fresh();
  }

  function save() {
    clearTimeout(pending);
    pending = null;
    if (!blocked) {
      try {
        localStorage.setItem(KEY, JSON.stringify(data));
        failed = false;
      } catch (e) {
        failed = true;
      }
    }
    problem();
    if (blocked || failed) return false;
    if (!asked && navigator.storage && navigator.storage.persist) {
      asked = true;
      navigator.storage.persist().catch(() => {});
    }
    return true;
  }
  const flush = () => pending && save();

  const ws = () => data.workspaces[data.active];

  // ---- messages -----------------------------------------------------------

  // A visible alert, kept at the bottom of the window, when nothing is saved.
  // Its texts come with the panel (workspace_panel.html.j2), which every page
  // that saves anything has.
  function problem() {
    const text = byId(blocked ? "shb-msg-blocked" : failed ? "shb-msg-failed" : "");
    let box = byId("shb-alert");
    if (!text) return box && box.remove();
    if (!box) {
      box = el("div", { id: "shb-alert", class: "shb-alert", role: "alert" });
      (document.querySelector("article.md-content__inner") || document.body).append(box);
    }
    box.textContent = text.textContent;
  }

  // Fill a status box; with undo, add an "Ångra" button after the text.
  function status(box, text, canUndo) {
    const err = byId("shb-ws-error");
    if (err) err.textContent = "";
    if (!box) return;
    box.replaceChildren(text);
    if (canUndo) box.append(" ", el("button", { type: "button", class: "shb-btn shb-undo", "data-shb-act": "undo" }, ["Ångra"]));
  }
  function error(text) {
    status(byId("shb-ws-status"), "");
    byId("shb-ws-error").textContent = text;
  }
  // One step of undo; it is retired by the next change, which it would overwrite.
  function dropUndo(keep) {
    undo = keep ? JSON.stringify(data) : null;
    all(".shb-undo").forEach((b) => b.remove());
  }

  // The confirmation (or name) dialog that comes with the panel
  // (workspace_panel.html.j2). Its title and its button's label come from the
  // control that asks (data-shb-ask, data-shb-ok). Resolves to true, a name or null.
  function ask(from, lines, name) {
    return new Promise((resolve) => {
      const opener = document.activeElement, dialog = byId("shb-dialog"), input = byId("shb-dialog-name");
      byId("shb-dialog-title").textContent = from.dataset.shbAsk;
      byId("shb-dialog-text").replaceChildren(...lines.map((line) => el("p", {}, [line])));
      byId("shb-dialog-ok").textContent = from.dataset.shbOk;
      // Without a name: no field (nor its check), and "Avbryt" has the focus.
      input.parentNode.hidden = input.disabled = byId("shb-dialog-cancel").autofocus = name == null;
      input.value = name || "";
      dialog.returnValue = "";
      dialog.addEventListener("close", () => {
        const result = dialog.returnValue === "ok" ? (name == null || input.value.trim()) : null;
        if (opener && opener.focus) opener.focus();
        resolve(result || null);
      }, { once: true });
      dialog.showModal();
    });
  }

  // ---- the page -----------------------------------------------------------

  const QUESTIONS = "li.shb-q[data-shb-q]";
  const listOf = (li) => { const ul = li.closest("[data-shb-list]"); return ul ? ul.dataset.shbList : ""; };
  function listTitle(listId) {
    const tools = document.querySelector('[data-shb-list-tools="' + listId + '"]');
    return tools ? tools.dataset.shbTitle : listId;
  }

  // Copy one question's tick and note from the page into the workspace.
  function record(li) {
    const id = li.dataset.shbQ, w = ws(), t = now(), path = location.pathname;
    dropUndo();
    const a = {
      checked: li.querySelector(".shb-q__check").checked, note: li.querySelector(".shb-q__note").value, updated: t,
      text: li.querySelector(".shb-q__text").textContent.trim(), list: listTitle(listOf(li)),
      page: path.startsWith(scope.pathname) ? path.slice(scope.pathname.length) : path
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
    overview();
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

  // The workspace panel (macros/worksheets/templates/workspace_panel.html.j2): the
  // workspace's name and the list to switch between them.
  function panel() {
    const name = byId("shb-ws-name");
    if (!name) return;
    name.textContent = ws().name;
    const party = byId("shb-ws-party");
    if (party !== document.activeElement) party.value = ws().party;
    byId("shb-ws-select").replaceChildren(...Object.keys(data.workspaces).map((id) => {
      const o = el("option", { value: id }, [data.workspaces[id].name]);
      o.selected = id === data.active;
      return o;
    }));
  }

  function questionIndex() {
    const node = byId("shb-question-index");
    return node && JSON.parse(node.textContent).questions;
  }

  // Saved answers by chapter (index order); ids missing from the index are orphans.
  // Without an index (other pages), answers are grouped by their saved list title.
  function grouped(w, index) {
    const groups = [], byTitle = Object.create(null), known = Object.create(null), orphans = [];
    function add(title, item) {
      if (!byTitle[title]) groups.push(byTitle[title] = { title, items: [] });
      byTitle[title].items.push(item);
    }
    (index || []).forEach((q) => {
      known[q.id] = true;
      const a = own(w.answers, q.id);
      if (a) add(q.chapter, { text: q.text, url: q.url, list: q.step ? q.list + ", " + q.step : q.list, a });
    });
    Object.keys(w.answers).forEach((id) => {
      const a = w.answers[id], item = { id, text: a.text || id, list: a.list || "", page: a.page || "", a };
      if (!index) add(a.list || "Frågor", item);
      else if (!known[id]) orphans.push(item);
    });
    return { groups, orphans };
  }

  // The notes overview (notes_overview.html.j2): the summary and the groups,
  // and the part for orphans when there are any.
  function overview() {
    const host = document.querySelector("[data-shb-ov-groups]"), orphans = byId("shb-orphans");
    if (!host) return;
    const w = ws(), r = grouped(w, questionIndex()), t = tally(w);
    const kids = [el("p", { class: "shb-ov__summary" }, ["Arbetsytan " + quote(w.name) + (t.answers ?
      ": " + answered(t.ticked, t.notes) + "." :
      " har inga bockar eller anteckningar ännu. Börja i ett arbetsblad eller i frågebanken.")])];
    function item(it) {
      const li = el("li", { class: "shb-ov__item" }, [el("p", { class: "shb-ov__q" }, [
        el("span", { class: "shb-ov__state" + (it.a.checked ? " shb-ov__state--done" : "") },
          [it.a.checked ? "Besvarad" : "Inte besvarad"]), " ",
        it.url ? el("a", { href: it.url }, [it.text]) : el("span", {}, [it.text])])]);
      const context = it.id ? "Sparad i " + (it.list ? "listan " + quote(it.list) : "en lista") +
        (it.page ? " på sidan " + it.page : "") + " (fråga " + it.id + ")." : it.list;
      if (context) li.append(el("p", { class: "shb-ov__context" }, [context]));
      if (it.a.note.trim()) li.append(el("p", { class: "shb-ov__note" }, [it.a.note]));
      return li;
    }
    r.groups.forEach((g) => kids.push(el("h2", {}, [g.title]), el("ul", { class: "shb-ov" }, g.items.map(item))));
    host.replaceChildren(...kids);
    orphans.hidden = !r.orphans.length;
    orphans.querySelector("ul").replaceChildren(...r.orphans.map(item));
  }

  // The panel, the buttons and the dialog arrive with the page (macros/worksheets/templates),
  // so that nothing moves when this runs: it only fills in values.
  function mount() {
    restore();
    if (byId("shb-ws")) problem();
    // timeline.js and the others, once, for the first page that needs each
    // (unless the page already lists it). They mount through document$ as this script does.
    LAZY.forEach(([file, parts, name]) => {
      if (SRC && !window[name] && document.querySelector(parts)) beside(file).catch(() => {});
    });
  }

  // A script that lies beside this one, loaded once (again after a failure).
  function beside(name) {
    return loaded[name] = loaded[name] || new Promise((resolve, reject) => {
      const s = el("script", { src: new URL(name, SRC).href });
      s.onload = resolve;
      s.onerror = () => { delete loaded[name]; reject(); };
      document.body.append(s);
    });
  }

  // ---- workspaces, export, import -----------------------------------------

  function notify() {
    subscribers.forEach((fn) => {
      try { fn(ws().name); } catch (e) { setTimeout(() => { throw e; }); }
    });
  }
  // After a change of workspace, a clear, an import or an undo.
  function changed(box, text, canUndo) {
    save();
    restore();
    status(box, text, canUndo);
    notify();
  }
  // Ask first; on yes keep an undo step, make the change (which returns the
  // text to show) and offer "Ångra".
  function risky(box, button, line, change) {
    ask(button, [line]).then((ok) => {
      if (!ok) return;
      dropUndo(true);
      changed(box, change(), true);
    });
  }

  const slug = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "arbetsyta";
  const fileName = (ext) => "anteckningar-" + slug(ws().name) + "-" + today() + "." + ext;
  const saved = (name) => status(byId("shb-ws-status"), "Filen " + name + " är sparad bland era hämtade filer.");
  function download(ext, text, type) {
    const name = fileName(ext);
    const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    el("a", { href: url, download: name }).click(); // detached: instant navigation never sees it
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    saved(name);
  }

  function exportJson() {
    const file = { kind: KIND, version: VERSION, exported: now(), active: data.active, workspaces: { [data.active]: ws() } };
    download("json", JSON.stringify(file, null, 2) + "\n", "application/json");
  }

  // Text for Markdown: no HTML, no links or emphasis from the reader's text.
  const md = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]#|]/g, "\\$&");
  function exportMarkdown() {
    const w = ws(), r = grouped(w, questionIndex());
    const out = ["# Anteckningar: " + md(w.name), "",
      "Protokoll från Samverkanshandboken, " + today() + ". [x] betyder att frågan är besvarad.", ""];
    function item(it) {
      const note = it.a.note.trim();
      out.push("- [" + (it.a.checked ? "x" : " ") + "] " + md(it.text));
      if (note) out.push("", ...note.split(/\r?\n/).map((line) => "    > " + md(line)), "");
    }
    r.groups.forEach((g) => { out.push("## " + md(g.title), ""); g.items.forEach(item); out.push(""); });
    if (r.orphans.length) {
      out.push("## Anteckningar till frågor som inte längre finns", "");
      r.orphans.forEach(item);
    }
    if (!r.groups.length && !r.orphans.length) out.push("Inga bockar eller anteckningar ännu.");
    download("md", out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n", "text/markdown");
  }

  function tally(w) {
    const answers = Object.values(w.answers);
    return {
      answers: answers.length,
      ticked: answers.filter((a) => a.checked).length,
      notes: answers.filter((a) => a.note.trim()).length
    };
  }
  // How many questions an import would change.
  function differing(a, b) {
    const ids = new Set(Object.keys(a.answers).concat(Object.keys(b.answers)));
    return [...ids].filter((id) => {
      const x = own(a.answers, id), y = own(b.answers, id);
      return !x || !y || x.checked !== y.checked || x.note !== y.note;
    }).length;
  }

  // An export file's text, checked and brought up to this version; throws {shb: message}.
  function readExport(text, name) {
    let d;
    try { d = JSON.parse(text); } catch (e) { fail("Filen " + name + " är inte en JSON-fil som går att läsa."); }
    if (!isObj(d) || d.kind !== KIND) fail("Filen " + name + " är inte en export från Samverkanshandboken.");
    if (typeof d.version === "number" && d.version > VERSION) {
      fail("Filen " + name + " kommer från en nyare version av handboken (format " + d.version + ").");
    }
    try { d = migrate(d); } catch (e) { fail("Filen " + name + " har fel form. " + (e && e.shb || "")); }
    return d || fail("Filen " + name + " har fel form.");
  }

  function importFile(input) {
    const file = input.files && input.files[0], name = file ? quote(file.name) : "";
    input.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT) {
      return error("Filen " + name + " är för stor (" + Math.round(file.size / 1024) + " kB). Ingenting har ändrats.");
    }
    file.text().then((text) => {
      const d = readExport(text, name);
      const lines = Object.keys(d.workspaces).map((id) => {
        const inc = d.workspaces[id], cur = own(data.workspaces, id), t = tally(inc);
        const after = answered(t.ticked, t.notes);
        if (!cur) return "Arbetsytan " + quote(inc.name) + " läggs till, med " + after + ".";
        const c = tally(cur);
        return "Arbetsytan " + quote(cur.name) + " finns redan och ersätts. Nu: " + answered(c.ticked, c.notes) +
          ". Efter inläsningen: " + after + " (" + differing(cur, inc) + " frågor ändras)" +
          (cur.name !== inc.name ? ", och den byter namn till " + quote(inc.name) : "") + ".";
      });
      return ask(input, lines).then((ok) => {
        const box = byId("shb-ws-status");
        if (!ok) return status(box, "Ingenting har ändrats.");
        dropUndo(true);
        // The untouched default workspace of a fresh browser gives way to the import.
        const only = Object.keys(data.workspaces), lone = data.workspaces[only[0]];
        if (only.length === 1 && lone.name === DEFAULT_NAME && !Object.keys(lone.answers).length &&
            !Object.keys(lone.values).length) delete data.workspaces[only[0]];
        Object.assign(data.workspaces, d.workspaces);
        data.active = own(d.workspaces, d.active) ? d.active : Object.keys(d.workspaces)[0];
        changed(box, "Filen är inläst. Arbetsytan " + quote(ws().name) + " är öppen.", true);
      });
    }).catch((e) => {
      error((e && e.shb || "Filen " + name + " kunde inte läsas in.") + " Ingenting har ändrats.");
    });
  }

  // The panel's and the lists' buttons, by their data-shb-act.
  const actions = {
    switch(box) {
      const id = byId("shb-ws-select").value;
      if (!own(data.workspaces, id) || id === data.active) return;
      dropUndo();
      data.active = id;
      changed(box, "Arbetsytan " + quote(ws().name) + " är öppen.");
    },
    new(box, button) {
      ask(button, [button.dataset.shbText], "").then((name) => {
        if (!name) return;
        dropUndo();
        data.active = newId();
        data.workspaces[data.active] = workspace(name);
        changed(box, "Arbetsytan " + quote(name) + " är skapad och öppen.");
      });
    },
    rename(box, button) {
      ask(button, [], ws().name).then((name) => {
        if (!name) return;
        Object.assign(ws(), { name, updated: now() });
        changed(box, "Arbetsytan heter nu " + quote(name) + ".");
      });
    },
    clear(box, button) {
      const name = ws().name;
      risky(box, button, "Alla bockar och anteckningar i arbetsytan " + quote(name) +
        " tas bort. Arbetsytan finns kvar.", () => {
        Object.assign(ws(), { answers: {}, values: {}, updated: now() });
        return "Arbetsytan " + quote(name) + " är rensad.";
      });
    },
    delete(box, button) {
      const name = ws().name;
      risky(box, button, "Arbetsytan " + quote(name) + " och alla dess bockar och " +
        "anteckningar tas bort från den här webbläsaren.", () => {
        delete data.workspaces[data.active];
        const ids = Object.keys(data.workspaces);
        if (ids.length) data.active = ids[0];
        else data = fresh();
        return "Arbetsytan " + quote(name) + " är borttagen. " + quote(ws().name) + " är öppen.";
      });
    },
    "clear-list"(box, button) {
      const id = button.dataset.shbListId;
      risky(box, button, "Alla bockar och anteckningar i listan " + quote(listTitle(id)) +
        " tas bort från arbetsytan " + quote(ws().name) + ".", () => {
        all(QUESTIONS).forEach((li) => {
          if (listOf(li) === id) delete ws().answers[li.dataset.shbQ];
        });
        return "Listan är rensad.";
      });
    },
    undo(box) {
      if (!undo) return;
      data = JSON.parse(undo);
      undo = null;
      changed(box, "Ändringen är ångrad.");
    },
    json: exportJson,
    md: exportMarkdown,
    // The protocol as Word: documents-export.js writes it (loaded at the first press).
    docx() {
      const r = grouped(ws(), questionIndex());
      beside("documents-export.js").then(() => window.shbDocuments.protocol(ws().name, r, fileName("docx")))
        .then(saved, () => error("Word-filen kunde inte skapas. Försök igen."));
    }
  };

  // ---- listeners, attached once -------------------------------------------

  const question = (target) => target.closest && target.closest(QUESTIONS);
  document.addEventListener("change", (e) => {
    const t = e.target, li = question(t);
    if (li && t.matches(".shb-q__check, .shb-q__note")) {
      record(li);
      save();
      progress();
    } else if (t.id === "shb-ws-file") {
      importFile(t);
    } else if (t.id === "shb-ws-party") {
      Object.assign(ws(), { party: t.value.trim().slice(0, 80), updated: now() });
      changed(byId("shb-ws-status"), ws().party ? "Arbetsytan svarar nu för " + quote(ws().party) + "." : "Arbetsytan har ingen part.");
    }
  });
  document.addEventListener("input", (e) => {
    const li = question(e.target);
    if (li && e.target.matches(".shb-q__note")) {
      record(li);
      clearTimeout(pending);
      pending = setTimeout(save, 600);
    }
  });
  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("[data-shb-act]");
    const act = button && own(actions, button.dataset.shbAct);
    if (!act) return;
    const list = button.closest(".shb-list-actions");
    act(list ? list.querySelector(".shb-list-status") : byId("shb-ws-status"), button);
  });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.hidden && flush());
  // Another tab saved: show its state here too, keeping the note being typed
  // here (its save is still pending and would otherwise overwrite the other's).
  window.addEventListener("storage", (e) => {
    if (e.key !== KEY) return;
    const li = pending && question(document.activeElement);
    data = load();
    if (li) record(li);
    restore();
    notify();
  });

  data = load();

  window.shbStore = {
    get(key) {
      const v = own(ws().values, key);
      return v === undefined ? undefined : clone(v);
    },
    set(key, value) {
      if (typeof key !== "string" || key === "__proto__") return false;
      dropUndo();
      if (value === undefined) delete ws().values[key];
      else ws().values[key] = clone(value);
      ws().updated = now();
      return save();
    },
    subscribe(fn) {
      subscribers.push(fn);
      return () => { subscribers = subscribers.filter((f) => f !== fn); };
    },
    workspaceName: () => ws().name,
    // For compare.js: the party, an export file's text read and checked, the
    // active workspace's answers, and changes to them ({id: answer or null}).
    party: () => ws().party,
    readExport,
    answers: () => clone(ws().answers),
    putAnswers(changes) {
      check({ workspaces: { w: { name: "w", party: "", answers: Object.fromEntries(
        Object.entries(changes).filter((e) => e[1])) } } });
      dropUndo();
      const w = ws();
      Object.keys(changes).forEach((id) => changes[id] ? (w.answers[id] = clone(changes[id])) : delete w.answers[id]);
      w.updated = now();
      const ok = save();
      restore();
      return ok;
    }
  };

  // For the scripts that this one loads (compare.js, status.js, documents.js,
  // documents-export.js): an element with attributes and children, and a
  // script beside this one, loaded once (a promise).
  window.shbKit = { el, load: beside };

  document$.subscribe(mount); // Material's: the current page at once, then each new one
})();
