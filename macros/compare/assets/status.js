/* Samverkanshandboken: where the whole process stands, on Mina anteckningar.
 *
 * The kernel (shb.js) loads this script on the page that has [data-shb-status]
 * (macros/compare/templates/status.html.j2). The page lists every process
 * step by step with its question ids; this script counts the active
 * workspace's ticks (shb.store.answers) and writes each step's status
 * in words: "Inte påbörjad" (nothing ticked or noted), "Pågår" or "Klart"
 * (every question ticked). The step saved as phase:<process id> (the
 * timeline's "Vi är här") gets that mark. It redraws when the workspace
 * changes (another workspace, an import, another tab) or its answers do.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, quote } = shb.kit;
  const STATES = { todo: "Inte påbörjad", doing: "Pågår", done: "Klart" };

  const of = (n, m) => n + " av " + m + (m === 1 ? " fråga" : " frågor");

  // {state, done, total} for a set of question ids.
  function status(ids, answers) {
    const got = ids.map((id) => own(answers, id) || null);
    const done = got.filter((a) => a && a.checked).length;
    const state = done === ids.length ? "done" : got.some((a) => a && (a.checked || a.note.trim())) ? "doing" : "todo";
    return { state, done, total: ids.length };
  }

  function render() {
    const root = document.querySelector("[data-shb-status]");
    if (!root) return;
    const answers = store.answers();
    root.querySelectorAll("[data-shb-process]").forEach((section) => {
      const here = store.get("phase:" + section.dataset.shbProcess);
      const all = [];
      section.querySelectorAll("[data-shb-task]").forEach((li) => {
        const ids = li.dataset.shbTask.split(" ").filter(Boolean), s = status(ids, answers);
        all.push(...ids);
        li.dataset.shbState = ids.length ? s.state : "";
        li.querySelector(".shb-task__state").textContent = ids.length ? STATES[s.state] : "Inga frågor";
        li.querySelector(".shb-task__count").textContent = ids.length ? of(s.done, s.total) : "";
        li.querySelector(".shb-task__here").hidden = here !== li.dataset.shbStep;
      });
      const s = status(all, answers);
      section.querySelector("[data-shb-status-summary]").textContent =
        STATES[s.state] + ": " + of(s.done, s.total) + " bockade i arbetsytan " + quote(store.workspaceName()) + ".";
    });
  }

  store.subscribe(() => render());
  shb.feature("status", { mount: () => render(), exports: { status, render } });
})();
