// The kernel registers the service worker (shb.js, "reading without a
// network"): the site's sw.js, over http(s) only, and tells the reader once
// (offline.js, which the kernel loads only until the reader has been told).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";
import { SCRIPTS, standIn } from "./load.mjs";

const source = (name) => readFileSync(new URL("../../" + SCRIPTS[name], import.meta.url), "utf-8");
const KERNEL = source("kernel"), OFFLINE = source("offline");
const tick = () => new Promise((done) => setTimeout(done, 0));

// The kernel loaded at `src` in a page that has loaded; a stand-in for the
// browser's service workers records what is registered.
function kernelAt(src, storage) {
  const window = standIn({ setTimeout: (fn) => fn(), clearTimeout });
  const registered = [], added = [], scripts = [];
  const node = () => ({ attrs: {}, textContent: "", setAttribute(k, v) { this.attrs[k] = v; }, append() {} });
  // A script the kernel appends runs at once (offline.js is the only one here).
  const append = (n) => {
    if (!n.attrs.src) return added.push(n);
    scripts.push(n.attrs.src);
    vm.runInContext(OFFLINE, context, { filename: SCRIPTS.offline });
    n.onload();
  };
  Object.assign(window.document, {
    currentScript: { src }, readyState: "complete", body: { append },
    createElement: node,
  });
  window.location = { href: src, protocol: new URL(src).protocol, pathname: "/" };
  window.navigator = { serviceWorker: { register: (url) => { registered.push(url); return Promise.resolve(); },
    ready: Promise.resolve() } };
  if (storage) window.localStorage = storage;
  const context = vm.createContext(window);
  vm.runInContext(KERNEL, context, { filename: SCRIPTS.kernel });
  return { window, registered, added, scripts };
}

test("over http the site's sw.js is registered and the reader is told once", async () => {
  const first = kernelAt("http://example.org/handbok/assets/javascripts/shb.js");
  await tick();
  assert.deepEqual(first.registered, ["http://example.org/handbok/sw.js"]);
  assert.deepEqual(first.scripts, ["http://example.org/handbok/assets/javascripts/offline.js"]);
  assert.equal(first.added.length, 1);
  assert.equal(first.added[0].attrs.role, "status");
  assert.match(first.added[0].textContent, /fungerar även utan internet\.$/);
  const again = kernelAt("http://example.org/handbok/assets/javascripts/shb.js", first.window.localStorage);
  await tick();
  assert.equal(again.registered.length, 1);
  assert.equal(again.added.length, 0); // already told in this browser
  assert.deepEqual(again.scripts, []); // and offline.js is not loaded again
});

test("from disk (the offline copy) no worker is registered", async () => {
  const fromDisk = kernelAt("file:///home/a/samverkanshandboken/assets/javascripts/shb.js");
  await tick();
  assert.deepEqual(fromDisk.registered, []);
  assert.deepEqual(fromDisk.added, []);
});
