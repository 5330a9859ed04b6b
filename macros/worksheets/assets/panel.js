/* Samverkanshandboken: the workspace panel's own script: its buttons
 * (workspaces, export, import, clearing), its dialog (shb.ask) and the notes
 * overview on Mina anteckningar.
 *
 * Not on a page's first view: worksheets.js (the questions and the panel's
 * name) loads it when the reader opens the panel or presses one of its
 * buttons or a list's, the kernel (shb.js) when a feature asks a question
 * (shb.ask) and on a page with the notes overview (LAZY).
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, byId, all, el, quote, now, today, slug } = shb.kit;
  const UNDO = "worksheets";
  const W = () => shb.features.worksheets; // listOf, listTitle, QUESTIONS

  const answered = (n, notes) => n + " besvarade frågor och " + notes + " anteckningar";
  const ws = store.active;
  const statusBox = () => byId("shb-ws-status");

  // How many answers, ticks and notes a workspace holds.
  function tally(w) {
    const answers = Object.values(w.answers);
    return {
      answers: answers.length,
      ticked: answers.filter((a) => a.checked).length,
      notes: answers.filter((a) => a.note.trim()).length
    };
  }
  // The active workspace as an export file's text; with `answersOnly`
  // the answers and the party without the workspace's values (the
  // templates' drafts, the plan), marked so that an import keeps the
  // values it has.
  function exportText(answersOnly) {
    const w = answersOnly ? { ...ws(), values: {} } : ws(), active = store.activeId();
    const file = { kind: store.KIND, version: store.VERSION, exported: now(), active,
      ...(answersOnly ? { only: "answers" } : {}), workspaces: { [active]: w } };
    return JSON.stringify(file, null, 2) + "\n";
  }

  // ---- the dialog ---------------------------------------------------------

  // The confirmation (or name) dialog that comes with the panel
  // (workspace_panel.html.j2), asked through shb.ask (the kernel loads this
  // file at the first question). Its title and its button's label come from the
  // control that asks (data-shb-ask, data-shb-ok, and data-shb-alt for a
  // second choice). Resolves to true, a name, "alt" (the second choice) or null.
  function ask(from, lines, name) {
    return new Promise((resolve) => {
      const opener = document.activeElement, dialog = byId("shb-dialog"), input = byId("shb-dialog-name");
      byId("shb-dialog-title").textContent = from.dataset.shbAsk;
      byId("shb-dialog-text").replaceChildren(...lines.map((line) => el("p", {}, [line])));
      byId("shb-dialog-ok").textContent = from.dataset.shbOk;
      const alt = byId("shb-dialog-alt");
      if (alt) {
        alt.hidden = !from.dataset.shbAlt;
        alt.textContent = from.dataset.shbAlt || "";
      }
      // Without a name: no field (nor its check), and "Avbryt" has the focus.
      input.parentNode.hidden = input.disabled = byId("shb-dialog-cancel").autofocus = name == null;
      input.value = name || "";
      dialog.returnValue = "";
      dialog.addEventListener("close", () => {
        const result = dialog.returnValue === "ok" ? (name == null || input.value.trim()) :
          dialog.returnValue === "alt" && from.dataset.shbAlt ? "alt" : null;
        if (opener && opener.focus) opener.focus();
        resolve(result || null);
      }, { once: true });
      dialog.showModal();
    });
  }

  // ---- the notes, grouped -------------------------------------------------

  function questionIndex() {
    const node = byId("shb-question-index");
    return node && JSON.parse(node.textContent).questions;
  }

  // Saved answers by chapter (index order); ids missing from the index are orphans.
  // Without an index (other pages), answers are grouped by their saved list title.
  function grouped(w, index) {
    const groups = [], byTitle = Object.create(null), known = Object.create(null), orphans = [];
    function add(title, item) {
      if (!byTitle[title]) groups.push(byTitle[title] = { title, items: [] });
      byTitle[title].items.push(item);
    }
    (index || []).forEach((q) => {
      known[q.id] = true;
      const a = own(w.answers, q.id);
      if (a) add(q.chapter, { text: q.text, url: q.url, list: q.step ? q.list + ", " + q.step : q.list, a });
    });
    Object.keys(w.answers).forEach((id) => {
      const a = w.answers[id], item = { id, text: a.text || id, list: a.list || "", page: a.page || "", a };
      if (!index) add(a.list || "Frågor", item);
      else if (!known[id]) orphans.push(item);
    });
    return { groups, orphans };
  }

  // The notes overview (notes_overview.html.j2): the summary and the groups,
  // and the part for orphans when there are any.
  function overview() {
    const host = document.querySelector("[data-shb-ov-groups]"), orphans = byId("shb-orphans");
    if (!host) return;
    const w = ws(), r = grouped(w, questionIndex()), t = tally(w);
    const kids = [el("p", { class: "shb-ov__summary" }, ["Arbetsytan " + quote(w.name) + (t.answers ?
      ": " + answered(t.ticked, t.notes) + "." :
      " har inga bockar eller anteckningar ännu. Börja i ett arbetsblad eller i frågebanken.")])];
    function item(it) {
      const li = el("li", { class: "shb-ov__item" }, [el("p", { class: "shb-ov__q" }, [
        el("span", { class: "shb-ov__state" + (it.a.checked ? " shb-ov__state--done" : "") },
          [it.a.checked ? "Besvarad" : "Inte besvarad"]), " ",
        it.url ? el("a", { href: it.url }, [it.text]) : el("span", {}, [it.text])])]);
      const context = it.id ? "Sparad i " + (it.list ? "listan " + quote(it.list) : "en lista") +
        (it.page ? " på sidan " + it.page : "") + " (fråga " + it.id + ")." : it.list;
      if (context) li.append(el("p", { class: "shb-ov__context" }, [context]));
      if (it.a.note.trim()) li.append(el("p", { class: "shb-ov__note" }, [it.a.note]));
      return li;
    }
    r.groups.forEach((g) => kids.push(el("h2", {}, [g.title]), el("ul", { class: "shb-ov" }, g.items.map(item))));
    host.replaceChildren(...kids);
    orphans.hidden = !r.orphans.length;
    orphans.querySelector("ul").replaceChildren(...r.orphans.map(item));
  }

  // The notes as the document model's blocks (export.js writes them).
  function protocolBlocks() {
    const w = ws(), r = grouped(w, questionIndex()), site = shb.config().site;
    const blocks = [{ type: "title", runs: [{ text: "Anteckningar: " + w.name }] },
      { type: "paragraph", runs: [{ text: "Anteckningar" + (site ? " från " + site : "") + ", " + today() + "." +
        (w.party.trim() ? " Svaren kommer från " + w.party.trim() + "." : "") }] },
      // Word, print and the clipboard say it in words under each question.
      { type: "paragraph", markdown: true, runs: [{ text: "[x]", literal: true }, { text: " betyder att frågan är besvarad." }] }];
    const entry = (it) => blocks.push({ type: "entry", checked: it.a.checked, runs: [{ text: it.text }],
      note: it.a.note.trim() ? it.a.note.trim().split(/\r?\n/) : [] });
    r.groups.forEach((g) => { blocks.push({ type: "heading", runs: [{ text: g.title }] }); g.items.forEach(entry); });
    if (r.orphans.length) {
      blocks.push({ type: "heading", runs: [{ text: "Anteckningar till frågor som inte längre finns" }] });
      r.orphans.forEach(entry);
    }
    if (!r.groups.length && !r.orphans.length) blocks.push({ type: "paragraph", runs: [{ text: "Inga bockar eller anteckningar ännu." }] });
    const reg = shb.features.registers; // the registers as tables (registers.js, loaded by exportProtocol)
    if (reg) blocks.push(...reg.notesBlocks());
    return blocks;
  }

  // ---- workspaces, export, import -----------------------------------------

  // After a change of workspace, its name or its party: save, and show it
  // wherever it is shown (every feature subscribes).
  function changed() {
    store.save();
    store.notify();
  }
  // Ask first; on yes keep an undo step, make the change (which returns the
  // text to show) and offer "Ångra".
  function risky(box, button, line, change) {
    ask(button, [line]).then((ok) => {
      if (!ok) return;
      offer(box, change);
    });
  }
  // Make a change that "Ångra" takes back: the whole store before it is kept.
  function offer(box, change) {
    const before = JSON.stringify(store.state());
    shb.undo.retire(UNDO);
    const message = change();
    changed();
    shb.undo.offer(UNDO, box, message, () => {
      store.replace(JSON.parse(before));
      changed();
      return "Ändringen är ångrad.";
    });
    clearError();
  }
  function say(box, message) {
    clearError();
    shb.undo.show(UNDO, box, message);
  }
  function clearError() {
    const err = byId("shb-ws-error");
    if (err) err.textContent = "";
  }
  function error(message) {
    shb.undo.retire(UNDO);
    say(statusBox(), "");
    byId("shb-ws-error").textContent = message;
  }

  // "anteckningar-kommunen-lokal-overenskommelse-2026-12-07.json": the party
  // (when set) and the workspace, so two parties' files never share a name.
  const fileName = (ext, what) => (what || "anteckningar") + "-" +
    [slug(ws().party, ""), slug(ws().name, "arbetsyta")].filter(Boolean).join("-") + "-" + today() + "." + ext;
  const saved = (name) => say(statusBox(), shb.savedMessage(name));

  // How many questions an import would change.
  function differing(a, b) {
    const ids = new Set(Object.keys(a.answers).concat(Object.keys(b.answers)));
    return [...ids].filter((id) => {
      const x = own(a.answers, id), y = own(b.answers, id);
      return !x || !y || x.checked !== y.checked || x.note !== y.note;
    }).length;
  }

  // Registers' items in a file that have the wrong form: said before the
  // import (the rest of the file is read in; the store's checks, checks.js, leave them out).
  function rejectedLines(d) {
    const r = d.rejected || [];
    return r.slice(0, 5).concat(r.length > 5 ? ["Och " + (r.length - 5) + " poster till med fel form, som inte heller är med."] : []);
  }

  function importFile(input) {
    const file = input.files && input.files[0], name = file ? quote(file.name) : "";
    input.value = "";
    if (!file) return;
    // The store's checks of a file (checks.js) come with the first import.
    shb.need("checks.js").then(() => {
      if (file.size > store.MAX_IMPORT) throw new shb.UserError(store.tooLarge(file));
      return file.text();
    }).then((text) => {
      const d = store.readExport(text, name), current = store.state();
      // A file of answers only (exported for the other party): a workspace
      // already here keeps its drafts and plan.
      const answersOnly = own(JSON.parse(text), "only") === "answers";
      const lines = rejectedLines(d).concat(Object.keys(d.workspaces).map((id) => {
        const inc = d.workspaces[id], cur = own(current.workspaces, id), t = tally(inc);
        const after = answered(t.ticked, t.notes);
        if (!cur) return "Arbetsytan " + quote(inc.name) + " läggs till, med " + after + ".";
        if (answersOnly) inc.values = cur.values;
        const c = tally(cur);
        return "Arbetsytan " + quote(cur.name) + " finns redan och ersätts. Nu: " + answered(c.ticked, c.notes) +
          ". Efter inläsningen: " + after + " (" + differing(cur, inc) + " frågor ändras)" +
          (cur.name !== inc.name ? ", och den byter namn till " + quote(inc.name) : "") + "." +
          (answersOnly && Object.keys(cur.values).length ? " Utkasten och planen i arbetsytan finns kvar." : "");
      }));
      return ask(input, lines).then((ok) => {
        if (!ok) return say(statusBox(), "Ingenting har ändrats.");
        offer(statusBox(), () => {
          const data = store.state();
          // The untouched default workspace of a fresh browser gives way to the import.
          const only = Object.keys(data.workspaces), lone = data.workspaces[only[0]];
          if (only.length === 1 && lone.name === store.DEFAULT_NAME && !Object.keys(lone.answers).length &&
              !Object.keys(lone.values).length && !Object.keys(lone.registers).length) delete data.workspaces[only[0]];
          Object.assign(data.workspaces, d.workspaces);
          data.active = own(d.workspaces, d.active) ? d.active : Object.keys(d.workspaces)[0];
          return "Filen är inläst. Arbetsytan " + quote(ws().name) + " är öppen.";
        });
      });
    }).catch((e) => {
      error(shb.explain(e, "Filen " + name + " kunde inte läsas in.") + " Ingenting har ändrats.");
    });
  }

  // The protocol in a format of the document model, saved for the reader.
  function exportProtocol(ext, write, type) {
    const registers = shb.load("registers.js").then(() => shb.features.registers.ready()).catch(() => null);
    registers.then(() => shb.doc()).then((w) => write(w, protocolBlocks())).then((content) => saved(shb.download(fileName(ext), content, type)))
      .catch((e) => error(shb.explain(e, ext === "docx" ? "Word-filen kunde inte skapas. Försök igen." :
        "Filen kunde inte skapas. Försök igen.")));
  }

  // What the workspace holds besides answers, in words: [drafts, plan parts].
  function extras() {
    const keys = Object.keys(ws().values);
    const docs = keys.filter((k) => k.startsWith("doc:")).length;
    const plan = keys.filter((k) => /^(plan|plan-dates|phase):/.test(k)).length;
    const other = keys.length - docs - plan;
    return [docs ? (docs === 1 ? "ett utkast till en mall" : docs + " utkast till mallar") : "",
      plan ? "er plan för tidslinjen (datum och var ni är)" : "",
      other ? "andra uppgifter som ni har sparat på webbplatsens sidor" : ""].filter(Boolean);
  }

  // The export as JSON. When the workspace holds more than answers (drafts,
  // the plan), the reader sees what and chooses: the answers only (for the
  // other party) or everything (a copy to keep or to move).
  function exportJson(button) {
    const more = extras(), t = tally(ws()), party = ws().party;
    const send = (answersOnly) => saved(shb.download(fileName("json", answersOnly || !more.length ? "" : "arbetsyta"),
      exportText(answersOnly), "application/json"));
    if (!more.length) return send(false);
    const items = Object.values(ws().registers || {}).reduce((n, list) => n + list.length, 0);
    ask(button, ["Filen får arbetsytans " + answered(t.ticked, t.notes) +
      (items ? (items === 1 ? " och en post i registren" : " och " + items + " poster i registren") : "") +
      (party ? ", med partens namn " + quote(party) : "") + ".",
      "Arbetsytan har också " + shb.kit.joined(more) + ". Det är era interna utkast: skickar ni filen till en " +
      "annan part, välj bara svaren. Välj allt för en kopia som ni själva sparar eller flyttar till en annan dator."])
      .then((choice) => {
        if (choice === true) send(true);
        else if (choice === "alt") send(false);
        else say(statusBox(), "Ingen fil är sparad.");
      });
  }

  // The panel's and the lists' buttons, by their data-shb-act.
  const actions = {
    switch(box) {
      const d = store.state(), id = byId("shb-ws-select").value;
      if (!own(d.workspaces, id) || id === d.active) return;
      shb.undo.retire(UNDO);
      d.active = id;
      changed();
      say(box, "Arbetsytan " + quote(ws().name) + " är öppen.");
    },
    new(box, button) {
      ask(button, [button.dataset.shbText], "").then((name) => {
        if (!name) return;
        shb.undo.retire(UNDO);
        const d = store.state();
        d.active = store.newId();
        d.workspaces[d.active] = store.workspace(name);
        changed();
        say(box, "Arbetsytan " + quote(name) + " är skapad och öppen.");
      });
    },
    rename(box, button) {
      ask(button, [], ws().name).then((name) => {
        if (!name) return;
        Object.assign(ws(), { name, updated: now() });
        changed();
        say(box, "Arbetsytan heter nu " + quote(name) + ".");
      });
    },
    clear(box, button) {
      const name = ws().name;
      risky(box, button, "Alla bockar och anteckningar i arbetsytan " + quote(name) +
        " tas bort. Arbetsytan finns kvar.", () => {
        Object.assign(ws(), { answers: {}, values: {}, registers: {}, updated: now() });
        return "Arbetsytan " + quote(name) + " är rensad.";
      });
    },
    delete(box, button) {
      const name = ws().name;
      risky(box, button, "Arbetsytan " + quote(name) + " och alla dess bockar och " +
        "anteckningar tas bort från den här webbläsaren.", () => {
        const d = store.state();
        delete d.workspaces[d.active];
        const ids = Object.keys(d.workspaces);
        if (ids.length) d.active = ids[0];
        else store.replace(store.fresh());
        return "Arbetsytan " + quote(name) + " är borttagen. " + quote(ws().name) + " är öppen.";
      });
    },
    "clear-list"(box, button) {
      const id = button.dataset.shbListId;
      risky(box, button, "Alla bockar och anteckningar i listan " + quote(W().listTitle(id)) +
        " tas bort från arbetsytan " + quote(ws().name) + ".", () => {
        all(W().QUESTIONS).forEach((li) => {
          if (W().listOf(li) === id) delete ws().answers[li.dataset.shbQ];
        });
        return "Listan är rensad.";
      });
    },
    json: (box, button) => exportJson(button),
    md: () => exportProtocol("md", (w, blocks) => w.markdown(blocks), "text/markdown"),
    // The protocol as Word (export.js, and the Word library, at the first press).
    docx: () => exportProtocol("docx", (w, blocks) => w.word(blocks, w.info("Anteckningar: " + ws().name)))
  };
  // A list's buttons report in the list's own status line, the panel's in the panel's.
  function act(name, button) {
    const list = button.closest(".shb-list-actions"), run = own(actions, name);
    if (run) run(list ? list.querySelector(".shb-list-status") : statusBox(), button);
  }

  // A change in the panel: a file to import, the party.
  function change(t) {
    if (t.id === "shb-ws-file") {
      importFile(t);
    } else if (t.id === "shb-ws-party") {
      Object.assign(ws(), { party: t.value.trim().slice(0, 80), updated: now() });
      changed();
      say(statusBox(), ws().party ? "Arbetsytan svarar nu för " + quote(ws().party) + "." : "Arbetsytan har ingen part.");
    }
  }

  store.subscribe(overview);
  shb.feature("panel", { mount: overview, exports: { ask, act, change, grouped, protocolBlocks, tally, exportText } });
})();
