// The kernel registers the service worker (shb.js, "reading without a
// network"): the site's sw.js, over http(s) only, and tells the reader once.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";
import { SCRIPTS, standIn } from "./load.mjs";

const KERNEL = readFileSync(new URL("../../" + SCRIPTS.kernel, import.meta.url), "utf-8");
const tick = () => new Promise((done) => setTimeout(done, 0));

// The kernel loaded at `src` in a page that has loaded; a stand-in for the
// browser's service workers records what is registered.
function kernelAt(src, storage) {
  const window = standIn({ setTimeout: (fn) => fn(), clearTimeout });
  const registered = [], added = [];
  const node = () => ({ attrs: {}, textContent: "", setAttribute(k, v) { this.attrs[k] = v; }, append() {} });
  Object.assign(window.document, {
    currentScript: { src }, readyState: "complete", body: { append: (n) => added.push(n) },
    createElement: node,
  });
  window.location = { href: src, protocol: new URL(src).protocol, pathname: "/" };
  window.navigator = { serviceWorker: { register: (url) => { registered.push(url); return Promise.resolve(); },
    ready: Promise.resolve() } };
  if (storage) window.localStorage = storage;
  vm.runInContext(KERNEL, vm.createContext(window), { filename: SCRIPTS.kernel });
  return { window, registered, added };
}

test("over http the site's sw.js is registered and the reader is told once", async () => {
  const first = kernelAt("http://example.org/handbok/assets/javascripts/shb.js");
  await tick();
  assert.deepEqual(first.registered, ["http://example.org/handbok/sw.js"]);
  assert.equal(first.added.length, 1);
  assert.equal(first.added[0].attrs.role, "status");
  assert.match(first.added[0].textContent, /fungerar även utan internet\.$/);
  const again = kernelAt("http://example.org/handbok/assets/javascripts/shb.js", first.window.localStorage);
  await tick();
  assert.equal(again.registered.length, 1);
  assert.equal(again.added.length, 0); // already told in this browser
});

test("from disk (the offline copy) no worker is registered", async () => {
  const fromDisk = kernelAt("file:///home/a/samverkanshandboken/assets/javascripts/shb.js");
  await tick();
  assert.deepEqual(fromDisk.registered, []);
  assert.deepEqual(fromDisk.added, []);
});
