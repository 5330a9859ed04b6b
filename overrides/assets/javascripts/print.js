/* Samverkanshandboken: printing worksheets, blank or with the reader's notes.
 *
 * - Handles the two buttons ("Skriv ut tomt", "Skriv ut med mina anteckningar")
 *   that the first toolbar of a page holds (macros/worksheets/templates/print_tools.html.j2).
 * - Before printing (our buttons or the browser's own print command) copies
 *   each note into a print-only element, as text, because a textarea clips
 *   on paper; marks inside links with their full address; stamps the date.
 * - Blank printing sets html.shb-print-blank; print.css then hides ticks and
 *   notes and shows ruled lines everywhere.
 *
 * It only reads the page: ticks and notes are stored by worksheets.js.
 * It registers as the feature "print"; shb.features.print.prepare(mode) lets
 * scripts/build/pdf.py do the same before Chromium prints a PDF.
 */
(function () {
  "use strict";

  const shb = window.shb;
  const html = document.documentElement;
  let requested = null; // the mode our buttons asked for
  let opened = []; // folded sections opened for printing

  const each = (selector, fn) => shb.kit.all(selector).forEach(fn);
  /* Links inside the handbook print as full addresses under site_url (links
     may already be absolute: Material's instant loading rewrites them);
     outside links print their href from print.css unless the link text
     already is the address. Links within the page print no address. */
  function markLinks() {
    // The site's root, here and under site_url (the print footer holds the
    // page's public address). Material writes the relative path to the root
    // into #__config as "base".
    const config = document.getElementById("__config");
    const base = ((config && JSON.parse(config.textContent).base) || ".").replace(/\/?$/, "/");
    const footer = document.querySelector("[data-shb-print-address]");
    // Without a real site address (none in the footer), links within the
    // handbook print no address: the one in the browser may be a test server.
    const known = footer && footer.dataset.shbPrintAddress, address = known || location.href;
    const here = location.href.split("#")[0], local = new URL(base, here).href, site = new URL(base, address).href;
    each(".md-content a[href]", (a) => {
      const raw = a.getAttribute("href"), url = a.href;
      if (!raw) return;
      if ((url.split("#")[0] === here && url.includes("#")) || a.matches(".headerlink, .footnote-ref") ||
          a.closest(".shb-toolbar, .shb-print-only, .footnote")) {
        a.classList.add("shb-print-no-href");
      } else if (url.startsWith(local)) {
        if (known) a.setAttribute("data-shb-print-href", site + url.slice(local.length));
        else a.classList.add("shb-print-no-href");
      } else if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
        a.setAttribute("data-shb-print-href", new URL(raw, address).href);
      } else if (a.textContent.trim() === raw) {
        a.classList.add("shb-print-no-href");
      }
    });
  }

  function prepare(mode) {
    const date = shb.kit.today(); // YYYY-MM-DD
    html.classList.toggle("shb-print-blank", mode === "blank");
    // A textarea clips on paper: copy each note into a print-only element,
    // made from the template beside the print buttons (print_tools.html.j2).
    each(".shb-q__note-field", (field) => {
      const area = field.querySelector("textarea");
      if (!area) return;
      if (!field.querySelector(".shb-print-note")) field.append(document.getElementById("shb-print-note").content.cloneNode(true));
      const out = field.querySelector(".shb-print-note__text");
      out.textContent = area.value.trim() ? area.value.trimEnd() : "";
      field.classList.toggle("shb-print-has-note", !!out.textContent);
    });
    markLinks();
    each("time[data-shb-print-date]", (time) => { time.textContent = time.dateTime = date; });
    each("[data-shb-print-date-label]", (label) => { label.textContent = "Utskriven"; });
    // Folded sections print open; they fold again afterwards.
    each(".md-content details:not([open])", (details) => {
      details.open = true;
      opened.push(details);
    });
  }

  function reset() {
    html.classList.remove("shb-print-blank");
    opened.forEach((details) => { details.open = false; });
    opened = [];
    requested = null;
  }

  // Listeners are attached once, to document: the buttons come with each page.
  function print(button) {
    requested = button.dataset.shbPrint;
    prepare(requested);
    window.print();
  }
  shb.actions("data-shb-print", { blank: print, notes: print });

  window.addEventListener("beforeprint", () => prepare(requested || "notes"));
  window.addEventListener("afterprint", reset);

  // Mounted on the current page at once, then on each new one.
  shb.feature("print", { mount: markLinks, exports: { prepare, reset } });
})();
