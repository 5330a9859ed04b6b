/* Samverkanshandboken: the reader is told once, in a status line below the
 * page, that the handbook can now be read without a network. The kernel
 * (shb.js, "reading without a network") loads this file when the service
 * worker is ready and this browser has not been told yet; nothing of it is
 * on a page's first view.
 */
(function () {
  "use strict";

  const { kit, config } = window.shb;
  const TOLD = "shb:offline-ready:" + config().scope;
  try {
    if (localStorage.getItem(TOLD)) return;
    localStorage.setItem(TOLD, kit.now());
  } catch (e) {
    return; // no storage: rather never than on every page
  }
  const line = kit.el("p", { class: "shb-offline-ready", role: "status" });
  (document.querySelector("article.md-content__inner") || document.body).append(line);
  // A live region announces a change.
  setTimeout(() => {
    line.textContent = "Handboken är nu sparad i den här webbläsaren. " +
      "Sidorna, arbetsbladen, mallarna och Jämför svar fungerar även utan internet.";
  }, 100);
})();
