/* Samverkanshandboken: printing worksheets, blank or with the reader's notes.
 *
 * - Adds two buttons ("Skriv ut tomt", "Skriv ut med mina anteckningar") to
 *   the first worksheet toolbar of a page.
 * - Before printing (our buttons or the browser's own print command) copies
 *   each note into a print-only element, as text, because a textarea clips
 *   on paper; marks inside links with their full address; stamps the date.
 * - Blank printing sets html.shb-print-blank; print.css then hides ticks and
 *   notes and shows ruled lines everywhere.
 *
 * It only reads the page: ticks and notes are stored by worksheets.js.
 * window.shbPrint.prepare(mode) lets scripts/pdf.py do the same before
 * Chromium prints a PDF.
 */
(function () {
  "use strict";

  var BLANK_CLASS = "shb-print-blank";
  var HAS_NOTE_CLASS = "shb-print-has-note";
  var requestedMode = null;
  var openedDetails = [];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* The page's public address (from site_url), else where it was opened. */
  function pageAddress() {
    var footer = document.querySelector("[data-shb-print-address]");
    var address = footer && footer.getAttribute("data-shb-print-address");
    return address || window.location.href;
  }

  function stampDate() {
    var date = today();
    document.querySelectorAll("time[data-shb-print-date]").forEach(function (el) {
      el.textContent = date;
      el.setAttribute("datetime", date);
    });
    document.querySelectorAll("[data-shb-print-date-label]").forEach(function (el) {
      el.textContent = "Utskriven";
    });
  }

  /* The site's root where the page was opened, and under site_url. Material
     writes the relative path to the root into #__config as "base". */
  function siteRoots() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = (config && JSON.parse(config.textContent).base) || ".";
    } catch (error) {
      base = ".";
    }
    try {
      return {
        local: new URL(base.replace(/\/?$/, "/"), window.location.href).href,
        public: new URL(base.replace(/\/?$/, "/"), pageAddress()).href,
      };
    } catch (error) {
      return null;
    }
  }

  function samePage(url) {
    var here = window.location.href.split("#")[0];
    return url.split("#")[0] === here && url.indexOf("#") !== -1;
  }

  /* Links inside the handbook print as full addresses under site_url (links
     may already be absolute: Material's instant loading rewrites them);
     outside links print their href from print.css unless the link text
     already is the address. Links within the page print no address. */
  function markLinks() {
    var roots = siteRoots();
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      var raw = a.getAttribute("href");
      if (!raw) return;
      if (raw.charAt(0) === "#" || samePage(a.href) ||
          a.closest(".shb-toolbar, .shb-print-only, .footnote") ||
          a.classList.contains("headerlink") || a.classList.contains("footnote-ref")) {
        a.classList.add("shb-print-no-href");
        return;
      }
      var resolved = a.href;
      if (roots && resolved.indexOf(roots.local) === 0) {
        a.setAttribute("data-shb-print-href", roots.public + resolved.slice(roots.local.length));
        return;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
        if (a.textContent.trim() === raw) a.classList.add("shb-print-no-href");
        return;
      }
      try {
        a.setAttribute("data-shb-print-href", new URL(raw, pageAddress()).href);
      } catch (error) {
        /* not a usable address: print the link text only */
      }
    });
  }

  /* A textarea clips on paper: copy each note into a print-only element. */
  function copyNotes() {
    document.querySelectorAll(".shb-q__note-field").forEach(function (field) {
      var area = field.querySelector("textarea");
      if (!area) return;
      var out = field.querySelector(".shb-print-note");
      if (!out) {
        out = document.createElement("div");
        out.className = "shb-print-note";
        var label = document.createElement("p");
        label.className = "shb-print-note__label";
        label.textContent = "Anteckningar";
        var text = document.createElement("p");
        text.className = "shb-print-note__text";
        out.appendChild(label);
        out.appendChild(text);
        field.appendChild(out);
      }
      var note = area.value.trim() ? area.value.replace(/\s+$/, "") : "";
      out.querySelector(".shb-print-note__text").textContent = note;
      field.classList.toggle(HAS_NOTE_CLASS, note !== "");
    });
  }

  /* Folded sections print open; they fold again afterwards. */
  function openDetails() {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (el) {
      el.open = true;
      openedDetails.push(el);
    });
  }

  function prepare(mode) {
    var blank = mode === "blank";
    document.documentElement.classList.toggle(BLANK_CLASS, blank);
    copyNotes();
    markLinks();
    stampDate();
    openDetails();
    return blank ? "blank" : "notes";
  }

  function reset() {
    document.documentElement.classList.remove(BLANK_CLASS);
    openedDetails.forEach(function (el) {
      el.open = false;
    });
    openedDetails = [];
    requestedMode = null;
  }

  function printAs(mode) {
    requestedMode = mode;
    prepare(mode);
    window.print();
  }

  function button(text, mode) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = "shb-print-tools__button";
    el.setAttribute("data-shb-print", mode);
    el.textContent = text;
    el.addEventListener("click", function () {
      printAs(mode);
    });
    return el;
  }

  function mount() {
    var toolbar = document.querySelector(".md-content .shb-toolbar");
    if (toolbar && !toolbar.querySelector(".shb-print-tools")) {
      var tools = document.createElement("div");
      tools.className = "shb-print-tools";
      tools.setAttribute("role", "group");
      tools.setAttribute("aria-label", "Skriv ut");
      tools.appendChild(button("Skriv ut tomt", "blank"));
      tools.appendChild(button("Skriv ut med mina anteckningar", "notes"));
      toolbar.insertBefore(tools, toolbar.querySelector(".shb-pdf"));
    }
    markLinks();
  }

  window.addEventListener("beforeprint", function () {
    prepare(requestedMode || "notes");
  });
  window.addEventListener("afterprint", reset);

  window.shbPrint = { prepare: prepare, reset: reset };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
