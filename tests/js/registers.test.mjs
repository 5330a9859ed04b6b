// The registers' pure parts (registers.js): validation at the field, late
// items, the count, sorting, filtering, two parties side by side, merging
// without overwriting or doubling, and the document model's blocks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./load.mjs";

const { shb } = page("kernel", "checks", "registers");
const R = shb.features.registers;
const plain = (v) => JSON.parse(JSON.stringify(v));

// The shape of an entry of registers-index.js (macros/registers/render.py).
const REG = {
  id: "ataganden", title: "Åtaganden", one: "åtagande", many: "åtaganden", url: "verktyg/ataganden/",
  late: "Försenat", lateMany: "Försenade",
  statuses: [{ id: "inte-paborjat", label: "Inte påbörjat", done: false }, { id: "pagar", label: "Pågår", done: false },
    { id: "klart", label: "Klart", done: true }, { id: "avslutat", label: "Avslutat", done: true }],
  fields: [
    { id: "vad", label: "Vad", kind: "longtext", limit: 20, required: true, due: false, list: true },
    { id: "part", label: "Part", kind: "party", limit: 80, required: false, due: false, list: true },
    { id: "datum", label: "Klart senast", kind: "date", limit: 10, required: false, due: true, list: true },
    { id: "status", label: "Status", kind: "status", limit: 40, required: false, due: false, list: true, default: "inte-paborjat" },
    { id: "kommentar", label: "Kommentar", kind: "longtext", limit: 2000, required: false, due: false, list: false }
  ]
};
const item = (id, values) => ({ id, created: "2027-01-01T00:00:00Z", updated: "2027-01-01T00:00:00Z", values });
const A = item("a", { vad: "Möten", part: "Kommunen", datum: "2027-02-01", status: "pagar" });
const B = item("b", { vad: "Rapport", part: "Föreningarna", datum: "2027-05-01", status: "klart" });
const C = item("c", { vad: "Årlig uppföljning", part: "Båda parterna", datum: "2027-03-01", status: "inte-paborjat" });
const D = item("d", { vad: "Utan datum", part: "kommunen" });

test("validDate takes only real calendar dates", () => {
  assert.equal(R.validDate("2027-02-28"), true);
  assert.equal(R.validDate("2028-02-29"), true);
  for (const bad of ["2027-02-29", "2027-13-01", "2027-00-10", "27-01-01", "2027-1-1", "", "2027-01-01x"]) {
    assert.equal(R.validDate(bad), false, bad);
  }
});

test("problems are told at the field: required, too long, impossible date, unknown status", () => {
  assert.deepEqual(plain(R.problems(REG, { vad: "Möten", datum: "2027-03-31", status: "klart" })), {});
  const p = R.problems(REG, { vad: "  ", datum: "2027-02-30", status: "kanske" });
  assert.equal(p.vad, "Fyll i fältet vad.");
  assert.match(p.datum, /^Datumet finns inte\./);
  assert.match(p.status, /^Statusen finns inte i listan/);
  assert.equal(R.problems(REG, { vad: "x".repeat(25) }).vad, "För långt: högst 20 tecken. Korta texten med 5 tecken.");
});

test("an item is late when its due date has passed and it is not done; the count says so in words", () => {
  assert.equal(R.late(REG, A, "2027-02-02"), true);
  assert.equal(R.late(REG, A, "2027-02-01"), false); // due today is not late
  assert.equal(R.late(REG, B, "2028-01-01"), false); // done
  assert.equal(R.late(REG, D, "2028-01-01"), false); // no date
  assert.equal(R.late(REG, item("x", { vad: "x", datum: "2027-02-30" }), "2028-01-01"), false);
  const s = R.summary(REG, [A, B, C, D], "2027-04-01");
  assert.deepEqual(plain(s), { total: 4, done: 1, late: 2 });
  assert.equal(R.summaryText(REG, s), "4 åtaganden. Klara: 1. Försenade: 2.");
  assert.equal(R.summaryText(REG, R.summary(REG, [A], "2027-01-01")), "1 åtagande. Klara: 0. Försenade: 0.");
  const log = { ...REG, statuses: [], fields: REG.fields.filter((f) => f.kind !== "status"), one: "beslut", many: "beslut" };
  assert.equal(R.summaryText(log, R.summary(log, [A, B], "2027-01-01")), "2 beslut.");
});

test("sorting: dates and statuses in order, texts in Swedish order, empty values last, ties as added", () => {
  const ids = (list) => list.map((i) => i.id).join("");
  assert.equal(ids(R.sortItems(REG, [A, B, C, D], "datum")), "acbd");
  assert.equal(ids(R.sortItems(REG, [A, B, C, D], "status")), "cabd");
  assert.equal(ids(R.sortItems(REG, [A, B, C, D], "vad")), "abdc"); // Å after the rest
  assert.equal(ids(R.sortItems(REG, [A, B, C, D], "")), "abcd");
});

