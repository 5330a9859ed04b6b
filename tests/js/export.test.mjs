// The document model's writers (export.js) for the formats that need no page:
// Markdown and plain text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./load.mjs";

const { shb } = page("kernel", "export");
const w = shb.features.export;
const run = (text, extra) => [{ text, ...extra }];

test("the notes as Markdown: headings, ticks and notes quoted under their question", () => {
  const md = w.markdown([
    { type: "title", runs: run("Anteckningar: Kumla") },
    { type: "heading", runs: run("Rundabordssamtal") },
    { type: "entry", checked: true, runs: run("Vem beslutar?"), note: ["Anna, Per", "Kim"] },
    { type: "entry", checked: false, runs: run("Vilket mandat?"), note: [] },
    { type: "heading", runs: run("Nästa") },
  ]);
  assert.equal(md, "# Anteckningar: Kumla\n\n## Rundabordssamtal\n\n- [x] Vem beslutar?\n\n    > Anna, Per\n    > Kim\n\n" +
    "- [ ] Vilket mandat?\n\n## Nästa\n");
});

test("a party's answer with a bold label, as Att diskutera writes it", () => {
  const md = w.markdown([{ type: "entry", runs: [...run("Kommunen", { bold: true }), ...run(": besvarad")],
    note: ["Anna och Per från kommunen"] }]);
  assert.equal(md, "- **Kommunen**: besvarad\n\n    > Anna och Per från kommunen\n");
});

test("the site's own literal wording is written as it is, and only that", () => {
  const md = w.markdown([{ type: "paragraph", runs: [{ text: "[x]", literal: true }, { text: " betyder [länk](x)" }] }]);
  assert.equal(md, "[x] betyder \\[länk\\](x)\n");
});

test("the reader's text stays text in Markdown", () => {
  const md = w.markdown([{ type: "entry", runs: run("<img src=x onerror=alert(1)>"), note: ["[länk](http://x) *y*"] }]);
  assert.ok(!md.includes("<img") && !md.includes("[länk](") && md.includes("\\[länk\\](http://x)"), md);
  assert.ok(md.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

test("outside Markdown a question's tick is in words, and Markdown's own legend is left out", () => {
  const blocks = [{ type: "paragraph", markdown: true, runs: [{ text: "[x]", literal: true }, { text: " betyder besvarad." }] },
    { type: "entry", checked: true, runs: run("Vem beslutar?"), note: ["Anna"] },
    { type: "entry", checked: false, runs: run("Vilket mandat?"), note: [] }];
  assert.equal(w.text(blocks), "- Vem beslutar?\n  Besvarad.\n  Anna\n\n- Vilket mandat?\n  Inte besvarad.\n");
  assert.ok(w.markdown(blocks).startsWith("[x] betyder besvarad.\n\n- [x] Vem beslutar?"));
});

test("plain text: a title in capitals, empty slots and fields as lines to fill in", () => {
  const text = w.text([
    { type: "title", runs: [{ text: "Inbjudan till " }, { blank: true }] },
    { type: "table", head: ["Vad", "Vem"], rows: [["Fika", "Kim"], ["", ""]] },
    { type: "text", lines: [] },
  ]);
  assert.equal(text, "INBJUDAN TILL " + w.BLANK + "\n\n- Vad: Fika; Vem: Kim\n\n" + w.BLANK + "\n" + w.BLANK + "\n");
});

test("a Word file's header names the site, and the organisation when it is another", () => {
  assert.equal(w.info("Att diskutera", "Handboken", "Föreningen").header, "Handboken · Föreningen");
  assert.equal(w.info("Att diskutera", "Handboken", "Handboken").header, "Handboken");
  assert.equal(w.info("Protokoll", "Handboken", "").description, "Protokoll (Handboken)");
});
