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
  const DEFAULT_NAME = "Min arbetsyta";
  const fail = (msg) => { throw new UserError(msg); };

  function workspace(name) {
    const t = now();
    return { name, party: "", created: t, updated: t, answers: {}, values: {}, registers: {} };
  }
  // A new id, unlikely to meet another made elsewhere: a workspace's ("w"),
  // a register item's ("r"), an input taken from Jämför svar ("c").
  const newId = (prefix = "w") => prefix + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
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

  // Checks the shape of a store or an export file; throws a UserError.
  // Registers' items are checked by checks.js, once it is loaded (a
  // malformed one is left out, each said in d.rejected, not saved with the
  // store); until then they are kept as they are.
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
      if (w.registers === undefined) w.registers = {};
      if (features.checks) features.checks.registers(w, rejected);
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

  const store = {
    VERSION, KIND, DEFAULT_NAME, MIGRATIONS, migrate, check,
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
    // The compact panel (a template's page) takes it when opened (below).
    ["worksheets.js", "#shb-ws:not([data-shb-compact]), li.shb-q[data-shb-q]"],
    ["panel.js", "[data-shb-ov-groups]"],
    ["timeline.js", "[data-shb-timeline], [data-shb-tl-clear], [data-shb-planner], [data-shb-ladder]"],
    ["now.js", "[data-shb-tl-now]"],
    ["compare.js", "[data-shb-compare]"],
    ["status.js", "[data-shb-status]"],
    ["documents.js", "[data-shb-doc]"],
    ["registers.js", "[data-shb-reg], [data-shb-reg-use], [data-shb-compare], [data-shb-prefill^='register:']"],
    ["followup.js", "[data-shb-fu]"]
  ];
  const loaded = {}, failures = [];

  // A script beside this one, loaded once (again after a failure); a promise.
  // Scripts run in the order they are asked for (async off), so the store's
  // checks (checks.js) run before the scripts that need them.
  const NEEDS_CHECKS = /^(registers|compare|followup)\.js$/;
  function load(file) {
    return loaded[file] = loaded[file] || Promise.all([NEEDS_CHECKS.test(file) && load("checks.js"), new Promise((resolve, reject) => {
      const s = el("script", { src: new URL(file, SRC || location.href).href });
      s.async = false;
      s.onload = resolve;
      s.onerror = () => {
        delete loaded[file];
        reject(new Error("could not load " + file));
      };
      document.body.append(s);
    })]);
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

  // A script loaded, and the reader told when it does not arrive; a promise
  // (rejected after telling).
  const need = (file) => load(file).catch((e) => { loadFailed(file); throw e; });
  // The confirmation (or name) dialog that comes with the workspace panel
  // (workspace_panel.html.j2), with the panel's own script (panel.js, loaded
  // at the first question asked): ask(control, lines, name) resolves to
  // true, a name, "alt" (the second choice) or null.
  const ask = (...args) => need("panel.js").then(() => features.panel.ask(...args));

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

  // The workspace panel: its summary names the active workspace on every
  // page; its controls are worksheets.js's and panel.js's, loaded here when
  // it is opened (on a template's page, the compact panel, only then).
  function panelName() {
    const name = byId("shb-ws-name");
    if (name) name.textContent = ws().name;
  }
  store.subscribe(panelName);
  document.addEventListener("toggle", (e) => {
    if (e.target.id === "shb-ws" && e.target.open) ["worksheets.js", "panel.js"].forEach((f) => need(f).catch(() => {}));
  }, true);

  function mount() {
    state();
    if (byId("shb-ws")) {
      problem();
      panelName();
    }
    if (!SRC) return;
    LAZY.forEach(([file, parts]) => {
      if (!loaded[file] && document.querySelector(parts)) need(file).catch(() => {});
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
  // copy is ready and the reader has not been told in this browser,
  // offline.js tells them, once.
  function offline() {
    const workers = navigator.serviceWorker;
    if (!SRC || !workers || !/^https?:$/.test(location.protocol)) return;
    workers.register(new URL("../../sw.js", SRC).href).then(() => workers.ready).then(() => {
      if (!localStorage.getItem("shb:offline-ready:" + readConfig().scope)) return load("offline.js");
    }).catch(() => {}); // without the worker (or storage) the site works as before, online
  }
  if (document.readyState === "complete") offline();
  else window.addEventListener("load", offline, { once: true });

  return { kit, config: readConfig, sitePath, store, UserError, explain, download, savedMessage, undo, ask,
    actions, load, need, failures, feature, features, doc };
})();
