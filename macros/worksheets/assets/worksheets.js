/* Samverkanshandboken: interactive worksheets and the workspace panel.
 *
 * The kernel (shb.js) loads this script on a page with questions or the
 * workspace panel (macros/worksheets/templates/). It binds each question's
 * tick and note to the active workspace (shb.store), counts progress, fills
 * the panel (workspaces, party, export, import) and the notes overview on
 * Mina anteckningar. Nothing moves when it runs: the markup arrives with the
 * page; this only fills in values, as text.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, byId, all, el, quote, now, today, slug } = shb.kit;
  const UNDO = "worksheets";

  const count = (n, m) => n + " av " + m + (m === 1 ? " fråga besvarad" : " frågor besvarade");
  const answered = (n, notes) => n + " besvarade frågor och " + notes + " anteckningar";
  const ws = store.active;
  const statusBox = () => byId("shb-ws-status");

  // ---- the page -----------------------------------------------------------

  const QUESTIONS = "li.shb-q[data-shb-q]";
  const listOf = (li) => { const ul = li.closest("[data-shb-list]"); return ul ? ul.dataset.shbList : ""; };
  function listTitle(listId) {
    const tools = document.querySelector('[data-shb-list-tools="' + listId + '"]');
    return tools ? tools.dataset.shbTitle : listId;
  }

  // Copy one question's tick and note from the page into the workspace.
  function record(li) {
    const id = li.dataset.shbQ, w = ws(), t = now();
    shb.undo.retire(UNDO);
    const a = {
      checked: li.querySelector(".shb-q__check").checked, note: li.querySelector(".shb-q__note").value, updated: t,
      text: li.querySelector(".shb-q__text").textContent.trim(), list: listTitle(listOf(li)), page: shb.sitePath()
    };
    if (!a.checked && !a.note.trim()) delete w.answers[id];
    else w.answers[id] = a;
    w.updated = t;
  }

  function restore() {
    const w = ws();
    all(QUESTIONS).forEach((li) => {
      const a = own(w.answers, li.dataset.shbQ), note = li.querySelector(".shb-q__note");
      li.querySelector(".shb-q__check").checked = !!(a && a.checked);
      if (note !== document.activeElement) note.value = a ? a.note : "";
    });
    progress();
    panel();
    overview();
  }

  function progress() {
    const lists = {}, page = [0, 0];
    all("[data-shb-list] " + QUESTIONS).forEach((li) => {
      const c = lists[listOf(li)] || (lists[listOf(li)] = [0, 0]);
      const done = li.querySelector(".shb-q__check:checked") ? 1 : 0;
      c[0] += done; c[1]++;
      page[0] += done; page[1]++;
    });
    all("[data-shb-progress]").forEach((p) => {
      const c = own(lists, p.dataset.shbProgress);
      if (c) p.textContent = count(c[0], c[1]);
    });
    // The whole page's count, shown when the page has more than one list.
    const total = byId("shb-page-progress");
    if (total) {
      total.hidden = Object.keys(lists).length < 2;
      total.textContent = "Hela sidan: " + count(page[0], page[1]);
    }
  }

  // The workspace panel (workspace_panel.html.j2): the workspace's name and
  // the list to switch between them.
  function panel() {
    const name = byId("shb-ws-name");
    if (!name) return;
    const d = store.state();
    name.textContent = ws().name;
    const party = byId("shb-ws-party");
    if (party !== document.activeElement) party.value = ws().party;
    byId("shb-ws-select").replaceChildren(...Object.keys(d.workspaces).map((id) => {
      const o = el("option", { value: id }, [d.workspaces[id].name]);
      o.selected = id === d.active;
      return o;
    }));
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
    const w = ws(), r = grouped(w, questionIndex()), t = store.tally(w);
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
    shb.ask(button, [line]).then((ok) => {
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
  // import (the rest of the file is read in; shb.store.check leaves them out).
  function rejectedLines(d) {
    const r = d.rejected || [];
    return r.slice(0, 5).concat(r.length > 5 ? ["Och " + (r.length - 5) + " poster till med fel form, som inte heller är med."] : []);
  }

  function importFile(input) {
    const file = input.files && input.files[0], name = file ? quote(file.name) : "";
    input.value = "";
    if (!file) return;
    if (file.size > store.MAX_IMPORT) return error(store.tooLarge(file) + " Ingenting har ändrats.");
    file.text().then((text) => {
      const d = store.readExport(text, name), current = store.state();
      // A file of answers only (exported for the other party): a workspace
      // already here keeps its drafts and plan.
      const answersOnly = own(JSON.parse(text), "only") === "answers";
      const lines = rejectedLines(d).concat(Object.keys(d.workspaces).map((id) => {
        const inc = d.workspaces[id], cur = own(current.workspaces, id), t = store.tally(inc);
        const after = answered(t.ticked, t.notes);
        if (!cur) return "Arbetsytan " + quote(inc.name) + " läggs till, med " + after + ".";
        if (answersOnly) inc.values = cur.values;
        const c = store.tally(cur);
        return "Arbetsytan " + quote(cur.name) + " finns redan och ersätts. Nu: " + answered(c.ticked, c.notes) +
          ". Efter inläsningen: " + after + " (" + differing(cur, inc) + " frågor ändras)" +
          (cur.name !== inc.name ? ", och den byter namn till " + quote(inc.name) : "") + "." +
          (answersOnly && Object.keys(cur.values).length ? " Utkasten och planen i arbetsytan finns kvar." : "");
      }));
      return shb.ask(input, lines).then((ok) => {
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
    const more = extras(), t = store.tally(ws()), party = ws().party;
    const send = (answersOnly) => saved(shb.download(fileName("json", answersOnly || !more.length ? "" : "arbetsyta"),
      store.exportText(answersOnly), "application/json"));
    if (!more.length) return send(false);
    const items = Object.values(ws().registers || {}).reduce((n, list) => n + list.length, 0);
    shb.ask(button, ["Filen får arbetsytans " + answered(t.ticked, t.notes) +
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
      shb.ask(button, [button.dataset.shbText], "").then((name) => {
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
      shb.ask(button, [], ws().name).then((name) => {
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
      risky(box, button, "Alla bockar och anteckningar i listan " + quote(listTitle(id)) +
        " tas bort från arbetsytan " + quote(ws().name) + ".", () => {
        all(QUESTIONS).forEach((li) => {
          if (listOf(li) === id) delete ws().answers[li.dataset.shbQ];
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
  shb.actions("data-shb-act", Object.fromEntries(Object.entries(actions).map(([name, act]) => [name, (button) => {
    const list = button.closest(".shb-list-actions");
    act(list ? list.querySelector(".shb-list-status") : statusBox(), button);
  }])));

  // ---- listeners, attached once -------------------------------------------

  const question = (target) => target.closest && target.closest(QUESTIONS);
  document.addEventListener("change", (e) => {
    const t = e.target, li = question(t);
    if (li && t.matches(".shb-q__check, .shb-q__note")) {
      record(li);
      store.save();
      progress();
    } else if (t.id === "shb-ws-file") {
      importFile(t);
    } else if (t.id === "shb-ws-party") {
      Object.assign(ws(), { party: t.value.trim().slice(0, 80), updated: now() });
      changed();
      say(statusBox(), ws().party ? "Arbetsytan svarar nu för " + quote(ws().party) + "." : "Arbetsytan har ingen part.");
    }
  });
  document.addEventListener("input", (e) => {
    const li = question(e.target);
    if (li && e.target.matches(".shb-q__note")) {
      record(li);
      store.saveSoon();
    }
  });

  // Another workspace, an import, an undo, another tab: show it. A note still
  // being typed here is kept (its save is waiting and would otherwise
  // overwrite the other tab's state with the old one).
  store.subscribe(() => {
    const li = store.pending() && question(document.activeElement);
    if (li) record(li);
    restore();
  });

  shb.feature("worksheets", { mount: restore, exports: { grouped, protocolBlocks } });
})();
