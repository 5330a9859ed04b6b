/* Samverkanshandboken: the store's checks of what a reader brings in,
 * loaded by the kernel (shb.js) only where they are needed: on the pages
 * with a register, Jämför svar or the annual follow-up (before their own
 * scripts, see shb.js NEEDS_CHECKS) and at the panel's import of a file.
 *
 * It adds to shb.store:
 *   readExport(text, name)  an export file's text, checked and migrated (a UserError otherwise)
 *   tooLarge(file), MAX_IMPORT, COMPARISON   the limit for a chosen file, and the other file kind
 *   putRegister(id, items)  keep a register's items, checked first
 * and makes the kernel's store.check() check registers' items too: a
 * malformed register or item is left out and said in d.rejected. The store
 * already read before this file arrived is checked once more now, so that
 * the register pages see only items that can be kept. The first view of a
 * page without a register loads none of this (issue 22).
 */
(function () {
  "use strict";

  const { kit, store, UserError, features } = window.shb;
  const { isObj, own, quote, clone, now } = kit;
  const fail = (msg) => { throw new UserError(msg); };

  // One limit for every file the reader chooses (the panel's import, Jämför
  // svar), stated beside each file chooser.
  const MAX_IMPORT = 5 * 1024 * 1024;
  const COMPARISON = "samverkanshandboken-jamforelse"; // a saved comparison (compare.js)

  // A register's item: {id, created?, updated?, values: {<field id>: text}}.
  // Why it cannot be kept, or "" (ids: the register's ids so far).
  const ITEM_TEXT = 5000; // the longest value a file may hold; each field has its own limit on the page
  function itemProblem(item, ids) {
    if (!isObj(item)) return "är inte en post";
    if (typeof item.id !== "string" || !/^[\w-]{1,60}$/.test(item.id) || item.id === "__proto__") return "saknar ett giltigt id";
    if (ids.has(item.id)) return "har samma id som en post före den";
    if (["created", "updated"].some((k) => item[k] !== undefined && typeof item[k] !== "string")) return "har fel form på datumet då den ändrades";
    if (!isObj(item.values) || own(item.values, "__proto__") !== undefined) return "saknar sina värden";
    const keys = Object.keys(item.values);
    if (keys.length > 50 || keys.some((k) => !/^[a-z0-9-]{1,60}$/.test(k))) return "har värden med fel namn";
    if (keys.some((k) => typeof item.values[k] !== "string")) return "har ett värde som inte är text";
    if (keys.some((k) => item.values[k].length > ITEM_TEXT)) return "har en text som är längre än " + ITEM_TEXT + " tecken";
    return "";
  }

  // A workspace's registers (the kernel's check() calls this for each
  // workspace): a malformed register or item is left out, and why is added
  // to `rejected`; the rest is kept.
  function registers(w, rejected) {
    if (w.registers === undefined) w.registers = {};
    if (!isObj(w.registers) || own(w.registers, "__proto__") !== undefined) {
      rejected.push("Registren i arbetsytan " + quote(w.name) + " har fel form och är inte med.");
      w.registers = {};
    }
    Object.keys(w.registers).forEach((r) => {
      const list = w.registers[r], where = " i registret " + quote(r) + " i arbetsytan " + quote(w.name);
      if (!/^[a-z0-9-]{1,60}$/.test(r) || !Array.isArray(list)) {
        rejected.push("Registret " + quote(r) + " i arbetsytan " + quote(w.name) + " har fel form och är inte med.");
        delete w.registers[r];
        return;
      }
      const ids = new Set();
      w.registers[r] = list.filter((item, i) => {
        const why = itemProblem(item, ids);
        if (why) rejected.push("Post " + (i + 1) + where + " " + why + " och är inte med.");
        else ids.add(item.id);
        return !why;
      });
    });
  }

  // An export file's text, checked and brought up to this version; throws a UserError.
  function readExport(fileText, name) {
    let d;
    try { d = JSON.parse(fileText); } catch (e) { fail("Filen " + name + " går inte att läsa. Den kan vara skadad, eller så är det inte en fil som ni har exporterat härifrån."); }
    if (isObj(d) && d.kind === COMPARISON) {
      fail("Filen " + name + " är en sparad jämförelse, inte en export av en arbetsyta. Öppna den på sidan Jämför svar.");
    }
    if (!isObj(d) || d.kind !== store.KIND) fail("Filen " + name + " är inte en export från " + (shb.config().site || "handboken") + ".");
    if (typeof d.version === "number" && d.version > store.VERSION) {
      fail("Filen " + name + " kommer från en nyare version av handboken (format " + d.version + ").");
    }
    try {
      d = store.migrate(d);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      fail("Filen " + name + " har fel form. " + e.message);
    }
    return d || fail("Filen " + name + " har fel form.");
  }

  // The reader's message for a file over the limit.
  const tooLarge = (file) => "Filen " + quote(file.name) + " är för stor (" +
    (file.size < 1048576 ? Math.ceil(file.size / 1024) + " kB" : (file.size / 1048576).toFixed(1).replace(".", ",") + " MB") +
    "). Gränsen är " + MAX_IMPORT / 1048576 + " MB per fil.";

  // Keep a register's items (checked first: a malformed item is a
  // UserError and nothing changes); tells the subscribers ("registers").
  function putRegister(id, items) {
    const w = store.active(), list = clone(items), rejected = [];
    const probe = { name: w.name, registers: { [id]: list } };
    registers(probe, rejected);
    if (rejected.length) fail(rejected[0]);
    shb.undo.retire("worksheets");
    if (items.length) w.registers[id] = list;
    else delete w.registers[id];
    w.updated = now();
    const ok = store.save();
    store.notify("registers");
    return ok;
  }

  Object.assign(store, { MAX_IMPORT, COMPARISON, readExport, tooLarge, putRegister });
  shb.feature("checks", { exports: { registers, itemProblem } });
  // The store as read before this file arrived: its registers checked now.
  Object.values(store.state().workspaces).forEach((w) => registers(w, []));
})();
