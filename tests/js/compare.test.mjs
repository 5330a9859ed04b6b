// Jämför svar (compare.js): a party's note as a new input of Återkoppling.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./load.mjs";

const { shb } = page("kernel", "compare");
const { feedbackItem } = shb.features.compare;
const reg = { id: "aterkoppling", notes: "synpunkt", fields: [
  { id: "fran", kind: "text", limit: 10 }, { id: "steg", kind: "text", limit: 200 },
  { id: "synpunkt", kind: "longtext", limit: 2000 }, { id: "svar", kind: "status", default: "obesvarad" }] };
const input = (extra) => ({ from: "Kommunen", step: "Remiss", text: "  <b>Mer tid</b>\n", id: "c1", t: "2027-01-01T00:00:00Z", ...extra });

test("a note becomes an input from the party, in the step, not yet answered; markup stays as it was written", () => {
  const item = feedbackItem(reg, [], input());
  assert.deepEqual(JSON.parse(JSON.stringify(item)), { id: "c1", created: "2027-01-01T00:00:00Z", updated: "2027-01-01T00:00:00Z",
    values: { fran: "Kommunen", steg: "Remiss", synpunkt: "<b>Mer tid</b>", svar: "obesvarad" } });
  // A value longer than its field's limit is cut to it; an empty step is left out.
  const long = feedbackItem(reg, [], input({ from: "Idéburna organisationer", step: " " }));
  assert.equal(long.values.fran, "Idéburna o");
  assert.ok(!("steg" in long.values));
});

test("the same input from the same party is never added twice; another party's is", () => {
  const had = [{ id: "r1", values: { fran: "kommunen", synpunkt: "<b>Mer tid</b>", svar: "med" } }];
  assert.equal(feedbackItem(reg, had, input()), null);
  assert.equal(feedbackItem(reg, had, input({ step: "Öppet möte" })), null, "the step does not make it another input");
  assert.ok(feedbackItem(reg, had, input({ from: "Facket" })));
  assert.ok(feedbackItem(reg, had, input({ text: "Mer tid" })));
});
