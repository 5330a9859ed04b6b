/* Samverkanshandboken: "Jämför svar", several parties' answers side by side.
 *
 * worksheets.js loads this script on the page that has [data-shb-compare]
 * (macros/compare/templates/compare.html.j2). The chosen files are read in
 * this tab only and kept in memory; nothing is stored in the browser unless
 * the reader takes a note into the own workspace (through window.shbStore,
 * undoable) or saves the comparison as a file. Every file is checked by
 * worksheets.js (shbStore.readExport: kind, version, migration, shape); a bad
 * file gets a message naming it and the others still compare.
 *
 * Everything from a file (party names, notes, question texts) reaches the
 * page, the print and the Markdown export as text: textContent and escaping,
 * never HTML. window.shbCompare exposes the pure parts for the tests.
 */
(function () {
  "use strict";

  const SAVED = "samverkanshandboken-jamforelse"; // a saved comparison
  const SAVED_VERSION = 1;
  const MAX_FILE = 5 * 1024 * 1024;
  const ORPHANS = "Frågor som inte längre finns i handboken";

  const store = window.shbStore;
  const scope = window.__md_scope;
  let sources = []; // {file, text, party, name, answers, label}
  let discuss = new Set(); // question ids to bring to the meeting
  let undo = []; // merges, newest last: {id: answer before, or null}
  let rows = [], root = null;

  // ---- helpers ------------------------------------------------------------

  const own = (obj, key) => obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
  const byId = (id) => document.getElementById(id);
  const el = window.shbKit.el; // worksheets.js's, which loads this script
  const quote = (s) => "\u201d" + s + "\u201d";
  const today = () => new Date().toLocaleDateString("sv-SE");
  const answered = (a) => !!a && (a.checked || !!a.note.trim());
  const questions = (n) => n + (n === 1 ? " fråga" : " frågor");
  const joined = (list) => list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " och " + list[list.length - 1];
  // Text for Markdown: no HTML, no links or emphasis from a file's text.
  const md = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]#|]/g, "\\$&");

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    el("a", { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- reading files --------------------------------------------------------

  // The sources in one file's text: an export (one per workspace) or a saved
  // comparison (its files, and the questions marked to discuss). Throws {shb}.
  function parse(text, file) {
    const name = quote(file);
    let d = null;
    try { d = JSON.parse(text); } catch (e) { /* readExport says so */ }
    if (d && d.kind === SAVED) {
      if (typeof d.version !== "number" || d.version > SAVED_VERSION) {
        throw { shb: "Filen " + name + " är en sparad jämförelse från en nyare version av handboken." };
      }
      if (!Array.isArray(d.files) || d.files.some((f) => !f || typeof f.name !== "string" || typeof f.text !== "string")) {
        throw { shb: "Filen " + name + " är en sparad jämförelse med fel form." };
      }
      const found = [];
      d.files.forEach((f) => found.push(...parse(f.text, f.name).sources));
      return { sources: found, discuss: Array.isArray(d.discuss) ? d.discuss.filter((id) => typeof id === "string") : [] };
    }
    const data = store.readExport(text, name);
    const ids = Object.keys(data.workspaces);
    return { discuss: [], sources: ids.map((id) => {
      const w = data.workspaces[id];
      return { file, text, party: w.party.trim(), name: w.name, answers: w.answers, several: ids.length > 1 };
    }) };
  }

  // Labels: the party, or the file's name; a second source with the same
  // label also gets its file's name, and a third of those a number.
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

  // What the reader is told about sources that look alike.
  function likeness(added) {
    const told = [];
    added.forEach((s) => {
      const before = sources.slice(0, sources.indexOf(s));
      const same = before.find((o) => o.text === s.text && o.name === s.name);
      const party = s.party && before.find((o) => o.party.toLowerCase() === s.party.toLowerCase());
      if (same) {
        told.push("Filen " + quote(s.file) + " har samma innehåll som " + quote(same.file) +
          ". Båda är med och visas var för sig.");
      } else if (party) {
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
    const problems = [], added = [];
    return Promise.all(files.map((f) => f.size > MAX_FILE ?
      Promise.resolve({ f, error: "Filen " + quote(f.name) + " är för stor (" + Math.round(f.size / 1048576) + " MB). Gränsen är 5 MB." }) :
      f.text().then((text) => ({ f, text }), () => ({ f, error: "Filen " + quote(f.name) + " gick inte att läsa." }))
    )).then((read) => {
      read.forEach((r) => {
        if (r.error) return problems.push(r.error);
        try {
          const got = parse(r.text, r.f.name);
          added.push(...got.sources);
          got.discuss.forEach((id) => discuss.add(id));
        } catch (e) {
          problems.push(e && e.shb ? e.shb : "Filen " + quote(r.f.name) + " gick inte att läsa.");
        }
      });
      sources.push(...added);
      relabel();
      const told = likeness(added);
      byId("shb-cmp-errors").replaceChildren(...(problems.length ? [el("ul", {}, problems.map((p) =>
        el("li", {}, [p + " Den är inte med i jämförelsen."])))] : []));
      byId("shb-cmp-notices").replaceChildren(...told.map((t) => el("p", {}, [t])),
        ...(added.length ? [el("p", {}, [(added.length === 1 ? "En fil till" : added.length + " filer till") +
          " är med. Nu jämförs " + sources.length + (sources.length === 1 ? " fil." : " filer.")])] : []));
      draw();
    });
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
      const ticks = cells.map((a) => !!(a && a.checked));
      out.push({ id, text, url, group, step, saved, cells,
        only: srcs.length > 1 && by === 1, none: by === 0,
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
        el("button", { type: "button", class: "shb-btn", "data-shb-cmp": "merge", "data-shb-cmp-q": r.id, "data-shb-cmp-s": String(i) },
          ["Ta in anteckningen", el("span", { class: "shb-sr-only" }, [" från " + s.label])]));
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
    const mine = store.answers(), frag = document.createDocumentFragment();
    groups().forEach((g, n) => {
      const id = "shb-cmp-g" + n;
      frag.append(el("section", { class: "shb-cmp-group", "aria-labelledby": id }, [
        el("h3", { id }, [g[0].group]),
        el("p", { class: "shb-cmp-group__summary" }, [summary(g, sources)]),
        el("ul", { class: "shb-cmp-qs" }, g.map((r) => questionItem(r, mine)))]));
    });
    byId("shb-cmp-result").replaceChildren(frag);
    target();
    filter();
    drawDiscuss();
    root.dataset.shbCmpFiles = String(sources.length); // drawn (make bench waits for it)
  }

  // ---- filters ----------------------------------------------------------------

  function filter() {
    const on = [...root.querySelectorAll("[name=shb-cmp-filter]:checked")].map((b) => b.value);
    let shown = 0;
    const byRow = new Map(rows.map((r) => [r.id, r]));
    root.querySelectorAll(".shb-cmp-group").forEach((g) => {
      let any = false;
      g.querySelectorAll(".shb-cmp-q").forEach((li) => {
        const r = byRow.get(li.dataset.shbCmpRow), show = !on.length || on.some((k) => r[k]);
        li.hidden = !show;
        any = any || show;
        shown += show ? 1 : 0;
      });
      g.hidden = !any;
    });
    byId("shb-cmp-shown").textContent = rows.length ? "Visar " + shown + " av " + questions(rows.length) + "." : "";
  }

  // ---- merging into the own workspace ---------------------------------------

  function target() {
    const party = store.party();
    byId("shb-cmp-target").textContent = "Anteckningar som ni tar in hamnar i arbetsytan " + quote(store.workspaceName()) +
      (party ? " (" + party + ")" : "") + ", sist i er egen anteckning och under partens namn.";
  }

  const sitePath = (url) => {
    const path = new URL(url, location.href).pathname;
    return path.startsWith(scope.pathname) ? path.slice(scope.pathname.length) : path;
  };

  // The own answer with the source's note added under its label; null when
  // there is nothing to add (no note, or the note is already there).
  function merged(mine, r, i) {
    const a = r.cells[i], note = a && a.note.trim(), cur = own(mine, r.id);
    if (!note || (cur && cur.note.includes(note))) return null;
    const block = sources[i].label + ":\n" + note, before = cur ? cur.note.trimEnd() : "";
    return {
      checked: cur ? cur.checked : false, note: before ? before + "\n\n" + block : block,
      updated: new Date().toISOString(), text: cur && cur.text || r.text,
      list: cur && cur.list || (r.saved ? r.saved.list || "" : r.group + (r.step ? ", " + r.step : "")),
      page: cur && cur.page || (r.saved ? r.saved.page || "" : r.url ? sitePath(r.url) : "")
    };
  }

  function mergeStatus(text) {
    const box = byId("shb-cmp-merge-status");
    box.replaceChildren(text);
    if (undo.length) box.append(" ", el("button", { type: "button", class: "shb-btn", "data-shb-cmp": "undo" }, ["Ångra"]));
  }

  function apply(changes, told) {
    const ids = Object.keys(changes);
    if (!ids.length) return mergeStatus("Det finns inget nytt att ta in: anteckningarna finns redan i er arbetsyta.");
    const mine = store.answers(), before = {};
    ids.forEach((id) => { before[id] = own(mine, id) || null; });
    if (!store.putAnswers(changes)) return mergeStatus("Webbläsaren sparade inte ändringen. Exportera det ni vill behålla.");
    undo.push(before);
    refreshOwn();
    mergeStatus(told);
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

  function undoMerge() {
    const before = undo.pop(), box = byId("shb-cmp-merge-status");
    if (!before) return;
    store.putAnswers(before);
    refreshOwn();
    mergeStatus("Det ni tog in senast är borttaget ur er arbetsyta igen.");
    if (!box.contains(document.activeElement)) box.focus(); // the pressed button is gone
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

  // The site's name as the brand gives it (the print header holds it).
  function siteName() {
    const head = document.querySelector("[data-shb-site-name]");
    return (head && head.dataset.shbSiteName.trim()) || document.title;
  }
  const fileNames = (as) => sources.map((s) => as(s.label === s.file ? s.file : s.label + " (" + s.file + ")")).join(", ");
  const answerWord = (a) => !a ? "inget svar" : a.checked ? "besvarad" : "inte besvarad";

  function discussMarkdown() {
    const out = ["# Att diskutera", "", "Från " + md(siteName()) + ", " + today() + ". Jämförda filer: " +
      fileNames(md) + ".", ""];
    let group = null;
    discussed().forEach((r) => {
      if (r.group !== group) out.push("## " + md(group = r.group), "");
      out.push("### " + md(r.text), "");
      if (r.step) out.push(md(r.step), "");
      r.cells.forEach((a, i) => {
        out.push("- **" + md(sources[i].label) + "**: " + answerWord(a));
        if (a && a.note.trim()) out.push("", ...a.note.trim().split(/\r?\n/).map((line) => "    > " + md(line)), "");
      });
      out.push("");
    });
    if (!discussed().length) out.push("Inga frågor är markerade.");
    return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  // The same list as blocks for documents-export.js's Word file (text runs only).
  function discussBlocks() {
    const text = (t) => [{ text: t }];
    const blocks = [{ type: "title", runs: text("Att diskutera") },
      { type: "paragraph", runs: text("Från " + siteName() + ", " + today() + ". Jämförda filer: " + fileNames((t) => t) + ".") }];
    let group = null;
    discussed().forEach((r) => {
      if (r.group !== group) blocks.push({ type: "heading", runs: text(group = r.group) });
      blocks.push({ type: "subheading", runs: text(r.text) });
      if (r.step) blocks.push({ type: "paragraph", runs: text(r.step) });
      r.cells.forEach((a, i) => {
        blocks.push({ type: "list", items: [text(sources[i].label + ": " + answerWord(a))] });
        if (a && a.note.trim()) blocks.push({ type: "text", lines: a.note.trim().split(/\r?\n/) });
      });
    });
    if (!discussed().length) blocks.push({ type: "paragraph", runs: text("Inga frågor är markerade.") });
    return blocks;
  }

  function discussWord() {
    const box = byId("shb-cmp-discuss-status");
    box.textContent = "";
    window.shbKit.load("documents-export.js")
      .then(() => window.shbDocuments.word(discussBlocks(), "Att diskutera", "att-diskutera-" + today() + ".docx"))
      .then((name) => { box.textContent = "Filen " + name + " är sparad bland era hämtade filer."; },
        () => { box.textContent = "Word-filen kunde inte skapas. Försök igen."; });
  }

  function printDiscuss() {
    document.documentElement.classList.add("shb-print-discuss");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("shb-print-discuss"), { once: true });
    window.print();
  }

  // A saved comparison: the files as they were read and the marks.
  function saveComparison() {
    const files = [], seen = new Set();
    sources.forEach((s) => {
      if (!seen.has(s)) files.push({ name: s.file, text: s.text });
      sources.filter((o) => o.text === s.text && o.file === s.file).forEach((o) => seen.add(o));
    });
    const file = { kind: SAVED, version: SAVED_VERSION, saved: new Date().toISOString(), files, discuss: [...discuss] };
    download("jamforelse-" + today() + ".json", JSON.stringify(file, null, 2) + "\n", "application/json");
    byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Jämförelsen är sparad i era hämtade filer. Välj filen här för att öppna den igen."]));
  }

  // ---- listeners, attached once ---------------------------------------------

  const actions = {
    remove(b) {
      sources.splice(Number(b.dataset.shbCmpS), 1);
      relabel();
      byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Filen är borttagen ur jämförelsen."]));
      draw();
      byId("shb-cmp-file").focus();
    },
    clear() {
      sources = [];
      discuss = new Set();
      undo = [];
      byId("shb-cmp-merge-status").textContent = "";
      byId("shb-cmp-errors").replaceChildren();
      byId("shb-cmp-notices").replaceChildren(el("p", {}, ["Jämförelsen är tömd."]));
      draw();
      byId("shb-cmp-file").focus();
    },
    save: saveComparison,
    merge: (b) => mergeOne(b.dataset.shbCmpQ, Number(b.dataset.shbCmpS)),
    "merge-all": mergeAll,
    undo: undoMerge,
    print: printDiscuss,
    markdown: () => download("att-diskutera-" + today() + ".md", discussMarkdown(), "text/markdown"),
    docx: discussWord
  };

  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest("[data-shb-cmp]");
    if (b && root && root.contains(b) && own(actions, b.dataset.shbCmp)) actions[b.dataset.shbCmp](b);
  });
  document.addEventListener("change", (e) => {
    const t = e.target;
    if (!root || !root.contains(t)) return;
    if (t.id === "shb-cmp-file") addFiles(t);
    else if (t.name === "shb-cmp-filter") filter();
    else if (t.dataset.shbCmpDiscuss) {
      if (t.checked) discuss.add(t.dataset.shbCmpDiscuss);
      else discuss.delete(t.dataset.shbCmpDiscuss);
      drawDiscuss();
    }
  });

  function mount() {
    root = document.querySelector("[data-shb-compare]");
    if (root) draw(); // the files stay while the tab is open, also across instant navigation
  }
  // Another workspace (or an import, a clear): the undo steps belonged to the one before.
  store.subscribe(() => {
    undo = [];
    if (!root || !document.contains(root)) return;
    byId("shb-cmp-merge-status").textContent = "";
    target();
    refreshOwn();
  });

  window.shbCompare = { compare, summary, parse, discussMarkdown, sources: () => sources };
  document$.subscribe(mount);
})();
