/* Samverkanshandboken: after the signing. The yearly review of the
 * agreement (Årlig uppföljning) and the feedback to those who gave their
 * input (Återkoppling), with their reports and the review's calendar.
 *
 * The kernel (shb.js) loads this script where a page has [data-shb-fu]. It
 * builds on the registers (registers.js, loaded with it: the page's root
 * also carries data-shb-reg-use): the commitments (ataganden), the
 * decisions (beslut), the feedback (aterkoppling) and the review's answers
 * (uppfoljning) are registers of the active workspace.
 *
 * The review's answers are items of the register "uppfoljning", one per
 * year, question and commitment (or the agreement as a whole), with an id
 * made of the three ("u2027-gjort-r1a2b3", "u2027-syfte-helhet"): a year's
 * answers stay in their year, two parties' answers to the same question
 * meet on Jämför svar, and export and import keep them like any register.
 * The year being reviewed is the latest year that has answers, or the one
 * "Starta nästa års uppföljning" moved on to (the value "uppfoljning:ar").
 *
 * Every value reaches the page as text (el(), textContent) and the reports
 * through the document model (export.js). The pure parts are tested with
 * node --test (tests/js/followup.test.mjs).
 */
(function () {
  "use strict";

  const shb = window.shb, store = shb.store;
  const { own, all, el, quote, today, longDate, slug, now } = shb.kit;
  const UNDO = "followup";
  const REVIEW = "uppfoljning", COMMITMENTS = "ataganden", DECISIONS = "beslut";
  const YEAR_KEY = "uppfoljning:ar", MEETING_KEY = "uppfoljning:mote";
  const WHOLE = "helhet";

  const R = () => shb.features.registers;
  const regOf = (id) => R().registerOf(id);
  const value = (item, id) => { const v = item && own(item.values, id); return typeof v === "string" ? v : ""; };

  // ---- pure parts -------------------------------------------------------------

  // The id of an answer: its year, its question, its commitment (or the whole).
  const answerId = (year, q, cid) => "u" + year + "-" + q + "-" + (cid || WHOLE);

  // The year under review: the stored one, or the latest with answers, or this year.
  function reviewYear(items, stored, thisYear) {
    const found = items.map((i) => +value(i, "ar")).filter((y) => y > 1900 && y < 3000);
    return Math.max(+stored > 1900 ? +stored : 0, ...found, found.length || +stored > 1900 ? 0 : thisYear);
  }
  // The years that have answers, and the year under review, newest first.
  function years(items, current) {
    const set = new Set(items.map((i) => +value(i, "ar")).filter((y) => y > 1900 && y < 3000));
    set.add(current);
    return [...set].sort((a, b) => b - a);
  }
  // The answer to a question of a year ("" when none).
  const answerOf = (items, year, q, cid) => value(items.find((i) => i.id === answerId(year, q, cid)), "svar");

  // The items with one answer changed: set, or taken out when empty.
  function putAnswer(items, a) {
    const id = answerId(a.year, a.q, a.cid), out = items.filter((i) => i.id !== id), was = items.find((i) => i.id === id);
    if (!a.text.trim()) return out;
    const values = { fraga: a.question, svar: a.text, ar: String(a.year) };
    if (a.cid) values.atagande = a.cid;
    const item = { id, created: was ? was.created : a.t, updated: a.t, values };
    const at = items.indexOf(was);
    if (at >= 0) { out.splice(at, 0, item); return out; }
    out.push(item);
    return out;
  }

  // The commitments reviewed in a year: all of them; a commitment done
  // before the year began is still listed (its answers of earlier years stay).
  const reviewed = (commitments) => commitments.slice();

  // The review report, in the parties' voice: the commitments with their
  // status and what shows it, the answers per commitment, the year's
  // decisions, the answers on the agreement as a whole and what the parties
  // will change. ctx: {year, questions, commitments, answers, decisions,
  // creg (the commitments' register), dreg (the decisions'), day, party}.
  function reviewBlocks(ctx) {
    const R_ = R(), { year, questions, commitments, answers, creg } = ctx;
    const field = (reg, id) => reg.fields.find((f) => f.id === id);
    const show = (reg, id, item) => field(reg, id) ? R_.shown(reg, field(reg, id), item) : "";
    const out = [{ type: "title", runs: [{ text: "Uppföljning av överenskommelsen " + year }] },
      { type: "paragraph", runs: [{ text: (ctx.party ? ctx.party + ", " : "") + longDate(ctx.day) + "." }] },
      { type: "heading", runs: [{ text: "Åtagandena" }] }];
    if (!commitments.length) out.push({ type: "paragraph", runs: [{ text: "Inga åtaganden är antecknade." }] });
    else {
      out.push({ type: "table", head: ["Åtagande", "Part", "Status", "Så syns det att det är gjort"],
        rows: commitments.map((c) => [R_.name(creg, c), show(creg, "part", c),
          show(creg, "status", c) + (R_.late(creg, c, ctx.day) ? " (" + (creg.late || "Försenat") + ")" : ""), show(creg, "bevis", c)]) });
    }
    const perItem = questions.filter((q) => q.scope === "item"), whole = questions.filter((q) => q.scope !== "item");
    commitments.forEach((c) => {
      const said = perItem.map((q) => [q, answerOf(answers, year, q.id, c.id)]).filter((x) => x[1].trim());
      if (!said.length) return;
      out.push({ type: "subheading", runs: [{ text: R_.name(creg, c) }] });
      said.forEach(([q, a]) => out.push({ type: "paragraph", runs: [{ text: q.text, bold: true }] }, { type: "text", lines: a.trim().split(/\r?\n/) }));
    });
    out.push({ type: "heading", runs: [{ text: "Årets beslut" }] });
    const decided = ctx.decisions || [];
    if (!decided.length || !ctx.dreg) out.push({ type: "paragraph", runs: [{ text: "Inga beslut från " + year + " är antecknade." }] });
    else {
      const fields = ctx.dreg.fields.filter((f) => f.list && f.kind !== "item");
      out.push({ type: "table", head: fields.map((f) => f.label), rows: decided.map((d) => fields.map((f) => R_.shown(ctx.dreg, f, d))) });
    }
    const asked = whole.map((q) => [q, answerOf(answers, year, q.id, "")]).filter((x) => x[1].trim());
    const change = asked.filter(([q]) => q.change), rest = asked.filter(([q]) => !q.change);
    out.push({ type: "heading", runs: [{ text: "Överenskommelsen som helhet" }] });
    if (!rest.length) out.push({ type: "paragraph", runs: [{ text: "Inga svar är antecknade." }] });
    rest.forEach(([q, a]) => out.push({ type: "paragraph", runs: [{ text: q.text, bold: true }] }, { type: "text", lines: a.trim().split(/\r?\n/) }));
    out.push({ type: "heading", runs: [{ text: "Det här ändrar vi" }] });
    const changes = change.map((x) => x[1]).concat(commitments.map((c) => perItem.filter((q) => q.change)
      .map((q) => answerOf(answers, year, q.id, c.id).trim() ? R_.name(creg, c) + ": " + answerOf(answers, year, q.id, c.id).trim() : "")).flat())
      .filter((t) => t.trim());
    if (!changes.length) out.push({ type: "paragraph", runs: [{ text: "Inget är antecknat." }] });
    else out.push({ type: "list", items: changes.map((t) => [{ text: t.replace(/\s+/g, " ").trim() }]) });
    return out;
  }

  // The feedback for those who gave their input, in plain words: what was
  // said, and what the parties did with it and why.
  function feedbackBlocks(reg, items, party, day) {
    const R_ = R(), field = (id) => reg.fields.find((f) => f.id === id), show = (id, i) => field(id) ? R_.shown(reg, field(id), i) : "";
    const out = [{ type: "title", runs: [{ text: "Det här sa ni – så här tog vi hand om det" }] },
      { type: "paragraph", runs: [{ text: "Tack för att ni gav oss era synpunkter. Här ser ni vad vi har gjort med dem." +
        (party ? " Från " + party + ", " : " ") + longDate(day) + "." }] }];
    if (!items.length) out.push({ type: "paragraph", runs: [{ text: "Inga synpunkter är antecknade ännu." }] });
    items.forEach((i) => {
      const who = [show("fran", i), show("steg", i)].filter(Boolean).join(", ");
      out.push({ type: "subheading", runs: [{ text: "Ni sa" + (who ? " (" + who + ")" : "") }] },
        { type: "text", lines: value(i, "synpunkt").trim().split(/\r?\n/) });
      const s = reg.statuses.find((x) => x.id === value(i, "svar"));
      const lines = [s && s !== reg.statuses[0] ? "Vårt svar: " + s.label : "Vi har inte svarat på det här ännu."];
      if (value(i, "varfor").trim()) lines.push("Varför: " + value(i, "varfor").trim().replace(/\s+/g, " "));
      if (value(i, "avsnitt")) lines.push("Var i texten: " + value(i, "avsnitt"));
      out.push({ type: "list", items: lines.map((t) => [{ text: t }]) });
    });
    return out;
  }
  // The same as a table, for decision makers: one row per input.
  function feedbackTable(reg, items, party, day) {
    const R_ = R(), fields = ["fran", "steg", "synpunkt", "svar", "varfor", "avsnitt"].map((id) => reg.fields.find((f) => f.id === id)).filter(Boolean);
    // An item without an answer has the first status (the register's default).
    const count = (id) => items.filter((i) => (value(i, "svar") || reg.statuses[0].id) === id).length;
    return [{ type: "title", runs: [{ text: "Inkomna synpunkter och parternas svar" }] },
      { type: "paragraph", runs: [{ text: (party ? party + ", " : "") + longDate(day) + ". " + items.length + " " +
        (items.length === 1 ? reg.one : reg.many) + ". " + reg.statuses.map((s) => s.label + ": " + count(s.id)).join(". ") + "." }] },
      ...(items.length ? [{ type: "table", head: fields.map((f) => f.label), rows: items.map((i) => fields.map((f) => R_.shown(reg, f, i))) }] : [])];
  }

  // The review's calendar: the yearly meeting (repeating) and the due dates
  // of the commitments not done. {uid, start, end, rrule?, summary, description, url}.
  function calendarEvents(o) {
    const R_ = R(), out = [], next = (iso) => { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); };
    if (R_.validDate(o.meeting || "")) {
      out.push({ uid: "uppfoljning-" + o.wid + "-mote@" + o.host, start: o.meeting, end: next(o.meeting), rrule: "YEARLY",
        summary: "Årlig uppföljning av överenskommelsen – " + o.process,
        description: "Parterna går igenom åtagandena och överenskommelsen tillsammans.", url: o.url });
    }
    o.commitments.forEach((c) => {
      const due = value(c, "datum");
      if (!R_.validDate(due) || R_.done(o.creg, c)) return;
      const who = [value(c, "part"), value(c, "ansvarig")].filter((t) => t.trim()).join(", ");
      out.push({ uid: "uppfoljning-" + o.wid + "-" + c.id + "@" + o.host, start: due, end: next(due),
        summary: "Åtagande klart senast: " + R_.name(o.creg, c) + " – " + o.process,
        description: (who ? "Ansvar: " + who + ". " : "") + (value(c, "bevis").trim() ? "Så syns det att det är gjort: " + value(c, "bevis").trim() : ""),
        url: o.url });
    });
    return out;
  }

  // ---- the review page -----------------------------------------------------------

  let shownYear = 0, typing = false;
  const review = () => regOf(REVIEW);
  const currentYear = () => reviewYear(store.register(REVIEW), store.get(YEAR_KEY), +today().slice(0, 4));
  const statusBox = (root) => root.querySelector("[data-shb-fu-status]");

  function question(q, year, cid, answers, prefix) {
    const id = prefix + "-" + q.id, last = answerOf(answers, year - 1, q.id, cid);
    const kids = [el("label", { for: id, class: "shb-reg__label" }, [q.text]),
      el("p", { class: "shb-reg__help", id: id + "-src" }, [q.source ? "Källan: " + q.source : "Handbokens egen fråga."])];
    if (last.trim()) kids.push(el("p", { class: "shb-fu__last", id: id + "-last" }, [el("strong", {}, ["Svaret " + (year - 1) + ": "]), last]));
    const area = el("textarea", { id, rows: "3", maxlength: "2000", "data-shb-fu-q": q.id, "data-shb-fu-c": cid || "",
      "aria-describedby": id + "-src" + (last.trim() ? " " + id + "-last" : "") });
    area.value = answerOf(answers, year, q.id, cid);
    kids.push(area);
    return el("div", { class: "shb-reg__field shb-fu__q" }, kids);
  }

  function drawReview(root) {
    const reg = review(), creg = regOf(COMMITMENTS);
    if (!reg || !creg) return;
    const answers = store.register(REVIEW), year = currentYear();
    if (!shownYear || !years(answers, year).includes(shownYear)) shownYear = year;
    const pick = root.querySelector("[data-shb-fu-year]");
    pick.replaceChildren(...years(answers, year).map((y) => el("option", { value: String(y) }, [String(y) + (y === year ? " (pågår)" : "")])));
    pick.value = String(shownYear);
    root.querySelector("[data-shb-fu-year-line]").textContent = "Ni svarar för " + shownYear + "." +
      (shownYear !== year ? " Det är ett tidigare år: det ni ändrar här sparas i det året." : "");
    const commitments = reviewed(store.register(COMMITMENTS)), day = today();
    const box = root.querySelector("[data-shb-fu-items]"), perItem = reg.questions.filter((q) => q.scope === "item");
    box.replaceChildren(...(commitments.length ? commitments.map((c, n) => {
      const f = (id) => creg.fields.find((x) => x.id === id), show = (id) => f(id) ? R().shown(creg, f(id), c) : "";
      const facts = [["Part", show("part")], ["Status", show("status") + (R().late(creg, c, day) ? " (" + creg.late + ")" : "")],
        [f("datum") ? f("datum").label : "", show("datum")], [f("bevis") ? f("bevis").label : "", show("bevis")]].filter((x) => x[0] && x[1]);
      return el("section", { class: "shb-fu__item", "aria-labelledby": "shb-fu-c" + n, "data-shb-fu-item": c.id }, [
        el("h3", { id: "shb-fu-c" + n }, [R().name(creg, c)]),
        el("ul", { class: "shb-fu__facts" }, facts.map(([k, v]) => el("li", {}, [el("strong", {}, [k + ": "]), v]))),
        ...perItem.map((q) => question(q, shownYear, c.id, answers, "shb-fu-c" + n))]);
    }) : [el("p", {}, ["Det finns inga åtaganden i arbetsytan ännu. Lägg till dem på ",
      el("a", { href: new URL(root.dataset.shbFuCommitments, location.href).href }, ["Åtaganden"]), " först, eller svara bara på frågorna om överenskommelsen som helhet."])]));
    root.querySelector("[data-shb-fu-whole]").replaceChildren(...reg.questions.filter((q) => q.scope !== "item")
      .map((q) => question(q, shownYear, "", answers, "shb-fu-w")));
    const meeting = root.querySelector("[data-shb-fu-meeting]");
    if (document.activeElement !== meeting) meeting.value = store.get(MEETING_KEY) || "";
    root.querySelector("[data-shb-fu-next]").textContent = "Starta nästa års uppföljning (" + (year + 1) + ")";
    root.dataset.shbFuReady = "";
  }

  // An answer kept as it is typed (a little later), and at once when the field is left.
  const waiting = new Map();
  function keepAnswer(root, area) {
    clearTimeout(waiting.get(area));
    waiting.delete(area);
    const reg = review(), q = reg.questions.find((x) => x.id === area.dataset.shbFuQ);
    if (!q) return;
    const items = putAnswer(store.register(REVIEW), { year: shownYear, q: q.id, cid: area.dataset.shbFuC, question: q.text, text: area.value, t: now() });
    typing = true;
    try {
      if (!store.putRegister(REVIEW, items)) statusBox(root).textContent = "Webbläsaren sparade inte svaret. Exportera det ni vill behålla.";
    } catch (e) {
      statusBox(root).textContent = shb.explain(e, "Svaret kunde inte sparas.");
    } finally { typing = false; }
  }

  function startNext(root) {
    const year = currentYear(), was = store.get(YEAR_KEY);
    store.set(YEAR_KEY, year + 1);
    shownYear = year + 1;
    shb.undo.offer(UNDO, statusBox(root), "Uppföljningen för " + (year + 1) + " är startad. Åtagandena är med, och svaren för " + year + " finns kvar i sitt år.", () => {
      store.set(YEAR_KEY, was);
      shownYear = 0;
      store.notify("workspace-values");
      return "Uppföljningen för " + (year + 1) + " är borttagen igen.";
    });
    store.notify("workspace-values");
    statusBox(root).focus();
  }

  // ---- out: Word, print, copy, calendar --------------------------------------------

  function reportBlocks(root, kind) {
    const day = today(), party = store.party();
    if (kind === "feedback" || kind === "table") {
      const reg = regOf(root.dataset.shbFuRegister), items = store.register(reg.id);
      return kind === "feedback" ? feedbackBlocks(reg, items, party, day) : feedbackTable(reg, items, party, day);
    }
    const dreg = regOf(DECISIONS), date = dreg && dreg.fields.find((f) => f.kind === "date");
    const decisions = dreg ? store.register(DECISIONS).filter((d) => date && value(d, date.id).startsWith(String(shownYear))) : [];
    return reviewBlocks({ year: shownYear, questions: review().questions, commitments: reviewed(store.register(COMMITMENTS)),
      answers: store.register(REVIEW), decisions, creg: regOf(COMMITMENTS), dreg, day, party });
  }
  const TITLES = { review: "Uppföljning", feedback: "Återkoppling", table: "Synpunkter och svar" };
  // What the Word file says of itself: the parties' document, no handbook name.
  const about = (title) => ({ organisation: store.party(), title, description: title, header: "" });

  function out(root, b) {
    const kind = b.dataset.shbFuKind, how = b.dataset.shbFuOut, box = root.querySelector("[data-shb-fu-out]");
    const blocks = reportBlocks(root, kind), title = blocks[0].runs[0].text;
    box.textContent = how === "docx" ? "Word-filen görs i ordning …" : "";
    return shb.doc().then((w) => {
      if (how === "docx") {
        return w.word(blocks, about(title)).then((blob) => {
          box.textContent = shb.savedMessage(shb.download(slug(TITLES[kind] + "-" + (kind === "review" ? shownYear : today()), "rapport") + ".docx", blob));
        });
      }
      if (how === "copy") return w.copy(blocks).then(() => { box.textContent = "Texten är kopierad. Klistra in den där ni vill."; });
      let sheet = document.querySelector("[data-shb-fu-print]");
      if (!sheet) document.body.append(sheet = el("div", { class: "shb-fu-print", "data-shb-fu-print": "" }));
      sheet.innerHTML = w.html(blocks); // the writer's own markup: every value in it is a text node
      document.documentElement.classList.add("shb-print-report");
      window.addEventListener("afterprint", () => document.documentElement.classList.remove("shb-print-report"), { once: true });
      window.print();
    }).catch((e) => { box.textContent = shb.explain(e, "Det gick inte att ta ut texten. Försök igen."); });
  }

  function calendar(root) {
    const box = root.querySelector("[data-shb-fu-out]");
    return shb.load("timeline.js").then(() => {
      const ics = shb.features.timeline.ics, process = store.workspaceName(), site = shb.config().site;
      const events = calendarEvents({ meeting: store.get(MEETING_KEY) || "", commitments: store.register(COMMITMENTS), creg: regOf(COMMITMENTS),
        wid: store.activeId(), host: location.hostname || "samverkanshandboken", process, url: location.href.split("#")[0] });
      if (!events.length) { box.textContent = "Det finns inget att lägga i kalendern: välj ett datum för mötet, eller ge åtagandena ett datum."; return; }
      box.textContent = shb.savedMessage(shb.download(slug(process, "arbetsyta") + "-uppfoljning.ics",
        ics.build("Uppföljning – " + process, events, site), "text/calendar"));
    }).catch((e) => { box.textContent = shb.explain(e, "Kalenderfilen kunde inte skapas. Försök igen."); });
  }

  const rootOf = (node) => node && node.closest && node.closest("[data-shb-fu]");
  shb.actions("data-shb-fu-act", (name, b) => {
    const root = rootOf(b);
    if (!root || !R()) return;
    R().ready().then(() => {
      if (name === "out") out(root, b);
      if (name === "ics") calendar(root);
      if (name === "next") startNext(root);
    });
  });
  document.addEventListener("input", (e) => {
    const root = rootOf(e.target);
    if (!root || !e.target.matches("[data-shb-fu-q]")) return;
    clearTimeout(waiting.get(e.target));
    waiting.set(e.target, setTimeout(() => keepAnswer(root, e.target), 500));
  });
  document.addEventListener("change", (e) => {
    const root = rootOf(e.target);
    if (!root) return;
    if (e.target.matches("[data-shb-fu-q]")) keepAnswer(root, e.target);
    if (e.target.matches("[data-shb-fu-year]")) { shownYear = +e.target.value; drawReview(root); }
    if (e.target.matches("[data-shb-fu-meeting]")) {
      const v = e.target.value;
      if (!v || R().validDate(v)) store.set(MEETING_KEY, v || undefined);
    }
  });
  window.addEventListener("pagehide", () => waiting.forEach((timer, area) => { const root = rootOf(area); if (root) keepAnswer(root, area); }));

  // ---- mounting ---------------------------------------------------------------------

  function draw() {
    all("[data-shb-fu='review']").forEach(drawReview);
    all("[data-shb-fu]").forEach((root) => { root.dataset.shbFuMounted = ""; });
  }
  function mount() {
    shb.load("registers.js").then(() => R().ready()).then(draw).catch((e) => setTimeout(() => { throw e; }));
  }
  store.subscribe((reason) => {
    if (reason === "workspace") { shownYear = 0; shb.undo.retire(UNDO); }
    if (typing || !R() || !regOf(REVIEW)) return;
    draw();
  });

  shb.feature("followup", {
    mount,
    exports: { answerId, reviewYear, years, answerOf, putAnswer, reviewBlocks, feedbackBlocks, feedbackTable, calendarEvents }
  });
})();
