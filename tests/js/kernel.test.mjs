// The kernel's pure parts (shb.js): the helpers and the stored format.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { page, pageWith } from "./load.mjs";

const V1 = JSON.parse(readFileSync(new URL("../fixtures/stores/v1.json", import.meta.url), "utf-8"));
const { shb } = page("kernel");
const plain = (v) => JSON.parse(JSON.stringify(v));

test("slug folds Swedish letters and falls back when nothing is left", () => {
  assert.equal(shb.kit.slug("Överenskommelse Kumla 2027", "x"), "overenskommelse-kumla-2027");
  assert.equal(shb.kit.slug("  ???  ", "arbetsyta"), "arbetsyta");
});

test("mdEscape leaves no markup, link or emphasis from the reader's text", () => {
  assert.equal(shb.kit.mdEscape("<b>[a](b) *c* _d_ #e |f| `g` \\h &"),
    "&lt;b&gt;\\[a\\](b) \\*c\\* \\_d\\_ \\#e \\|f\\| \\`g\\` \\\\h &amp;");
});

test("longDate writes an ISO date in words and refuses anything else", () => {
  assert.equal(shb.kit.longDate("2027-03-03"), "3 mars 2027");
  assert.equal(shb.kit.longDate("0050-01-02"), "2 januari 50");
  assert.equal(shb.kit.longDate("3 mars"), "");
  assert.equal(shb.kit.longDate(undefined), "");
});

test("joined lists in Swedish", () => {
  assert.equal(shb.kit.joined(["a"]), "a");
  assert.equal(shb.kit.joined(["a", "b", "c"]), "a, b och c");
});

test("every older version has a migration step, and version 1 keeps every note", () => {
  const { VERSION, MIGRATIONS, migrate } = shb.store;
  for (let v = 1; v < VERSION; v++) assert.equal(typeof MIGRATIONS[v], "function", "no step from " + v);
  const d = plain(migrate(structuredClone(V1)));
  assert.equal(d.version, VERSION);
  for (const [id, old] of Object.entries(V1.workspaces)) {
    assert.equal(d.workspaces[id].name, old.name);
    assert.equal(d.workspaces[id].party, "");
    assert.deepEqual(d.workspaces[id].values, old.values);
    for (const [q, a] of Object.entries(old.answers)) {
      assert.equal(d.workspaces[id].answers[q].note, a.note);
      assert.equal(d.workspaces[id].answers[q].checked, a.checked);
    }
  }
});

test("a newer format is left alone", () => {
  assert.equal(shb.store.migrate({ version: shb.store.VERSION + 1, workspaces: {} }), null);
});

test("a bad shape is the reader's error, with a message naming what is wrong", () => {
  const bad = { version: 2, active: "w", workspaces: { w: { name: "Kumla", answers: { "q-1": { checked: "ja", note: "" } } } } };
  assert.throws(() => shb.store.migrate(bad), (e) => e instanceof shb.UserError &&
    e.message === "Svaret på frågan \u201dq-1\u201d i arbetsytan \u201dKumla\u201d har fel form.");
  assert.throws(() => shb.store.migrate({ version: 2, workspaces: { ["__proto__"]: {} } }), shb.UserError);
});

test("readExport names the file and the site, and says when a file is newer", () => {
  assert.throws(() => shb.store.readExport("{", "\u201da.json\u201d"),
    { message: "Filen \u201da.json\u201d är inte en JSON-fil som går att läsa." });
  assert.throws(() => shb.store.readExport('{"kind": "annat"}', "\u201da.json\u201d"), /inte en export från handboken\./);
  const newer = JSON.stringify({ kind: shb.store.KIND, version: 99, workspaces: {} });
  assert.throws(() => shb.store.readExport(newer, "\u201dn.json\u201d"), /nyare version av handboken \(format 99\)/);
  const v1 = JSON.stringify({ ...V1, kind: shb.store.KIND });
  assert.equal(shb.store.readExport(v1, "\u201dv1.json\u201d").version, shb.store.VERSION);
});

test("explain keeps the reader's message and rethrows a programming error outside", () => {
  const later = [];
  const own = pageWith({ setTimeout: (fn) => later.push(fn), clearTimeout() {} }, "kernel").shb;
  assert.equal(own.explain(new own.UserError("Fel i filen."), "annat"), "Fel i filen.");
  assert.equal(later.length, 0);
  assert.equal(own.explain(new TypeError("x is undefined"), "Något gick fel."), "Något gick fel.");
  assert.equal(later.length, 1);
  assert.throws(later[0], { name: "TypeError", message: "x is undefined" });
});

test("values belong to the active workspace, are copies and refuse __proto__", () => {
  assert.equal(shb.store.set("plan:x", { start: "2027-01-01" }), true);
  const got = shb.store.get("plan:x");
  got.start = "ändrad";
  assert.equal(shb.store.get("plan:x").start, "2027-01-01");
  assert.equal(shb.store.set("__proto__", 1), false);
  assert.equal(shb.store.get("constructor"), undefined);
});