test("filters by party (any case), status, open, late and a date range", () => {
  const ids = (f, day) => R.filterItems(REG, [A, B, C, D], f, day || "2027-04-01").map((i) => i.id).join("");
  assert.equal(ids({ party: "Kommunen" }), "ad");
  assert.equal(ids({ status: "klart" }), "b");
  assert.equal(ids({ status: "open" }), "acd");
  assert.equal(ids({ status: "late" }), "ac");
  assert.equal(ids({ from: "2027-02-15", to: "2027-04-01" }), "c");
  assert.equal(ids({ party: "Kommunen", status: "late" }), "a");
});

test("two parties side by side: matched by id, items only one has and differing statuses marked", () => {
  const other = { ...A, values: { ...A.values, status: "klart" } };
  const rows = R.rows(REG, [{ label: "Kommunen", items: [A, B] }, { label: "Föreningarna", items: [other, C] }]);
  assert.deepEqual(plain(rows.map((r) => [r.id, r.only, r.differ])), [["a", -1, true], ["b", 0, false], ["c", 1, false]]);
  assert.equal(rows[0].cells[1], other);
});

test("merging never overwrites, never doubles, and keeps the incoming item as it was", () => {
  const mine = [A];
  const changed = { ...A, values: { ...A.values, vad: "Skrivet över" } };
  const sameText = item("z", { ...B.values }); // another id, same values as an incoming item
  const got = R.mergeItems(mine, [changed, B, sameText, B]);
  assert.deepEqual(got.items.map((i) => i.id), ["a", "b"]);
  assert.equal(got.items[0].values.vad, "Möten");
  assert.equal(got.added.length, 1);
  assert.notEqual(got.added[0], B); // a copy: the file's item is not shared
  assert.equal(R.mergeItems(got.items, [A, B]).added.length, 0);
});

test("a register as blocks: a table of the listed fields, late said in words, markup kept as text", () => {
  const evil = item("e", { vad: "<img src=x onerror=alert(1)>", datum: "2027-01-01", status: "pagar" });
  const blocks = R.blocks(REG, [evil, B], "2027-06-01", null, "heading");
  assert.deepEqual(plain(blocks[0]), { type: "heading", runs: [{ text: "Åtaganden" }] });
  assert.equal(blocks[1].runs[0].text, "2 åtaganden. Klara: 1. Försenade: 1.");
  const table = blocks[2];
  assert.deepEqual(table.head, ["Vad", "Part", "Klart senast", "Status"]);
  assert.deepEqual(plain(table.rows[0]), ["<img src=x onerror=alert(1)>", "", "1 januari 2027", "Pågår (Försenat)"]);
  assert.equal(R.blocks(REG, [], "2027-06-01").length, 2); // no table without items
});

test("the papers take the items the register says: open ones, the latest date, or the latest added", () => {
  const open = { ...REG, papers: "open" };
  assert.equal(R.prefillLines(open, [A, B, C], null),
    "- Möten (part: Kommunen; klart senast: 1 februari 2027)\n- Årlig uppföljning (part: Båda parterna; klart senast: 1 mars 2027)");
  const latest = { ...REG, papers: "latest" };
  assert.equal(R.prefillLines(latest, [A, B, C], null), "- Rapport (part: Föreningarna; klart senast: 1 maj 2027)");
  const added = { ...REG, papers: "added" };
  const newer = { ...C, created: "2027-02-01T10:00:00Z" };
  assert.equal(R.prefillLines(added, [A, B, newer], null), "- Årlig uppföljning (part: Båda parterna; klart senast: 1 mars 2027)");
  assert.equal(R.prefillLines(open, [], null), "");
});

test("a register of answers is named on Jämför svar by its other fields, its commitment found in a party's file", () => {
  const ANS = { id: "uppfoljning", title: "Årlig uppföljning", one: "svar", many: "svar", answer: "svar", statuses: [],
    fields: [{ id: "fraga", label: "Fråga", kind: "text", limit: 200, required: true, list: true },
      { id: "svar", label: "Svar", kind: "longtext", limit: 2000, list: true },
      { id: "ar", label: "År", kind: "text", limit: 4, list: true },
      { id: "atagande", label: "Åtagande", kind: "item", register: "ataganden", limit: 60, list: true }] };
  const answer = item("u2027-gjort-a", { fraga: "Vad har hänt?", svar: "Två möten", ar: "2027", atagande: "a" });
  // registerOf() needs the index: the commitment's own name comes from it, else the fallback.
  const named = R.cmpName(ANS, answer, [{ registers: { ataganden: [A] } }]);
  assert.match(named, /^Vad har hänt\? · 2027 · /);
  assert.doesNotMatch(named, /Två möten/, "the answer is what is compared, not the name");
  assert.equal(R.cmpName(REG, A, []), "Möten");
});

test("the notes a register can take: those with text, oldest first, the question as written", () => {
  const found = R.notesOf({
    q2: { checked: true, note: "  Senare  ", text: "Fråga två", list: "Lista", updated: "2027-02-01" },
    q1: { checked: false, note: "<b>Först</b>", updated: "2027-01-01" },
    q3: { checked: true, note: "   " }
  });
  assert.deepEqual(plain(found), [
    { id: "q1", text: "q1", list: "", note: "<b>Först</b>" },
    { id: "q2", text: "Fråga två", list: "Lista", note: "Senare" }]);
  assert.deepEqual(plain(R.notesOf(undefined)), []);
});
