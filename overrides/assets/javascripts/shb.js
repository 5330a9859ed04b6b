/* Samverkanshandboken: the browser kernel, loaded first on every page.
 *
 * One namespace, window.shb, that every other script of the handbook uses
 * and none re-implements (CONTRIBUTING.md, "Webbläsarens kärna"):
 *   shb.kit      small helpers (elements, quoting, dates, slugs, Markdown escaping)
 *   shb.config   the page's configuration, read once from the markup
 *   shb.store    the notes: format, versions, migrations, the key, saving
 *   shb.UserError, shb.explain   a reader's bad input apart from programming errors
 *   shb.download one way to hand the reader a file
 *   shb.undo     one undo ("Ångra"), a stack per feature
 *   shb.ask      the confirmation (or name) dialog that comes with the panel
 *   shb.actions  one way to bind a button's action (by its data attribute)
 *   shb.load     one loader for the scripts beside this one; shb.feature
 *                registers a feature script, which mounts on Material's document$
 *   shb.doc      the document model's writers (export.js, loaded when asked for)
 *
 * Notes are kept in this browser only (localStorage), in the active
 * workspace; nothing is sent anywhere. Everything read from storage or from
 * a file reaches the page as text (textContent), never as HTML.
 */
window.shb = (function () {
  "use strict";

  const SRC = document.currentScript && document.currentScript.src;

  // ---- the kit ------------------------------------------------------------

  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const own = (obj, key) => isObj(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
  const byId = (id) => document.getElementById(id);
  const all = (sel, root) => [...(root || document).querySelectorAll(sel)];
  // An element with attributes and children (text children stay text).
  function el(tag, attrs, kids) {
    const node = document.createElement(tag);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    node.append(...(kids || []));
    return node;
  }
  const text = (v) => typeof v === "string" ? v.trim() : "";
  const quote = (s) => "\u201d" + s + "\u201d";
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const now = () => new Date().toISOString();
  const today = () => new Date().toLocaleDateString("sv-SE"); // YYYY-MM-DD
  const slug = (s, fallback) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;
  // Text for Markdown: no HTML, no links or emphasis from the reader's text.
  const mdEscape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]#|]/g, "\\$&");
  const LONG_DATE = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }); // 3 mars 2027
  // An ISO date ("2027-03-03") in words, or "" when it is not one.
  function longDate(iso) {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text(iso));
    // setUTCFullYear, unlike Date.UTC, takes the years 0-99 as they are.
    return m ? LONG_DATE.format(new Date(0).setUTCFullYear(+m[1], m[2] - 1, +m[3])) : "";
  }
  // "a", "a och b", "a, b och c"
  const joined = (list) => list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " och " + list[list.length - 1];

  const kit = { isObj, own, byId, all, el, text, quote, clone, now, today, slug, mdEscape, longDate, joined };

  // ---- errors ---------------------------------------------------------------

  // A problem with what the reader gave (a file, a value): its message is
  // written for the reader. Anything else thrown is a programming error.
  class UserError extends Error {}

  // The reader's message for an error: a UserError's own, else `fallback`
  // (nothing of a programming error is blamed on the reader), and the
  // programming error is rethrown outside, where the console and tests see it.
  function explain(error, fallback) {
    if (error instanceof UserError) return error.message;
    setTimeout(() => { throw error; });
    return fallback;
  }

  // ---- the page's configuration ---------------------------------------------

  // Read once, on first use, from the markup every page has: the print header
  // (overrides/partials/print-header.html) names the site and the brand's
  // organisation; Material's __md_scope is the storage scope (the site's root).
  let config = null;
  function readConfig() {
    if (config) return config;
    const head = document.querySelector("[data-shb-site-name]");
    // Without Material (a blank page in a test) the scope is the root.
    const scope = window.__md_scope || { pathname: "/" };
    config = Object.freeze({
      site: head ? text(head.dataset.shbSiteName) : "",
      org: head ? text(head.dataset.shbOrg) : "",
      scope: scope.pathname,
      key: "shb:v1:" + scope.pathname
    });
    return config;
  }
  // A path inside the site, as the store keeps it ("verktyg/x/"), from an address.
  function sitePath(url) {
    const path = new URL(url || location.href, location.href).pathname, root = readConfig().scope;
    return path.startsWith(root) ? path.slice(root.length) : path;
  }

  // ---- the store --------------------------------------------------------------

  const VERSION = 3;
  const KIND = "samverkanshandboken-anteckningar";
  const COMPARISON = "samverkanshandboken-jamforelse"; // a saved comparison (compare.js)
  // One limit for every file the reader chooses (the panel's import, Jämför
  // svar), stated beside each file chooser.
  const MAX_IMPORT = 5 * 1024 * 1024;
  const DEFAULT_NAME = "Min arbetsyta";
  const fail = (msg) => { throw new UserError(msg); };

  function workspace(name) {
    const t = now();
    return { name, party: "", created: t, updated: t, answers: {}, values: {}, registers: {} };
  }
  const newId = () => "w" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  function fresh() {
    const id = newId();
    return { version: VERSION, active: id, workspaces: { [id]: workspace(DEFAULT_NAME) } };
  }

  // Older formats are upgraded one step at a time. For version 4: raise
  // VERSION and add MIGRATIONS[3] = function (d) { ...; d.version = 4; return d; }.
  const MIGRATIONS = {
    // 2: a workspace has a party, the side that answers ("" when not set).
    // (check() sets it, for files from 1 and for 2 alike).
    1(d) {
      d.version = 2;
      return d;
    },
    // 3: a workspace keeps registers, {<register id>: [item]} (macros/registers/);
    // check() gives a workspace without them an empty set.
    2(d) {
      d.version = 3;
      return d;
    }
  };
  function migrate(d) {
    if (!isObj(d) || typeof d.version !== "number") fail("Formatet saknar versionsnummer.");
    while (d.version < VERSION && MIGRATIONS[d.version]) d = MIGRATIONS[d.version](d);
    return d.version === VERSION ? check(d) : null; // null: a newer format, leave it alone
  }

  // A register's item: {id, created?, updated?, values: {<field id>: text}}.
  // Why it cannot be kept, or "" (ids: the register's ids so far).
  const ITEM_TEXT = 5000; // the longest value a file may hold; each field has its own limit on the page
  function itemProblem(item, ids) {
    if (!isObj(item)) return "är inte en post";
    if (typeof item.id !== "string" || !/^[\w-]{1,60}$/.test(item.id) || item.id === "__proto__") return "saknar ett giltigt id";
    if (ids.has(item.id)) return "har samma id som en post före den";
    if (["created", "updated"].some((k) => item[k] !== undefined && typeof item[k] !== "string")) return "har fel form på datumet då den ändrades";
    if (!isObj(item.values) || own(item.values, "__proto__") !== undefined) return "saknar sina värden";
    const keys = Object.keys(item.values);
    if (keys.length > 50 || keys.some((k) => !/^[a-z0-9-]{1,60}$/.test(k))) return "har värden med fel namn";
    if (keys.some((k) => typeof item.values[k] !== "string")) return "har ett värde som inte är text";
    if (keys.some((k) => item.values[k].length > ITEM_TEXT)) return "har en text som är längre än " + ITEM_TEXT + " tecken";
    return "";
  }
  // A workspace's registers: a malformed register or item is left out, and
  // why is added to `rejected`; the rest is kept.
  function checkRegisters(w, rejected) {
    if (w.registers === undefined) w.registers = {};
    if (!isObj(w.registers) || own(w.registers, "__proto__") !== undefined) {
      rejected.push("Registren i arbetsytan " + quote(w.name) + " har fel form och är inte med.");
      w.registers = {};
    }
    Object.keys(w.registers).forEach((r) => {
      const list = w.registers[r], where = " i registret " + quote(r) + " i arbetsytan " + quote(w.name);
      if (!/^[a-z0-9-]{1,60}$/.test(r) || !Array.isArray(list)) {
        rejected.push("Registret " + quote(r) + " i arbetsytan " + quote(w.name) + " har fel form och är inte med.");
        delete w.registers[r];
        return;
      }
      const ids = new Set();
      w.registers[r] = list.filter((item, i) => {
        const why = itemProblem(item, ids);
        if (why) rejected.push("Post " + (i + 1) + where + " " + why + " och är inte med.");
        else ids.add(item.id);
        return !why;
      });
    });
  }

  // Checks the shape of a store or an export file; throws a UserError.
  // Registers' items that cannot be kept are left out, each said in
  // d.rejected (not saved with the store).
  function check(d) {
    const ids = isObj(d.workspaces) ? Object.keys(d.workspaces) : [], rejected = [];
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
      checkRegisters(w, rejected);
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
    Object.defineProperty(d, "rejected", { value: rejected, configurable: true, writable: true });
    return d;
  }

  let data = null, blocked = false, failed = false, pending = null, asked = false, subscribers = [];

  function read() {
    const KEY = readConfig().key;
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
  const state = () => data || (data = read());
  const ws = () => state().workspaces[state().active];

  // Write the store now; false when the browser did not keep it.
  function save() {
    clearTimeout(pending);
    pending = null;
    if (!blocked) {
      try {
        localStorage.setItem(readConfig().key, JSON.stringify(state()));
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
  // Save a little later (a note being typed); flush() saves what is waiting.
  function saveSoon() {
    clearTimeout(pending);
    pending = setTimeout(save, 600);
  }
  const flush = () => pending && save();

  // A visible alert, kept at the bottom of the window, when nothing is saved.
  // Its texts come with the panel (workspace_panel.html.j2), which every page
  // that saves anything has.
  function problem() {
    const message = byId(blocked ? "shb-msg-blocked" : failed ? "shb-msg-failed" : "");
    let box = byId("shb-alert");
    if (!message) return box && box.remove();
    if (!box) {
      box = el("div", { id: "shb-alert", class: "shb-alert", role: "alert" });
      (document.querySelector("article.md-content__inner") || document.body).append(box);
    }
    box.textContent = message.textContent;
  }

  // Tell every subscriber that the workspace changed (another one, an
  // import, an undo, another tab); a subscriber's error is its own.
  // `reason` is "workspace" (another workspace, an import, a clear, an undo,
  // another tab), "answers" (answers changed through putAnswers) or
  // "registers" (a register changed through putRegister).
  function notify(reason) {
    subscribers.forEach((fn) => {
      try { fn(reason || "workspace"); } catch (e) { setTimeout(() => { throw e; }); }
    });
  }

  // An export file's text, checked and brought up to this version; throws a UserError.
  function readExport(fileText, name) {
    let d;
    try { d = JSON.parse(fileText); } catch (e) { fail("Filen " + name + " är inte en JSON-fil som går att läsa."); }
    if (isObj(d) && d.kind === COMPARISON) {
      fail("Filen " + name + " är en sparad jämförelse, inte en export av en arbetsyta. Öppna den på sidan Jämför svar.");
    }
    if (!isObj(d) || d.kind !== KIND) fail("Filen " + name + " är inte en export från " + (readConfig().site || "handboken") + ".");
    if (typeof d.version === "number" && d.version > VERSION) {
      fail("Filen " + name + " kommer från en nyare version av handboken (format " + d.version + ").");
    }
    try {
      d = migrate(d);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      fail("Filen " + name + " har fel form. " + e.message);
    }
    return d || fail("Filen " + name + " har fel form.");
  }

  // The reader's message for a file over the limit.
  const tooLarge = (file) => "Filen " + quote(file.name) + " är för stor (" +
    (file.size < 1048576 ? Math.ceil(file.size / 1024) + " kB" : (file.size / 1048576).toFixed(1).replace(".", ",") + " MB") +
    "). Gränsen är " + MAX_IMPORT / 1048576 + " MB per fil.";

  const store = {
    VERSION, KIND, COMPARISON, DEFAULT_NAME, MIGRATIONS, MAX_IMPORT, migrate, check, readExport, tooLarge,
    save, saveSoon, notify,
    // A save is waiting (a note being typed).
    pending: () => !!pending,
    // The whole store, for the workspace panel (worksheets.js) only: it
    // creates, switches, imports and removes workspaces. Others use the rest.
    state,
    replace(d) { data = d; },
    fresh, workspace, newId,
    active: ws,
    activeId: () => state().active,
    workspaceName: () => ws().name,
    party: () => ws().party,
    // A value of the active workspace ("phase:<id>", "doc:<id>", …), a copy.
    get(key) {
      const v = own(ws().values, key);
      return v === undefined ? undefined : clone(v);
    },
    // Keep a value (undefined removes it); false when the browser did not keep it.
    // A change here retires the workspace panel's undo ("worksheets"): that
    // step is a snapshot of the whole store and would overwrite the change.
    set(key, value) {
      if (typeof key !== "string" || key === "__proto__") return false;
      undo.retire("worksheets");
      if (value === undefined) delete ws().values[key];
      else ws().values[key] = clone(value);
      ws().updated = now();
      return save();
    },
    // The active workspace's answers, a copy.
    answers: () => clone(ws().answers),
    // The items of one of the active workspace's registers, a copy.
    register: (id) => clone(own(ws().registers, id) || []),
    // Keep a register's items (checked first: a malformed item is a
    // UserError and nothing changes); tells the subscribers ("registers").
    putRegister(id, items) {
      const probe = { workspaces: { w: { name: ws().name, party: "", answers: {}, registers: { [id]: clone(items) } } } };
      const got = check(probe);
      if (got.rejected.length) fail(got.rejected[0]);
      undo.retire("worksheets");
      const w = ws();
      if (items.length) w.registers[id] = probe.workspaces.w.registers[id];
      else delete w.registers[id];
      w.updated = now();
      const ok = save();
      notify("registers");
      return ok;
    },
    // Change answers ({id: answer, or null to remove}); checked first.
    putAnswers(changes) {
      check({ workspaces: { w: { name: "w", party: "", answers: Object.fromEntries(
        Object.entries(changes).filter((e) => e[1])) } } });
      undo.retire("worksheets");
      const w = ws();
      Object.keys(changes).forEach((id) => changes[id] ? (w.answers[id] = clone(changes[id])) : delete w.answers[id]);
      w.updated = now();
      const ok = save();
      notify("answers");
      return ok;
    },
    subscribe(fn) {
      subscribers.push(fn);
      return () => { subscribers = subscribers.filter((f) => f !== fn); };
    },
    // How many answers, ticks and notes a workspace holds.
    tally(w) {
      const answers = Object.values(w.answers);
      return {
        answers: answers.length,
        ticked: answers.filter((a) => a.checked).length,
        notes: answers.filter((a) => a.note.trim()).length
      };
    },
    // The active workspace as an export file's text; with `answersOnly`
    // the answers and the party without the workspace's values (the
    // templates' drafts, the plan), marked so that an import keeps the
    // values it has (worksheets.js).
    exportText(answersOnly) {
      const w = answersOnly ? { ...ws(), values: {} } : ws();
      const file = { kind: KIND, version: VERSION, exported: now(), active: state().active,
        ...(answersOnly ? { only: "answers" } : {}), workspaces: { [state().active]: w } };
      return JSON.stringify(file, null, 2) + "\n";
    }
  };

  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.hidden && flush());
  // Another tab saved: take its state, then tell the features (a feature that
  // keeps a note being typed records it again after this).
  window.addEventListener("storage", (e) => {
    if (e.key !== readConfig().key) return;
    data = read();
    notify();
  });

  // ---- files for the reader ---------------------------------------------------

  // Hand the reader a file (text or a Blob); returns its name.
  function download(name, content, type) {
    const blob = content instanceof Blob ? content : new Blob([content], { type: type + ";charset=utf-8" });
    const url = URL.createObjectURL(blob);
    el("a", { href: url, download: name }).click(); // detached: instant navigation never sees it
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }
  const savedMessage = (name) => "Filen " + name + " är sparad bland era hämtade filer.";

  // ---- undo ("Ångra") ------------------------------------------------------------

  // A stack of steps per feature. offer() shows the text and an "Ångra"
  // button in a status box; the button undoes the newest step of its feature
  // and shows what it did in the box that holds it (after instant navigation
  // that is the new page's box, not the one the step was offered in).
  const steps = new Map(); // feature -> [revert]
  const undo = {
    offer(feature, box, message, revert) {
      if (!steps.has(feature)) steps.set(feature, []);
      steps.get(feature).push(revert);
      undo.show(feature, box, message);
    },
    // The message in the box, with "Ångra" while the feature has a step to undo.
    show(feature, box, message) {
      if (!box) return;
      box.replaceChildren(message);
      if ((steps.get(feature) || []).length) {
        box.append(" ", el("button", { type: "button", class: "shb-btn shb-undo", "data-shb-undo": feature }, ["Ångra"]));
      }
    },
    // Forget the feature's steps (a later change would be lost by them).
    retire(feature) {
      steps.delete(feature);
      all('[data-shb-undo="' + feature + '"]').forEach((b) => b.remove());
    }
  };
  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("[data-shb-undo]");
    const stack = button && steps.get(button.dataset.shbUndo);
    if (!stack || !stack.length) return;
    const feature = button.dataset.shbUndo, revert = stack.pop(), box = button.parentElement;
    const focused = box.contains(document.activeElement);
    undo.show(feature, box, revert());
    if (focused && !box.contains(document.activeElement)) box.focus(); // the pressed button is gone
  });

  // ---- the dialog ---------------------------------------------------------------

  // The confirmation (or name) dialog that comes with the panel
  // (workspace_panel.html.j2). Its title and its button's label come from the
  // control that asks (data-shb-ask, data-shb-ok, and data-shb-alt for a
  // second choice). Resolves to true, a name, "alt" (the second choice) or null.
  function ask(from, lines, name) {
    return new Promise((resolve) => {
      const opener = document.activeElement, dialog = byId("shb-dialog"), input = byId("shb-dialog-name");
      byId("shb-dialog-title").textContent = from.dataset.shbAsk;
      byId("shb-dialog-text").replaceChildren(...lines.map((line) => el("p", {}, [line])));
      byId("shb-dialog-ok").textContent = from.dataset.shbOk;
      const alt = byId("shb-dialog-alt");
      if (alt) {
        alt.hidden = !from.dataset.shbAlt;
        alt.textContent = from.dataset.shbAlt || "";
      }
      // Without a name: no field (nor its check), and "Avbryt" has the focus.
      input.parentNode.hidden = input.disabled = byId("shb-dialog-cancel").autofocus = name == null;
      input.value = name || "";
      dialog.returnValue = "";
      dialog.addEventListener("close", () => {
        const result = dialog.returnValue === "ok" ? (name == null || input.value.trim()) :
          dialog.returnValue === "alt" && from.dataset.shbAlt ? "alt" : null;
        if (opener && opener.focus) opener.focus();
        resolve(result || null);
      }, { once: true });
      dialog.showModal();
    });
  }

  // ---- actions --------------------------------------------------------------------

  // One way to bind buttons: a click on an element with data-<attribute>
  // runs handlers[its value](button, event), or, where the value is data (a
  // step's id), handlers(value, button, event). Bound once, to document.
  function actions(attribute, handlers) {
    const name = attribute.replace(/-([a-z])/g, (m, c) => c.toUpperCase()).replace(/^data([A-Z])/, (m, c) => c.toLowerCase());
    document.addEventListener("click", (e) => {
      const button = e.target.closest && e.target.closest("[" + attribute + "]");
      if (!button) return;
      const value = button.dataset[name];
      if (typeof handlers === "function") return handlers(value, button, e);
      const act = own(handlers, value);
      if (act) act(button, e);
    });
  }

  // ---- loading the scripts beside this one --------------------------------------------

  // The features loaded on the pages that need them, by what the page holds.
  // Each lies beside this file in the site (assets/javascripts/), whatever the
  // site's base path, and from file:// in the offline copy.
  const LAZY = [
    ["worksheets.js", "#shb-ws, li.shb-q[data-shb-q]"],
    ["timeline.js", "[data-shb-timeline], [data-shb-tl-now], [data-shb-planner], [data-shb-ladder]"],
    ["compare.js", "[data-shb-compare]"],
    ["status.js", "[data-shb-status]"],
    ["documents.js", "[data-shb-doc]"],
    ["registers.js", "[data-shb-reg], [data-shb-reg-use], [data-shb-compare], [data-shb-prefill^='register:']"],
    ["followup.js", "[data-shb-fu]"]
  ];
  const loaded = {}, failures = [];

  // A script beside this one, loaded once (again after a failure); a promise.
  function load(file) {
    return loaded[file] = loaded[file] || new Promise((resolve, reject) => {
      const s = el("script", { src: new URL(file, SRC || location.href).href });
      s.onload = resolve;
      s.onerror = () => {
        delete loaded[file];
        reject(new Error("could not load " + file));
      };
      document.body.append(s);
    });
  }

  // A feature whose script did not arrive: the reader is told (the page's
  // buttons would otherwise do nothing), and tests read shb.failures.
  function loadFailed(file) {
    failures.push(file);
    let box = byId("shb-load-error");
    if (!box) {
      box = el("div", { id: "shb-load-error", class: "shb-alert", role: "alert" });
      (document.querySelector("article.md-content__inner") || document.body).append(box);
    }
    box.textContent = "En del av sidan kunde inte laddas, så knapparna här fungerar inte just nu. " +
      "Ladda om sidan för att försöka igen. Era sparade anteckningar finns kvar.";
  }

  // A feature script registers itself: its mount runs for the current page
  // and each new one (Material's document$ replays the current page to a late
  // subscriber), and its exports are at shb.features[name].
  const features = {};
  function feature(name, spec) {
    features[name] = spec.exports || {};
    if (spec.mount && window.document$) window.document$.subscribe(spec.mount);
    return features[name];
  }

  // ---- the document model ------------------------------------------------------------

  // export.js holds the writers (Markdown, plain text, HTML, Word); it is
  // loaded at the first export. shb.doc().then((w) => w.markdown(blocks)).
  const doc = () => load("export.js").then(() => features.export);

  function mount() {
    state();
    if (byId("shb-ws")) problem();
    if (!SRC) return;
    LAZY.forEach(([file, parts]) => {
      if (!loaded[file] && document.querySelector(parts)) load(file).catch(() => loadFailed(file));
    });
  }
  if (window.document$) window.document$.subscribe(mount);

  // ---- reading without a network -------------------------------------------------------

  // The service worker (sw.js at the site's root, two folders above this file;
  // scripts/build/precache.py) keeps every page, script and the search index,
  // so the handbook works offline after the first visit. Registered after the
  // page has loaded and only over http(s) (a worker cannot run from file://,
  // the offline copy). A new version waits until no tab of the site is open
  // (sw.js has no skipWaiting), so a page never mixes two versions. When the
  // copy is ready the reader is told once, in a status line below the page.
  const OFFLINE_TOLD = "shb:offline-ready:";
  const OFFLINE_TEXT = "Handboken är nu sparad i den här webbläsaren. " +
    "Sidorna, arbetsbladen, mallarna och Jämför svar fungerar även utan internet.";
  function offline() {
    const workers = navigator.serviceWorker;
    if (!SRC || !workers || !/^https?:$/.test(location.protocol)) return;
    workers.register(new URL("../../sw.js", SRC).href).then(() => workers.ready).then(() => {
      const key = OFFLINE_TOLD + readConfig().scope;
      try {
        if (localStorage.getItem(key)) return;
        localStorage.setItem(key, now());
      } catch (e) {
        return; // no storage: rather never than on every page
      }
      const line = el("p", { class: "shb-offline-ready", role: "status" });
      (document.querySelector("article.md-content__inner") || document.body).append(line);
      setTimeout(() => { line.textContent = OFFLINE_TEXT; }, 100); // a live region announces a change
    }).catch(() => {}); // without the worker the site works as before, online
  }
  if (document.readyState === "complete") offline();
  else window.addEventListener("load", offline, { once: true });

  return { kit, config: readConfig, sitePath, store, UserError, explain, download, savedMessage, undo, ask,
    actions, load, failures, feature, features, doc };
})();
