/* Samverkanshandboken: templates and notes out of the site, as Word files
 * and as text on the clipboard.
 *
 * Loaded only when a reader asks for it: by documents.js at the first press
 * of "Ladda ner som Word-fil" or "Kopiera texten" on a template's page, and
 * by worksheets.js for "Exportera protokoll (Word)". The Word library (npm
 * "docx", copied into the site by scripts/build/vendor.py) is loaded in turn
 * only for a Word file.
 *
 * Everything is made from the document on the page (documents.js has filled
 * its slots with the reader's values as text), read into one model. Values
 * reach the Word file as text runs and the copied HTML through a DOM
 * serialiser: what a reader types is text in every output.
 */
(function () {
  "use strict";

  const SELF = document.currentScript && document.currentScript.src;
  const DOCX_JS = SELF && new URL("../vendor/docx/docx.js", SELF).href;
  const BLANK = "____________________";

  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const el = window.shbKit.el; // worksheets.js's, which loads this script
  const text = (v) => typeof v === "string" ? v.trim() : "";
  const today = () => new Date().toLocaleDateString("sv-SE");
  const slug = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "dokument";

  // ---- the document as a model ---------------------------------------------

  // [{type: "header"|"title"|"heading"|"subheading"|"paragraph"|"list"|"questions"|"table"|"text", ...}]
  // Runs are {text} or {blank: true}; with blank, every slot is read as empty.
  function model(root, blank) {
    const paper = root.querySelector("[data-shb-doc-paper]");
    const empty = (slot) => blank || slot.classList.contains("shb-doc__slot--empty") || !slot.textContent.trim();
    function runs(node) {
      const out = [];
      node.childNodes.forEach((n) => {
        if (n.nodeType === 3) out.push({ text: n.textContent });
        else if (n.dataset && "shbSlot" in n.dataset) out.push(empty(n) ? { blank: true } : { text: n.textContent });
        else if (n.nodeType === 1) out.push(...runs(n));
      });
      return out;
    }
    const items = (ul) => all(ul, ":scope > li").map(runs);
    const blocks = [];
    [...paper.children].forEach((node) => {
      const tag = node.tagName.toLowerCase(), cls = node.classList;
      if (cls.contains("shb-doc__header")) blocks.push({ type: "header", text: node.textContent.trim() });
      else if (cls.contains("shb-doc__title")) blocks.push({ type: "title", runs: runs(node) });
      else if (/^h[2-6]$/.test(tag)) blocks.push({ type: "heading", runs: runs(node) });
      else if (tag === "p") blocks.push({ type: "paragraph", runs: runs(node) });
      else if (tag === "ul") blocks.push({ type: "list", items: items(node) });
      else if (cls.contains("shb-doc__questions")) {
        blocks.push({ type: "questions", title: node.querySelector("p").textContent.trim(), items: items(node.querySelector("ul")) });
      } else if (tag === "table") {
        blocks.push({ type: "table", head: all(node, "thead th").map((th) => th.textContent.trim()),
          rows: all(node, "tbody tr").map((tr) => all(tr, "[data-shb-slot]").map((s) => empty(s) ? "" : s.textContent)) });
      } else if (node.dataset && "shbSlot" in node.dataset) {
        blocks.push({ type: "text", lines: empty(node) ? [] : node.textContent.split(/\r?\n/) });
      }
    });
    return blocks;
  }
  const plain = (runs) => runs.map((r) => r.blank ? BLANK : r.text).join("").replace(/\s+/g, " ").trim();

  // ---- plain text and HTML for the clipboard -------------------------------

  function toText(blocks) {
    const out = [];
    blocks.forEach((b) => {
      if (b.type === "header") out.push(b.text, "");
      else if (b.type === "title") out.push(plain(b.runs).toUpperCase(), "");
      else if (b.type === "heading" || b.type === "subheading") out.push(plain(b.runs), "");
      else if (b.type === "paragraph") out.push(plain(b.runs), "");
      else if (b.type === "list") out.push(...b.items.map((i) => "- " + plain(i)), "");
      else if (b.type === "questions") out.push(b.title, ...b.items.map((i) => "- " + plain(i)), "");
      else if (b.type === "table") {
        b.rows.forEach((row) => { if (row.some((c) => c.trim())) out.push("- " + b.head.map((h, i) => h + ": " + (row[i] || BLANK)).join("; ")); });
        out.push("");
      } else if (b.type === "text") out.push(...(b.lines.length ? b.lines : [BLANK, BLANK]), "");
    });
    return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  // HTML built as elements with text, then serialised: values cannot become markup.
  function toHtml(blocks) {
    const box = el("div", {});
    const inline = (tag, runs) => el(tag, {}, [plain(runs)]);
    blocks.forEach((b) => {
      if (b.type === "header") box.append(el("p", {}, [el("small", {}, [b.text])]));
      else if (b.type === "title") box.append(inline("h1", b.runs));
      else if (b.type === "heading") box.append(inline("h2", b.runs));
      else if (b.type === "subheading") box.append(inline("h3", b.runs));
      else if (b.type === "paragraph") box.append(inline("p", b.runs));
      else if (b.type === "list") box.append(el("ul", {}, b.items.map((i) => inline("li", i))));
      else if (b.type === "questions") box.append(el("p", {}, [el("em", {}, [b.title])]), el("ul", {}, b.items.map((i) => el("li", {}, [el("em", {}, [plain(i)])]))));
      else if (b.type === "table") {
        box.append(el("table", { border: "1", cellpadding: "4", style: "border-collapse:collapse" }, [
          el("thead", {}, [el("tr", {}, b.head.map((h) => el("th", {}, [h])))]),
          el("tbody", {}, b.rows.map((row) => el("tr", {}, row.map((c) => el("td", {}, [c])))))]));
      } else if (b.type === "text") box.append(...(b.lines.length ? b.lines : [BLANK]).map((l) => el("p", {}, [l])));
    });
    return box.innerHTML;
  }

  // ---- Word ------------------------------------------------------------------

  let lib = null;
  function docxLib() {
    if (window.docx) return Promise.resolve(window.docx);
    if (!lib) {
      lib = new Promise((resolve, reject) => {
        const s = el("script", { src: DOCX_JS });
        s.onload = () => window.docx ? resolve(window.docx) : reject(new Error("docx"));
        s.onerror = () => { lib = null; reject(new Error("docx")); };
        document.head.append(s);
      });
    }
    return lib;
  }

  // A Word document (as a Blob) from blocks, with the header line on every page.
  function wordFile(D, blocks, info) {
    const run = (r, extra) => new D.TextRun(Object.assign({ text: r.blank ? BLANK : r.text }, extra || {}));
    const para = (runs, opts) => new D.Paragraph(Object.assign({ children: runs.map((r) => run(r, opts && opts.run)) }, opts && opts.para));
    // A line to write on: a tab to the right margin, filled with an underscore leader.
    const line = () => new D.Paragraph({ spacing: { before: 200 },
      tabStops: [{ type: D.TabStopType.RIGHT, position: D.TabStopPosition.MAX, leader: D.LeaderType.UNDERSCORE }],
      children: [new D.TextRun({ children: [new D.Tab()] })] });
    const children = [];
    blocks.forEach((b) => {
      if (b.type === "title") children.push(para(b.runs, { para: { heading: D.HeadingLevel.HEADING_1 } }));
      else if (b.type === "heading") children.push(para(b.runs, { para: { heading: D.HeadingLevel.HEADING_2 } }));
      else if (b.type === "subheading") children.push(para(b.runs, { para: { heading: D.HeadingLevel.HEADING_3 } }));
      else if (b.type === "paragraph") children.push(para(b.runs));
      else if (b.type === "list") b.items.forEach((i) => children.push(para(i, { para: { bullet: { level: 0 } } })));
      else if (b.type === "questions") {
        children.push(para([{ text: b.title }], { run: { italics: true } }));
        b.items.forEach((i) => children.push(para(i, { para: { bullet: { level: 0 } }, run: { italics: true } })));
      } else if (b.type === "table") {
        const cellOf = (t, bold) => new D.TableCell({ children: [new D.Paragraph({ children: [new D.TextRun({ text: t, bold })] })] });
        children.push(new D.Table({ width: { size: 100, type: D.WidthType.PERCENTAGE }, rows: [
          new D.TableRow({ tableHeader: true, children: b.head.map((h) => cellOf(h, true)) }),
          ...b.rows.map((row) => new D.TableRow({ children: b.head.map((h, i) => cellOf(row[i] || "", false)) }))] }));
        children.push(new D.Paragraph({ children: [] }));
      } else if (b.type === "text") {
        if (b.lines.length) b.lines.forEach((l) => children.push(new D.Paragraph({ children: [new D.TextRun(l)] })));
        else children.push(line(), line(), line());
      }
    });
    const doc = new D.Document({
      creator: info.organisation, title: info.title, description: info.description,
      styles: { default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 100 } } },
        heading1: { run: { size: 36, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { size: 28, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { size: 24, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 80 } } }
      } },
      sections: [{
        headers: { default: new D.Header({ children: [new D.Paragraph({ alignment: D.AlignmentType.RIGHT,
          children: [new D.TextRun({ text: info.header, size: 18, color: "555555" })] })] }) },
        children
      }]
    });
    return D.Packer.toBlob(doc);
  }

  // The Word header line: the site's name, and the organisation when it is another.
  const headerLine = (site, org) => org && org !== site ? site + " · " + org : site || org;
  function infoOf(root) {
    return { organisation: text(root.dataset.shbOrg), title: root.dataset.shbDocTitle,
      description: root.dataset.shbDocTitle + " (" + text(root.dataset.shbSite) + ")",
      header: headerLine(text(root.dataset.shbSite), text(root.dataset.shbOrg)) };
  }

  function saveFile(blob, name) {
    const url = URL.createObjectURL(blob);
    el("a", { href: url, download: name }).click(); // detached: instant navigation never sees it
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  const docxName = (root) => slug(root.dataset.shbDocTitle) + "-" + today() + ".docx";
  const documentDocx = (root, blank) => docxLib().then((D) => wordFile(D, model(root, blank), infoOf(root)));

  // A file made from the site's own text, not from a template: the site's
  // name and organisation as the print header has them.
  function siteInfo(title) {
    const head = document.querySelector("[data-shb-site-name]");
    const site = head ? text(head.dataset.shbSiteName) : "", org = head ? text(head.dataset.shbOrg) : "";
    return { site, organisation: org, title, description: title + (site ? " (" + site + ")" : ""),
      header: headerLine(site, org) };
  }
  // Blocks as a Word file, saved for the reader (its name returned).
  const word = (blocks, info, file) => docxLib().then((D) => wordFile(D, blocks, info)).then((blob) => saveFile(blob, file));

  // The worksheet protocol (worksheets.js hands over its groups): questions,
  // ticks and notes per chapter, with the workspace's name and the date.
  function protocol(name, r, file) {
    const info = siteInfo("Anteckningar: " + name);
    const blocks = [{ type: "title", runs: [{ text: info.title }] },
      { type: "paragraph", runs: [{ text: "Protokoll från " + info.site + ", " + today() + ". [x] betyder att frågan är besvarad." }] }];
    function item(it) {
      blocks.push({ type: "paragraph", runs: [{ text: "[" + (it.a.checked ? "x" : " ") + "] " + it.text }] });
      const note = text(it.a.note);
      if (note) blocks.push({ type: "text", lines: note.split(/\r?\n/) });
    }
    r.groups.forEach((g) => { blocks.push({ type: "heading", runs: [{ text: g.title }] }); g.items.forEach(item); });
    if (r.orphans.length) {
      blocks.push({ type: "heading", runs: [{ text: "Anteckningar till frågor som inte längre finns" }] });
      r.orphans.forEach(item);
    }
    if (!r.groups.length && !r.orphans.length) blocks.push({ type: "paragraph", runs: [{ text: "Inga bockar eller anteckningar ännu." }] });
    return word(blocks, Object.assign(info, { description: "Protokoll" }), file);
  }

  function copy(root) {
    const blocks = model(root), html = toHtml(blocks), plainText = toText(blocks);
    const done = () => say(root, "Texten är kopierad. Klistra in den i ett mejl eller ett dokument.");
    // The older way, inside the click: the copy event gets both forms.
    function fallback() {
      const put = (e) => { e.clipboardData.setData("text/html", html); e.clipboardData.setData("text/plain", plainText); e.preventDefault(); };
      document.addEventListener("copy", put, { once: true });
      const ok = document.execCommand("copy");
      document.removeEventListener("copy", put);
      if (ok) done();
      else say(root, "Texten kunde inte kopieras. Markera texten i förhandsvisningen och kopiera den själva.");
    }
    if (navigator.clipboard && window.ClipboardItem) {
      navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([plainText], { type: "text/plain" })
      })]).then(done, fallback);
    } else {
      fallback();
    }
  }


  function say(root, message) {
    root.querySelector("[data-shb-doc-status]").replaceChildren(message);
  }

  window.shbDocuments = {
    protocol,
    copy,
    // Blocks made by another script (compare.js's Att diskutera) as a Word
    // file with the site's header: saved for the reader (its name returned).
    word: (blocks, title, file) => word(blocks, siteInfo(title), file),
    // The page's document as a Word file: saved for the reader (its name returned).
    docx: (root) => documentDocx(root).then((blob) => saveFile(blob, docxName(root))),
    // For the build (scripts/build/blank_documents.py): the page's template
    // as an empty Word file, base64-encoded.
    blank(root) {
      return documentDocx(root, true)
        .then((blob) => blob.arrayBuffer())
        .then((buf) => {
          let s = "";
          new Uint8Array(buf).forEach((b) => { s += String.fromCharCode(b); });
          return btoa(s);
        });
    }
  };
})();
