/* Samverkanshandboken: templates ("Mallar") filled in on their page.
 *
 * The kernel (shb.js) loads this script on a page with a template
 * (data-shb-doc); it registers as the feature "documents", which mounts
 * through Material's document$.
 *
 * The page carries the fields (data-shb-field) and the document itself
 * (data-shb-doc-paper) with an empty slot (data-shb-slot) for each field.
 * The reader's values are saved in the active workspace through shb.store
 * as "doc:<template id>": {field: text, table: [[cell]]}. A field the reader
 * has not written may be pre-filled from what the workspace knows (the
 * party's name, a planned date, a worksheet answer) or from the page (the
 * brand's organisation); a pre-filled value is marked at the field and is
 * not saved, so it follows its source. A pre-filled value that does not fit
 * its field is cut at the end of a sentence, or left out, and the field says so.
 *
 * What goes out speaks for the parties: the handbook's name (the header
 * line) and the questions for the writing group are in the document only
 * when the reader ticks them (data-shb-doc-opt). "Fyll i med exempel" fills
 * every field with the invented case (the build's documents-examples.js), asking first when
 * the reader has written something, and marks the document as an example.
 *
 * The print (documents.css), the Word file and the copy are all made from
 * that document. The Word file, the copy and the example fill are in
 * documents-out.js, loaded at the first press of one of their buttons (with
 * the writers, export.js), so that the first view carries only what fills
 * and saves the form. Every value reaches the page through textContent.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, isObj, all, text, longDate } = shb.kit;
  const UNDO = "documents";

  // ---- saved values -------------------------------------------------------

  const keyOf = (root) => "doc:" + root.dataset.shbDoc;
  function saved(root) {
    const v = store.get(keyOf(root));
    return isObj(v) ? v : {};
  }
  const save = (root, values) => store.set(keyOf(root), Object.keys(values).length ? values : undefined);
  // A table's saved rows, as strings (anything else in the file counts as empty).
  const cell = (rows, r, c) => Array.isArray(rows) && Array.isArray(rows[r]) && typeof rows[r][c] === "string" ? rows[r][c] : "";

  // ---- what the workspace already knows ----------------------------------

  // The planned date of a milestone, as the planner (timeline.js) keeps it
  // in the workspace: "plan-dates:<process id>" = {milestone id: ISO date}.
  const plannedDate = (processId, milestoneId) => longDate(own(store.get("plan-dates:" + processId), milestoneId));

  function prefill(root, spec) {
    const [kind, target] = spec.split(/:(.*)/s);
    if (kind === "organisation") return text(root.dataset.shbOrg);
    if (kind === "party") return text(store.party());
    if (kind === "answer") return text(own(own(store.answers(), target), "note"));
    if (kind === "plan") return plannedDate(...target.split("/"));
    // A register's items as lines (registers.js, which the kernel loads on this page).
    if (kind === "register") return shb.features.registers ? shb.features.registers.prefill(target) : "";
    return "";
  }

  // A pre-filled value as its field can take it: on one line unless the
  // field takes line breaks; if it is longer than max, the whole sentences
  // that fit, or nothing. {value, cut} where cut says something was left out.
  function fit(value, max, multiline) {
    let v = text(value);
    if (!multiline) v = v.replace(/\s*\r?\n\s*/g, " ");
    if (v.length <= max) return { value: v, cut: false };
    const ends = /[.!?…](?=\s|$)/g;
    let end = 0, m;
    while ((m = ends.exec(v)) && m.index < max) end = m.index + 1;
    return { value: v.slice(0, end).trim(), cut: true };
  }

  // ---- the page -------------------------------------------------------------

  const fields = (root) => all("[data-shb-field]", root);

  // The value of each field: the reader's, else a pre-filled one; tables as rows.
  function values(root) {
    const stored = saved(root), out = {}, from = {}, cut = {};
    fields(root).forEach((input) => {
      const id = input.dataset.shbField;
      if (input.dataset.shbCell) {
        const [r, c] = input.dataset.shbCell.split(":").map(Number);
        const rows = out[id] || (out[id] = []);
        (rows[r] || (rows[r] = []))[c] = cell(own(stored, id), r, c);
      } else if (typeof own(stored, id) === "string") {
        out[id] = stored[id];
      } else {
        const fitted = input.dataset.shbPrefill
          ? fit(prefill(root, input.dataset.shbPrefill), +input.dataset.shbMax, input.tagName === "TEXTAREA")
          : { value: "", cut: false };
        out[id] = fitted.value;
        from[id] = !!out[id];
        cut[id] = fitted.cut;
      }
    });
    return { out, from, cut };
  }

  // The reader's choices of what else goes into the document.
  const opted = (root, name) => {
    const box = root.querySelector('[data-shb-doc-opt="' + name + '"]');
    return !!(box && box.checked);
  };

  // Fill the fields (but not the one being typed in), the notes and the document.
  function refresh(root) {
    const { out, from, cut } = values(root);
    fields(root).forEach((input) => {
      const id = input.dataset.shbField, rc = input.dataset.shbCell;
      const v = rc ? cell(out[id], ...rc.split(":").map(Number)) : out[id];
      if (input !== document.activeElement) input.value = v;
      input.classList.toggle("shb-doc__input--prefilled", !!from[id]);
    });
    all("[data-shb-from]", root).forEach((note) => { note.hidden = !from[note.dataset.shbFrom]; });
    all("[data-shb-fit]", root).forEach((note) => {
      const id = note.dataset.shbFit;
      note.hidden = !cut[id];
      note.textContent = !cut[id] ? "" : out[id]
        ? "Texten var längre än fältet rymmer. Här står de första hela meningarna."
        : "Det som kunde ha fyllts i här är längre än fältet rymmer. Skriv en kortare text.";
    });
    all("[data-shb-doc-questions]", root).forEach((box) => { box.hidden = !opted(root, "questions"); });
    root.querySelector("[data-shb-doc-header]").hidden = !opted(root, "header");
    root.querySelector("[data-shb-doc-example]").hidden = saved(root)._example !== true;
    all("[data-shb-count]", root).forEach((count) => limit(root, count, out[count.dataset.shbCount]));
    all("[data-shb-slot]", root).forEach((slot) => {
      const id = slot.dataset.shbSlot, rc = slot.dataset.shbCell;
      fill(slot, rc ? cell(out[id], ...rc.split(":").map(Number)) : out[id] || "");
    });
    root.dataset.shbReady = "";
  }

  // A slot shows the value as text, or its blank (the field's name on screen,
  // a line on paper). The blank that came with the page is kept aside.
  const blanks = new WeakMap();
  function fill(slot, value) {
    if (!blanks.has(slot)) blanks.set(slot, [...slot.childNodes]);
    if (value.trim()) {
      slot.replaceChildren(value);
      slot.classList.remove("shb-doc__slot--empty");
    } else {
      slot.replaceChildren(...blanks.get(slot));
      slot.classList.add("shb-doc__slot--empty");
    }
  }

  // Say at the field how long it may be; over the limit, say by how much.
  // Nothing typed is cut off: the text is kept and goes into the document.
  function limit(root, count, value) {
    const box = count.closest("[data-shb-field-box]"), max = +box.querySelector("[data-shb-max]").dataset.shbMax;
    const lengths = Array.isArray(value) ? value.flat().map((v) => (v || "").length) : [(value || "").length];
    const over = Math.max(0, ...lengths) - max;
    count.textContent = over > 0
      ? "För långt: högst " + max + " tecken" + (Array.isArray(value) ? " i varje ruta" : "") + ". Korta texten med " + over + " tecken."
      : Array.isArray(value) ? "Högst " + max + " tecken i varje ruta." : lengths[0] + " av högst " + max + " tecken.";
    count.classList.toggle("shb-doc__count--over", over > 0);
    all("[data-shb-field]", box).forEach((input) => {
      if ((input.value || "").length > max) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  // A field was typed in: save it (a cleared field stays cleared, with no pre-fill).
  function record(root, input) {
    const stored = saved(root), id = input.dataset.shbField;
    if (input.dataset.shbCell) {
      const [r, c] = input.dataset.shbCell.split(":").map(Number);
      const rows = Array.isArray(stored[id]) ? stored[id] : [];
      while (rows.length <= r) rows.push([]);
      if (!Array.isArray(rows[r])) rows[r] = [];
      while (rows[r].length <= c) rows[r].push("");
      rows[r][c] = input.value;
      stored[id] = rows;
    } else {
      stored[id] = input.value;
    }
    save(root, stored);
  }

  // ---- the buttons -------------------------------------------------------------

  const statusBox = (root) => root.querySelector("[data-shb-doc-status]");
  // Word, copy and the example fill are documents-out.js's, loaded at the first press.
  const out = () => shb.need("documents-out.js").then(() => shb.features["documents-out"]);
  // Presses are taken in order: a Word file asked for right after "Fyll i med
  // exempel" waits until the example (fetched at that press) is in the fields.
  let pending = Promise.resolve();
  const later = (name) => (root, button) => {
    if (name !== "example") shb.doc().catch(() => {}); // the writers, fetched alongside
    // A failed load is told by shb.need.
    pending = pending.then(out).then((o) => o[name](root, button)).catch(() => {});
  };

  const actions = {
    docx: later("docx"),
    copy: later("copy"),
    example: later("example"),
    print() { window.print(); },
    // "Töm fälten", with one "Ångra" (the kernel's undo) that brings the values back.
    clear(root) {
      const before = saved(root), cleared = {};
      fields(root).forEach((input) => { cleared[input.dataset.shbField] = input.dataset.shbCell ? [] : ""; });
      save(root, cleared);
      refresh(root);
      shb.undo.offer(UNDO, statusBox(root), "Fälten är tömda.", () => {
        save(root, before);
        refresh(root);
        return "Fälten är återställda.";
      });
    }
  };

  // ---- listeners, attached once ------------------------------------------------

  const rootOf = (node) => node.closest && node.closest("[data-shb-doc]");
  document.addEventListener("change", (e) => {
    const root = rootOf(e.target);
    if (root && e.target.matches("[data-shb-doc-opt]")) refresh(root);
  });
  document.addEventListener("input", (e) => {
    const root = rootOf(e.target);
    if (!root || !e.target.matches("[data-shb-field]")) return;
    record(root, e.target);
    refresh(root);
  });
  shb.actions("data-shb-doc-act", Object.fromEntries(Object.entries(actions).map(([name, act]) => [name, (button) => {
    const root = button.closest("[data-shb-doc]");
    if (root) act(root, button);
  }])));

  const page = () => document.querySelector("[data-shb-doc]");
  function mount() {
    const root = page();
    if (root) refresh(root);
  }
  // Another workspace, an import, an undo or another tab: the values follow,
  // and an undo of "Töm fälten" would now write into the wrong workspace.
  store.subscribe((reason) => {
    if (reason === "workspace") shb.undo.retire(UNDO);
    mount();
  });

  shb.feature("documents", {
    mount,
    exports: {
      fit,
      // For the build (scripts/build/blank_documents.py): the page's template
      // as an empty Word file, base64-encoded, made by the reader's own code.
      blank: () => out().then((o) => o.blank(page())),
      // For documents-out.js.
      page: { UNDO, saved, save, fields, refresh, opted, statusBox }
    }
  });
})();
