/* Samverkanshandboken: timelines, "Var är vi nu?", the date planner and the
 * involvement ladder.
 *
 * The kernel (shb.js) loads this script the first time a page has one of
 * them, and it registers as the feature "timeline", which mounts through
 * Material's document$ (which replays the current page to a late
 * subscriber), so it follows instant navigation. Listeners are attached
 * once, to document; each page is only refreshed.
 *
 * The pages carry everything that can be worked out at build time (see
 * macros/timeline/placement.py): each step's offsets from the start of the process as
 * "<months>:<days>", and each milestone's place in its step as a fraction.
 * This script only adds those offsets to the reader's dates, writes dates
 * and the .ics file, and saves three kinds of choice in the active workspace
 * through shb.store (which also tells the reader when the browser does not
 * let it save):
 *   phase:<process id>  the step marked "Vi är här"
 *   plan:<process id>   {start, target} as ISO dates
 *   plan-dates:<process id>  {milestone id: ISO date}, for the templates
 *   ladder:level        the chosen level of the involvement ladder
 *
 * All text from the page reaches the DOM through textContent, never HTML.
 * The pure functions are exposed as shb.features.timeline for the tests.
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { all, el, longDate } = shb.kit;

  /* ---------- Calendar maths on ISO dates ("YYYY-MM-DD"), in UTC days ---------- */

  const DAY = 864e5;

  // Days since 1970-01-01. A month (0-11) or a day past the end carries over
  // into the next year or month, as in Date. setUTCFullYear, unlike Date.UTC,
  // takes the years 0-99 as they are.
  const dayOf = (y, m, d) => new Date(0).setUTCFullYear(y, m, d) / DAY;
  const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

  /* {y, m, d} for a valid ISO date, otherwise null. */
  function parseISO(text) {
    const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
    if (!match) return null;
    const [y, m, d] = match.slice(1).map(Number);
    // A day that does not exist (2027-02-29) carries over into another date.
    return y > 0 && isoOf(dayOf(y, m - 1, d)) === text ? { y, m, d } : null;
  }

  function parts(text) {
    const p = parseISO(text);
    if (!p) throw new RangeError("not a date: " + text);
    return p;
  }

  const dayNumber = (text) => { const p = parts(text); return dayOf(p.y, p.m - 1, p.d); };
  const addDays = (text, n) => isoOf(dayNumber(text) + n);
  const daysBetween = (a, b) => dayNumber(b) - dayNumber(a);

  /* Calendar months: the day of month stays, or becomes the month's last day
   * when the month is shorter (31 Jan + 1 month = 28 or 29 Feb). Day 0 of
   * the month after is the last day of the month. */
  function addMonths(text, n) {
    const p = parts(text);
    return isoOf(Math.min(dayOf(p.y, p.m - 1 + n, p.d), dayOf(p.y, p.m + n, 0)));
  }

  /* An offset from the data: whole months first, then days. */
  const addOffset = (text, offset) => addDays(addMonths(text, offset.months), offset.days);

  // In words ("3 mars 2027"), or "" when it is not a valid date.
  const formatDate = (text) => parseISO(text) ? longDate(text) : "";

  /* Dates for every step and milestone.
   * steps: [{id, from: {months, days}, to: {...} or null, milestones: [{id, at}]}]
   * A step without an end (open-ended or yearly) has to: null and end: null.
   * With a target (an ISO date for the milestone targetId), the steps up to
   * and including the target's step are stretched or shrunk by one factor so
   * that the milestone falls on the target; later steps keep their typical
   * length, counted from the end of the target's step.
   * Returns {steps: [{id, start, end, milestones: [{id, date}]}], scale} or
   * {error: "target-before-start" | "unknown-target"}. */
  function schedule(steps, start, target, targetId) {
    const place = (from, to, at) => addDays(from, Math.round(at * daysBetween(from, to)));
    const typical = steps.map((s) => [s.from, s.to].map((o) => o && addOffset(start, o)));
    let scale = 1, ti = -1, mi = -1;
    if (target) {
      steps.forEach((s, i) => s.milestones.forEach((m, j) => {
        if (m.id === targetId) { ti = i; mi = j; }
      }));
      if (ti < 0) return { error: "unknown-target" };
      const wanted = daysBetween(start, target);
      const usual = daysBetween(start, place(...typical[ti], steps[ti].milestones[mi].at));
      if (wanted <= 0 || usual <= 0) return { error: "target-before-start" };
      scale = wanted / usual;
    }
    const out = [];
    steps.forEach((s, i) => {
      let dates;
      if (ti < 0 || i <= ti) {
        dates = typical[i].map((day) => day && addDays(start, Math.round(scale * daysBetween(start, day))));
      } else {
        // After the target's step: typical lengths, counted from its end.
        const last = steps[ti].to;
        dates = [s.from, s.to].map((o) => o &&
          addOffset(out[ti].end, { months: o.months - last.months, days: o.days - last.days }));
      }
      const [begin, end] = dates;
      out.push({
        id: s.id, start: begin, end,
        milestones: s.milestones.map((m, j) =>
          ({ id: m.id, date: i === ti && j === mi ? target : place(begin, end, m.at) }))
      });
    });
    return { steps: out, scale };
  }

  /* ---------- iCalendar (RFC 5545) ---------- */

  const icsEscape = (text) => String(text || "").replace(/[\\;,]/g, "\\$&").replace(/\r\n?|\n/g, "\\n");

  /* Fold a content line at 75 octets; never inside a UTF-8 character.
   * Continuation lines start with one space, which counts toward the 75. */
  const utf8 = new TextEncoder();
  function foldLine(line) {
    const out = [];
    let current = "", size = 0;
    for (const ch of line) {
      const n = utf8.encode(ch).length;
      if (size + n > 75) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    }
    return out.concat(current).join("\r\n");
  }

  /* Text written for the page, as a calendar shows it: the source's line
   * breaks inside a paragraph become spaces, paragraphs stay apart. */
  const sentences = (text) => String(text || "").split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean).join("\n\n");

  /* A calendar of whole-day events: [{uid, start, end, summary, description, url, rrule}];
   * rrule is a FREQ such as "YEARLY" for an event that repeats. `maker` is
   * the product that wrote it (the site's name, from the brand). */
  function buildIcs(name, events, maker) {
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    const date = (iso) => ";VALUE=DATE:" + iso.replace(/-/g, "");
    const product = String(maker || "").replace(/[/\r\n]+/g, " ").trim() || "Handboken";
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + product + "//Tidslinje//SV",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsEscape(name)];
    events.forEach((e) => lines.push("BEGIN:VEVENT",
      "UID:" + e.uid,
      "DTSTAMP:" + stamp,
      "DTSTART" + date(e.start),
      "DTEND" + date(e.end),
      "SUMMARY:" + icsEscape(e.summary),
      "DESCRIPTION:" + icsEscape(e.description),
      "URL:" + e.url,
      "TRANSP:TRANSPARENT",
      ...(e.rrule ? ["RRULE:FREQ=" + e.rrule] : []),
      "END:VEVENT"));
    lines.push("END:VCALENDAR");
    return lines.map(foldLine).join("\r\n") + "\r\n";
  }

  /* ---------- Storage and the DOM ---------- */

  const load = (key) => store.get(key);
  /* null removes the value. */
  const save = (key, value) => store.set(key, value === null ? undefined : value);

  const find = (root, selector) => root.querySelector(selector);

  function setText(node, text) {
    node.textContent = text;
    node.hidden = !text;
  }

  /* ---------- The timeline's "Vi är här" ---------- */

  function refreshTimeline(root) {
    const current = load("phase:" + root.dataset.shbTimeline);
    all("[data-shb-tl-step]", root).forEach((item) => {
      const on = item.dataset.shbTlStep === current;
      const button = find(item, "[data-shb-tl-mark]");
      item.classList.toggle("is-current", on);
      if (on) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
      find(item, "[data-shb-tl-here]").hidden = !on;
      button.setAttribute("aria-pressed", on);
    });
    root.dataset.shbReady = ""; // the buttons work from now on
  }

  /* ---------- The planner ---------- */

  /* The planner's rows in order: each step, then its milestones. Their
   * data-shb-anchor is the id of the same step or milestone in the timeline. */
  const planRows = (root) => all("[data-shb-plan-step], [data-shb-plan-milestone]", root);

  /* The saved plan, and the dates for each row (as schedule() gives them:
   * {start, end} for a step, {date} for a milestone) once it has a start.
   * A target that cannot be met is reported as error, and the dates are
   * then counted without it. */
  function planFor(root) {
    const saved = load("plan:" + root.dataset.shbPlanner) || {};
    const valid = (text) => parseISO(text) ? text : "";
    const plan = { start: valid(saved.start), target: valid(saved.target) };
    if (!plan.start) return { plan, dates: [] };
    const steps = [], offset = (text) => {
      const [months, days] = text.split(":").map(Number);
      return text ? { months, days } : null; // "" for a step without an end
    };
    planRows(root).forEach((row) => {
      const d = row.dataset;
      if (d.shbPlanStep) steps.push({ id: d.shbPlanStep, from: offset(d.shbFrom), to: offset(d.shbTo), milestones: [] });
      else steps[steps.length - 1].milestones.push({ id: d.shbPlanMilestone, at: +d.shbAt });
    });
    const targetId = root.dataset.shbTarget;
    let result = schedule(steps, plan.start, targetId && plan.target, targetId);
    const error = result.error;
    if (error) result = schedule(steps, plan.start);
    return { plan, error, scale: result.scale, dates: result.steps.flatMap((s) => [s, ...s.milestones]) };
  }

  function refreshPlanner(root) {
    const { plan, error, scale, dates } = planFor(root);
    const start = find(root, "[data-shb-plan-start]"), target = find(root, "[data-shb-plan-target]");
    const late = error === "target-before-start";
    if (document.activeElement !== start) start.value = plan.start;
    if (target) {
      if (document.activeElement !== target) target.value = plan.target;
      if (late) target.setAttribute("aria-invalid", "true");
      else target.removeAttribute("aria-invalid");
    }
    setText(find(root, "[data-shb-plan-error]"),
      late ? "Målet måste ligga efter startdatumet. Datumen nedan räknas tills vidare utan mål." : "");

    let summary = "Skriv ett startdatum, så visas riktdatum här och i tidslinjen.";
    if (plan.start) summary = "Riktdatumen räknas från " + formatDate(plan.start) + ".";
    // Each row's date, and the same in the timeline when the page has it.
    planRows(root).forEach((row, i) => {
      const d = dates[i], item = document.getElementById(row.dataset.shbAnchor);
      // A step without an end says so in the words of its row (data-shb-until).
      const span = d && (d.date ? formatDate(d.date)
        : formatDate(d.start) + (d.end ? " till " + formatDate(d.end) : row.dataset.shbUntil));
      find(row, "[data-shb-plan-date]").textContent = !d ? "–" : d.date ? span : "Från " + span;
      if (item) {
        setText(find(item, "[data-shb-tl-dates], [data-shb-tl-mdate]"),
          !d ? "" : "Riktdatum: " + (d.date ? span + "." : "från " + span));
      }
      if (d && d.id === root.dataset.shbTarget && row.dataset.shbPlanMilestone) {
        summary += " " + row.dataset.shbSummary + ": " + span + (plan.target && scale !== 1
          ? ", ert mål. Tiden fram till dess är " + Math.round(scale * 100) + " procent av handbokens exempel."
          : ", med handbokens exempel på tider.");
      }
    });
    find(root, "[data-shb-plan-summary]").textContent = summary;
    keepMilestoneDates(root, plan, dates);
  }

  /* The milestones' planned dates, for the templates ("Mallar", documents.js):
   * "plan-dates:<process id>" = {<milestone id>: ISO date}. Written only when
   * they change, so that a refresh never costs the reader an undo step. */
  function keepMilestoneDates(root, plan, dates) {
    const out = {}, target = root.dataset.shbTarget;
    planRows(root).forEach((row, i) => {
      if (row.dataset.shbPlanMilestone && dates[i]) out[dates[i].id] = dates[i].date;
    });
    if (target && plan.target && !out[target]) out[target] = plan.target;
    const key = "plan-dates:" + root.dataset.shbPlanner;
    if (JSON.stringify(load(key) || {}) !== JSON.stringify(out)) save(key, Object.keys(out).length ? out : null);
  }

  function download(root) {
    const { dates } = planFor(root);
    if (!dates.length) {
      setText(find(root, "[data-shb-plan-error]"), "Skriv ett startdatum först. Sedan kan ni ladda ner kalenderfilen.");
      find(root, "[data-shb-plan-start]").focus();
      return;
    }
    const pid = root.dataset.shbPlanner, page = location.href.split("#")[0];
    const host = location.hostname || "samverkanshandboken";
    // The workspace is the reader's process: its id keeps the events of two
    // processes apart in one calendar, its name is in every title and the file's.
    const process = store.workspaceName(), wid = store.activeId();
    const site = shb.config().site;
    const note = "Datumen är riktdatum från " + (site || "handboken") + ", räknade från ert startdatum. " +
      "Tiderna är bara exempel.";
    // One event per step and per milestone; the end date is exclusive. A step
    // without an end is one day at its start, repeating when it is yearly.
    const events = planRows(root).map((row, i) => {
      const d = row.dataset, when = dates[i], start = when.start || when.date;
      return {
        uid: pid + "-" + wid + "-" + (d.shbStep ? d.shbStep + "-" : "") + when.id + "@" + host,
        start,
        end: when.end > start ? when.end : addDays(start, 1),
        rrule: d.shbRepeat,
        summary: (d.shbStep ? "Milstolpe: " : "") + d.shbSummary + " – " + process,
        description: (d.shbDescription ? sentences(d.shbDescription) + "\n\n" : "") + note,
        url: page + "#" + d.shbAnchor
      };
    });
    shb.download(shb.kit.slug(process, "arbetsyta") + "-" + pid + ".ics",
      buildIcs(root.dataset.shbTitle + " – " + process, events, site), "text/calendar");
  }

  /* ---------- The involvement ladder ---------- */

  function refreshLadder(root) {
    const radios = all("[data-shb-ladder-radio]", root), chosen = load("ladder:level");
    const radio = radios.find((r) => r.value === chosen);
    radios.forEach((r) => {
      const level = r.closest("[data-shb-ladder-level]");
      r.checked = r === radio;
      level.classList.toggle("is-chosen", r.checked);
      find(level, "[data-shb-ladder-badge]").hidden = !r.checked;
    });
    const choice = radio && "steg " + radio.dataset.shbNumber + " av " + radios.length;
    setText(find(root, "[data-shb-ladder-status]"),
      radio ? "Ni siktar på " + choice + ": " + radio.dataset.shbTitle + "." : "");
    // The choice, repeated beside the checklist step it belongs to.
    const step = root.dataset.shbLadderStep &&
      find(document, '[data-shb-step="' + root.dataset.shbLadderStep + '"]');
    if (!step) return;
    let note = find(step, "[data-shb-ladder-choice]");
    if (!note) {
      note = el("p", { class: "shb-ladder-choice", "data-shb-ladder-choice": "" });
      step.prepend(note);
    }
    note.replaceChildren(el("strong", {}, [root.dataset.shbLadderName + ": "]),
      radio ? "ni siktar på " + choice + ", " + radio.dataset.shbTitle + ". " : "ni har inte valt något steg än. ",
      el("a", { href: "#" + root.id }, [radio ? "Ändra valet" : "Välj steg i trappan"]));
  }

  /* ---------- Wiring ---------- */

  function refreshAll() {
    all("[data-shb-timeline]").forEach(refreshTimeline);
    // "Var är vi nu?" is now.js's (loaded beside this script where the page has it).
    if (shb.features.now) shb.features.now.refresh();
    all("[data-shb-planner]").forEach(refreshPlanner);
    all("[data-shb-ladder]").forEach(refreshLadder);
  }

  // The buttons: "Vi är här" and "Ta bort markeringen" carry a step's or a
  // process's id as their value; the planner's two carry none.
  shb.actions("data-shb-tl-mark", (step, button) => {
    const pressed = button.getAttribute("aria-pressed") === "true";
    save("phase:" + button.closest("[data-shb-timeline]").dataset.shbTimeline, pressed ? null : step);
    refreshAll();
  });
  shb.actions("data-shb-tl-clear", (process) => {
    save("phase:" + process, null);
    refreshAll();
  });
  const inPlanner = (act) => ({ "": (button) => {
    const planner = button.closest("[data-shb-planner]");
    if (planner) act(planner);
  } });
  shb.actions("data-shb-plan-ics", inPlanner(download));
  shb.actions("data-shb-plan-clear", inPlanner((planner) => {
    save("plan:" + planner.dataset.shbPlanner, null);
    refreshAll();
    find(planner, "[data-shb-plan-start]").focus();
  }));

  // The planner's dates and the ladder's levels.
  document.addEventListener("change", (e) => {
    const input = e.target, planner = input.closest("[data-shb-planner]");
    if (input.matches("[data-shb-ladder-radio]")) {
      if (input.checked) save("ladder:level", input.value);
    } else if (planner && input.matches("[data-shb-plan-start], [data-shb-plan-target]")) {
      const date = (field) => field && parseISO(field.value) ? field.value : "";
      const plan = { start: date(find(planner, "[data-shb-plan-start]")),
        target: date(find(planner, "[data-shb-plan-target]")) };
      save("plan:" + planner.dataset.shbPlanner, plan.start || plan.target ? plan : null);
    } else {
      return;
    }
    refreshAll();
  });

  // Another workspace, an import, an undo or another tab.
  store.subscribe(() => refreshAll());

  // Mounted on the current page at once, then on each new one.
  shb.feature("timeline", {
    mount: refreshAll,
    exports: {
      calc: { parseISO, addDays, addMonths, daysBetween, formatDate, schedule },
      ics: { escape: icsEscape, foldLine, build: buildIcs, sentences }
    }
  });
})();
