// The follow-up's pure parts (followup.js): the answers' ids and years, a
// year's review carried into the next, the review report, the feedback
// report and its table, and the calendar's events.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./load.mjs";

const { shb } = page("kernel", "checks", "registers", "export", "followup");
const F = shb.features.followup;
const plain = (v) => JSON.parse(JSON.stringify(v));

// Entries shaped as registers-index.js has them (macros/registers/render.py).
const C = {
  id: "ataganden", title: "Åtaganden", one: "åtagande", many: "åtaganden", late: "Försenat", lateMany: "Försenade",
  statuses: [{ id: "pagar", label: "Pågår", done: false }, { id: "klart", label: "Klart", done: true }],
  fields: [
    { id: "vad", label: "Vad", kind: "longtext", limit: 2000, required: true, due: false, list: true },
    { id: "part", label: "Part", kind: "party", limit: 80, required: false, due: false, list: true },
    { id: "datum", label: "Klart senast", kind: "date", limit: 10, required: false, due: true, list: true },
    { id: "status", label: "Status", kind: "status", limit: 40, required: false, due: false, list: true },
    { id: "bevis", label: "Så syns det att det är gjort", kind: "longtext", limit: 2000, required: false, due: false, list: false }
  ]
};
const A = {
  id: "aterkoppling", title: "Återkoppling", one: "synpunkt", many: "synpunkter",
  statuses: [{ id: "obesvarad", label: "Inte besvarad än", done: false }, { id: "med", label: "Med i texten", done: true },
    { id: "inte-med", label: "Inte med, och därför", done: true }],
  fields: [
    { id: "fran", label: "Från vem", kind: "text", limit: 200, list: true },
    { id: "steg", label: "I vilket steg", kind: "text", limit: 200, list: true },
    { id: "synpunkt", label: "Synpunkten", kind: "longtext", limit: 2000, required: true, list: true },
    { id: "svar", label: "Parternas svar", kind: "status", limit: 40, list: true },
    { id: "varfor", label: "Varför", kind: "longtext", limit: 2000, list: true }
  ]
};
const Q = [{ id: "gjort", text: "Vad har hänt?", scope: "item" }, { id: "andra", text: "Ändras det?", scope: "item", change: true },
  { id: "syfte", text: "Stämmer syftet?", scope: "whole", source: "Checklistan." },
  { id: "nasta", text: "Vad vill ni ändra?", scope: "whole", change: true }];
const item = (id, values) => ({ id, created: "2027-01-01T00:00:00Z", updated: "2027-01-01T00:00:00Z", values });
const ONE = item("r1", { vad: "Möten varje kvartal", part: "Båda parterna", datum: "2027-03-01", status: "pagar", bevis: "Fyra protokoll" });
const TWO = item("r2", { vad: "<b>Rapport</b>", datum: "2027-02-01", status: "klart" });
const texts = (blocks) => blocks.flatMap((b) => [...(b.runs || []).map((r) => r.text), ...(b.lines || []), ...(b.head || []),
  ...(b.rows || []).flat(), ...(b.items || []).flat().map((r) => r.text)]).join("\n");

