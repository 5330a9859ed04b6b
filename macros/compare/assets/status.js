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
 * Above the lists, "Sparat i arbetsytan" (renderSaved): the party, the
 * planned dates (plan:<process id>, plan-dates:<process id>, from the
 * timeline's planner) and the templates' drafts (doc:<template id>).
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, quote, el, longDate, joined } = shb.kit;
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

  // ---- Sparat i arbetsytan ----------------------------------------------------

  function names() {
    const node = document.getElementById("shb-saved-names");
    return node ? JSON.parse(node.textContent) : { processes: [], documents: [] };
  }

  // A process's planned dates in words, or null when none are planned.
  function planLine(p) {
    const plan = store.get("plan:" + p.id) || {}, dates = store.get("plan-dates:" + p.id) || {};
    const start = longDate(plan.start), target = longDate(plan.target);
    const marks = Object.keys(dates).filter((id) => own(p.milestones, id) && longDate(dates[id]))
      .sort((a, b) => dates[a] < dates[b] ? -1 : 1)
      .map((id) => p.milestones[id] + " " + longDate(dates[id]));
    if (!start && !target && !marks.length) return null;
    const parts = [start && "start " + start, target && "mål " + target].filter(Boolean);
    return el("li", {}, [el("a", { href: p.url }, [p.title]), ": " +
      (parts.length ? parts.join(", ") + "." : "") + (marks.length ? (parts.length ? " " : "") + "Milstolpar: " + joined(marks) + "." : "")]);
  }

  function renderSaved() {
    const root = document.querySelector("[data-shb-saved]");
    if (!root) return;
    const n = names(), party = store.party().trim();
    root.querySelector("[data-shb-saved-party]").textContent = party ? "Part som svarar: " + party + "." :
      "Ingen part är angiven. Skriv den i rutan Arbetsyta om svaren ska jämföras med andra parters.";
    const plans = n.processes.map(planLine).filter(Boolean);
    root.querySelector("[data-shb-saved-plans]").replaceChildren(...(plans.length ? plans :
      [el("li", {}, ["Inga datum är planerade. Startdatum och mål skriver ni in vid tidslinjen."])]));
    const docs = n.documents.filter((d) => store.get("doc:" + d.id) !== undefined)
      .map((d) => el("li", {}, [el("a", { href: d.url }, [d.title])]));
    root.querySelector("[data-shb-saved-docs]").replaceChildren(...(docs.length ? docs :
      [el("li", {}, ["Inga mallar är ifyllda ännu."])]));
  }

  store.subscribe(() => { render(); renderSaved(); });
  shb.feature("status", { mount: () => { render(); renderSaved(); }, exports: { status, render, renderSaved } });
})();
