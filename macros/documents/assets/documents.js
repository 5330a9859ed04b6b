/* Samverkanshandboken: templates ("Mallar") filled in on their page.
 *
 * worksheets.js loads this script, from beside itself, on a page with a
 * template (data-shb-doc). It mounts through Material's document$.
 *
 * The page carries the fields (data-shb-field) and the document itself
 * (data-shb-doc-paper) with an empty slot (data-shb-slot) for each field.
 * The reader's values are saved in the active workspace through
 * window.shbStore as "doc:<template id>": {field: text, table: [[cell]]}.
 * A field the reader has not written may be pre-filled from what the
 * workspace knows (the party's name, a planned date, a worksheet answer) or
 * from the page (the brand's organisation); a pre-filled value is marked at
 * the field and is not saved, so it follows its source.
 *
 * The print (documents.css), the Word file and the copy (documents-export.js,
 * loaded at the first press of its button) are all made from that document.
 * Every value reaches the page through textContent.
 */
(function () {
  "use strict";

  const store = () => window.shbStore;
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const own = (obj, key) => isObj(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const el = window.shbKit.el; // worksheets.js's, which loads this script

  // ---- saved values -------------------------------------------------------

  const keyOf = (root) => "doc:" + root.dataset.shbDoc;
  function saved(root) {
    const s = store(), v = s && s.get(keyOf(root));
    return isObj(v) ? v : {};
  }
  function save(root, values) {
    const s = store();
    if (s) s.set(keyOf(root), Object.keys(values).length ? values : undefined);
  }
  // A table's saved rows, as strings (anything else in the file counts as empty).
  const cell = (rows, r, c) => Array.isArray(rows) && Array.isArray(rows[r]) && typeof rows[r][c] === "string" ? rows[r][c] : "";

  // ---- what the workspace already knows ----------------------------------

  // The active workspace as worksheets.js stores it: read only, for the
  // answers (the store's values hold the rest) and an optional party name.
  function workspace() {
    try {
      const d = JSON.parse(localStorage.getItem("shb:v1:" + window.__md_scope.pathname));
      return own(own(d, "workspaces"), d.active) || {};
    } catch (e) {
      return {};
    }
  }
  const text = (v) => typeof v === "string" ? v.trim() : "";
  function partyName() {
    const s = store() || {}, w = workspace();
    for (const v of [typeof s.party === "function" && s.party(), typeof s.partyName === "function" && s.partyName(),
      s.get && s.get("party"), w.party, w.partyName, own(w.party, "name")]) {
      const t = text(v) || text(own(v, "name"));
      if (t) return t;
    }
    return "";
  }

  // The planned date of a milestone, as the planner (timeline.js) keeps it
  // in the workspace: "plan-dates:<process id>" = {milestone id: ISO date}.
  const LONG_DATE = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" });
  function plannedDate(processId, milestoneId) {
    const s = store(), iso = text(own(s && s.get("plan-dates:" + processId), milestoneId));
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
    return m ? LONG_DATE.format(Date.UTC(+m[1], m[2] - 1, +m[3])) : "";
  }

  function prefill(root, spec) {
    const [kind, target] = spec.split(/:(.*)/s);
    if (kind === "organisation") return text(root.dataset.shbOrg);
    if (kind === "party") return partyName();
    if (kind === "answer") return text(own(own(workspace().answers, target), "note"));
    if (kind === "plan") return plannedDate(...target.split("/"));
    return "";
  }

  // ---- the page -------------------------------------------------------------

  const fields = (root) => all(root, "[data-shb-field]");

  // The value of each field: the reader's, else a pre-filled one; tables as rows.
  function values(root) {
    const stored = saved(root), out = {}, from = {};
    fields(root).forEach((input) => {
      const id = input.dataset.shbField;
      if (input.dataset.shbCell) {
        const [r, c] = input.dataset.shbCell.split(":").map(Number);
        const rows = out[id] || (out[id] = []);
        (rows[r] || (rows[r] = []))[c] = cell(own(stored, id), r, c);
      } else if (typeof own(stored, id) === "string") {
        out[id] = stored[id];
      } else {
        out[id] = input.dataset.shbPrefill ? prefill(root, input.dataset.shbPrefill) : "";
        from[id] = !!out[id];
      }
    });
    return { out, from };
  }

  // Fill the fields (but not the one being typed in), the notes and the document.
  function refresh(root) {
    const { out, from } = values(root);
    fields(root).forEach((input) => {
      const id = input.dataset.shbField, rc = input.dataset.shbCell;
      const v = rc ? cell(out[id], ...rc.split(":").map(Number)) : out[id];
      if (input !== document.activeElement) input.value = v;
      input.classList.toggle("shb-doc__input--prefilled", !!from[id]);
    });
    all(root, "[data-shb-from]").forEach((note) => { note.hidden = !from[note.dataset.shbFrom]; });
    all(root, "[data-shb-count]").forEach((count) => limit(root, count, out[count.dataset.shbCount]));
    all(root, "[data-shb-slot]").forEach((slot) => {
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
    all(box, "[data-shb-field]").forEach((input) => {
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

  function status(root, message, undo) {
    const box = root.querySelector("[data-shb-doc-status]");
    box.replaceChildren(message);
    if (undo) box.append(" ", el("button", { type: "button", class: "shb-btn", "data-shb-doc-act": "undo" }, ["Ångra"]));
  }

  // documents-export.js, once, at the first press of a button that needs it.
  const withExport = () => window.shbKit.load("documents-export.js").then(() => window.shbDocuments);

  let undone = null;
  const actions = {
    docx(root) {
      status(root, "Word-filen görs i ordning …");
      withExport().then((x) => x.docx(root))
        .then((name) => status(root, "Filen " + name + " är sparad bland era hämtade filer."))
        .catch(() => status(root, "Word-filen kunde inte skapas. Försök igen, eller kopiera texten i stället."));
    },
    copy(root) {
      withExport().then((x) => x.copy(root))
        .catch(() => status(root, "Texten kunde inte kopieras. Markera texten i förhandsvisningen och kopiera den själva."));
    },
    print() { window.print(); },
    clear(root) {
      undone = saved(root);
      const cleared = {};
      fields(root).forEach((input) => { cleared[input.dataset.shbField] = input.dataset.shbCell ? [] : ""; });
      save(root, cleared);
      refresh(root);
      status(root, "Fälten är tömda.", true);
    },
    undo(root) {
      if (!undone) return;
      save(root, undone);
      undone = null;
      refresh(root);
      status(root, "Fälten är återställda.");
    }
  };

  // ---- listeners, attached once ------------------------------------------------

  const rootOf = (node) => node.closest && node.closest("[data-shb-doc]");
  document.addEventListener("input", (e) => {
    const root = rootOf(e.target);
    if (!root || !e.target.matches("[data-shb-field]")) return;
    record(root, e.target);
    refresh(root);
  });
  document.addEventListener("click", (e) => {
    const button = e.target.closest && e.target.closest("[data-shb-doc-act]"), root = button && rootOf(button);
    const act = root && own(actions, button.dataset.shbDocAct);
    if (act) act(root, button);
  });

  function mount() {
    const root = document.querySelector("[data-shb-doc]");
    if (root) refresh(root);
  }
  const refreshAll = () => { const root = document.querySelector("[data-shb-doc]"); if (root) refresh(root); };

  // For the build (scripts/build/blank_documents.py): the page's template as
  // an empty Word file, base64-encoded, made by the reader's own code.
  window.shbDocumentsPage = {
    blank: () => withExport().then((x) => x.blank(document.querySelector("[data-shb-doc]")))
  };

  if (store()) store().subscribe(refreshAll); // another workspace, an import or an undo
  if (window.document$) window.document$.subscribe(mount);
})();
