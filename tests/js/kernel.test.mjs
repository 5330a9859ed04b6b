// The kernel's pure parts (shb.js): the helpers and the stored format.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";
import { SCRIPTS, page, pageWith } from "./load.mjs";

const V1 = JSON.parse(readFileSync(new URL("../fixtures/stores/v1.json", import.meta.url), "utf-8"));
const { shb } = page("kernel", "checks", "panel");
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
    { message: "Filen \u201da.json\u201d går inte att läsa. Den kan vara skadad, eller så är det inte en fil som ni har exporterat härifrån." });
  assert.throws(() => shb.store.readExport('{"kind": "annat"}', "\u201da.json\u201d"), /inte en export från handboken\./);
  const newer = JSON.stringify({ kind: shb.store.KIND, version: 99, workspaces: {} });
  assert.throws(() => shb.store.readExport(newer, "\u201dn.json\u201d"), /nyare version av handboken \(format 99\)/);
  const v1 = JSON.stringify({ ...V1, kind: shb.store.KIND });
  assert.equal(shb.store.readExport(v1, "\u201dv1.json\u201d").version, shb.store.VERSION);
});

test("explain keeps the reader's message and rethrows a programming error outside", () => {
  const later = [];
  const own = pageWith({ setTimeout: (fn) => later.push(fn), clearTimeout() {} }, "kernel", "checks").shb;
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

const V2 = JSON.parse(readFileSync(new URL("../fixtures/stores/v2.json", import.meta.url), "utf-8"));

test("version 2 still loads: party, answers and values kept, and an empty set of registers", () => {
  const d = plain(shb.store.migrate(structuredClone(V2)));
  assert.equal(d.version, 3);
  const w = d.workspaces.wkumla2027;
  assert.equal(w.party, "Kumla kommun");
  assert.deepEqual(w.values, V2.workspaces.wkumla2027.values);
  assert.equal(w.answers["rb-beslut-mandat"].note, "Beslut i styrgruppen\nandra raden");
  assert.deepEqual(w.registers, {});
});

const item = (id, values) => ({ id, created: "2027-01-01T00:00:00Z", values });

test("registers: a malformed item is left out and said, the rest of the file is kept", () => {
  const file = { kind: shb.store.KIND, version: 3, active: "w", workspaces: { w: { name: "Kumla", party: "", answers: {}, values: {},
    registers: {
      ataganden: [item("a", { vad: "Möten" }), { id: "b", values: { vad: 3 } }, item("a", { vad: "samma id" }),
        item("c", { vad: "x".repeat(5001) }), { id: "<script>", values: {} }, item("d", { "Vad?": "fel namn" }), "text",
        item("e", { vad: "<b>markup</b> stays text" })],
      "Fel namn": [item("f", {})],
      beslut: "inte en lista"
    } } } };
  const d = shb.store.readExport(JSON.stringify(file), "\u201dk.json\u201d");
  const regs = plain(d.workspaces.w.registers);
  assert.deepEqual(regs.ataganden.map((i) => i.id), ["a", "e"]);
  assert.equal(regs.ataganden[1].values.vad, "<b>markup</b> stays text");
  assert.deepEqual(Object.keys(regs), ["ataganden"]);
  const where = " i registret \u201dataganden\u201d i arbetsytan \u201dKumla\u201d ";
  assert.deepEqual(plain(d.rejected), [
    "Post 2" + where + "har ett värde som inte är text och är inte med.",
    "Post 3" + where + "har samma id som en post före den och är inte med.",
    "Post 4" + where + "har en text som är längre än 5000 tecken och är inte med.",
    "Post 5" + where + "saknar ett giltigt id och är inte med.",
    "Post 6" + where + "har värden med fel namn och är inte med.",
    "Post 7" + where + "är inte en post och är inte med.",
    "Registret \u201dFel namn\u201d i arbetsytan \u201dKumla\u201d har fel form och är inte med.",
    "Registret \u201dbeslut\u201d i arbetsytan \u201dKumla\u201d har fel form och är inte med."
  ]);
  assert.equal(d.rejected.length, 8);
  assert.equal(JSON.stringify(d).includes("rejected"), false); // never saved with the store
});

test("putRegister keeps a register's items in the active workspace, refuses a malformed one, and exports them", () => {
  const { store } = shb;
  assert.equal(store.putRegister("ataganden", [item("a", { vad: "Möten" })]), true);
  const got = store.register("ataganden");
  got[0].values.vad = "ändrad";
  assert.equal(store.register("ataganden")[0].values.vad, "Möten");
  assert.throws(() => store.putRegister("ataganden", [item("a", {}), item("a", {})]),
    (e) => e instanceof shb.UserError && /samma id/.test(e.message));
  assert.equal(store.register("ataganden").length, 1);
  const file = JSON.parse(shb.features.panel.exportText());
  assert.equal(file.version, 3);
  assert.equal(file.workspaces[file.active].registers.ataganden[0].values.vad, "Möten");
  assert.equal(store.putRegister("ataganden", []), true);
  assert.equal(Object.hasOwn(store.active().registers, "ataganden"), false);
});

test("without checks.js the kernel keeps registers as they are; checks.js checks the store read before it", () => {
  const window = pageWith({ setTimeout, clearTimeout }, "kernel");
  const bad = { version: 3, active: "w", workspaces: { w: { name: "Kumla", party: "", answers: {}, values: {},
    registers: { ataganden: [item("a", { vad: "Möten" }), { id: "b", values: { vad: 3 } }] } } } };
  window.localStorage.setItem("shb:v1:/", JSON.stringify(bad));
  const { store } = window.shb;
  assert.equal(store.register("ataganden").length, 2); // read, nothing dropped on a page without registers
  assert.equal(store.putRegister, undefined);
  assert.equal(store.set("plan:x", 1), true);
  assert.equal(JSON.parse(window.localStorage.getItem("shb:v1:/")).workspaces.w.registers.ataganden.length, 2);
  vm.runInContext(readFileSync(new URL("../../" + SCRIPTS.checks, import.meta.url), "utf-8"), window);
  assert.deepEqual(store.register("ataganden").map((i) => i.id), ["a"]);
  assert.equal(typeof store.readExport, "function");
});
