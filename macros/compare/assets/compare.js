/* Samverkanshandboken: "Jämför svar", several parties' answers side by side.
 *
 * The kernel (shb.js) loads this script on the page that has [data-shb-compare]
 * (macros/compare/templates/compare.html.j2). The chosen files are read in
 * this tab only: kept in memory and in the tab's sessionStorage (so a link
 * followed, Back or a reload finds the comparison as it was; closing the
 * tab ends it, and the browser asks first while marks are not saved in a
 * file). The own notes change only when the reader takes a note into the
 * own workspace (through shb.store, undoable). Every file is checked by the
 * kernel (shb.store.readExport: kind, version, migration, shape); a bad
 * file gets a message naming it and the others still compare.
 *
 * Everything from a file (party names, notes, question texts) reaches the
 * page, the print and the exports as text: textContent, and the document
 * model's writers (export.js), never HTML. shb.features.compare exposes the
 * pure parts for the tests.
 */
(function () {
  "use strict";

  const SAVED = "samverkanshandboken-jamforelse"; // a saved comparison
  const SAVED_VERSION = 1;
  const SESSION = "shb:compare:"; // + the site's scope: the tab's comparison
  const ORPHANS = "Frågor som inte längre finns i handboken";
  const VIEWS = ["some", "only", "differ", "none", "all"];

  const shb = window.shb, store = shb.store;
  const MAX_FILE = store.MAX_IMPORT;
  const { own, byId, el, quote, today, joined, now } = shb.kit;
  const UNDO = "compare";
  let sources = []; // {file, text, party, name, answers, label}
  let discuss = new Set(); // question ids to bring to the meeting
  let rows = [], root = null;
  let offering = null; // the register a note can be added to (Återkoppling), when drawn
  let view = "some"; // the questions shown: some, only, differ, none, all
  let unsaved = false; // marks not yet in a saved comparison file
  let leaving = false; // a link inside the site was followed: nothing is lost

  // ---- helpers ------------------------------------------------------------

  const answered = (a) => !!a && (a.checked || !!a.note.trim());
  const questions = (n) => n + (n === 1 ? " fråga" : " frågor");

  // ---- reading files --------------------------------------------------------

  // The sources in one file's text: an export (one per workspace) or a saved
  // comparison (its files, and the questions marked to discuss). Throws a
  // shb.UserError.
  function parse(text, file) {
    const name = quote(file);
    let d = null;
    try { d = JSON.parse(text); } catch (e) { /* readExport says so */ }
    if (d && d.kind === SAVED) {
      if (typeof d.version !== "number" || d.version > SAVED_VERSION) {
        throw new shb.UserError("Filen " + name + " är en sparad jämförelse från en nyare version av handboken.");
      }
      if (!Array.isArray(d.files) || d.files.some((f) => !f || typeof f.name !== "string" || typeof f.text !== "string")) {
        throw new shb.UserError("Filen " + name + " är en sparad jämförelse med fel form.");
      }
      const found = [];
      d.files.forEach((f) => found.push(...parse(f.text, f.name).sources));
      return { sources: found, discuss: Array.isArray(d.discuss) ? d.discuss.filter((id) => typeof id === "string") : [] };
    }
    const data = store.readExport(text, name);
    const ids = Object.keys(data.workspaces);
    return { discuss: [], sources: ids.map((id) => {
      const w = data.workspaces[id];
      return { file, text, party: w.party.trim(), name: w.name, answers: w.answers, registers: w.registers, several: ids.length > 1 };
    }) };
  }

  // Labels: the party, or the file's name; a second source with the same
  // label (another file with the same party) also gets its file's name, and
  // a third of those a number. The same file twice is one source (see add).
  function relabel() {
    const base = (s) => s.party || (s.several ? s.file + ": " + s.name : s.file);
    const count = {}, used = {}, key = (label) => label.toLowerCase();
    sources.forEach((s) => { count[key(base(s))] = (count[key(base(s))] || 0) + 1; });
    sources.forEach((s) => {
      let label = base(s);
      if (count[key(label)] > 1 && s.party) label += " (" + s.file + ")";
      used[key(label)] = (used[key(label)] || 0) + 1;
      s.label = used[key(label)] > 1 ? label + " (" + used[key(label)] + ")" : label;
    });
  }

  // The same workspace of the same file content is one party: a copy is
  // left out. Returns the sources kept and what the reader is told, once
  // per file left out.
  function withoutCopies(found) {
    const kept = [], told = new Map();
    found.forEach((s) => {
      const same = sources.concat(kept).find((o) => o.text === s.text && o.name === s.name);
      if (!same) return kept.push(s);
      if (told.has(s.file)) return;
      told.set(s.file, same.file === s.file ? "Filen " + quote(s.file) + " är redan med i jämförelsen. Den räknas en gång." :
        "Filen " + quote(s.file) + " har samma innehåll som " + quote(same.file) + ", som redan är med. Den räknas en gång.");
    });
    return { kept, told: [...told.values()] };
  }

  // What the reader is told about different files with the same party.
  function likeness(added) {
    const told = [];
    added.forEach((s) => {
      const before = sources.slice(0, sources.indexOf(s));
      const party = s.party && before.find((o) => o.party.toLowerCase() === s.party.toLowerCase());
      if (party) {
        told.push("Filerna " + quote(party.file) + " och " + quote(s.file) + " har samma part, " + quote(s.party) +
          ". De visas var för sig, med filens namn efter partens.");
      }
    });
    return told;
  }

  function addFiles(input) {
    const files = [...(input.files || [])];
    input.value = "";
    if (!files.length) return Promise.resolve();
    const problems = [], found = [];
    return Promise.all(files.map((f) => f.size > MAX_FILE ?
      Promise.resolve({ f, error: store.tooLarge(f) }) :
      f.text().then((text) => ({ f, text }), () => ({ f, error: "Filen " + quote(f.name) + " gick inte att läsa." }))
    )).then((read) => {
      read.forEach((r) => {
        if (r.error) return problems.push(r.error);
        try {
          const got = parse(r.text, r.f.name);
          found.push(...got.sources);
          got.discuss.forEach((id) => discuss.add(id));
        } catch (e) {
          problems.push(shb.explain(e, "Filen " + quote(r.f.name) + " gick inte att läsa."));
        }
      });
      const { kept: added, told: copies } = withoutCopies(found);
      sources.push(...added);
      relabel();
      const told = copies.concat(likeness(added));
      byId("shb-cmp-errors").replaceChildren(...(problems.length ? [el("ul", {}, problems.map((p) =>
        el("li", {}, [p + " Den är inte med i jämförelsen."])))] : []));
      byId("shb-cmp-notices").replaceChildren(...told.map((t) => el("p", {}, [t])),
        ...(added.length ? [el("p", {}, [(added.length === 1 ? "En fil till" : added.length + " filer till") +
          " är med. Nu jämförs " + sources.length + (sources.length === 1 ? " fil." : " filer.")])] : []));
      draw();
      keep();
    });
  }

  // ---- the tab's copy (sessionStorage) ------------------------------------------

  // The comparison as a saved comparison file holds it: the files as read,
  // and the marks.
  function snapshot() {
    const files = [], seen = new Set();
    sources.forEach((s) => {
      if (!seen.has(s)) files.push({ name: s.file, text: s.text });
      sources.filter((o) => o.text === s.text && o.file === s.file).forEach((o) => seen.add(o));
    });
    return { kind: SAVED, version: SAVED_VERSION, saved: now(), files, discuss: [...discuss] };
  }
  const sessionKey = () => SESSION + shb.config().scope;

  // Keep the comparison for this tab; a note when the browser would not.
  function keep() {
    try {
      if (!sources.length && !discuss.size) sessionStorage.removeItem(sessionKey());
      else sessionStorage.setItem(sessionKey(), JSON.stringify({ comparison: snapshot(), view, unsaved }));
      byId("shb-cmp-kept").textContent = "";
    } catch (e) {
      byId("shb-cmp-kept").textContent = "Webbläsaren kan inte hålla kvar jämförelsen om ni lämnar sidan. " +
        "Spara jämförelsen som fil om ni vill kunna öppna den igen.";
    }
  }

  // The tab's comparison back, after a reload or a page from the browser's
  // history; nothing when there is none, or it cannot be read.
  function restore() {
    let held = null;
    try { held = JSON.parse(sessionStorage.getItem(sessionKey()) || "null"); } catch (e) { held = null; }
    if (!held || !held.comparison) return;
    try {
      const got = parse(JSON.stringify(held.comparison), "");
      sources = withoutCopies(got.sources).kept;
      discuss = new Set(got.discuss);
      view = VIEWS.includes(held.view) ? held.view : "some";
      unsaved = !!held.unsaved;
      relabel();
    } catch (e) {
      sources = [];
      discuss = new Set();
    }
  }

  // ---- the comparison -------------------------------------------------------

  function index() {
    const node = byId("shb-question-index");
    return node ? JSON.parse(node.textContent).questions : [];
  }

  // One row per question of the handbook, then one per orphaned question
  // (in a file but no longer in the handbook).
  function compare(qs, srcs) {
    const out = [], known = new Set();
    function row(id, text, url, group, step, saved) {
      const cells = srcs.map((s) => own(s.answers, id));
      const by = cells.filter(answered).length;
      // Ticks differ only between parties that answered (a tick or a note).
      const ticks = cells.filter(answered).map((a) => a.checked);
      out.push({ id, text, url, group, step, saved, cells,
        only: srcs.length > 1 && by === 1, none: by === 0, some: by > 0, all: true,
        differ: ticks.includes(true) && ticks.includes(false), by });
    }
    qs.forEach((q) => { known.add(q.id); row(q.id, q.text, q.url, q.list, q.step, null); });
    srcs.forEach((s) => Object.keys(s.answers).forEach((id) => {
      if (known.has(id)) return;
      known.add(id);
      const a = s.answers[id];
      row(id, a.text || id, "", ORPHANS, a.list || "", a);
    }));
    return out;
  }

  // "Av 16 frågor: båda har svarat på 12, bara Kommunen på 3 och ingen på 1." per group.
  function summary(group, srcs) {
    const items = [], both = group.filter((r) => r.by === srcs.length).length;
    if (srcs.length === 1) items.push([srcs[0].label, both]);
    else if (both) items.push([srcs.length === 2 ? "båda" : "alla", both]);
    srcs.forEach((s, i) => {
      const n = srcs.length > 1 ? group.filter((r) => r.only && answered(r.cells[i])).length : 0;
      if (n) items.push(["bara " + s.label, n]);
    });
    const some = srcs.length > 2 ? group.filter((r) => r.by > 1 && r.by < srcs.length).length : 0;
    if (some) items.push(["några", some]);
    const none = group.filter((r) => r.none).length;
    if (none) items.push(["ingen", none]);
    const differ = group.filter((r) => r.differ).length;
    return "Av " + questions(group.length) + ": " +
      joined(items.map(([who, n], i) => who + (i ? " på " : " har svarat på ") + n)) + "." +
      (differ ? " Bockarna skiljer sig i " + questions(differ) + "." : "");
  }

  function marks(r) {
    const who = r.cells.findIndex(answered);
    return [r.only && ["only", "Bara " + sources[who].label + " har svarat"],
      r.differ && ["differ", "Bockarna skiljer sig"],
      r.none && ["none", "Ingen har svarat"]].filter(Boolean);
  }

  function answerCell(r, a, s, i) {
    const state = !a ? "Inget svar" : a.checked ? "Besvarad" : "Inte besvarad";
    const kids = [el("p", { class: "shb-cmp-a__who" }, [el("strong", {}, [s.label])]),
      el("p", { class: "shb-cmp-a__state" + (a && a.checked ? " shb-cmp-a__state--done" : "") }, [state])];
    if (a && a.note.trim()) {
      kids.push(el("p", { class: "shb-cmp-a__note" }, [a.note]),
        el("p", { class: "shb-cmp-a__take" }, [
          el("button", { type: "button", class: "shb-btn", "data-shb-cmp": "merge", "data-shb-cmp-q": r.id, "data-shb-cmp-s": String(i) },
            ["Ta in anteckningen", el("span", { class: "shb-sr-only" }, [" från " + s.label])]),
          ...(offering ? [" ", el("button", { type: "button", class: "shb-btn", "data-shb-cmp": "feedback", "data-shb-cmp-q": r.id, "data-shb-cmp-s": String(i) },
            ["Lägg till i " + offering.title, el("span", { class: "shb-sr-only" }, [": anteckningen från " + s.label])])] : [])]));
    }
    return el("li", { class: "shb-cmp-a" }, kids);
  }

  function ownLine(r, mine) {
    const a = own(mine, r.id);
    return el("p", { class: "shb-cmp-q__own", "data-shb-cmp-own": r.id }, [el("strong", {}, ["Er arbetsyta: "]),
      a && a.note.trim() ? a.note : a && a.checked ? "bockad, ingen anteckning" : "inget svar"]);
  }

  function questionItem(r, mine) {
    const title = r.url ? el("a", { href: r.url }, [r.text]) : el("span", {}, [r.text]);
    const head = [title];
    if (r.step) head.push(el("span", { class: "shb-cmp-q__step" }, [" (" + r.step + ")"]));
    const box = el("input", { type: "checkbox", class: "shb-cmp-q__discuss", "data-shb-cmp-discuss": r.id, id: "shb-cmp-d-" + r.id });
    box.checked = discuss.has(r.id);
    const li = el("li", { class: "shb-cmp-q", "data-shb-cmp-row": r.id }, [
      el("p", { class: "shb-cmp-q__text" }, head),
      el("p", { class: "shb-cmp-q__marks" }, marks(r).map(([kind, text]) =>
        el("span", { class: "shb-cmp-mark shb-cmp-mark--" + kind }, [text]))),
      el("ul", { class: "shb-cmp-answers" }, r.cells.map((a, i) => answerCell(r, a, sources[i], i))),
      ownLine(r, mine),
      el("p", { class: "shb-cmp-q__discuss-row" }, [box, " ", el("label", { for: "shb-cmp-d-" + r.id },
        ["Att diskutera", el("span", { class: "shb-sr-only" }, [": " + r.text])])])
    ]);
    if (r.saved) li.append(el("p", { class: "shb-cmp-q__context" }, ["Fråga " + r.id + ", sparad i " + (r.step || "en lista") + "."]));
    if (!marks(r).length) li.querySelector(".shb-cmp-q__marks").remove();
    return li;
  }

  function groups() {
    const out = [], by = new Map();
    rows.forEach((r) => {
      if (!by.has(r.group)) out.push(by.set(r.group, []).get(r.group));
      by.get(r.group).push(r);
    });
    return out;
  }

  function draw() {
    if (!root) return;
    const some = sources.length > 0;
    root.querySelectorAll("[data-shb-cmp-when-files]").forEach((n) => { n.hidden = !some; });
    byId("shb-cmp-list").replaceChildren(...sources.map((s, i) => el("li", {}, [
      el("strong", {}, [s.label]), " ", s.label.includes(s.file) ? "" : "(" + s.file + ") ",
      el("button", { type: "button", class: "shb-btn", "data-shb-cmp": "remove", "data-shb-cmp-s": String(i) },
        ["Ta bort", el("span", { class: "shb-sr-only" }, [" " + s.label])])])));
    rows = some ? compare(index(), sources) : [];
    offering = feedbackReg();
    const mine = store.answers(), frag = document.createDocumentFragment();
    groups().forEach((g, n) => {
      const id = "shb-cmp-g" + n;
      frag.append(el("section", { class: "shb-cmp-group", "aria-labelledby": id }, [
        el("h3", { id }, [g[0].group]),
        el("p", { class: "shb-cmp-group__summary" }, [summary(g, sources)]),
        el("ul", { class: "shb-cmp-qs" }, g.map((r) => questionItem(r, mine)))]));
    });
    byId("shb-cmp-result").replaceChildren(frag);
    const reg = shb.features.registers; // the parties' registers side by side (registers.js)
    if (reg && some) byId("shb-cmp-result").append(reg.compare(sources));
    target();
    filter();
    drawDiscuss();
    root.dataset.shbCmpFiles = String(sources.length); // drawn (make bench waits for it)
    if (some) whenRegisters();
  }

  // The registers (side by side, and "Lägg till i Återkoppling") need
  // registers.js and its index, which load beside this script: a comparison
  // drawn before they came is drawn again once they are here.
  let awaiting = false;
  function whenRegisters() {
    if (awaiting || feedbackReg() || !root.querySelector("[data-shb-cmp-feedback]")) return;
    awaiting = true;
    shb.load("registers.js").then(() => shb.features.registers.ready())
      .then(() => { awaiting = false; if (sources.length && root && document.contains(root)) draw(); },
        (e) => { awaiting = false; setTimeout(() => { throw e; }); });
  }

  // ---- filters ----------------------------------------------------------------

  // One choice of questions shown: by default those some party answered.
  function filter() {
    const chosen = root.querySelector("[name=shb-cmp-filter]:checked");
    if (chosen && VIEWS.includes(chosen.value)) view = chosen.value;
    root.querySelectorAll("[name=shb-cmp-filter]").forEach((b) => { b.checked = b.value === view; });
    let shown = 0;
    const byRow = new Map(rows.map((r) => [r.id, r]));
    root.querySelectorAll(".shb-cmp-group").forEach((g) => {
      let any = false;
      g.querySelectorAll(".shb-cmp-q").forEach((li) => {
        const r = byRow.get(li.dataset.shbCmpRow), show = r[view];
        li.hidden = !show;
        any = any || show;
        shown += show ? 1 : 0;
      });
      g.hidden = !any;
    });
    byId("shb-cmp-shown").textContent = rows.length ? "Visar " + shown + " av " + questions(rows.length) + "." : "";
  }

  // The whole comparison in one line, at the top.
  function overview() {
    const some = rows.filter((r) => r.some).length, differ = rows.filter((r) => r.differ).length;
    byId("shb-cmp-overview").textContent = rows.length ? "Av handbokens " + questions(rows.length) + " har " +
      (sources.length === 1 ? sources[0].label : sources.length === 2 ? "minst en av er" : "minst en part") +
      " svarat på " + some + ". Bockarna skiljer sig i " + questions(differ) + ". Att diskutera: " +
      questions(discuss.size).replace("fråga", "markerad fråga").replace("frågor", "markerade frågor") + "." : "";
  }

  // ---- merging into the own workspace ---------------------------------------

  function target() {
    const party = store.party();
    byId("shb-cmp-target").textContent = "Anteckningar som ni tar in hamnar i arbetsytan " + quote(store.workspaceName()) +
      (party ? " (" + party + ")" : "") + ", sist i er egen anteckning och under partens namn.";
  }

  // The own answer with the source's note added under its label; null when
  // there is nothing to add (no note, or the note is already there).
  function merged(mine, r, i) {
    const a = r.cells[i], note = a && a.note.trim(), cur = own(mine, r.id);
    if (!note || (cur && cur.note.includes(note))) return null;
    const block = sources[i].label + ":\n" + note, before = cur ? cur.note.trimEnd() : "";
    return {
      checked: cur ? cur.checked : false, note: before ? before + "\n\n" + block : block,
      updated: now(), text: cur && cur.text || r.text,
      list: cur && cur.list || (r.saved ? r.saved.list || "" : r.group + (r.step ? ", " + r.step : "")),
      page: cur && cur.page || (r.saved ? r.saved.page || "" : r.url ? shb.sitePath(r.url) : "")
    };
  }

  // The merge status line (focusable: it takes the focus when "Ångra" goes),
  // with "Ångra" while a merge can be undone (the kernel's shb.undo).
  const statusBox = () => byId("shb-cmp-merge-status");
  const mergeStatus = (text) => shb.undo.show(UNDO, statusBox(), text);

  // Put the changes into the workspace (the store tells the subscriber
  // below, which redraws the own lines) and offer "Ångra" for them.
  function apply(changes, told) {
    const ids = Object.keys(changes);
    if (!ids.length) return mergeStatus("Det finns inget nytt att ta in: anteckningarna finns redan i er arbetsyta.");
    const mine = store.answers(), before = {};
    ids.forEach((id) => { before[id] = own(mine, id) || null; });
    if (!store.putAnswers(changes)) return mergeStatus("Webbläsaren sparade inte ändringen. Exportera det ni vill behålla.");
    shb.undo.offer(UNDO, statusBox(), told, () => {
      store.putAnswers(before);
      return "Det ni tog in senast är borttaget ur er arbetsyta igen.";
    });
  }

  function mergeOne(id, i) {
    const r = rows.find((x) => x.id === id), next = r && merged(store.answers(), r, i);
    apply(next ? { [id]: next } : {}, "Anteckningen från " + sources[i].label + " är tillagd i er arbetsyta.");
  }

  function mergeAll() {
    let mine = store.answers(), n = 0;
    const changes = {};
    rows.forEach((r) => sources.forEach((s, i) => {
      const next = merged(mine, r, i);
      if (next) { mine = { ...mine, [r.id]: next }; changes[r.id] = next; n++; }
    }));
    apply(changes, n + (n === 1 ? " anteckning är tillagd" : " anteckningar är tillagda") + " i er arbetsyta.");
  }

  // ---- a party's note as an input of Återkoppling ------------------------------------

  // The register that takes a party's note as an input: the page names it
  // (data-shb-cmp-feedback, the register with "notes"), registers.js knows
  // its fields. Null without it, or before registers.js has its index.
  const FROM = "fran", STEP = "steg";
  function feedbackReg() {
    const holder = root && root.querySelector("[data-shb-cmp-feedback]"), R = shb.features.registers;
    const reg = holder && R && R.registerOf(holder.dataset.shbCmpFeedback);
    const has = (id) => reg && reg.fields.some((f) => f.id === id);
    return reg && reg.notes && has(reg.notes) && has(FROM) && has(STEP) ? reg : null;
  }

  // A party's note as a new item of the feedback register: from the party,
  // in the step given, the note as the input, not yet answered (the status
  // field's default). Null when the register has that input from that party
  // already: it is never added twice, and no item is ever changed.
  // input: {from, step, text, id, t}.
  function feedbackItem(reg, items, input) {
    const text = input.text.trim(), from = input.from.trim();
    const val = (i, id) => i && i.values && typeof i.values[id] === "string" ? i.values[id].trim() : "";
    if (items.some((i) => val(i, reg.notes) === text && val(i, FROM).toLowerCase() === from.toLowerCase())) return null;
    const limit = (id) => reg.fields.find((f) => f.id === id).limit || 200;
    const values = { [FROM]: from.slice(0, limit(FROM)), [STEP]: input.step.trim().slice(0, limit(STEP)), [reg.notes]: text };
    const status = reg.fields.find((f) => f.kind === "status" && f.default);
    if (status) values[status.id] = status.default;
    Object.keys(values).forEach((k) => { if (!values[k]) delete values[k]; });
    return { id: input.id, created: input.t, updated: input.t, values };
  }

  // The step: the reader's answer above the questions, else the
  // worksheet the question belongs to (or, for a question no longer in the
  // handbook, the list it was saved in).
  function stepOf(r) {
    const field = root.querySelector("[data-shb-cmp-step]"), given = field ? field.value.trim() : "";
    return given || (r.saved ? (r.saved.list || "").split(",")[0] : r.group);
  }

  function addFeedback(id, i) {
    const reg = feedbackReg(), r = rows.find((x) => x.id === id), s = sources[i], a = r && r.cells[i];
    if (!reg || !a || !a.note.trim()) return;
    const from = s.party || s.label, before = store.register(reg.id);
    const item = feedbackItem(reg, before, { from, step: stepOf(r), text: a.note, t: now(),
      id: store.newId("c") });
    if (!item) return mergeStatus("Synpunkten från " + from + " finns redan i " + reg.title + ". Den läggs inte till en gång till.");
    const wrong = shb.features.registers.problems(reg, item.values), bad = Object.keys(wrong)[0];
    if (bad) return mergeStatus("Anteckningen kan inte bli en synpunkt: " + wrong[bad]);
    try {
      if (!store.putRegister(reg.id, before.concat([item]))) return mergeStatus("Webbläsaren sparade inte ändringen. Exportera det ni vill behålla.");
    } catch (e) {
      return mergeStatus(shb.explain(e, "Synpunkten kunde inte läggas till."));
    }
    shb.undo.offer(UNDO, statusBox(), "Synpunkten från " + from + " är tillagd i " + reg.title + " i er arbetsyta" +
      (item.values[STEP] ? ", i steget " + quote(item.values[STEP]) : "") + ".", () => {
      store.putRegister(reg.id, store.register(reg.id).filter((x) => x.id !== item.id));
      return "Synpunkten är borttagen ur " + reg.title + " igen.";
    });
  }

  function refreshOwn() {
    const mine = store.answers();
    rows.forEach((r) => {
      const line = root.querySelector('[data-shb-cmp-own="' + r.id + '"]');
      if (line) line.replaceWith(ownLine(r, mine));
    });
    drawDiscuss();
  }

  // ---- Att diskutera ----------------------------------------------------------

  function discussed() {
    return rows.filter((r) => discuss.has(r.id));
  }

  function drawDiscuss() {
    overview();
    // On screen and on paper: which parties and files the list compares.
    byId("shb-cmp-discuss-files").textContent = sources.length ? "Jämförda filer: " + fileNames() + "." : "";
    const list = discussed();
    byId("shb-cmp-discuss-empty").hidden = list.length > 0;
    byId("shb-cmp-discuss-list").replaceChildren(...list.map((r) => el("li", {}, [
      el("p", { class: "shb-cmp-discuss__q" }, [el("strong", {}, [r.text])]),
      el("p", { class: "shb-cmp-discuss__where" }, [r.group + (r.step ? ", " + r.step : "")]),
      el("ul", {}, r.cells.map((a, i) => el("li", {}, [el("strong", {}, [sources[i].label + ": "]),
        !a ? "inget svar" : (a.checked ? "besvarad" : "inte besvarad") + (a.note.trim() ? ". " : ""),
        ...(a && a.note.trim() ? [el("span", { class: "shb-cmp-a__note" }, [a.note])] : [])])))
    ])));
  }

  const fileNames = () => sources.map((s) => s.label === s.file ? s.file : s.label + " (" + s.file + ")").join(", ");
  const answerWord = (a) => !a ? "inget svar" : a.checked ? "besvarad" : "inte besvarad";

  // The list as the document model's blocks (export.js writes them): a
  // heading per group, a subheading per question, an entry per party.
  function discussBlocks() {
    const text = (t) => [{ text: t }], list = discussed();
    const blocks = [{ type: "title", runs: text("Att diskutera") },
      { type: "paragraph", runs: text("Från " + (shb.config().site || document.title) + ", " + today() +
        ". Jämförda filer: " + fileNames() + ".") }];
    let group = null;
    list.forEach((r) => {
      if (r.group !== group) blocks.push({ type: "heading", runs: text(group = r.group) });
      blocks.push({ type: "subheading", runs: text(r.text) });
      if (r.step) blocks.push({ type: "paragraph", runs: text(r.step) });
      r.cells.forEach((a, i) => blocks.push({ type: "entry",
        runs: [{ text: sources[i].label, bold: true }, { text: ": " + answerWord(a) }],
        note: a && a.note.trim() ? a.note.trim().split(/\r?\n/) : [] }));
    });
    if (!list.length) blocks.push({ type: "paragraph", runs: text("Inga frågor är markerade.") });
    return blocks;
  }

  // The list in a format of the document model, saved for the reader.
  function exportDiscuss(ext, write, type, told, failed) {
    const box = byId("shb-cmp-discuss-status"), blocks = discussBlocks();
    box.textContent = "";
    shb.doc().then((w) => write(w, blocks))
      .then((content) => {
        const name = shb.download(fileName("att-diskutera", ext), content, type);
        if (told) box.textContent = shb.savedMessage(name);
      })
      .catch((e) => { box.textContent = shb.explain(e, failed); });
  }

  function printDiscuss() {
    document.documentElement.classList.add("shb-print-discuss");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("shb-print-discuss"), { once: true });
    window.print();
  }

  // A saved comparison: the files as they were read and the marks.
  function saveComparison() {
    const name = shb.download(fileName("jamforelse", "json"), JSON.stringify(snapshot(), null, 2) + "\n", "application/json");
    unsaved = false;
    keep();
    byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Jämförelsen är sparad som " + name +
      " bland era hämtade filer. Välj filen här för att öppna den igen."]));
  }

  // "jamforelse-kommunen-ideburna-organisationer-2026-12-07.json": the parties compared.
  function fileName(what, ext) {
    const who = [...new Set(sources.map((s) => shb.kit.slug(s.label, "")).filter(Boolean))].join("-").slice(0, 60).replace(/-$/, "");
    return what + (who ? "-" + who : "") + "-" + today() + "." + ext;
  }

  // ---- listeners, attached once ---------------------------------------------

  const actions = {
    remove(b) {
      sources.splice(Number(b.dataset.shbCmpS), 1);
      relabel();
      byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Filen är borttagen ur jämförelsen."]));
      draw();
      keep();
      byId("shb-cmp-file").focus();
    },
    clear() {
      sources = [];
      discuss = new Set();
      unsaved = false;
      shb.undo.retire(UNDO);
      statusBox().textContent = "";
      byId("shb-cmp-errors").replaceChildren();
      byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Jämförelsen är tömd."]));
      draw();
      keep();
      byId("shb-cmp-file").focus();
    },
    save: saveComparison,
    merge: (b) => mergeOne(b.dataset.shbCmpQ, Number(b.dataset.shbCmpS)),
    feedback: (b) => addFeedback(b.dataset.shbCmpQ, Number(b.dataset.shbCmpS)),
    "merge-all": mergeAll,
    print: printDiscuss,
    // Markdown as before: the download is all the reader sees (no message).
    markdown: () => exportDiscuss("md", (w, blocks) => w.markdown(blocks), "text/markdown", false,
      "Filen kunde inte skapas. Försök igen."),
    // Word: export.js, and the Word library, at the first press.
    docx: () => exportDiscuss("docx", (w, blocks) => w.word(blocks, w.info("Att diskutera")), "", true,
      "Word-filen kunde inte skapas. Försök igen.")
  };
  // Only the buttons inside the comparison act.
  shb.actions("data-shb-cmp", Object.fromEntries(Object.entries(actions).map(([name, act]) =>
    [name, (b) => root && root.contains(b) && act(b)])));
  document.addEventListener("change", (e) => {
    const t = e.target;
    if (!root || !root.contains(t)) return;
    if (t.id === "shb-cmp-file") addFiles(t);
    else if (t.name === "shb-cmp-filter") { filter(); keep(); }
    else if (t.dataset.shbCmpDiscuss) {
      if (t.checked) discuss.add(t.dataset.shbCmpDiscuss);
      else discuss.delete(t.dataset.shbCmpDiscuss);
      unsaved = true;
      drawDiscuss();
      keep();
    }
  });
  // A link inside the site keeps the comparison (the tab's copy); closing
  // the tab or leaving the site with marks not saved in a file: the browser asks.
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[href]");
    if (a && !a.hasAttribute("download") && a.origin === location.origin && (!a.target || a.target === "_self")) {
      leaving = true;
      setTimeout(() => { leaving = false; }, 2000);
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (leaving || !unsaved || !discuss.size || !root || !document.contains(root)) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers ask only with this
  });

  function mount() {
    root = document.querySelector("[data-shb-compare]");
    if (!root) return;
    if (!sources.length) restore(); // a reload, or back from another page
    draw(); // the files stay while the tab is open, also across instant navigation
  }
  // Another workspace (an import, a clear, an undo, another tab): the merge
  // steps belonged to the one before. Answers put here (a merge, its undo):
  // the own lines show them.
  store.subscribe((reason) => {
    if (reason === "workspace") shb.undo.retire(UNDO);
    if (!root || !document.contains(root)) return;
    if (reason === "workspace") statusBox().textContent = "";
    target();
    refreshOwn();
  });

  // The list as Markdown (a promise): for the tests.
  const discussMarkdown = () => shb.doc().then((w) => w.markdown(discussBlocks()));

  shb.feature("compare", { mount, exports: { compare, summary, parse, feedbackItem, discussBlocks, discussMarkdown, sources: () => sources } });
})();
