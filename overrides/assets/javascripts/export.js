/* Samverkanshandboken: one document model, and one writer per format.
 *
 * Everything the site writes for the reader (the notes export, Att
 * diskutera, the templates) is first made into blocks, and each format has
 * one writer here: Markdown, plain text, HTML for the clipboard, and Word.
 * The kernel (shb.js) loads this script at the first export:
 *   shb.doc().then((w) => w.markdown(blocks))
 * The Word writer is word.js, which runs as a worker with the Word library
 * (npm "docx", copied into the site by scripts/build/vendor.py), both
 * loaded only for a Word file.
 *
 * Blocks: {type, ...}
 *   title, heading, subheading, paragraph  {runs}
 *   header      {text}              a line above the document (templates)
 *   list        {items: [runs]}
 *   entry       {runs, checked?, note?: [lines]}  a question with its tick and note:
 *               in Markdown a task ("- [x] …"), elsewhere the question in
 *               bold, the tick in words under it and the note below that
 *   questions   {title, items: [runs]}           questions for the writing group
 *   table       {head: [text], rows: [[text]]}
 *   text        {lines}             free text; no lines: lines to write on
 * Runs: {text, bold?} or {blank: true} (a slot left empty: a line to fill in);
 * {text, literal: true} is the site's own wording that Markdown must show as
 * written ("[x]"), never a reader's or a file's text. A block with
 * {markdown: true} is written in Markdown only (what it explains is
 * Markdown's: the legend of "[x]").
 * Every value reaches every format as text: escaped in Markdown, text nodes
 * in HTML, text runs in Word.
 */
