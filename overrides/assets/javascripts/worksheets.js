/* Samverkanshandboken: interactive worksheets.
 *
 * Ticks and notes are saved in this browser only (localStorage), under the
 * questions' stable ids, in the active workspace. Nothing is sent anywhere.
 * Mounted through Material's document$, so it works with instant navigation:
 * listeners are attached once to document, state is restored on every page.
 * Everything read from storage or from a file is put on the page as text.
 * window.shbStore lets the other scripts keep their values in the workspace.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var KIND = "samverkanshandboken-anteckningar";
  var MAX_IMPORT = 2 * 1024 * 1024;
  var DEFAULT_NAME = "Min arbetsyta";
  var NOT_SAVED = "Dina bockar och anteckningar sparas inte: webbläsaren tillåter inte att sidan " +
    "sparar data (lagringen är avstängd eller full). Sidan fungerar, men exportera det du vill behålla.";
  var BLOCKED = "Anteckningarna som finns sparade i webbläsaren kommer från en nyare version av " +
    "handboken eller går inte att läsa. De lämnas orörda, och ändringar här sparas inte.";

  var configEl = document.getElementById("__config");
  var base = configEl ? JSON.parse(configEl.textContent).base : ".";
  var scope = new URL(base || ".", location);
  var KEY = "shb:v1:" + scope.pathname;

  var data, blocked = false, failed = false, pending = null, undo = null, asked = false;
  var subscribers = [];

  // ---- helpers ------------------------------------------------------------

  function own(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  }
  function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function now() { return new Date().toISOString(); }
  function byId(id) { return document.getElementById(id); }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (kids || []).forEach(function (kid) { if (kid != null) node.append(kid); });
    return node;
  }
  function quote(s) { return "\u201d" + s + "\u201d"; }
  function fail(msg) { throw { shb: msg }; }
  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function today() { return new Date().toLocaleDateString("sv-SE"); } // YYYY-MM-DD
  function count(n, m) { return n + " av " + m + (m === 1 ? " fråga besvarad" : " frågor besvarade"); }

  // ---- the stored format --------------------------------------------------

  function workspace(name) {
    var t = now();
    return { name: name, created: t, updated: t, answers: {}, values: {} };
  }
  function newId() { return "w" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6); }
  function fresh() {
    var id = newId(), d = { version: VERSION, active: id, workspaces: {} };
    d.workspaces[id] = workspace(DEFAULT_NAME);
    return d;
  }

  // Older formats are upgraded one step at a time. For version 2: raise
  // VERSION and add MIGRATIONS[1] = function (d) { ...; d.version = 2; return d; }.
  var MIGRATIONS = {};
  function migrate(d) {
    if (!isObj(d) || typeof d.version !== "number") fail("Formatet saknar versionsnummer.");
    while (d.version < VERSION && MIGRATIONS[d.version]) d = MIGRATIONS[d.version](d);
    return d.version === VERSION ? check(d) : null; // null: a newer format, leave it alone
  }

  // Checks the shape of a store or an export file; throws {shb: message}.
  function check(d) {
    if (!isObj(d.workspaces) || !Object.keys(d.workspaces).length) fail("Det finns ingen arbetsyta i den.");
    Object.keys(d.workspaces).forEach(function (id) {
      var w = d.workspaces[id];
      if (!/^[\w-]{1,60}$/.test(id) || id === "__proto__" || !isObj(w) ||
          typeof w.name !== "string" || !w.name.trim() || !isObj(w.answers)) {
        fail("Arbetsytan " + quote(id) + " har fel form.");
      }
      if (w.values === undefined) w.values = {};
      if (!isObj(w.values) || own(w.values, "__proto__") !== undefined) fail("Värdena i arbetsytan " + quote(w.name) + " har fel form.");
      Object.keys(w.answers).forEach(function (q) {
        var a = w.answers[q];
        var ok = /^[a-z0-9-]{1,100}$/.test(q) && isObj(a) && typeof a.checked === "boolean" &&
          typeof a.note === "string" && ["updated", "text", "list", "page"].every(function (k) {
            return a[k] === undefined || typeof a[k] === "string";
          });
        if (!ok) fail("Svaret på frågan " + quote(q) + " i arbetsytan " + quote(w.name) + " har fel form.");
      });
    });
    if (!own(d.workspaces, d.active)) d.active = Object.keys(d.workspaces)[0];
    return d;
  }

  function load() {
    var raw = null;
    blocked = false;
    try { raw = localStorage.getItem(KEY); } catch (e) { failed = true; }
    if (raw == null) return fresh();
    try {
      var d = migrate(JSON.parse(raw));
      if (d) return d;
    } catch (e) { /* unreadable: treated like a newer format below */ }
    blocked = true;
    return fresh();
  }

  function save() {
    clearTimeout(pending);
    pending = null;
    if (blocked) { problem(); return false; }
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
      failed = false;
    } catch (e) {
      failed = true;
    }
    problem();
    if (!failed && !asked && navigator.storage && navigator.storage.persist) {
      asked = true;
      navigator.storage.persist().catch(function () {});
    }
    return !failed;
  }
  function flush() { if (pending) save(); }

  function ws() { return data.workspaces[data.active]; }

  // ---- messages -----------------------------------------------------------

  // A visible alert, kept at the bottom of the window, when nothing is saved.
  function problem() {
    var box = byId("shb-alert"), text = blocked ? BLOCKED : failed ? NOT_SAVED : "";
    var article = document.querySelector("article.md-content__inner") || document.body;
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = el("div", { id: "shb-alert", class: "shb-alert", role: "alert" });
      article.append(box);
    }
    box.textContent = text;
  }

  // Fill a status box; with undo, add an "Ångra" button after the text.
  function status(box, text, canUndo) {
    if (!box) return;
    var err = byId("shb-ws-error");
    if (err) err.textContent = "";
    box.replaceChildren(text);
    if (canUndo) {
      box.append(" ", el("button", { type: "button", class: "shb-btn shb-undo", "data-shb-act": "undo" }, ["Ångra"]));
    }
  }
  function error(text) {
    status(byId("shb-ws-status"), "");
    var err = byId("shb-ws-error");
    if (err) err.textContent = text;
  }
  // One step of undo; it is retired by the next change, which it would overwrite.
  function dropUndo(keep) {
    undo = keep ? JSON.stringify(data) : null;
    all(".shb-undo").forEach(function (b) { b.remove(); });
  }
  function snapshot() { dropUndo(true); }

  // An accessible confirmation (or name) dialog; resolves to true, a name or null.
  function ask(title, lines, okLabel, name) {
    return new Promise(function (resolve) {
      var opener = document.activeElement, input = null;
      var form = el("form", { method: "dialog" }, [el("h2", { id: "shb-dialog-title" }, [title])]);
      lines.forEach(function (line) { form.append(el("p", {}, [line])); });
      if (name != null) {
        input = el("input", { id: "shb-dialog-name", type: "text", required: "", maxlength: "80", autocomplete: "off" });
        input.value = name;
        form.append(el("p", { class: "shb-dialog__field" }, [
          el("label", { for: "shb-dialog-name" }, ["Namn på arbetsytan"]), input]));
      }
      var cancel = el("button", { value: "", formnovalidate: "", class: "shb-btn" }, ["Avbryt"]);
      if (!input) cancel.setAttribute("autofocus", "");
      form.append(el("p", { class: "shb-dialog__buttons" }, [
        el("button", { value: "ok", class: "shb-btn shb-btn--primary" }, [okLabel]), cancel]));
      var dialog = el("dialog", { class: "shb-dialog", "aria-labelledby": "shb-dialog-title" }, [form]);
      dialog.addEventListener("close", function () {
        var result = dialog.returnValue === "ok" ? (input ? input.value.trim() : true) : null;
        dialog.remove();
        if (opener && opener.focus) opener.focus();
        resolve(result || null);
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  // ---- the page -----------------------------------------------------------

  function listOf(li) {
    var ul = li.closest("[data-shb-list]");
    return ul ? ul.getAttribute("data-shb-list") : "";
  }
  function listTitle(listId) {
    var tools = all(".shb-toolbar[data-shb-list-tools]").filter(function (t) {
      return t.getAttribute("data-shb-list-tools") === listId;
    })[0];
    return tools ? tools.getAttribute("data-shb-title") : listId;
  }
  function pagePath() {
    var p = location.pathname;
    return p.indexOf(scope.pathname) === 0 ? p.slice(scope.pathname.length) : p;
  }

  // Copy one question's tick and note from the page into the workspace.
  function record(li) {
    var id = li.getAttribute("data-shb-q"), w = ws(), t = now();
    var check = byId("shb-check-" + id), note = byId("shb-note-" + id), text = byId("shb-text-" + id);
    dropUndo();
    var a = {
      checked: !!(check && check.checked), note: note ? note.value : "", updated: t,
      text: text ? text.textContent.trim() : "", list: listTitle(listOf(li)), page: pagePath()
    };
    if (!a.checked && !a.note.trim()) delete w.answers[id];
    else w.answers[id] = a;
    w.updated = t;
  }

  function restore() {
    var w = ws();
    all("li.shb-q[data-shb-q]").forEach(function (li) {
      var id = li.getAttribute("data-shb-q"), a = own(w.answers, id);
      var check = byId("shb-check-" + id), note = byId("shb-note-" + id);
      if (check) check.checked = !!(a && a.checked);
      if (note && note !== document.activeElement) note.value = a ? a.note : "";
    });
    progress();
    panel();
    overview();
  }

  function progress() {
    var lists = {}, done = 0, total = 0;
    all("[data-shb-list] li.shb-q[data-shb-q]").forEach(function (li) {
      var id = listOf(li), check = li.querySelector(".shb-q__check");
      var c = lists[id] || (lists[id] = [0, 0]);
      c[1]++; total++;
      if (check && check.checked) { c[0]++; done++; }
    });
    all("[data-shb-progress]").forEach(function (p) {
      var c = own(lists, p.getAttribute("data-shb-progress"));
      if (c) p.textContent = count(c[0], c[1]);
    });
    var page = byId("shb-page-progress");
    if (page) page.textContent = "Hela sidan: " + count(done, total);
  }

  // The workspace panel: in the first toolbar of a page, or on the overview.
  function buildPanel(host, tools) {
    var notes = tools && tools.getAttribute("data-shb-notes");
    var button = function (act, label) {
      return el("button", { type: "button", class: "shb-btn", "data-shb-act": act }, [label]);
    };
    var body = el("div", { class: "shb-ws__body" }, [
      el("p", { class: "shb-ws__row" }, [
        el("label", { for: "shb-ws-select" }, ["Arbetsytor"]), " ",
        el("select", { id: "shb-ws-select" }), " ", button("switch", "Byt till vald")]),
      el("p", { class: "shb-ws__row" }, [button("new", "Ny arbetsyta"), " ", button("rename", "Byt namn"),
        " ", button("clear", "Rensa arbetsytan"), " ", button("delete", "Ta bort arbetsytan")]),
      el("p", { class: "shb-ws__row" }, [button("json", "Exportera (JSON)"), " ",
        button("md", "Exportera protokoll (Markdown)")]),
      el("p", { class: "shb-ws__row" }, [el("label", { for: "shb-ws-file" }, ["Importera en JSON-fil"]), " ",
        el("input", { id: "shb-ws-file", type: "file", accept: ".json,application/json" })]),
      el("p", { id: "shb-ws-error", class: "shb-ws__error", role: "alert" }),
      el("p", { id: "shb-ws-status", role: "status" }),
      el("p", { class: "shb-hint" }, ["Bockar och anteckningar sparas bara i den här webbläsaren. " +
        "Exportera dem då och då och spara filen: Safari raderar en webbplats data efter sju dagar utan besök."]),
      notes ? el("p", {}, [el("a", { href: notes }, ["Mina anteckningar"]), ": allt du har sparat, per kapitel."]) : null
    ]);
    var details = el("details", { id: "shb-ws", class: "shb-ws" }, [
      el("summary", {}, ["Arbetsyta: ", el("span", { id: "shb-ws-name" })]), body]);
    if (tools) host.append(details); else host.prepend(details);
  }

  function panel() {
    var name = byId("shb-ws-name"), select = byId("shb-ws-select");
    if (!name) return;
    name.textContent = ws().name;
    select.replaceChildren.apply(select, Object.keys(data.workspaces).map(function (id) {
      var o = el("option", { value: id }, [data.workspaces[id].name]);
      o.selected = id === data.active;
      return o;
    }));
  }

  function questionIndex() {
    var node = byId("shb-question-index");
    try { return node ? JSON.parse(node.textContent).questions : null; } catch (e) { return null; }
  }

  // Saved answers by chapter (index order); ids missing from the index are orphans.
  // Without an index (other pages), answers are grouped by their saved list title.
  function grouped(w, index) {
    var groups = [], byTitle = Object.create(null), known = Object.create(null), orphans = [];
    function add(title, item) {
      if (!byTitle[title]) groups.push(byTitle[title] = { title: title, items: [] });
      byTitle[title].items.push(item);
    }
    (index || []).forEach(function (q) {
      known[q.id] = true;
      var a = own(w.answers, q.id);
      if (a) add(q.chapter, { text: q.text, url: q.url, list: q.step ? q.list + ", " + q.step : q.list, a: a });
    });
    Object.keys(w.answers).forEach(function (id) {
      var a = w.answers[id], item = { id: id, text: a.text || id, list: a.list || "", page: a.page || "", a: a };
      if (!index) add(a.list || "Frågor", item);
      else if (!known[id]) orphans.push(item);
    });
    return { groups: groups, orphans: orphans };
  }

  function overview() {
    var host = document.querySelector("[data-shb-overview-notes]");
    if (!host) return;
    var w = ws(), r = grouped(w, questionIndex()), kids = [];
    var answers = Object.keys(w.answers).map(function (id) { return w.answers[id]; });
    var ticked = answers.filter(function (a) { return a.checked; }).length;
    var noted = answers.filter(function (a) { return a.note.trim(); }).length;
    kids.push(el("p", { class: "shb-ov__summary" }, [answers.length ?
      "Arbetsytan " + quote(w.name) + ": " + ticked + " besvarade frågor och " + noted + " anteckningar." :
      "Arbetsytan " + quote(w.name) + " har inga bockar eller anteckningar ännu. Börja i ett arbetsblad eller i frågebanken."]));
    function item(it) {
      var li = el("li", { class: "shb-ov__item" }, [el("p", { class: "shb-ov__q" }, [
        el("span", { class: "shb-ov__state" + (it.a.checked ? " shb-ov__state--done" : "") },
          [it.a.checked ? "Besvarad" : "Inte besvarad"]), " ",
        it.url ? el("a", { href: it.url }, [it.text]) : el("span", {}, [it.text])])]);
      var context = it.id ? "Sparad i " + (it.list ? "listan " + quote(it.list) : "en lista") +
        (it.page ? " på sidan " + it.page : "") + " (fråga " + it.id + ")." : it.list;
      if (context) li.append(el("p", { class: "shb-ov__context" }, [context]));
      if (it.a.note.trim()) li.append(el("p", { class: "shb-ov__note" }, [it.a.note]));
      return li;
    }
    r.groups.forEach(function (g) {
      kids.push(el("h2", {}, [g.title]), el("ul", { class: "shb-ov" }, g.items.map(item)));
    });
    if (r.orphans.length) {
      kids.push(el("h2", { id: "shb-orphans" }, ["Anteckningar till frågor som inte längre finns"]),
        el("p", {}, ["De här frågorna har tagits bort eller bytt namn i handboken sedan du skrev. " +
          "Anteckningarna finns kvar och följer med när du exporterar."]),
        el("ul", { class: "shb-ov" }, r.orphans.map(item)));
    }
    host.replaceChildren.apply(host, kids);
  }

  function mount() {
    var tools = all(".shb-toolbar[data-shb-list-tools]"), host = document.querySelector("[data-shb-overview]");
    var listIds = {};
    all("[data-shb-list]").forEach(function (ul) { listIds[ul.getAttribute("data-shb-list")] = 1; });
    tools.forEach(function (t, i) {
      if (t.querySelector(".shb-list-actions")) return;
      var id = t.getAttribute("data-shb-list-tools"), title = t.getAttribute("data-shb-title");
      if (i === 0 && Object.keys(listIds).length > 1) {
        t.append(el("p", { id: "shb-page-progress", class: "shb-progress" }));
      }
      t.append(el("div", { class: "shb-list-actions" }, [
        el("button", { type: "button", class: "shb-btn", "data-shb-act": "clear-list", "data-shb-list-id": id },
          ["Rensa listan", el("span", { class: "shb-sr-only" }, [" " + title])]),
        el("p", { class: "shb-list-status", role: "status" })]));
    });
    if (!byId("shb-ws") && (host || tools[0])) buildPanel(host || tools[0], host ? null : tools[0]);
    restore();
    all("[data-shb-progress], #shb-page-progress").forEach(function (p) { p.setAttribute("aria-live", "polite"); });
    if (host || tools.length) problem();
  }

  // ---- workspaces, export, import -----------------------------------------

  function notify() {
    subscribers.slice().forEach(function (fn) {
      try { fn(ws().name); } catch (e) { setTimeout(function () { throw e; }); }
    });
  }
  // After a change of workspace, a clear, an import or an undo.
  function changed(box, text, canUndo) {
    save();
    restore();
    status(box, text, canUndo);
    notify();
  }

  function slug(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "arbetsyta";
  }
  function download(ext, text, type) {
    var name = "anteckningar-" + slug(ws().name) + "-" + today() + "." + ext;
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    el("a", { href: url, download: name }).click(); // detached: instant navigation never sees it
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status(byId("shb-ws-status"), "Filen " + name + " är sparad i dina hämtade filer.");
  }

  function exportJson() {
    var file = { kind: KIND, version: VERSION, exported: now(), active: data.active, workspaces: {} };
    file.workspaces[data.active] = ws();
    download("json", JSON.stringify(file, null, 2) + "\n", "application/json");
  }

  // Text for Markdown: no HTML, no links or emphasis from the reader's text.
  function md(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/([\\`*_[\]#|])/g, "\\$1");
  }
  function exportMarkdown() {
    var w = ws(), r = grouped(w, questionIndex());
    var out = ["# Anteckningar: " + md(w.name), "",
      "Protokoll från Samverkanshandboken, " + today() + ". [x] betyder att frågan är besvarad.", ""];
    function item(it) {
      out.push("- [" + (it.a.checked ? "x" : " ") + "] " + md(it.text));
      if (it.a.note.trim()) {
        out.push("");
        it.a.note.trim().split(/\r?\n/).forEach(function (line) { out.push("    > " + md(line)); });
        out.push("");
      }
    }
    r.groups.forEach(function (g) { out.push("## " + md(g.title), ""); g.items.forEach(item); out.push(""); });
    if (r.orphans.length) {
      out.push("## Anteckningar till frågor som inte längre finns", "");
      r.orphans.forEach(item);
    }
    if (!r.groups.length && !r.orphans.length) out.push("Inga bockar eller anteckningar ännu.");
    download("md", out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n", "text/markdown");
  }

  function tally(w) {
    var ids = w ? Object.keys(w.answers) : [];
    return {
      ticked: ids.filter(function (id) { return w.answers[id].checked; }).length,
      notes: ids.filter(function (id) { return w.answers[id].note.trim(); }).length
    };
  }
  function differing(a, b) {
    var ids = Object.keys(a.answers).concat(Object.keys(b.answers)), seen = {}, n = 0;
    ids.forEach(function (id) {
      if (seen[id]) return;
      seen[id] = 1;
      var x = own(a.answers, id), y = own(b.answers, id);
      if (!x || !y || x.checked !== y.checked || x.note !== y.note) n++;
    });
    return n;
  }

  function importFile(input) {
    var file = input.files && input.files[0], name = file ? quote(file.name) : "";
    input.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT) {
      return error("Filen " + name + " är för stor (" + Math.round(file.size / 1024) +
        " kB). Ingenting har ändrats.");
    }
    file.text().then(function (text) {
      var d;
      try { d = JSON.parse(text); } catch (e) { fail("Filen " + name + " är inte en JSON-fil som går att läsa."); }
      if (!isObj(d) || d.kind !== KIND) fail("Filen " + name + " är inte en export från Samverkanshandboken.");
      if (typeof d.version === "number" && d.version > VERSION) {
        fail("Filen " + name + " kommer från en nyare version av handboken (format " + d.version + ").");
      }
      try { d = migrate(d); } catch (e) { fail("Filen " + name + " har fel form. " + (e && e.shb || "")); }
      var lines = Object.keys(d.workspaces).map(function (id) {
        var inc = d.workspaces[id], cur = own(data.workspaces, id), t = tally(inc);
        var after = t.ticked + " besvarade frågor och " + t.notes + " anteckningar";
        if (!cur) return "Arbetsytan " + quote(inc.name) + " läggs till, med " + after + ".";
        var c = tally(cur);
        return "Arbetsytan " + quote(cur.name) + " finns redan och ersätts. Nu: " + c.ticked +
          " besvarade frågor och " + c.notes + " anteckningar. Efter inläsningen: " + after + " (" +
          differing(cur, inc) + " frågor ändras)" + (cur.name !== inc.name ? ", och den byter namn till " + quote(inc.name) : "") + ".";
      });
      return ask("Läsa in filen?", lines, "Läs in").then(function (ok) {
        var box = byId("shb-ws-status");
        if (!ok) return status(box, "Ingenting har ändrats.");
        snapshot();
        var only = Object.keys(data.workspaces), lone = data.workspaces[only[0]];
        if (only.length === 1 && lone.name === DEFAULT_NAME && !Object.keys(lone.answers).length &&
            !Object.keys(lone.values).length) delete data.workspaces[only[0]];
        Object.keys(d.workspaces).forEach(function (id) { data.workspaces[id] = d.workspaces[id]; });
        data.active = own(d.workspaces, d.active) ? d.active : Object.keys(d.workspaces)[0];
        changed(box, "Filen är inläst. Arbetsytan " + quote(ws().name) + " är öppen.", true);
      });
    }).catch(function (e) {
      error((e && e.shb || "Filen " + name + " kunde inte läsas in.") + " Ingenting har ändrats.");
    });
  }

  var actions = {
    "switch": function (box) {
      var id = byId("shb-ws-select").value;
      if (!own(data.workspaces, id) || id === data.active) return;
      flush();
      dropUndo();
      data.active = id;
      changed(box, "Arbetsytan " + quote(ws().name) + " är öppen.");
    },
    "new": function (box) {
      ask("Ny arbetsyta", ["Ge arbetsytan ett namn, till exempel processens namn och år."], "Skapa", "")
        .then(function (name) {
          if (!name) return;
          dropUndo();
          var id = newId();
          data.workspaces[id] = workspace(name);
          data.active = id;
          changed(box, "Arbetsytan " + quote(name) + " är skapad och öppen.");
        });
    },
    rename: function (box) {
      ask("Byt namn på arbetsytan", [], "Spara", ws().name).then(function (name) {
        if (!name) return;
        ws().name = name;
        ws().updated = now();
        changed(box, "Arbetsytan heter nu " + quote(name) + ".");
      });
    },
    clear: function (box) {
      var name = ws().name;
      ask("Rensa arbetsytan?", ["Alla bockar och anteckningar i arbetsytan " + quote(name) +
        " tas bort. Arbetsytan finns kvar."], "Rensa").then(function (ok) {
        if (!ok) return;
        snapshot();
        ws().answers = {};
        ws().values = {};
        ws().updated = now();
        changed(box, "Arbetsytan " + quote(name) + " är rensad.", true);
      });
    },
    "delete": function (box) {
      var name = ws().name;
      ask("Ta bort arbetsytan?", ["Arbetsytan " + quote(name) + " och alla dess bockar och " +
        "anteckningar tas bort från den här webbläsaren."], "Ta bort").then(function (ok) {
        if (!ok) return;
        snapshot();
        delete data.workspaces[data.active];
        var ids = Object.keys(data.workspaces);
        if (ids.length) data.active = ids[0];
        else data = fresh();
        changed(box, "Arbetsytan " + quote(name) + " är borttagen. " + quote(ws().name) + " är öppen.", true);
      });
    },
    "clear-list": function (box, button) {
      var id = button.getAttribute("data-shb-list-id"), title = listTitle(id);
      ask("Rensa listan?", ["Alla bockar och anteckningar i listan " + quote(title) + " tas bort från arbetsytan " +
        quote(ws().name) + "."], "Rensa listan").then(function (ok) {
        if (!ok) return;
        snapshot();
        all("li.shb-q[data-shb-q]").forEach(function (li) {
          if (listOf(li) === id) delete ws().answers[li.getAttribute("data-shb-q")];
        });
        changed(box, "Listan är rensad.", true);
      });
    },
    undo: function (box) {
      if (!undo) return;
      data = JSON.parse(undo);
      undo = null;
      changed(box, "Ändringen är ångrad.");
    },
    json: exportJson,
    md: exportMarkdown
  };

  // ---- listeners, attached once -------------------------------------------

  function question(target) {
    return target.closest ? target.closest("li.shb-q[data-shb-q]") : null;
  }
  document.addEventListener("change", function (e) {
    var t = e.target, li = question(t);
    if (li && (t.classList.contains("shb-q__check") || t.classList.contains("shb-q__note"))) {
      record(li);
      save();
      progress();
    } else if (t.id === "shb-ws-file") {
      importFile(t);
    }
  });
  document.addEventListener("input", function (e) {
    var li = question(e.target);
    if (li && e.target.classList.contains("shb-q__note")) {
      record(li);
      clearTimeout(pending);
      pending = setTimeout(save, 600);
    }
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-shb-act]");
    if (!button || !own(actions, button.getAttribute("data-shb-act"))) return;
    var box = button.closest(".shb-list-actions");
    box = box ? box.querySelector(".shb-list-status") : byId("shb-ws-status");
    actions[button.getAttribute("data-shb-act")](box, button);
  });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flush(); });
  // Another tab saved: show its state here too.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY && !pending) {
      data = load();
      restore();
      notify();
    }
  });

  data = load();
  try {
    localStorage.setItem(KEY + ":test", "1");
    localStorage.removeItem(KEY + ":test");
  } catch (e) {
    failed = true;
  }

  window.shbStore = {
    get: function (key) {
      var v = own(ws().values, key);
      return v === undefined ? undefined : clone(v);
    },
    set: function (key, value) {
      if (typeof key !== "string" || key === "__proto__") return false;
      dropUndo();
      if (value === undefined) delete ws().values[key];
      else ws().values[key] = clone(value);
      ws().updated = now();
      return save();
    },
    subscribe: function (fn) {
      subscribers.push(fn);
      return function () { subscribers = subscribers.filter(function (f) { return f !== fn; }); };
    },
    workspaceName: function () { return ws().name; }
  };

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
