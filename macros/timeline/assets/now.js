/* Samverkanshandboken: "Var är vi nu?" in one sentence
 * (macros/timeline/templates/timeline_now.html.j2), filled from the step the
 * reader marked "Vi är här" in the timeline (phase:<process id> in the active
 * workspace, saved by timeline.js).
 *
 * Apart from timeline.js so that a page with only this line (the start page)
 * loads these few lines and not the whole timeline; the kernel loads it where
 * the page has [data-shb-tl-now]. timeline.js calls refresh() after a marking.
 * Text from the page reaches the DOM through textContent, never HTML.
 */
(function () {
  "use strict";

  const shb = window.shb;
  const { all, el } = shb.kit;

  function fill(root) {
    const pid = root.dataset.shbTlNow, one = root.dataset.shbOne, href = root.dataset.shbHref;
    const steps = JSON.parse(root.dataset.shbSteps); // [[id, title, anchor], ...]
    const index = steps.findIndex((s) => s[0] === shb.store.get("phase:" + pid));
    const step = steps[index];
    root.querySelector("[data-shb-tl-now-text]").replaceChildren(...(step
      ? ["Ni är här: ", el("strong", {}, [step[1]]), " (" + one + " " + (index + 1) + " av " + steps.length + "). ",
        el("a", { href: href + "#" + step[2] }, ["Se " + one + "en i tidslinjen"])]
      : ["Ni har inte markerat någon " + one + " än. ",
        el("a", { href: href + "#tl-" + pid }, ["Markera " + one + "en i tidslinjen"])]));
    const clear = root.querySelector("[data-shb-tl-clear]");
    if (clear) clear.hidden = !step;
    root.hidden = false;
  }

  const refresh = () => all("[data-shb-tl-now]").forEach(fill);
  // Another workspace, an import, an undo or another tab.
  shb.store.subscribe(refresh);
  shb.feature("now", { mount: refresh, exports: { refresh } });
})();
