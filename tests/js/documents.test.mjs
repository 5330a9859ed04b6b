// Pre-fill that fits its field (documents.js): a value from elsewhere in the
// workspace is never forced into a field it does not fit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { page } from "./load.mjs";

const { shb } = page("kernel", "documents");
// A plain object of this realm (the script runs in its own context).
const fit = (...args) => ({ ...shb.features.documents.fit(...args) });

test("a value that fits goes in as it is, trimmed", () => {
  assert.deepEqual(fit("  Unga i föreningslivet  ", 120, false), { value: "Unga i föreningslivet", cut: false });
});

test("a one-line field gets the lines joined; a text field keeps them", () => {
  assert.deepEqual(fit("Anna\nBo", 120, false), { value: "Anna Bo", cut: false });
  assert.deepEqual(fit("Anna\nBo", 120, true), { value: "Anna\nBo", cut: false });
});

test("too long: the whole sentences that fit, and it says so", () => {
  const long = "Första meningen. Andra meningen är längre än så! " + "ord ".repeat(40);
  assert.deepEqual(fit(long, 60, false), { value: "Första meningen. Andra meningen är längre än så!", cut: true });
  assert.deepEqual(fit(long, 20, false), { value: "Första meningen.", cut: true });
});

test("too long and no sentence ends in time: nothing, and it says so", () => {
  assert.deepEqual(fit("x".repeat(130), 120, false), { value: "", cut: true });
  assert.deepEqual(fit(undefined, 120, false), { value: "", cut: false });
});
