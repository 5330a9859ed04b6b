/* Samverkanshandboken: registers, the lists a process keeps (commitments,
 * decisions, parked questions).
 *
 * The kernel (shb.js) loads this script on a page with a register
 * (data-shb-reg), the registers' status on Mina anteckningar
 * (data-shb-reg-use) and Jämför svar (data-shb-compare); the notes export
 * loads it when it is made. It loads in turn the index of every register
 * (registers-index.js, written by the build from data/registers/: fields,
 * statuses, the options of a section field).
 *
 * The items are kept in the active workspace through shb.store
 * (store.register(id), store.putRegister(id, items)): each item is
 * {id, created, updated, values: {<field id>: text}} with its own stable id,
 * so that parties' lists can be matched and merged without doubles. Every
 * value reaches the page, the print and the exports as text (el() and
 * textContent; the document model's writers), never as HTML.
 *
 * The pure parts (problems, late, summary, sortItems, filterItems, rows,
 * mergeItems, blocks) take the register's entry of the index as their first
 * argument and are tested with node --test (tests/js/registers.test.mjs).
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, all, el, quote, today, longDate, slug, now } = shb.kit;
  const UNDO = "registers";
  const LATE = "Datumet har passerat";
  // The stylesheet beside this script in the site, for the comparison on a
  // page whose markup does not link it (Jämför svar).
  const CSS = document.currentScript && document.currentScript.src ?
    new URL("../stylesheets/registers.css", document.currentScript.src).href : "";

  // ---- the index ------------------------------------------------------------

  // Loaded at the first mount (or the first export); a promise of the index.
  let index = null, loading = null;
  const ready = () => loading = loading || shb.load("registers-index.js").then(() => {
    index = shb.features["registers-index"];
    return index;
  }, (e) => { loading = null; throw e; });
  const registers = () => index ? index.registers : [];
  const registerOf = (id) => registers().find((r) => r.id === id) || null;

  // ---- pure parts -------------------------------------------------------------

  // True for a real date written YYYY-MM-DD.
  function validDate(v) {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === m[2] - 1 && d.getUTCDate() === +m[3];
  }

  const value = (item, id) => {
    const v = own(item.values, id);
    return typeof v === "string" ? v : "";
  };
  const first = (reg) => reg.fields.find((f) => f.required) || reg.fields[0];
  // What an item is called in a sentence: its first required field, shortened.
  function name(reg, item) {
    const t = value(item, first(reg).id).replace(/\s+/g, " ").trim();
    return t.length > 80 ? t.slice(0, 79) + "…" : t || "(utan text)";
  }

  // What is wrong with an item's values, field by field: {field id: message}.
  function problems(reg, values) {
    const out = {};
    reg.fields.forEach((f) => {
      const v = typeof own(values, f.id) === "string" ? values[f.id] : "";
      if (f.required && !v.trim()) out[f.id] = "Fyll i fältet " + f.label.toLowerCase() + ".";
      else if (v.length > f.limit) {
        out[f.id] = "För långt: högst " + f.limit + " tecken. Korta texten med " + (v.length - f.limit) + " tecken.";
      } else if (f.kind === "date" && v && !validDate(v)) {
        out[f.id] = "Datumet finns inte. Skriv det som år-månad-dag, till exempel 2027-03-31.";
      } else if (f.kind === "status" && v && !reg.statuses.some((s) => s.id === v)) {
        out[f.id] = "Statusen finns inte i listan. Välj en av dem.";
      }
    });
    return out;
  }

  const statusField = (reg) => reg.fields.find((f) => f.kind === "status");
  const dueField = (reg) => reg.fields.find((f) => f.due);
  const dateField = (reg) => dueField(reg) || reg.fields.find((f) => f.kind === "date");
  const partyField = (reg) => reg.fields.find((f) => f.kind === "party");
  function statusOf(reg, item) {
    const f = statusField(reg);
    return f ? reg.statuses.find((s) => s.id === value(item, f.id)) || null : null;
  }
  const done = (reg, item) => { const s = statusOf(reg, item); return !!(s && s.done); };
  // Late: its due date has passed (before `day`, YYYY-MM-DD) and it is not done.
  function late(reg, item, day) {
    const f = dueField(reg), d = f ? value(item, f.id) : "";
    return !!f && validDate(d) && d < day && !done(reg, item);
  }

  function summary(reg, items, day) {
    return { total: items.length, done: items.filter((i) => done(reg, i)).length,
      late: items.filter((i) => late(reg, i, day)).length };
  }
  // "12 åtaganden. Klara: 5. Försenade: 2." (no status field: only the count)
  function summaryText(reg, s) {
    const count = s.total + " " + (s.total === 1 ? reg.one : reg.many) + ".";
    if (!statusField(reg)) return count;
    const later = reg.lateMany ? " " + reg.lateMany + ": " + s.late + "." : " " + LATE + " för " + s.late + ".";
    return count + " Klara: " + s.done + "." + (dueField(reg) ? later : "");
  }

  // A copy sorted by a field: dates and statuses in their order, texts in
  // Swedish order; empty values last; equal ones as they were added.
  const COLLATOR = new Intl.Collator("sv");
  function sortItems(reg, items, fieldId) {
    const f = reg.fields.find((x) => x.id === fieldId);
    if (!f) return items.slice();
    const rank = (i) => reg.statuses.findIndex((s) => s.id === value(i, f.id));
    const key = (i) => f.kind === "status" ? rank(i) : value(i, f.id).trim();
    const empty = (k) => k === "" || k === -1;
    return items.map((item, n) => ({ item, n, k: key(item) })).sort((a, b) => {
      if (empty(a.k) !== empty(b.k)) return empty(a.k) ? 1 : -1;
      const c = f.kind === "status" ? a.k - b.k : f.kind === "date" ? (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) : COLLATOR.compare(a.k, b.k);
      return c || a.n - b.n;
    }).map((x) => x.item);
  }

  // The items that pass the filters: {party, status ("open", "late" or a
  // status id), from, to (on the due date, or the first date)}.
  function filterItems(reg, items, f, day) {
    const pf = partyField(reg), df = dateField(reg), sf = statusField(reg);
    return items.filter((i) => {
      if (f.party && pf && value(i, pf.id).trim().toLowerCase() !== f.party.toLowerCase()) return false;
      if (f.status === "open" && done(reg, i)) return false;
      if (f.status === "late" && !late(reg, i, day)) return false;
      if (f.status && f.status !== "open" && f.status !== "late" && sf && value(i, sf.id) !== f.status) return false;
      if ((f.from || f.to) && df) {
        const d = value(i, df.id);
        if (!validDate(d) || (f.from && d < f.from) || (f.to && d > f.to)) return false;
      }
      return true;
    });
  }

  // An item's field as text for the list, the print and the exports.
  // `linked` finds an item of another register (a decision's commitment).
  function shown(reg, field, item, linked) {
    const v = value(item, field.id);
    if (!v) return "";
    if (field.kind === "date") return validDate(v) ? longDate(v) : "Ogiltigt datum: " + v;
    if (field.kind === "status") { const s = statusOf(reg, item); return s ? s.label : "Okänd status: " + v; }
    if (field.kind === "item") {
      const other = linked && linked(field.register, v);
      return other ? name(registerOf(field.register) || reg, other) : "Finns inte längre i arbetsytan";
    }
    return v;
  }

  // Another party's items into the own list: an item whose id is already
  // there is never overwritten, and one with the same values as an own item
  // is not added twice. Returns {items, added}.
  function mergeItems(mine, incoming) {
    const ids = new Set(mine.map((i) => i.id));
    const same = (a, b) => { const ka = Object.keys(a.values).filter((k) => a.values[k]), kb = Object.keys(b.values).filter((k) => b.values[k]);
      return ka.length === kb.length && ka.every((k) => a.values[k] === b.values[k]); };
    const items = mine.slice(), added = [];
    incoming.forEach((i) => {
      if (ids.has(i.id) || items.some((m) => same(m, i))) return;
      ids.add(i.id);
      const copy = JSON.parse(JSON.stringify(i));
      items.push(copy);
      added.push(copy);
    });
    return { items, added };
  }

  // Parties' lists side by side, matched by id: one row per item, in the
  // order first seen; marks when only one party has it and when the status differs.
  function rows(reg, parties) {
    const out = [], byId = new Map();
    parties.forEach((p, n) => (p.items || []).forEach((item) => {
      if (!byId.has(item.id)) out.push(byId.set(item.id, { id: item.id, cells: parties.map(() => null) }).get(item.id));
      byId.get(item.id).cells[n] = item;
    }));
    out.forEach((r) => {
      const have = r.cells.filter(Boolean), states = new Set(have.map((i) => (statusOf(reg, i) || {}).id || ""));
      r.only = parties.length > 1 && have.length === 1 ? r.cells.findIndex(Boolean) : -1;
      r.differ = !!statusField(reg) && have.length > 1 && states.size > 1;
    });
    return out;
  }

  // A register as the document model's blocks: a heading and a table of
  // its listed fields (with the late mark in words), or a line when empty.
  function blocks(reg, items, day, linked, level) {
    const fields = reg.fields.filter((f) => f.list);
    const out = [{ type: level || "heading", runs: [{ text: reg.title }] },
      { type: "paragraph", runs: [{ text: summaryText(reg, summary(reg, items, day)) }] }];
    if (items.length) {
      out.push({ type: "table", head: fields.map((f) => f.label),
        rows: items.map((i) => fields.map((f) => {
          const t = shown(reg, f, i, linked);
          return f.kind === "status" && late(reg, i, day) ? t + " (" + (reg.late || LATE) + ")" : t;
        })) });
    }
    return out;
  }

  // The workspace's notes that have text, for "Hämta från anteckningarna":
  // [{id, text (the question), list, note}], in the order they were written.
  function notesOf(answers) {
    return Object.keys(answers || {}).map((id) => ({ id, a: answers[id] }))
      .filter((x) => x.a && typeof x.a.note === "string" && x.a.note.trim())
      .sort((x, y) => String(x.a.updated || "").localeCompare(String(y.a.updated || "")))
      .map((x) => ({ id: x.id, text: x.a.text || x.id, list: x.a.list || "", note: x.a.note.trim() }));
  }

  // ---- the page ------------------------------------------------------------------

  const linkedFrom = () => { const cache = {}; return (regId, id) => (cache[regId] || (cache[regId] = store.register(regId))).find((i) => i.id === id); };

  let editing = null; // the id of the item in the form, or null for a new one

  const rootOf = (node) => node && node.closest && node.closest("[data-shb-reg]");
  const regOfRoot = (root) => registerOf(root.dataset.shbReg);
  const inputs = (root) => all("[data-shb-reg-field]", root);
  const status = (root, message) => shb.undo.show(UNDO, root.querySelector("[data-shb-reg-status]"), message);

  function filters(root) {
    const f = {};
    all("[data-shb-reg-filter]", root).forEach((c) => { f[c.dataset.shbRegFilter] = c.value; });
    return f;
  }

  // Fill the choices that come from the workspace: parties, linked items.
  function choices(root, reg, items) {
    const pf = partyField(reg);
    if (pf) {
      const names = new Set([store.party(), "Båda parterna", ...items.map((i) => value(i, pf.id))].map((s) => s.trim()).filter(Boolean));
      all("[data-shb-reg-parties]", root).forEach((list) => list.replaceChildren(...[...names].map((n) => el("option", { value: n }))));
      const pick = root.querySelector('[data-shb-reg-filter="party"]');
      if (pick) {
        const was = pick.value;
        pick.replaceChildren(el("option", { value: "" }, ["Alla"]), ...[...names].filter((n) => items.some((i) => value(i, pf.id).trim().toLowerCase() === n.toLowerCase()))
          .map((n) => el("option", { value: n }, [n])));
        pick.value = [...pick.options].some((o) => o.value === was) ? was : "";
      }
    }
    all("[data-shb-reg-items]", root).forEach((select) => {
      const other = registerOf(select.dataset.shbRegItems), was = select.value, keep = select.options[0];
      if (!other) return;
      select.replaceChildren(keep, ...store.register(other.id).map((i) => el("option", { value: i.id }, [name(other, i)])));
      select.value = was;
    });
  }

  // The list is a table in the markup (with its roles said outright, as
  // its rows are laid out as a grid: rows out of sight are not laid out at
  // all, content-visibility in registers.css). Rows are added in slices, so
  // that no task of drawing 500 items blocks the page: the first, in the
  // task that sorts, filters and counts (and that the first rendering of the
  // new rows follows), is a screenful, the later ones a little more each.
  // Printing draws what is left at once (beforeprint), so the paper has
  // every row however early it is asked for.
  const FIRST = 16, SLICE = 40;
  function cellOf(reg, f, item, day, linked) {
    const kids = [el("span", { class: "shb-reg__cell-label" }, [f.label + ": "])];
    const t = shown(reg, f, item, linked);
    kids.push(t ? el("span", { class: "shb-reg__value" }, [t]) :
      el("span", { class: "shb-reg__empty" }, [el("span", { "aria-hidden": "true" }, ["–"]), el("span", { class: "shb-sr-only" }, ["inte ifyllt"])]));
    if (f.kind === "status" && late(reg, item, day)) kids.push(" ", el("strong", { class: "shb-reg__late" }, [reg.late || LATE]));
    return el("td", { role: "cell", "data-shb-reg-col": f.id }, kids);
  }

  function rowOf(reg, fields, item, day, linked) {
    const label = name(reg, item);
    const tr = el("tr", { role: "row", "data-shb-reg-item": item.id }, fields.map((f) => cellOf(reg, f, item, day, linked)));
    if (late(reg, item, day)) tr.classList.add("shb-reg__row--late");
    const hidden = reg.fields.filter((f) => !f.list && value(item, f.id));
    if (hidden.length) {
      tr.firstChild.append(el("span", { class: "shb-reg__more" }, hidden.map((f) =>
        el("span", { class: "shb-reg__extra" }, [el("span", { class: "shb-reg__extra-label" }, [f.label + ": "]), shown(reg, f, item, linked)]))));
    }
    tr.append(el("td", { role: "cell", class: "shb-reg__acts" }, [
      el("button", { type: "button", class: "shb-btn", "data-shb-reg-act": "edit", "data-shb-reg-id": item.id },
        ["Ändra", el("span", { class: "shb-sr-only" }, [": " + label])]), " ",
      el("button", { type: "button", class: "shb-btn", "data-shb-reg-act": "remove", "data-shb-reg-id": item.id },
        ["Ta bort", el("span", { class: "shb-sr-only" }, [": " + label])])]));
    return tr;
  }

  const drawing = new WeakMap(); // root -> the number of its latest drawing
  const rest = new WeakMap(); // root -> a function that adds the rows still to come, at once
  const lastRead = new WeakMap(); // root -> its items as last read from the store
  // `again`: only the sort or a filter changed, so the items (and the
  // choices made from them) are those of the last reading; the store tells
  // of every change to them, and its subscriber below draws afresh.
  function draw(root, again) {
    const reg = regOfRoot(root);
    if (!reg) return;
    let saved = again && lastRead.get(root);
    if (!saved) {
      saved = store.register(reg.id);
      lastRead.set(root, saved);
      choices(root, reg, saved);
    }
    const day = today(), linked = linkedFrom();
    const sortBy = root.querySelector("[data-shb-reg-sort]").value;
    const items = sortItems(reg, filterItems(reg, saved, filters(root), day), sortBy);
    const fields = reg.fields.filter((f) => f.list);
    const s = summary(reg, saved, day);
    root.querySelector("[data-shb-reg-count]").textContent = saved.length ?
      "Visar " + items.length + " av " + saved.length + ". " + summaryText(reg, s) :
      "Inga " + reg.many + " ännu. Lägg till det första med formuläret ovan.";
    const list = root.querySelector("[data-shb-reg-list]"), turn = (drawing.get(root) || 0) + 1;
    drawing.set(root, turn);
    rest.delete(root);
    delete root.dataset.shbRegDrawn;
    if (!items.length) {
      root.dataset.shbRegDrawn = "";
      return list.replaceChildren();
    }
    const body = el("tbody", { role: "rowgroup" });
    const listTitle = root.querySelector("h2[id$='-list-title']");
    list.replaceChildren(el("table", { role: "table", class: "shb-reg__table", "aria-labelledby": listTitle ? listTitle.id : "" }, [
      el("thead", { role: "rowgroup" }, [el("tr", { role: "row" }, [...fields.map((f) => el("th", { role: "columnheader", scope: "col" }, [f.label])),
        el("th", { role: "columnheader", scope: "col" }, [el("span", { class: "shb-sr-only" }, ["Ändra eller ta bort"])])])]),
      body]));
    let at = 0;
    const add = (n) => {
      const frag = document.createDocumentFragment();
      items.slice(at, at + n).forEach((item) => frag.append(rowOf(reg, fields, item, day, linked)));
      body.append(frag);
      at += n;
      if (at < items.length) return;
      rest.delete(root);
      root.dataset.shbRegDrawn = "";
    };
    const slice = () => {
      if (drawing.get(root) !== turn) return; // drawn again since
      add(SLICE);
      if (at < items.length) setTimeout(slice);
    };
    add(FIRST);
    if (at < items.length) {
      rest.set(root, () => add(items.length - at));
      setTimeout(slice);
    }
  }
  window.addEventListener("beforeprint", () => all("[data-shb-reg]").forEach((root) => rest.has(root) && rest.get(root)()));

  // The form: an item's values in, the values out, the messages at the fields.
  function fill(root, item) {
    const reg = regOfRoot(root), lost = {};
    inputs(root).forEach((input) => {
      const f = reg.fields.find((x) => x.id === input.dataset.shbRegField), v = item ? value(item, f.id) : f.default || "";
      input.value = v;
      if (input.tagName === "SELECT" && input.selectedIndex < 0) input.selectedIndex = 0;
      // A value the field cannot hold (a date that does not exist, a status
      // no longer in the list, from a file) is said, not silently dropped.
      if (v && input.value !== v) lost[f.id] = "Det sparade värdet " + quote(v) + " går inte att välja här. Välj ett nytt, eller avbryt för att behålla det.";
    });
    tell(root, lost);
  }
  function read(root) {
    const values = {};
    inputs(root).forEach((input) => { if (input.value.trim()) values[input.dataset.shbRegField] = input.value; });
    return values;
  }
  function tell(root, found) {
    const reg = regOfRoot(root);
    reg.fields.forEach((f) => {
      const msg = root.querySelector('[data-shb-reg-msg="' + f.id + '"]'), input = root.querySelector('[data-shb-reg-field="' + f.id + '"]');
      const limit = ["text", "longtext", "party"].includes(f.kind) ? "Högst " + f.limit + " tecken." : "";
      msg.textContent = found[f.id] || limit;
      msg.classList.toggle("shb-reg__msg--error", !!found[f.id]);
      if (found[f.id]) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }
  function mode(root, id) {
    const reg = regOfRoot(root);
    editing = id;
    root.querySelector("[data-shb-reg-form-title]").textContent = id ? "Ändra " + reg.one : "Lägg till " + reg.one;
    root.querySelector("[data-shb-reg-submit]").textContent = id ? "Spara ändringen" : "Lägg till";
    root.querySelector('[data-shb-reg-act="cancel"]').hidden = !id;
  }

  // Keep the register, with "Ångra" that puts back what was there before.
  function keep(root, reg, items, message) {
    const before = store.register(reg.id);
    try {
      if (!store.putRegister(reg.id, items)) return status(root, "Webbläsaren sparade inte ändringen. Exportera det ni vill behålla.");
    } catch (e) {
      return status(root, shb.explain(e, "Ändringen kunde inte sparas."));
    }
    shb.undo.offer(UNDO, root.querySelector("[data-shb-reg-status]"), message, () => {
      store.putRegister(reg.id, before);
      return "Ändringen är ångrad.";
    });
    return true;
  }

  function submit(root) {
    const reg = regOfRoot(root), values = read(root), found = problems(reg, values);
    tell(root, found);
    const bad = reg.fields.find((f) => found[f.id]);
    if (bad) {
      root.querySelector('[data-shb-reg-field="' + bad.id + '"]').focus();
      return;
    }
    const items = store.register(reg.id), t = now();
    const at = editing ? items.findIndex((i) => i.id === editing) : -1;
    let message;
    if (at >= 0) {
      items[at] = { ...items[at], updated: t, values };
      message = "Ändringen är sparad: " + quote(name(reg, items[at])) + ".";
    } else {
      const item = { id: store.newId("r"), created: t, updated: t, values };
      items.push(item);
      message = "Tillagt: " + quote(name(reg, item)) + ".";
    }
    if (keep(root, reg, items, message) !== true) return;
    mode(root, null);
    fill(root, null);
    root.querySelector("[data-shb-reg-status]").focus();
  }

  // A Word file of the register as it is listed (sorted and filtered).
  function wordFile(root) {
    const reg = regOfRoot(root), box = root.querySelector("[data-shb-reg-out]");
    const items = sortItems(reg, filterItems(reg, store.register(reg.id), filters(root), today()), root.querySelector("[data-shb-reg-sort]").value);
    box.textContent = "Word-filen görs i ordning …";
    const list = blocks(reg, items, today(), linkedFrom(), "title");
    if (store.party()) list.splice(1, 0, { type: "paragraph", runs: [{ text: "Part: " + store.party() }] });
    return shb.doc().then((w) => w.word(list, w.info(reg.title)))
      .then((blob) => { box.textContent = shb.savedMessage(shb.download(slug(reg.title, "register") + "-" + today() + ".docx", blob)); })
      .catch((e) => { box.textContent = shb.explain(e, "Word-filen kunde inte skapas. Försök igen."); });
  }

  const acts = {
    edit(root, b) {
      const item = store.register(regOfRoot(root).id).find((i) => i.id === b.dataset.shbRegId);
      if (!item) return;
      mode(root, item.id);
      fill(root, item);
      inputs(root)[0].focus();
    },
    cancel(root) {
      mode(root, null);
      fill(root, null);
      status(root, "Ändringen är avbruten.");
      inputs(root)[0].focus();
    },
    remove(root, b) {
      const reg = regOfRoot(root), items = store.register(reg.id), item = items.find((i) => i.id === b.dataset.shbRegId);
      if (!item) return;
      if (editing === item.id) { mode(root, null); fill(root, null); }
      if (keep(root, reg, items.filter((i) => i !== item), "Borttaget: " + quote(name(reg, item)) + ".") === true) {
        root.querySelector("[data-shb-reg-status]").focus();
      }
    },
    docx: wordFile,
    print() { window.print(); },
    // "Hämta från anteckningarna": the workspace's notes, each with a button
    // that puts it into the form (nothing is saved until the reader does).
    notes(root, b) {
      const box = root.querySelector("[data-shb-reg-notes-list]"), open = box.hidden;
      box.hidden = !open;
      b.setAttribute("aria-expanded", String(open));
      b.textContent = open ? "Dölj anteckningarna" : "Visa anteckningarna";
      if (!open) return;
      const found = notesOf(store.answers());
      box.replaceChildren(found.length ? el("ul", {}, found.map((n) => el("li", { "data-shb-reg-note": n.id }, [
        el("p", {}, [el("strong", {}, [n.text]), n.list ? " (" + n.list + ")" : ""]),
        el("p", { class: "shb-reg__note-text" }, [n.note]),
        el("button", { type: "button", class: "shb-btn", "data-shb-reg-act": "take", "data-shb-reg-id": n.id },
          ["Ta in i formuläret", el("span", { class: "shb-sr-only" }, [": " + n.text])])]))) :
        el("p", {}, ["Det finns inga anteckningar i arbetsytan ännu. De ni skriver i arbetsbladen visas här."]));
    },
    take(root, b) {
      const reg = regOfRoot(root), a = own(store.answers(), b.dataset.shbRegId);
      const input = reg.notes && root.querySelector('[data-shb-reg-field="' + reg.notes + '"]');
      if (!a || !input) return;
      input.value = input.value.trim() ? input.value.trim() + "\n\n" + a.note.trim() : a.note.trim();
      status(root, "Anteckningen är inlagd i formuläret. Fyll i resten och spara.");
      input.focus();
    }
  };

  shb.actions("data-shb-reg-act", Object.fromEntries(Object.entries(acts).map(([k, act]) => [k, (b) => {
    const root = rootOf(b);
    if (root && regOfRoot(root)) act(root, b);
  }])));
  document.addEventListener("submit", (e) => {
    const root = rootOf(e.target);
    if (!root || !e.target.matches("[data-shb-reg-form]")) return;
    e.preventDefault();
    if (regOfRoot(root)) submit(root);
  });
  document.addEventListener("change", (e) => {
    const root = rootOf(e.target);
    if (root && e.target.matches("[data-shb-reg-sort], [data-shb-reg-filter]")) draw(root, true);
  });

  // ---- the registers' status on Mina anteckningar ------------------------------------

  function drawStatus() {
    all("[data-shb-reg-sum]").forEach((li) => {
      const reg = registerOf(li.dataset.shbRegSum);
      if (reg) li.querySelector("[data-shb-reg-sum-text]").textContent = summaryText(reg, summary(reg, store.register(reg.id), today()));
    });
  }

  // The active workspace's registers as blocks, for the notes export
  // (worksheets.js): a heading and a table per register that has items.
  function notesBlocks() {
    const out = [], linked = linkedFrom(), day = today();
    const used = registers().filter((r) => store.register(r.id).length);
    if (!used.length) return out;
    out.push({ type: "heading", runs: [{ text: "Register" }] });
    used.forEach((reg) => out.push(...blocks(reg, store.register(reg.id), day, linked, "subheading")));
    return out;
  }

  // ---- into the papers: the templates' pre-fill ------------------------------------------

  // The lines a template takes from a register (documents.js, register:<id>),
  // chosen as the register says (its "papers"): "open", the items not done
  // (parked questions for the next agenda); "latest", those of the latest
  // date (the decisions of the last meeting); "added", those added on the
  // latest day one was (new commitments). One line per item, "" when none.
  function prefillLines(reg, items, linked) {
    let chosen = items;
    if (reg.papers === "open") chosen = items.filter((i) => !done(reg, i));
    if (reg.papers === "latest" && dateField(reg)) {
      const f = dateField(reg), last = items.map((i) => value(i, f.id)).filter(validDate).sort().pop();
      chosen = items.filter((i) => value(i, f.id) === last);
    }
    if (reg.papers === "added") {
      const day = (i) => typeof i.created === "string" ? i.created.slice(0, 10) : "", last = items.map(day).sort().pop();
      chosen = items.filter((i) => day(i) === last);
    }
    const rest = reg.fields.filter((f) => f.list && f !== first(reg) && f.kind !== "status");
    return chosen.map((i) => {
      const more = rest.map((f) => [f, shown(reg, f, i, linked)]).filter((x) => x[1]).map(([f, t]) => f.label.toLowerCase() + ": " + t);
      return "- " + name(reg, i) + (more.length ? " (" + more.join("; ") + ")" : "");
    }).join("\n");
  }
  const prefill = (regId) => {
    const reg = registerOf(regId);
    return reg ? prefillLines(reg, store.register(reg.id), linkedFrom()) : "";
  };

  // ---- two parties: Jämför svar --------------------------------------------------------

  // Items to take in, per register id, while the comparison is shown.
  let offered = {};

  function compareSection(parties) {
    const section = el("section", { class: "shb-reg-cmp", "aria-labelledby": "shb-reg-cmp-title", "data-shb-reg-cmp": "" }, [
      el("h3", { id: "shb-reg-cmp-title" }, ["Registren"])]);
    if (CSS && ![...document.querySelectorAll("link[rel=stylesheet]")].some((l) => l.href === CSS)) {
      document.head.append(el("link", { rel: "stylesheet", href: CSS }));
    }
    if (!index) return section;
    const day = today();
    offered = {};
    const label = (p) => p.label || p.party || p.name || "";
    registers().forEach((reg) => {
      const lists = parties.map((p) => ({ label: label(p), items: Array.isArray(own(p.registers, reg.id)) ? p.registers[reg.id] : [] }));
      const found = rows(reg, lists);
      const mine = new Set(store.register(reg.id).map((i) => i.id));
      const head = el("h4", { id: "shb-reg-cmp-" + reg.id }, [reg.title]);
      const box = el("div", { class: "shb-reg-cmp__reg", "aria-labelledby": head.id, role: "group" }, [head]);
      section.append(box);
      if (!found.length) return box.append(el("p", {}, ["Ingen av filerna har några " + reg.many + "."]));
      box.append(el("p", {}, [lists.map((l) => l.label + ": " + summaryText(reg, summary(reg, l.items, day))).join(" ")]));
      const missing = [];
      const ul = el("ul", { class: "shb-reg-cmp__items" });
      found.forEach((r) => {
        const any = r.cells.find(Boolean);
        const marks = [];
        if (r.only >= 0) marks.push(el("span", { class: "shb-cmp-mark shb-cmp-mark--only" }, ["Bara " + lists[r.only].label + " har det"]));
        if (r.differ) marks.push(el("span", { class: "shb-cmp-mark shb-cmp-mark--differ" }, ["Statusen skiljer sig"]));
        const sf = statusField(reg);
        const li = el("li", { class: "shb-reg-cmp__item", "data-shb-reg-cmp-item": r.id }, [
          el("p", { class: "shb-reg-cmp__name" }, [el("strong", {}, [cmpName(reg, any, parties)])]),
          ...(marks.length ? [el("p", { class: "shb-cmp-q__marks" }, marks)] : []),
          el("ul", {}, r.cells.map((item, n) => el("li", {}, [el("strong", {}, [lists[n].label + ": "]),
            !item ? "finns inte i filen" : sf ? shown(reg, sf, item) + (late(reg, item, day) ? " (" + (reg.late || LATE) + ")" : "") :
              reg.answer ? value(item, reg.answer) || "inget svar" : "finns"])))]);
        li.append(el("p", { class: "shb-reg-cmp__own" }, [mine.has(r.id) ? "Finns i er arbetsyta." : "Finns inte i er arbetsyta."]));
        if (!mine.has(r.id)) missing.push(any);
        ul.append(li);
      });
      box.append(ul);
      offered[reg.id] = missing;
      if (missing.length) {
        box.append(el("p", {}, [el("button", { type: "button", class: "shb-btn", "data-shb-reg-merge": reg.id },
          ["Ta in " + missing.length + " " + (missing.length === 1 ? reg.one : reg.many) + " som saknas i er arbetsyta"])]));
      }
    });
    section.append(el("p", { class: "shb-reg-cmp__status", role: "status", tabindex: "-1", "data-shb-reg-merge-status": "" }));
    return section;
  }

  // An item as the comparison names it. A register of answers (the yearly
  // review: reg.answer) is named by its other listed fields (the question,
  // the year, the commitment), as the answer is what differs; a linked item
  // is looked up in the own workspace, then in the parties' files.
  function cmpName(reg, item, parties) {
    if (!reg.answer) return name(reg, item);
    const mine = linkedFrom();
    const linked = (regId, id) => mine(regId, id) || parties.map((p) => own(p.registers || {}, regId))
      .filter(Array.isArray).flat().find((i) => i && i.id === id);
    return reg.fields.filter((f) => f.list && f.id !== reg.answer && value(item, f.id))
      .map((f) => shown(reg, f, item, linked)).join(" · ");
  }

  // Take items into the own workspace's register; undoable. Returns the number added.
  function merge(regId, items) {
    const reg = registerOf(regId), box = document.querySelector("[data-shb-reg-merge-status]"); // kept by redrawCompare
    if (!reg) return 0;
    const before = store.register(regId), got = mergeItems(before, items);
    if (!got.added.length) {
      shb.undo.show(UNDO, box, "Det finns inget nytt att ta in: allt finns redan i er arbetsyta.");
      return 0;
    }
    try {
      store.putRegister(regId, got.items);
    } catch (e) {
      shb.undo.show(UNDO, box, shb.explain(e, "Posterna kunde inte tas in."));
      return 0;
    }
    const n = got.added.length;
    shb.undo.offer(UNDO, box, n + " " + (n === 1 ? reg.one : reg.many) + " är tillagda i er arbetsyta.", () => {
      store.putRegister(regId, before);
      return "Det ni tog in senast är borttaget ur er arbetsyta igen.";
    });
    return n;
  }
  // (The store tells the subscriber below, which redraws the comparison.)
  shb.actions("data-shb-reg-merge", (regId) => merge(regId, offered[regId] || []));
  // The comparison drawn again, with the same status line (it holds "Ångra",
  // and the kernel writes into it after an undo); the focus goes there
  // when the pressed button is gone.
  function redrawCompare(parties) {
    const section = document.querySelector("[data-shb-reg-cmp]");
    if (!section) return;
    const status = section.querySelector("[data-shb-reg-merge-status]"), focused = section.contains(document.activeElement);
    const fresh = compareSection(parties);
    fresh.querySelector("[data-shb-reg-merge-status]").replaceWith(status);
    section.replaceWith(fresh);
    if (focused && !fresh.contains(document.activeElement)) status.focus();
  }

  // ---- mounting --------------------------------------------------------------------

  function mount() {
    ready().then(() => {
      all("[data-shb-reg]").forEach((root) => {
        if (!regOfRoot(root)) return;
        if (!root.dataset.shbRegReady) { mode(root, null); fill(root, null); }
        draw(root);
        root.dataset.shbRegReady = "";
      });
      drawStatus();
      // A template that takes lines from a register is filled in again now
      // that the registers can be read (documents.js listens to the store).
      if (document.querySelector("[data-shb-prefill^='register:']")) store.notify("registers");
    }).catch((e) => setTimeout(() => { throw e; }));
  }
  // Another workspace, an import, an undo, another tab: the lists follow;
  // an undo step of another workspace would write into the wrong one.
  store.subscribe((reason) => {
    if (reason === "workspace") {
      shb.undo.retire(UNDO);
      all("[data-shb-reg]").forEach((root) => { if (regOfRoot(root)) { mode(root, null); fill(root, null); } });
    }
    if (!index) return;
    all("[data-shb-reg]").forEach((root) => regOfRoot(root) && draw(root));
    drawStatus();
    const cmp = shb.features.compare;
    if (cmp && document.querySelector("[data-shb-reg-cmp]")) redrawCompare(cmp.sources());
  });

  shb.feature("registers", {
    mount,
    exports: {
      ready, validDate, problems, late, summary, summaryText, sortItems, filterItems, mergeItems, rows, blocks,
      notesBlocks, notesOf, shown, name, cmpName, done, registerOf, merge, registers, prefill, prefillLines,
      // Jämför svar: the parties' registers side by side (compare.js calls it).
      compare: compareSection
    }
  });
})();