(function () {
  "use strict";

  const { el, mdEscape } = window.shb.kit;
  const BLANK = "____________________";

  const plain = (runs) => runs.map((r) => r.blank ? BLANK : r.text).join("").replace(/\s+/g, " ").trim();
  const tick = (b) => b.checked === undefined ? "" : "[" + (b.checked ? "x" : " ") + "] ";
  // The tick in words, for the formats without Markdown's task list.
  const ticked = (b) => b.checked === undefined ? "" : b.checked ? "Besvarad." : "Inte besvarad.";
  const notMarkdown = (blocks) => blocks.filter((b) => !b.markdown);
  const noteLines = (b) => (b.note || []).join("\n").trim() ? (b.note || []).join("\n").trim().split(/\r?\n/) : [];
  const finish = (out) => out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";

  // ---- Markdown -----------------------------------------------------------------

  function markdown(blocks) {
    const inline = (runs) => runs.map((r) => r.blank ? BLANK : r.literal ? r.text :
      r.bold ? "**" + mdEscape(r.text) + "**" : mdEscape(r.text))
      .join("").replace(/\s+/g, " ").trim();
    const out = [];
    blocks.forEach((b) => {
      // Entries stand line by line; any other block starts after a blank line.
      if (b.type !== "entry" && out.length && out[out.length - 1] !== "") out.push("");
      if (b.type === "header") out.push(mdEscape(b.text), "");
      else if (b.type === "title") out.push("# " + inline(b.runs), "");
      else if (b.type === "heading") out.push("## " + inline(b.runs), "");
      else if (b.type === "subheading") out.push("### " + inline(b.runs), "");
      else if (b.type === "paragraph") out.push(inline(b.runs), "");
      else if (b.type === "list") out.push(...b.items.map((i) => "- " + inline(i)), "");
      else if (b.type === "entry") {
        out.push("- " + tick(b) + inline(b.runs));
        const note = noteLines(b);
        if (note.length) out.push("", ...note.map((line) => "    > " + mdEscape(line)), "");
      } else if (b.type === "questions") out.push("*" + mdEscape(b.title) + "*", "", ...b.items.map((i) => "- *" + inline(i) + "*"), "");
      else if (b.type === "table") {
        const cell = (t) => mdEscape(t || "").replace(/\r?\n/g, " ");
        out.push("| " + b.head.map(cell).join(" | ") + " |", "|" + b.head.map(() => " --- |").join(""),
          ...b.rows.map((row) => "| " + b.head.map((h, i) => cell(row[i])).join(" | ") + " |"), "");
      } else if (b.type === "text") out.push(...(b.lines.length ? b.lines.map(mdEscape) : [BLANK, BLANK]), "");
    });
    return finish(out);
  }

  // ---- plain text ---------------------------------------------------------------

  function text(blocks) {
    const out = [];
    notMarkdown(blocks).forEach((b) => {
      if (b.type === "header") out.push(b.text, "");
      else if (b.type === "title") out.push(plain(b.runs).toUpperCase(), "");
      else if (b.type === "heading" || b.type === "subheading") out.push(plain(b.runs), "");
      else if (b.type === "paragraph") out.push(plain(b.runs), "");
      else if (b.type === "list") out.push(...b.items.map((i) => "- " + plain(i)), "");
      else if (b.type === "entry") {
        out.push("- " + plain(b.runs), ...(ticked(b) ? ["  " + ticked(b)] : []), ...noteLines(b).map((l) => "  " + l), "");
      }
      else if (b.type === "questions") out.push(b.title, ...b.items.map((i) => "- " + plain(i)), "");
      else if (b.type === "table") {
        b.rows.forEach((row) => { if (row.some((c) => c.trim())) out.push("- " + b.head.map((h, i) => h + ": " + (row[i] || BLANK)).join("; ")); });
        out.push("");
      } else if (b.type === "text") out.push(...(b.lines.length ? b.lines : [BLANK, BLANK]), "");
    });
    return finish(out);
  }

  // ---- HTML for the clipboard ------------------------------------------------------

  // Built as elements with text, then serialised: values cannot become markup.
  function html(blocks) {
    const box = el("div", {});
    // Runs as text (white space folded as in the other formats); a bold run in <strong>.
    const inline = (tag, runs) => el(tag, {}, runs.some((r) => r.bold) ?
      runs.map((r) => { const t = r.blank ? BLANK : r.text.replace(/\s+/g, " "); return r.bold ? el("strong", {}, [t]) : t; }) :
      [plain(runs)]);
    notMarkdown(blocks).forEach((b) => {
      if (b.type === "header") box.append(el("p", {}, [el("small", {}, [b.text])]));
      else if (b.type === "title") box.append(inline("h1", b.runs));
      else if (b.type === "heading") box.append(inline("h2", b.runs));
      else if (b.type === "subheading") box.append(inline("h3", b.runs));
      else if (b.type === "paragraph") box.append(el("p", {}, [plain(b.runs)]));
      else if (b.type === "list") box.append(el("ul", {}, b.items.map((i) => el("li", {}, [plain(i)]))));
      else if (b.type === "entry") {
        box.append(b.checked === undefined ? inline("p", b.runs) : el("p", {}, [el("strong", {}, [plain(b.runs)])]),
          ...(ticked(b) ? [el("p", {}, [ticked(b)])] : []), ...noteLines(b).map((l) => el("blockquote", {}, [l])));
      } else if (b.type === "questions") box.append(el("p", {}, [el("em", {}, [b.title])]), el("ul", {}, b.items.map((i) => el("li", {}, [el("em", {}, [plain(i)])]))));
      else if (b.type === "table") {
        box.append(el("table", { border: "1", cellpadding: "4", style: "border-collapse:collapse" }, [
          el("thead", {}, [el("tr", {}, b.head.map((h) => el("th", {}, [h])))]),
          el("tbody", {}, b.rows.map((row) => el("tr", {}, row.map((c) => el("td", {}, [c])))))]));
      } else if (b.type === "text") box.append(...(b.lines.length ? b.lines : [BLANK]).map((l) => el("p", {}, [l])));
    });
    return box.innerHTML;
  }

  // ---- Word ------------------------------------------------------------------------

  // The Word writer is word.js (the docx library's packing is one long
  // task): it runs as a worker, started at the first Word file and kept for
  // the next, so the page never waits on it. Where no worker can run (the
  // offline copy from disk) or the worker fails, word.js and the library are
  // loaded into the page and write the file there.
  const HERE = document.currentScript ? document.currentScript.src : "";
  const jobs = new Map();
  let worker = null, jobId = 0;

  // The blocks as word.js takes them: Word's blocks only, each entry's tick
  // and note in words, plain data that a worker's message can carry.
  const prepare = (blocks) => notMarkdown(blocks).map((b) => b.type === "entry" ?
    Object.assign({}, b, { ticked: ticked(b), note: noteLines(b) }) : b);

  let lib = null;
  function inPage() {
    if (window.docx && window.shb.features.word) return Promise.resolve(window.docx);
    return lib = lib || window.shb.load("../vendor/docx/docx.js").then(() => window.shb.load("word.js")).then(
      () => window.docx && window.shb.features.word ? window.docx : Promise.reject(new Error("the Word library did not load")),
      (e) => { lib = null; throw e; });
  }
  const pageBlob = (blocks, about) => inPage().then((D) => window.shb.features.word.wordBlob(D, blocks, about, BLANK));

  // The header line of a file the site makes: the site's name, and the
  // organisation when it is another.
  const headerLine = (site, org) => org && org !== site ? site + " · " + org : site || org;

  // What a Word file says of itself: {organisation, title, description, header}.
  function info(title, site, org) {
    const c = window.shb.config();
    site = site === undefined ? c.site : site;
    org = org === undefined ? c.org : org;
    return { organisation: org, title, description: title + (site ? " (" + site + ")" : ""), header: headerLine(site, org) };
  }

  // The worker, started once; false when none can start or it has failed.
  function startWorker() {
    if (worker !== null) return worker;
    // From disk a browser starts no worker; the offline copy's Worker there
    // is a stand-in for the search (iframe-worker.js) that runs in the page.
    if (location.protocol === "file:") return worker = false;
    try {
      worker = new Worker(new URL("word.js", HERE || location.href).href);
    } catch (e) {
      return worker = false;
    }
    worker.addEventListener("message", (e) => {
      const job = jobs.get(e.data.id);
      if (!job) return;
      jobs.delete(e.data.id);
      if (e.data.error) job.reject(new Error("the Word writer failed: " + e.data.error));
      else job.resolve(e.data.blob);
    });
    // It did not start (no script, or the library did not load): the jobs it
    // holds, and every later one, are written in the page.
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      worker.terminate();
      worker = false;
      const waiting = [...jobs.values()];
      jobs.clear();
      waiting.forEach((job) => pageBlob(job.blocks, job.about).then(job.resolve, job.reject));
    });
    return worker;
  }

  // Blocks as a Word file (a Blob). about: what the file says of itself (info()).
  function word(blocks, about) {
    const ready = prepare(blocks), w = startWorker();
    if (!w) return pageBlob(ready, about);
    return new Promise((resolve, reject) => {
      const id = ++jobId;
      jobs.set(id, { blocks: ready, about, resolve, reject });
      w.postMessage({ id, blocks: ready, about, blank: BLANK });
    });
  }

  // ---- the clipboard -------------------------------------------------------------------

  // Blocks on the clipboard as HTML and as plain text; resolves when copied.
  function copy(blocks) {
    const rich = html(blocks), flat = text(blocks);
    // The older way, inside the click: the copy event gets both forms.
    function fallback() {
      const put = (e) => { e.clipboardData.setData("text/html", rich); e.clipboardData.setData("text/plain", flat); e.preventDefault(); };
      document.addEventListener("copy", put, { once: true });
      const ok = document.execCommand("copy");
      document.removeEventListener("copy", put);
      if (!ok) throw new window.shb.UserError("Texten kunde inte kopieras. Markera texten i förhandsvisningen och kopiera den själva.");
    }
    if (navigator.clipboard && window.ClipboardItem) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([rich], { type: "text/html" }),
        "text/plain": new Blob([flat], { type: "text/plain" })
      })]).catch(fallback);
    }
    return Promise.resolve().then(fallback);
  }

  // A Blob as base64 (the build's blank templates).
  const base64 = (blob) => blob.arrayBuffer().then((buf) => {
    let s = "";
    new Uint8Array(buf).forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s);
  });

  window.shb.feature("export", { exports: { markdown, text, html, word, prepare, info, copy, base64, plain, BLANK } });
})();
