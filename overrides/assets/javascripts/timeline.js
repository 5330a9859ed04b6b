/* Samverkanshandboken: timelines, "Var är vi nu?", the date planner and the
 * involvement ladder.
 *
 * The pages carry everything that can be worked out at build time (see
 * macros/timeline.py): each step's offsets from the start of the process as
 * "<months>:<days>", and each milestone's place in its step as a fraction.
 * This script only adds those offsets to the reader's dates, writes dates
 * and the .ics file, and saves three kinds of choice:
 *   phase:<process id>  the step marked "Vi är här"
 *   plan:<process id>   {start, target} as ISO dates
 *   ladder:level        the chosen level of the involvement ladder
 * They go to window.shbStore (worksheets.js: the active workspace) when it
 * exists, otherwise to localStorage under "shb-timeline:v1".
 *
 * All text from the page reaches the DOM through textContent, never HTML.
 * The pure functions are exposed as window.shbTimeline for the tests.
 */
(function () {
  "use strict";

  /* ---------- Calendar maths on ISO dates ("YYYY-MM-DD"), in UTC days ---------- */

  var DAY_MS = 86400000;
  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
    "augusti", "september", "oktober", "november", "december"];

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  function isLeapYear(y) {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }

  function daysInMonth(y, m) {
    return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  /* {y, m, d} for a valid ISO date, otherwise null. */
  function parseISO(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    if (!match) return null;
    var y = +match[1], m = +match[2], d = +match[3];
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
    return { y: y, m: m, d: d };
  }

  function toISO(y, m, d) {
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
  }

  function dayNumber(iso) {
    var p = parseISO(iso);
    if (!p) throw new RangeError("not a date: " + iso);
    var t = new Date(0);
    t.setUTCFullYear(p.y, p.m - 1, p.d);
    return Math.round(t.getTime() / DAY_MS);
  }

  function fromDayNumber(n) {
    var t = new Date(n * DAY_MS);
    return toISO(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }

  function addDays(iso, n) {
    return fromDayNumber(dayNumber(iso) + n);
  }

  function daysBetween(a, b) {
    return dayNumber(b) - dayNumber(a);
  }

  /* Calendar months: the day of month stays, or becomes the month's last day
   * when the month is shorter (31 Jan + 1 month = 28 or 29 Feb). */
  function addMonths(iso, n) {
    var p = parseISO(iso);
    if (!p) throw new RangeError("not a date: " + iso);
    var index = p.y * 12 + (p.m - 1) + n;
    var y = Math.floor(index / 12), m = index - y * 12 + 1;
    return toISO(y, m, Math.min(p.d, daysInMonth(y, m)));
  }

  /* An offset from the data: whole months first, then days. */
  function parseOffset(text) {
    var match = /^(\d+):(\d+)$/.exec(String(text || ""));
    if (!match) throw new RangeError("not an offset: " + text);
    return { months: +match[1], days: +match[2] };
  }

  function addOffset(iso, offset) {
    return addDays(addMonths(iso, offset.months), offset.days);
  }

  function formatDate(iso) {
    var p = parseISO(iso);
    return p ? p.d + " " + MONTHS[p.m - 1] + " " + p.y : "";
  }

  /* Dates for every step and milestone.
   * steps: [{id, from: {months, days}, to: {...}, milestones: [{id, at}]}]
   * With a target (an ISO date for the milestone targetId), the steps up to
   * and including the target's step are stretched or shrunk by one factor so
   * that the milestone falls on the target; later steps keep their typical
   * length, counted from the end of the target's step.
   * Returns {steps: [{id, start, end, milestones: [{id, date}]}], scale} or
   * {error: "target-before-start" | "unknown-target"}. */
  function schedule(steps, start, target, targetId) {
    var typical = steps.map(function (s) {
      return { start: addOffset(start, s.from), end: addOffset(start, s.to) };
    });
    function placeMilestone(s, e, at) {
      return addDays(s, Math.round(at * daysBetween(s, e)));
    }
    var scale = 1, ti = -1, mi = -1;
    if (target) {
      steps.forEach(function (s, i) {
        s.milestones.forEach(function (m, j) {
          if (m.id === targetId) { ti = i; mi = j; }
        });
      });
      if (ti < 0) return { error: "unknown-target" };
      var typicalTarget = placeMilestone(typical[ti].start, typical[ti].end, steps[ti].milestones[mi].at);
      var wanted = daysBetween(start, target);
      var usual = daysBetween(start, typicalTarget);
      if (wanted <= 0 || usual <= 0) return { error: "target-before-start" };
      scale = wanted / usual;
    }
    var out = [];
    steps.forEach(function (s, i) {
      var begin, end;
      if (ti < 0 || i <= ti) {
        begin = addDays(start, Math.round(scale * daysBetween(start, typical[i].start)));
        end = addDays(start, Math.round(scale * daysBetween(start, typical[i].end)));
      } else {
        var base = out[ti].end, last = steps[ti].to;
        begin = addOffset(base, { months: s.from.months - last.months, days: s.from.days - last.days });
        end = addOffset(base, { months: s.to.months - last.months, days: s.to.days - last.days });
      }
      out.push({
        id: s.id, start: begin, end: end,
        milestones: s.milestones.map(function (m, j) {
          var date = (i === ti && j === mi) ? target : placeMilestone(begin, end, m.at);
          return { id: m.id, date: date };
        })
      });
    });
    return { steps: out, scale: scale };
  }

  /* ---------- iCalendar (RFC 5545) ---------- */

  function icsEscape(text) {
    return String(text == null ? "" : text)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }

  /* Fold a content line at 75 octets; never inside a UTF-8 character.
   * Continuation lines start with one space, which counts toward the 75. */
  function foldLine(line) {
    var out = [], current = "", size = 0, limit = 75;
    Array.from(line).forEach(function (ch) {
      var n = utf8Length(ch);
      if (size + n > limit) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n");
  }

  function icsDate(iso) {
    return iso.replace(/-/g, "");
  }

  function icsStamp(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }

  /* calendar: {prodid, name, stamp: Date, events: [{uid, start, end, summary, description, url}]} */
  function buildIcs(calendar) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + calendar.prodid,
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    if (calendar.name) lines.push("X-WR-CALNAME:" + icsEscape(calendar.name));
    var stamp = icsStamp(calendar.stamp);
    calendar.events.forEach(function (e) {
      lines.push("BEGIN:VEVENT",
        "UID:" + e.uid,
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + icsDate(e.start),
        "DTEND;VALUE=DATE:" + icsDate(e.end),
        "SUMMARY:" + icsEscape(e.summary),
        "DESCRIPTION:" + icsEscape(e.description),
        "URL:" + e.url,
        "TRANSP:TRANSPARENT",
        "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(foldLine).join("\r\n") + "\r\n";
  }

  /* ---------- Storage ---------- */

  var FALLBACK_KEY = "shb-timeline:v1";
  var fallbackListeners = [];

  function readFallback() {
    try {
      var value = JSON.parse(window.localStorage.getItem(FALLBACK_KEY) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  var fallback = {
    get: function (key) {
      var all = readFallback();
      return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : null;
    },
    set: function (key, value) {
      var all = readFallback();
      if (value === null || value === undefined) delete all[key];
      else all[key] = value;
      try {
        window.localStorage.setItem(FALLBACK_KEY, JSON.stringify(all));
      } catch (e) {
        return false;
      }
      fallbackListeners.slice().forEach(function (fn) { fn(key); });
      return true;
    },
    subscribe: function (fn) {
      fallbackListeners.push(fn);
      return function () {
        fallbackListeners = fallbackListeners.filter(function (f) { return f !== fn; });
      };
    }
  };

  window.addEventListener("storage", function (event) {
    if (event.key === FALLBACK_KEY) fallbackListeners.slice().forEach(function (fn) { fn(null); });
  });

  function store() {
    var s = window.shbStore;
    return s && typeof s.get === "function" && typeof s.set === "function" ? s : fallback;
  }

  function load(key) {
    var value;
    try {
      value = store().get(key);
    } catch (e) {
      return null;
    }
    if (typeof value === "string" && /^[\[{]/.test(value)) {
      try { value = JSON.parse(value); } catch (e) { /* keep the text */ }
    }
    return value === undefined || value === "" ? null : value;
  }

  /* null or undefined removes the value. */
  function save(key, value) {
    try {
      return store().set(key, value === null ? undefined : value) !== false;
    } catch (e) {
      return false;
    }
  }

  /* ---------- Helpers for the DOM ---------- */

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function setText(el, text) {
    if (!el) return;
    el.textContent = text;
    el.hidden = !text;
  }

  /* ---------- "Var är vi nu?" ---------- */

  function refreshTimeline(root) {
    var pid = root.getAttribute("data-shb-timeline");
    var current = load("phase:" + pid);
    all(root, "[data-shb-tl-step]").forEach(function (item) {
      var isCurrent = item.getAttribute("data-shb-tl-step") === current;
      item.classList.toggle("is-current", isCurrent);
      if (isCurrent) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
      item.querySelector("[data-shb-tl-here]").hidden = !isCurrent;
      var button = item.querySelector("[data-shb-tl-mark]");
      if (button) button.setAttribute("aria-pressed", isCurrent ? "true" : "false");
    });
  }

  function setupTimeline(root) {
    var pid = root.getAttribute("data-shb-timeline");
    var hint = root.querySelector("[data-shb-tl-hint]");
    if (hint) hint.hidden = false;
    all(root, "[data-shb-tl-mark]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var step = button.getAttribute("data-shb-tl-mark");
        var pressed = button.getAttribute("aria-pressed") === "true";
        save("phase:" + pid, pressed ? null : step);
        refreshAll();
      });
    });
    refreshTimeline(root);
  }

  function refreshNow(root) {
    var pid = root.getAttribute("data-shb-tl-now");
    var one = root.getAttribute("data-shb-one") || "fas";
    var steps = [];
    try { steps = JSON.parse(root.getAttribute("data-shb-steps") || "[]"); } catch (e) { steps = []; }
    var current = load("phase:" + pid);
    var index = -1;
    steps.forEach(function (s, i) { if (s[0] === current) index = i; });
    var text = root.querySelector("[data-shb-tl-now-text]");
    text.textContent = "";
    var link = document.createElement("a");
    var href = root.getAttribute("data-shb-href") || "";
    if (index < 0) {
      text.appendChild(document.createTextNode("Ni har inte markerat någon " + one + " än. "));
      link.href = href + "#tl-" + pid;
      link.textContent = "Markera " + one + "en i tidslinjen";
    } else {
      var s = steps[index];
      text.appendChild(document.createTextNode("Ni är här: "));
      var strong = document.createElement("strong");
      strong.textContent = s[1];
      text.appendChild(strong);
      text.appendChild(document.createTextNode(
        " (" + one + " " + (index + 1) + " av " + steps.length + "). "));
      link.href = href + "#" + s[2];
      link.textContent = "Se " + one + "en i tidslinjen";
    }
    text.appendChild(link);
    var clear = root.querySelector("[data-shb-tl-clear]");
    if (clear) clear.hidden = index < 0;
    root.hidden = false;
  }

  function setupNow(root) {
    var pid = root.getAttribute("data-shb-tl-now");
    var clear = root.querySelector("[data-shb-tl-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        save("phase:" + pid, null);
        refreshAll();
      });
    }
    refreshNow(root);
  }

  /* ---------- The planner ---------- */

  function plannerSteps(root) {
    return all(root, "[data-shb-plan-step]").map(function (row) {
      var id = row.getAttribute("data-shb-plan-step");
      return {
        id: id,
        from: parseOffset(row.getAttribute("data-shb-from")),
        to: parseOffset(row.getAttribute("data-shb-to")),
        milestones: all(root, "[data-shb-plan-milestone]").filter(function (m) {
          return m.getAttribute("data-shb-step") === id;
        }).map(function (m) {
          return { id: m.getAttribute("data-shb-plan-milestone"), at: +m.getAttribute("data-shb-at") };
        })
      };
    });
  }

  function readPlan(pid) {
    var plan = load("plan:" + pid);
    if (!plan || typeof plan !== "object") return { start: "", target: "" };
    return {
      start: parseISO(plan.start) ? plan.start : "",
      target: parseISO(plan.target) ? plan.target : ""
    };
  }

  function computePlan(root) {
    var pid = root.getAttribute("data-shb-planner");
    var plan = readPlan(pid);
    if (!plan.start) return { plan: plan };
    var targetId = root.getAttribute("data-shb-target");
    var result = schedule(plannerSteps(root), plan.start, targetId ? plan.target || null : null, targetId);
    return { plan: plan, result: result };
  }

  function timelineFor(pid) {
    return document.querySelector('[data-shb-timeline="' + pid + '"]');
  }

  function rangeText(step) {
    return "Från " + formatDate(step.start) + " till " + formatDate(step.end);
  }

  function refreshPlanner(root) {
    var pid = root.getAttribute("data-shb-planner");
    var computed = computePlan(root);
    var plan = computed.plan, result = computed.result;
    var startInput = root.querySelector("[data-shb-plan-start]");
    var targetInput = root.querySelector("[data-shb-plan-target]");
    if (document.activeElement !== startInput) startInput.value = plan.start;
    if (targetInput && document.activeElement !== targetInput) targetInput.value = plan.target;
    var error = root.querySelector("[data-shb-plan-error]");
    var summary = root.querySelector("[data-shb-plan-summary]");
    var ok = result && !result.error;
    if (targetInput) {
      if (result && result.error === "target-before-start") targetInput.setAttribute("aria-invalid", "true");
      else targetInput.removeAttribute("aria-invalid");
    }
    setText(error, result && result.error === "target-before-start"
      ? "Målet måste ligga efter startdatumet. Datumen nedan räknas tills vidare utan mål." : "");
    if (result && result.error === "target-before-start") {
      result = schedule(plannerSteps(root), plan.start, null, null);
      ok = true;
    }
    var byStep = {}, byMilestone = {};
    if (ok) {
      result.steps.forEach(function (s) {
        byStep[s.id] = s;
        s.milestones.forEach(function (m) { byMilestone[s.id + "/" + m.id] = m.date; });
      });
    }
    all(root, "[data-shb-plan-step]").forEach(function (row) {
      var s = byStep[row.getAttribute("data-shb-plan-step")];
      row.querySelector("[data-shb-plan-date]").textContent = s ? rangeText(s) : "–";
    });
    all(root, "[data-shb-plan-milestone]").forEach(function (row) {
      var date = byMilestone[row.getAttribute("data-shb-step") + "/" + row.getAttribute("data-shb-plan-milestone")];
      row.querySelector("[data-shb-plan-date]").textContent = date ? formatDate(date) : "–";
    });
    var tl = timelineFor(pid);
    if (tl) {
      all(tl, "[data-shb-tl-step]").forEach(function (item) {
        var s = byStep[item.getAttribute("data-shb-tl-step")];
        setText(item.querySelector("[data-shb-tl-dates]"), s ? "Riktdatum: " + rangeText(s).charAt(0).toLowerCase() + rangeText(s).slice(1) : "");
        all(item, "[data-shb-tl-milestone]").forEach(function (li) {
          var date = byMilestone[item.getAttribute("data-shb-tl-step") + "/" + li.getAttribute("data-shb-tl-milestone")];
          setText(li.querySelector("[data-shb-tl-mdate]"), date ? "Riktdatum: " + formatDate(date) + "." : "");
        });
      });
    }
    var targetId = root.getAttribute("data-shb-target");
    var text = "";
    if (ok) {
      text = "Riktdatumen räknas från " + formatDate(plan.start) + ".";
      var targetRow = targetId && root.querySelector('[data-shb-plan-milestone="' + targetId + '"]');
      if (targetRow) {
        var name = targetRow.getAttribute("data-shb-summary");
        var date = byMilestone[targetRow.getAttribute("data-shb-step") + "/" + targetId];
        if (plan.target && result.scale !== 1) {
          text += " " + name + ": " + formatDate(date) + ", ert mål. Tiden fram till dess är " +
            Math.round(result.scale * 100) + " procent av den typiska.";
        } else {
          text += " " + name + ": " + formatDate(date) + ", med typiska tider.";
        }
      }
    } else {
      text = "Skriv ett startdatum, så visas riktdatum här och i tidslinjen.";
    }
    summary.textContent = text;
  }

  function eventsFor(root) {
    var computed = computePlan(root);
    var result = computed.result;
    if (!result) return null;
    if (result.error) result = schedule(plannerSteps(root), computed.plan.start, null, null);
    var pid = root.getAttribute("data-shb-planner");
    var page = window.location.href.split("#")[0];
    var host = window.location.hostname || "samverkanshandboken";
    var note = "Riktdatum från Samverkanshandboken. Tiderna är ungefärliga.";
    var events = [];
    result.steps.forEach(function (s) {
      var row = root.querySelector('[data-shb-plan-step="' + s.id + '"]');
      events.push({
        uid: pid + "-" + s.id + "@" + host,
        start: s.start,
        end: s.end > s.start ? s.end : addDays(s.start, 1),
        summary: row.getAttribute("data-shb-summary"),
        description: row.getAttribute("data-shb-description") + "\n\n" + note,
        url: page + "#" + row.getAttribute("data-shb-anchor")
      });
      s.milestones.forEach(function (m) {
        var mrow = all(root, "[data-shb-plan-milestone]").filter(function (r) {
          return r.getAttribute("data-shb-step") === s.id && r.getAttribute("data-shb-plan-milestone") === m.id;
        })[0];
        var text = mrow.getAttribute("data-shb-description");
        events.push({
          uid: pid + "-" + s.id + "-" + m.id + "@" + host,
          start: m.date,
          end: addDays(m.date, 1),
          summary: "Milstolpe: " + mrow.getAttribute("data-shb-summary"),
          description: (text ? text + "\n\n" : "") + note,
          url: page + "#" + mrow.getAttribute("data-shb-anchor")
        });
      });
    });
    return events;
  }

  function download(root) {
    var events = eventsFor(root);
    var error = root.querySelector("[data-shb-plan-error]");
    var startInput = root.querySelector("[data-shb-plan-start]");
    if (!events) {
      setText(error, "Skriv ett startdatum först. Sedan kan ni ladda ner kalenderfilen.");
      startInput.focus();
      return;
    }
    var text = buildIcs({
      prodid: "-//Samverkanshandboken//Tidslinje//SV",
      name: root.getAttribute("data-shb-title"),
      stamp: new Date(),
      events: events
    });
    var blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = root.getAttribute("data-shb-planner") + ".ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function setupPlanner(root) {
    var pid = root.getAttribute("data-shb-planner");
    root.querySelector("[data-shb-plan-form]").hidden = false;
    var startInput = root.querySelector("[data-shb-plan-start]");
    var targetInput = root.querySelector("[data-shb-plan-target]");
    function remember() {
      var start = parseISO(startInput.value) ? startInput.value : "";
      var target = targetInput && parseISO(targetInput.value) ? targetInput.value : "";
      save("plan:" + pid, start || target ? { start: start, target: target } : null);
      refreshPlanner(root);
    }
    startInput.addEventListener("change", remember);
    if (targetInput) targetInput.addEventListener("change", remember);
    root.querySelector("[data-shb-plan-ics]").addEventListener("click", function () { download(root); });
    root.querySelector("[data-shb-plan-clear]").addEventListener("click", function () {
      startInput.value = "";
      if (targetInput) targetInput.value = "";
      save("plan:" + pid, null);
      refreshPlanner(root);
      startInput.focus();
    });
    refreshPlanner(root);
  }

  /* ---------- The involvement ladder ---------- */

  function ladderChoice(root) {
    var chosen = load("ladder:level");
    var radios = all(root, "[data-shb-ladder-radio]");
    var match = radios.filter(function (r) { return r.value === chosen; })[0];
    return { radio: match || null, count: radios.length };
  }

  function refreshLadder(root) {
    var choice = ladderChoice(root);
    all(root, "[data-shb-ladder-radio]").forEach(function (radio) {
      var on = radio === choice.radio;
      radio.checked = on;
      var level = radio.closest("[data-shb-ladder-level]");
      level.classList.toggle("is-chosen", on);
      var badge = level.querySelector("[data-shb-ladder-badge]");
      if (badge) badge.hidden = !on;
    });
    var sentence = "";
    if (choice.radio) {
      sentence = "Ni siktar på steg " + choice.radio.getAttribute("data-shb-number") + " av " +
        choice.count + ": " + choice.radio.getAttribute("data-shb-title") + ".";
    }
    setText(root.querySelector("[data-shb-ladder-status]"), sentence);
    var stepId = root.getAttribute("data-shb-ladder-step");
    var step = stepId && document.querySelector('[data-shb-step="' + stepId + '"]');
    if (!step) return;
    var note = step.querySelector("[data-shb-ladder-choice]");
    if (!note) {
      note = document.createElement("p");
      note.className = "shb-ladder-choice";
      note.setAttribute("data-shb-ladder-choice", "");
      step.insertBefore(note, step.firstChild);
    }
    note.textContent = "";
    var label = document.createElement("strong");
    label.textContent = root.getAttribute("data-shb-ladder-name") + ": ";
    note.appendChild(label);
    note.appendChild(document.createTextNode(choice.radio
      ? "ni siktar på steg " + choice.radio.getAttribute("data-shb-number") + " av " + choice.count +
        ", " + choice.radio.getAttribute("data-shb-title") + ". "
      : "ni har inte valt något steg än. "));
    var link = document.createElement("a");
    link.href = "#" + root.id;
    link.textContent = choice.radio ? "Ändra valet" : "Välj steg i trappan";
    note.appendChild(link);
  }

  function setupLadder(root) {
    all(root, "[data-shb-ladder-radio]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) save("ladder:level", radio.value);
        refreshAll();
      });
    });
    refreshLadder(root);
  }

  /* ---------- Wiring ---------- */

  function refreshAll() {
    all(document, "[data-shb-timeline]").forEach(refreshTimeline);
    all(document, "[data-shb-tl-now]").forEach(refreshNow);
    all(document, "[data-shb-planner]").forEach(refreshPlanner);
    all(document, "[data-shb-ladder]").forEach(refreshLadder);
  }

  var unsubscribe = null;

  function init() {
    all(document, "[data-shb-timeline]").forEach(setupTimeline);
    all(document, "[data-shb-tl-now]").forEach(setupNow);
    all(document, "[data-shb-planner]").forEach(setupPlanner);
    all(document, "[data-shb-ladder]").forEach(setupLadder);
    if (unsubscribe) unsubscribe();
    unsubscribe = null;
    try {
      var s = store();
      if (typeof s.subscribe === "function") {
        var off = s.subscribe(function () { refreshAll(); });
        unsubscribe = typeof off === "function" ? off : null;
      }
    } catch (e) { /* no live updates; the page still works */ }
  }

  window.shbTimeline = {
    calc: {
      isLeapYear: isLeapYear, daysInMonth: daysInMonth, parseISO: parseISO,
      addDays: addDays, addMonths: addMonths, addOffset: addOffset, daysBetween: daysBetween,
      parseOffset: parseOffset, formatDate: formatDate, schedule: schedule
    },
    ics: { escape: icsEscape, foldLine: foldLine, build: buildIcs },
    refresh: refreshAll
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
