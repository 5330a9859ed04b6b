/* Samverkanshandboken: the document model's Word writer (see export.js for
 * the blocks).
 *
 * Making a Word file takes one long stretch of work: the docx library turns
 * the whole document into XML and zips it in one go (over 100 ms for a
 * feedback report of 200 inputs, `make bench`). So this script is first of
 * all a worker: export.js starts it at the first Word file and sends it the
 * blocks; it loads the Word library (npm "docx", copied in by
 * scripts/build/vendor.py) beside itself and answers with the file, and the
 * page stays free the whole time. Where no worker can start (the offline
 * copy opened from disk: a page from file:// may start none), export.js
 * loads this script into the page instead, and the same code writes the file
 * there: it registers as the feature "word" and leaves the rest to export.js.
 *
 * The worker's messages: {id, blocks, about, blank} in (blocks as
 * export.js's prepare() gives them: no Markdown-only block, each entry's tick
 * and note in words), {id, blob} or {id, error} out.
 */
(function (scope) {
  "use strict";

  // A Word document (the library's Document) from prepared blocks, with the
  // header line on every page. D: the library; blank: the line for an empty slot.
  function wordDocument(D, blocks, about, blank) {
    const run = (r, extra) => new D.TextRun(Object.assign({ text: r.blank ? blank : r.text }, r.bold ? { bold: true } : {}, extra || {}));
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
      else if (b.type === "entry") {
        // A question: in bold, with the tick in words under it; a party's
        // line (Att diskutera) as it is. The note, indented, below.
        if (b.checked === undefined) children.push(para(b.runs, { para: { keepNext: true } }));
        else {
          children.push(para(b.runs, { run: { bold: true }, para: { keepNext: true, spacing: { before: 200, after: 40 } } }));
          children.push(new D.Paragraph({ indent: { left: 360 }, children: [new D.TextRun({ text: b.ticked, italics: true })] }));
        }
        b.note.forEach((l) => children.push(new D.Paragraph({ indent: { left: 360 }, children: [new D.TextRun(l)] })));
      } else if (b.type === "questions") {
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
    return new D.Document({
      creator: about.organisation, title: about.title, description: about.description,
      styles: { default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 100 } } },
        heading1: { run: { size: 36, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { size: 28, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { size: 24, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 80 } } }
      } },
      sections: [{
        headers: { default: new D.Header({ children: [new D.Paragraph({ alignment: D.AlignmentType.RIGHT,
          children: [new D.TextRun({ text: about.header, size: 18, color: "555555" })] })] }) },
        children
      }]
    });
  }
  // The file as a Blob.
  const wordBlob = (D, blocks, about, blank) => D.Packer.toBlob(wordDocument(D, blocks, about, blank));

  if (typeof scope.WorkerGlobalScope === "function" && scope instanceof scope.WorkerGlobalScope) {
    scope.importScripts("../vendor/docx/docx.js");
    scope.addEventListener("message", (e) => {
      const { id, blocks, about, blank } = e.data;
      Promise.resolve().then(() => wordBlob(scope.docx, blocks, about, blank)).then(
        (blob) => scope.postMessage({ id, blob }),
        (err) => scope.postMessage({ id, error: String(err && err.message || err) }));
    });
  } else if (scope.shb) {
    scope.shb.feature("word", { exports: { wordDocument, wordBlob } });
  }
})(typeof self === "object" ? self : window);
