// Loads the handbook's browser scripts, as they are in the repository, into
// a small stand-in for a page, so that Node's own test runner can call their
// pure parts (the store's format, the writers, the calendar maths) without a
// browser or a site build. Only what those parts touch is stood in for.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCRIPTS = {
  kernel: "overrides/assets/javascripts/shb.js",
  checks: "overrides/assets/javascripts/checks.js",
  offline: "overrides/assets/javascripts/offline.js",
  export: "overrides/assets/javascripts/export.js",
  word: "overrides/assets/javascripts/word.js",
  panel: "macros/worksheets/assets/panel.js",
  timeline: "macros/timeline/assets/timeline.js",
  documents: "macros/documents/assets/documents.js",
  registers: "macros/registers/assets/registers.js",
  followup: "macros/followup/assets/followup.js",
  compare: "macros/compare/assets/compare.js",
};

export function standIn(timers) {
  const storage = new Map();
  const document = {
    currentScript: null,
    addEventListener() {},
    getElementById: () => null,
    querySelector: () => null,
    querySelectorAll: () => [],
  };
  const window = {
    document,
    location: { href: "http://localhost/", pathname: "/" },
    localStorage: {
      getItem: (k) => storage.has(k) ? storage.get(k) : null,
      setItem: (k, v) => storage.set(k, String(v)),
      removeItem: (k) => storage.delete(k),
    },
    navigator: {},
    addEventListener() {},
    setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout, URL, Blob, Intl, JSON, Date, Math,
    TextEncoder,
  };
  window.window = window;
  return window;
}

// A page with the given scripts run in order; returns its window. `timers`
// stands in for setTimeout and clearTimeout where a test wants to see them.
export function page(...names) {
  return pageWith({ setTimeout, clearTimeout }, ...names);
}

export function pageWith(timers, ...names) {
  const window = standIn(timers);
  const context = vm.createContext(window);
  for (const name of names) {
    const file = SCRIPTS[name];
    vm.runInContext(readFileSync(ROOT + file, "utf-8"), context, { filename: file });
  }
  return window;
}
