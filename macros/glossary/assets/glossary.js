/* Glossary terms (marked by macros/glossary/focus.py as abbr.shb-term with
 * tabindex="0"). Material shows a term's definition on hover and on focus and
 * describes the term with it (aria-describedby); this adds what it lacks:
 * - Escape closes the definition without moving focus or the pointer
 *   (WCAG 1.4.13); it comes back the next time the term gets focus or hover;
 * - a tap or click on a term inside a question's label shows the definition
 *   and does not tick the question's box. */
(function () {
  "use strict";
  // Close (on) the open definitions, or let them show again.
  function close(on) {
    window.shb.kit.all(on ? ".md-tooltip2--active" : ".shb-tip-closed").forEach(function (tip) {
      tip.classList.toggle("shb-tip-closed", on);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(true);
  });
  // Focus moving, or the pointer coming onto a term, shows definitions again.
  document.addEventListener("focusin", function () { close(false); });
  document.addEventListener("mouseover", function (event) {
    if (event.target.closest && event.target.closest("abbr")) close(false);
  });
  document.addEventListener("click", function (event) {
    const term = event.target.closest && event.target.closest("abbr.shb-term");
    if (term && term.closest("label")) event.preventDefault();
  });
  // Listeners only: nothing to mount on each page.
  window.shb.feature("glossary", { exports: { close } });
})();
