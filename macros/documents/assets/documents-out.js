/* Samverkanshandboken: a template taken out of its page ("Mallar"): the
 * Word file, the copy and "Fyll i med exempel".
 *
 * documents.js loads this script at the first press of one of those buttons
 * (or when the build asks for the blank Word file), so that a template's
 * first view carries only what fills and saves the form. It registers as
 * the feature "documents-out" and works on documents.js's page
 * (shb.features.documents.page).
 *
 * model() reads the document on the page into the document model's blocks;
 * the writers (export.js, through shb.doc()) make the Word file or the
 * clipboard's text from them. Every value reaches the page through textContent.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, all, text, slug, today } = shb.kit;
  const { UNDO, saved, save, fields, refresh, opted, statusBox } = shb.features.documents.page;

  // ---- the document as blocks ------------------------------------------------

  // The document model's blocks (export.js) from the paper on the page; with
  // blank, every slot is read as empty (a line to fill in).
  function model(root, blank) {
    const paper = root.querySelector("[data-shb-doc-paper]");
    const empty = (slot) => blank || slot.classList.contains("shb-doc__slot--empty") || !slot.textContent.trim();
    function runs(node) {
      const out = [];
      node.childNodes.forEach((n) => {
        if (n.nodeType === 3) out.push({ text: n.textContent });
        else if (n.dataset && "shbSlot" in n.dataset) out.push(empty(n) ? { blank: true } : { text: n.textContent });
        else if (n.nodeType === 1) out.push(...runs(n));
      });
      return out;
    }
    const items = (ul) => all(":scope > li", ul).map(runs);
    const blocks = [];
    [...paper.children].forEach((node) => {
      if (node.hidden) return;
      const tag = node.tagName.toLowerCase(), cls = node.classList;
      if (cls.contains("shb-doc__header")) blocks.push({ type: "header", text: node.textContent.trim() });
      else if (cls.contains("shb-doc__title")) blocks.push({ type: "title", runs: runs(node) });
      else if (/^h[2-6]$/.test(tag)) blocks.push({ type: "heading", runs: runs(node) });
      else if (tag === "p") blocks.push({ type: "paragraph", runs: runs(node) });
      else if (tag === "ul") blocks.push({ type: "list", items: items(node) });
      else if (cls.contains("shb-doc__questions")) {
        blocks.push({ type: "questions", title: node.querySelector("p").textContent.trim(), items: items(node.querySelector("ul")) });
      } else if (tag === "table") {
        blocks.push({ type: "table", head: all("thead th", node).map((th) => th.textContent.trim()),
          rows: all("tbody tr", node).map((tr) => all("[data-shb-slot]", tr).map((s) => empty(s) ? "" : s.textContent)) });
      } else if (node.dataset && "shbSlot" in node.dataset) {
        blocks.push({ type: "text", lines: empty(node) ? [] : node.textContent.split(/\r?\n/) });
      }
    });
    return blocks;
  }

  // What the Word file says of itself: the template's title and its author,
  // the workspace's party; the handbook's name (data-shb-site, data-shb-org)
  // only when the reader asked for the header line.
  const infoOf = (w, root) => opted(root, "header")
    ? w.info(root.dataset.shbDocTitle, text(root.dataset.shbSite), text(root.dataset.shbOrg))
    : { organisation: text(store.party()), title: root.dataset.shbDocTitle, description: root.dataset.shbDocTitle, header: "" };
  // The template as a Word file (a Blob), filled in or blank.
  const wordOf = (root, blank) => shb.doc().then((w) => w.word(model(root, blank), infoOf(w, root)));
  const docxName = (root) => slug(root.dataset.shbDocTitle, "dokument") + "-" + today() + ".docx";

  // ---- the buttons -------------------------------------------------------------

  const status = (root, message) => statusBox(root).replaceChildren(message);

  const actions = {
    docx(root) {
      status(root, "Word-filen görs i ordning …");
      wordOf(root)
        .then((blob) => status(root, shb.savedMessage(shb.download(docxName(root), blob))))
        .catch((e) => status(root, shb.explain(e, "Word-filen kunde inte skapas. Försök igen, eller kopiera texten i stället.")));
    },
    copy(root) {
      shb.doc().then((w) => w.copy(model(root)))
        .then(() => status(root, "Texten är kopierad. Klistra in den i ett mejl eller ett dokument."))
        .catch((e) => status(root, shb.explain(e, "Texten kunde inte kopieras. Markera texten i förhandsvisningen och kopiera den själva.")));
    },
    // "Fyll i med exempel": the invented case in every field, marked as an
    // example in the document; asks first if the reader has written anything.
    example(root, button) {
      const before = saved(root);
      const written = fields(root).some((input) => {
        const v = own(before, input.dataset.shbField);
        return Array.isArray(v) ? v.flat().some((c) => text(c)) : !!text(v);
      });
      const go = written
        ? shb.ask(button, ["Det ni har skrivit i fälten byts ut mot exemplet. Ni kan ångra det efteråt."])
        : Promise.resolve(true);
      // The invented cases come from the build's documents-examples.js (a failed load is told by shb.need).
      return Promise.all([go, shb.need("documents-examples.js")]).then(([ok]) => {
        if (!ok) return;
        save(root, Object.assign(shb.kit.clone(shb.features["documents-examples"][root.dataset.shbDoc]), { _example: true }));
        refresh(root);
        shb.undo.offer(UNDO, statusBox(root), "Exemplet är ifyllt. Töm fälten när ni vill skriva ert eget.", () => {
          save(root, before);
          refresh(root);
          return "Det ni hade skrivit är tillbaka.";
        });
      }, () => {});
    }
  };

  shb.feature("documents-out", {
    exports: {
      ...actions,
      // The page's template as an empty Word file, base64-encoded.
      blank: (root) => shb.doc().then((w) => wordOf(root, true).then(w.base64))
    }
  });
})();
