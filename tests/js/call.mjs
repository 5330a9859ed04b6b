// Calls functions of the handbook's scripts for a Python test (tests/node_scripts.py):
//   node tests/js/call.mjs kernel timeline
// loads the named scripts (load.mjs), then reads one JSON line per call from
// standard input, {"path": "features.timeline.calc.addMonths", "args": [...]},
// and writes one JSON line back: {"ok": result} or {"error": message}.
import { createInterface } from "node:readline";
import { page } from "./load.mjs";

const window = page(...process.argv.slice(2));
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { path, args } = JSON.parse(line);
  let answer;
  try {
    const names = path.split("."), fn = names.pop();
    const owner = names.reduce((o, k) => o[k], window.shb);
    answer = { ok: owner[fn](...args) };
  } catch (e) {
    answer = { error: String(e && e.message || e) };
  }
  process.stdout.write(JSON.stringify(answer === undefined ? null : answer) + "\n");
});