test("a year's answers have ids of their own, and the year under review follows them", () => {
  assert.equal(F.answerId(2027, "gjort", "r1"), "u2027-gjort-r1");
  assert.equal(F.answerId(2027, "syfte", ""), "u2027-syfte-helhet");
  assert.equal(F.reviewYear([], undefined, 2026), 2026);
  let items = F.putAnswer([], { year: 2027, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Två möten", t: "t1" });
  assert.equal(F.reviewYear(items, undefined, 2026), 2027);
  assert.equal(F.reviewYear(items, 2028, 2026), 2028, "a started next year");
  // The kernel keeps the items as a register item (checked as a file is).
  const d = shb.store.check({ workspaces: { w: { name: "w", answers: {}, registers: { uppfoljning: plain(items) } } } });
  assert.deepEqual(plain(d.rejected), []);
  // Changed, then emptied: the same item, then none.
  items = F.putAnswer(items, { year: 2027, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Tre möten", t: "t2" });
  assert.equal(items.length, 1);
  assert.equal(items[0].created, "t1");
  assert.equal(F.answerOf(items, 2027, "gjort", "r1"), "Tre möten");
  assert.deepEqual(plain(F.putAnswer(items, { year: 2027, q: "gjort", cid: "r1", question: "x", text: "  ", t: "t3" })), []);
});

test("the next year's review starts empty and keeps last year's answers in their year", () => {
  let items = F.putAnswer([], { year: 2027, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Två möten", t: "t" });
  items = F.putAnswer(items, { year: 2027, q: "syfte", cid: "", question: "Stämmer syftet?", text: "Ja", t: "t" });
  const next = F.reviewYear(items, 2028, 2027);
  assert.equal(next, 2028);
  assert.equal(F.answerOf(items, next, "gjort", "r1"), "");
  assert.equal(F.answerOf(items, next - 1, "gjort", "r1"), "Två möten");
  items = F.putAnswer(items, { year: next, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Fyra möten", t: "t" });
  assert.equal(F.answerOf(items, 2027, "gjort", "r1"), "Två möten");
  assert.equal(F.answerOf(items, 2028, "gjort", "r1"), "Fyra möten");
  assert.deepEqual(plain(F.years(items, 2028)), [2028, 2027]);
});

test("the review report: commitments with status and what shows it, the answers, decisions and changes", () => {
  let answers = F.putAnswer([], { year: 2027, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Två möten\n<script>x</script>", t: "t" });
  answers = F.putAnswer(answers, { year: 2026, q: "gjort", cid: "r1", question: "Vad har hänt?", text: "Förra året", t: "t" });
  answers = F.putAnswer(answers, { year: 2027, q: "andra", cid: "r1", question: "Ändras det?", text: "Nytt datum", t: "t" });
  answers = F.putAnswer(answers, { year: 2027, q: "nasta", cid: "", question: "Vad vill ni ändra?", text: "Fler möten", t: "t" });
  const blocks = F.reviewBlocks({ year: 2027, questions: Q, commitments: [ONE, TWO], answers, decisions: [], creg: C, dreg: null, day: "2027-04-01", party: "Kommunen" });
  const t = texts(blocks);
  assert.equal(blocks[0].runs[0].text, "Uppföljning av överenskommelsen 2027");
  const table = blocks.find((b) => b.type === "table");
  assert.deepEqual(plain(table.rows[0]), ["Möten varje kvartal", "Båda parterna", "Pågår (Försenat)", "Fyra protokoll"]);
  assert.deepEqual(plain(table.rows[1].slice(0, 3)), ["<b>Rapport</b>", "", "Klart"]);
  assert.match(t, /<script>x<\/script>/, "markup stays text");
  assert.doesNotMatch(t, /Förra året/, "another year's answer is not in this year's report");
  assert.match(t, /Inga beslut från 2027/);
  const changes = blocks[blocks.length - 1];
  assert.deepEqual(plain(changes.items.map((i) => i[0].text)), ["Fler möten", "Möten varje kvartal: Nytt datum"]);
  assert.doesNotMatch(t, /handbok/i);
});

test("the feedback report says what was said and the answer, and the table counts the answers", () => {
  const items = [item("f1", { fran: "Rundabordssamtalet", steg: "Rundabordssamtal", synpunkt: "Mer stöd till små föreningar", svar: "med" }),
    item("f2", { synpunkt: "Längre remisstid", svar: "inte-med", varfor: "Tiden\nstyrs av beslutet." }),
    item("f3", { synpunkt: "Öppna möten" })];
  const t = texts(F.feedbackBlocks(A, items, "", "2027-04-01"));
  assert.match(t, /Det här sa ni – så här tog vi hand om det/);
  assert.match(t, /Ni sa \(Rundabordssamtalet, Rundabordssamtal\)/);
  assert.match(t, /Vårt svar: Med i texten/);
  assert.match(t, /Varför: Tiden styrs av beslutet\./);
  assert.match(t, /Vi har inte svarat på det här ännu\./);
  const table = F.feedbackTable(A, items, "Föreningarna", "2027-04-01");
  assert.match(table[1].runs[0].text, /3 synpunkter\. Inte besvarad än: 1\. Med i texten: 1\. Inte med, och därför: 1\./);
  assert.deepEqual(plain(table[2].head), ["Från vem", "I vilket steg", "Synpunkten", "Parternas svar", "Varför"]);
  assert.equal(table[2].rows[1][3], "Inte med, och därför");
});

test("the calendar: the yearly meeting repeats, open commitments' due dates, ids from the workspace", () => {
  const ev = F.calendarEvents({ meeting: "2027-10-05", commitments: [ONE, TWO, item("r3", { vad: "Utan datum" })], creg: C,
    wid: "w1", host: "h", process: "Vår process", url: "u" });
  assert.equal(ev.length, 2, "the meeting and the one open commitment with a date");
  assert.deepEqual(plain([ev[0].uid, ev[0].rrule, ev[0].start, ev[0].end]), ["uppfoljning-w1-mote@h", "YEARLY", "2027-10-05", "2027-10-06"]);
  assert.equal(ev[1].uid, "uppfoljning-w1-r1@h");
  assert.match(ev[1].summary, /Möten varje kvartal – Vår process/);
  assert.equal(F.calendarEvents({ meeting: "2027-02-30", commitments: [], creg: C, wid: "w", host: "h", process: "p", url: "u" }).length, 0);
});
