// The Word writer (word.js) as the page loads it where no worker runs, with
// the docx library from node_modules: the blocks export.js prepares become
// the document's text, and every value stays text.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { page } from "./load.mjs";

const D = createRequire(import.meta.url)("docx");
const { shb } = page("kernel", "export", "word");
const w = shb.features.export, word = shb.features.word;
const run = (text, extra) => [{ text, ...extra }];
const about = { organisation: "Kommunen", title: "Rapport", description: "Rapport", header: "" };
const xmlOf = (blocks) => D.Packer.compiler.compile(word.wordDocument(D, w.prepare(blocks), about, w.BLANK)).get("word/document.xml");
const texts = (xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

test("prepared blocks: no Markdown-only block; an entry's tick and note in words", () => {
  const ready = w.prepare([{ type: "paragraph", markdown: true, runs: run("[x] betyder besvarad.") },
    { type: "entry", checked: true, runs: run("Vem beslutar?"), note: ["Anna\nPer", ""] },
    { type: "entry", runs: run("Kommunen") }]);
  // (Through JSON: the arrays are the page's, another realm's. That they
  // come through it whole shows they are plain data, as a worker's message needs.)
  assert.deepEqual(JSON.parse(JSON.stringify(ready.map((b) => [b.type, b.ticked, b.note]))),
    [["entry", "Besvarad.", ["Anna", "Per"]], ["entry", "", []]]);
  assert.equal(structuredClone(ready).length, 2);
});

test("the Word document holds the blocks' text in order, markup as text", () => {
  const xml = xmlOf([{ type: "title", runs: run("Det här sa ni") },
    { type: "entry", checked: false, runs: run("Vilket mandat?"), note: ["<b>fet</b> & mer"] },
    { type: "paragraph", runs: [{ text: "Datum: " }, { blank: true }] },
    { type: "table", head: ["Vad", "Vem"], rows: [["<script>x</script>", ""]] },
    { type: "text", lines: [] }]);
  assert.deepEqual(texts(xml), ["Det här sa ni", "Vilket mandat?", "Inte besvarad.", "&lt;b&gt;fet&lt;/b&gt; &amp; mer",
    "Datum: ", w.BLANK, "Vad", "Vem", "&lt;script&gt;x&lt;/script&gt;", ""]);
  assert.ok(!xml.includes("<b>") && !xml.includes("<script>"));
  assert.equal((xml.match(/w:leader="underscore"/g) || []).length, 3, "an empty text block is three lines to write on");
});
