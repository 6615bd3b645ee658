// The due-dates calculator's page binding (form#dates-form, handbook/pages/dates.py):
// read the fields, ask the calculators ("dates", "calendar_file"), and show the
// answers as text. The answers come on arrival (from today's date) and follow the
// fields as they change (the newest answer wins); while a date is half typed they are
// simply withdrawn. They stand where the practitioner looks: beside the fields on a
// wide screen, under the field last changed on a narrow one (and are announced). On "Work out the
// dates" problems come back as {field, message}: an error summary at the top takes
// focus and links to each field, and each field shows its message.
// Nothing is worked out here, and nothing typed leaves the page.
//
// "Use these dates in the forms" hands the strategy meeting dates to the forms in
// this tab, as the risk page does, through memory.js (handOff). Which forms and fields is rendered into form[data-handoff] from
// the protocol (handbook/pages/dates.py); the dates themselves are the calculator's.
// What was typed is kept in memory.js (pagememory.js) while the practitioner moves
// between pages, and answered again on coming back.

import { bindClearAll } from "../components/clear.js";
import { download } from "../components/files.js";
import { handOff } from "../components/memory.js";
import { rememberPage } from "../components/pagememory.js";
import { clearErrorSummary, showErrorSummary, textElement } from "../components/render.js";

/** @typedef {{field: string, message: string}} Problem */
/** @typedef {{template: string, title: string, url: string, fields: Record<string, string>}} Handoff */

const HANDOFF_SOURCE = "the due-dates calculator";

const DATE_FIELDS = ["today", "last_strategy", "initial_strategy"];
const TEXT_FIELDS = ["agreed_interval_weeks", "interval_rationale", "case_reference"];
const CHOICE_FIELDS = ["out_of_borough", "referral_planned"];

/**
 * @param {HTMLFormElement} form
 * @param {import("../runtime/calculator.js").Context} context
 */
export function bind(form, { api }) {
  const summary = /** @type {HTMLElement} */ (form.querySelector(".error-summary"));
  const exportStatus = /** @type {HTMLElement} */ (form.querySelector(".export-status"));
  const answer = /** @type {HTMLElement} */ (document.getElementById("dates-answer"));
  const details = /** @type {HTMLElement} */ (document.getElementById("out_of_borough-details"));
  const handoffButton = /** @type {HTMLButtonElement} */ (
    form.querySelector("[data-action='handoff-forms']")
  );
  /** @type {Handoff[]} */
  const handoffs = JSON.parse(form.dataset.handoff ?? "[]");
  let latest = 0;
  let liveTimer = 0;
  const wide = window.matchMedia("(min-width: 60em)");
  /** @type {HTMLElement | null} */
  let changedField = null;

  // Reading the form -------------------------------------------------------------

  /** @param {string} id */
  function valueOf(id) {
    const element = /** @type {HTMLInputElement | null} */ (document.getElementById(id));
    return element ? element.value : "";
  }

  /** @param {string} name */
  function choice(name) {
    const checked = /** @type {HTMLInputElement | null} */ (
      form.querySelector(`input[name='${name}']:checked`)
    );
    return checked ? checked.value : "";
  }

  function payload() {
    /** @type {Record<string, unknown>} */
    const fields = {};
    for (const name of DATE_FIELDS) {
      fields[name] = {
        day: valueOf(`${name}-day`),
        month: valueOf(`${name}-month`),
        year: valueOf(`${name}-year`),
      };
    }
    for (const name of CHOICE_FIELDS) fields[name] = choice(name);
    for (const name of TEXT_FIELDS) fields[name] = valueOf(name);
    return fields;
  }

  /** Today's date from this computer's clock, where the day is still empty. */
  function fillToday() {
    const now = new Date();
    const parts = { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
    for (const [part, value] of Object.entries(parts)) {
      const input = /** @type {HTMLInputElement} */ (document.getElementById(`today-${part}`));
      if (input && !input.value) input.value = String(value);
    }
  }

  function showDetails() {
    details.hidden = choice("out_of_borough") !== "yes";
  }

  // Problems ---------------------------------------------------------------------

  /** The element a problem's link goes to: the first part of a date, or the field. */
  function targetId(/** @type {string} */ field) {
    if (DATE_FIELDS.includes(field)) return `${field}-day`;
    if (CHOICE_FIELDS.includes(field)) return `${field}-yes`;
    return field;
  }

  function clearProblems() {
    clearErrorSummary(form, summary);
  }

  /** @param {Problem[]} errors */
  function showProblems(errors) {
    showErrorSummary(form, summary, errors, targetId);
  }

  // Answers ----------------------------------------------------------------------

  /** @param {{id: string, title: string, summary: string, details: string[], clause_text: string, warning: string | null}[]} answers */
  function showAnswers(answers) {
    answer.replaceChildren(textElement("h2", "The dates"));
    for (const item of answers) {
      const section = document.createElement("section");
      section.className = "dates-answer";
      section.dataset.answer = item.id;
      const when = document.createElement("p");
      when.append(textElement("strong", item.summary));
      section.append(textElement("h3", item.title), when);
      section.append(...item.details.map((line) => textElement("p", line)));
      if (item.warning) section.append(textElement("p", item.warning, "dates-warning"));
      section.append(textElement("p", `The directive, ${item.clause_text}.`, "dates-clause"));
      answer.append(section);
    }
  }

  /** Beside the form on a wide screen; on a narrow one under the field last changed
   * (its group, for the fields shown only on a "yes"), first under today's date, so the
   * answer is where the eyes are. */
  function placeAnswer() {
    const changed = changedField ?? document.getElementById("today");
    const field = changed?.closest(".conditional") ?? changed?.closest(".field") ?? null;
    if (wide.matches || !field) {
      if (form.nextElementSibling !== answer) form.after(answer);
    } else if (field.nextElementSibling !== answer) {
      field.after(answer);
    }
  }

  /** Drop the live answer still waiting for the pause after typing. */
  function cancelLiveAnswer() {
    clearTimeout(liveTimer);
    liveTimer = 0;
  }

  /** Ask for the answers; `live` (as the fields change) shows no problems and takes no focus. */
  async function update(live = false) {
    cancelLiveAnswer();
    const asked = ++latest;
    const response = await api.call("dates", payload());
    if (asked !== latest) return; // a newer question is on its way
    if (response.ok) {
      clearProblems();
      placeAnswer();
      showAnswers(response.result.answers);
      if (!live) answer.scrollIntoView({ block: "nearest" });
      handoffButton.hidden = !response.result.strategy_meeting || handoffs.length === 0;
    } else {
      answer.replaceChildren();
      handoffButton.hidden = true;
      if (!live) showProblems(response.errors);
    }
  }

  /** The answers follow the fields: a short pause after typing, then ask. */
  function updateSoon(/** @type {Event} */ event) {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.id === "case_reference") return; // only the calendar file uses it
    if (form.contains(target) && target !== form) changedField = target;
    // Text fields answer as they are typed ("input"); their "change" comes on leaving
    // them, for example to press "Work out the dates", which answers by itself.
    if (event.type === "change" && target.type !== "radio") return;
    cancelLiveAnswer();
    liveTimer = window.setTimeout(() => update(true), 300);
  }

  // Handing the dates to the forms -----------------------------------------------------

  /** The date parts as typed, when the calculator accepted them and they are not empty. */
  function typedDate(/** @type {string} */ name) {
    const parts = {
      day: valueOf(`${name}-day`).trim(),
      month: valueOf(`${name}-month`).trim(),
      year: valueOf(`${name}-year`).trim(),
    };
    return parts.day || parts.month || parts.year ? parts : null;
  }

  async function handToForms() {
    exportStatus.textContent = "";
    cancelLiveAnswer(); // this question answers the fields as they stand
    const asked = ++latest;
    const response = await api.call("dates", payload());
    if (asked !== latest) return;
    if (!response.ok) {
      answer.replaceChildren();
      handoffButton.hidden = true;
      showProblems(response.errors);
      return;
    }
    clearProblems();
    showAnswers(response.result.answers);
    const strategy = response.result.strategy_meeting;
    if (!strategy) {
      exportStatus.textContent = form.dataset.nothingToHandOff ?? "";
      return;
    }
    /** @type {Record<string, unknown>} */
    const dates = {
      last_strategy: strategy.last,
      initial_strategy: typedDate("initial_strategy"),
      next_strategy_latest: strategy.latest,
      next_strategy_due_by: strategy.due_by,
    };
    const links = [];
    for (const target of handoffs) {
      /** @type {Record<string, unknown>} */
      const fields = {};
      for (const [field, source] of Object.entries(target.fields)) {
        if (dates[source]) fields[field] = dates[source];
      }
      if (!handOff(target.template, { source: HANDOFF_SOURCE, fields })) {
        exportStatus.textContent = "This browser would not pass the dates on. Type them into the form.";
        return;
      }
      const link = document.createElement("a");
      link.href = target.url;
      link.textContent = target.title;
      links.push(link);
    }
    exportStatus.replaceChildren(
      "The dates will go into a form's empty fields when you open it by these links in this " +
        "tab (where a field already holds a date, the form asks first): ",
    );
    links.forEach((link, index) => {
      exportStatus.append(link, index < links.length - 1 ? "; " : ".");
    });
  }

  // The calendar file ----------------------------------------------------------------


  async function downloadCalendar() {
    exportStatus.textContent = "";
    // The answer to the last change first, so that it cannot come after the calendar
    // file's problems and clear them.
    if (liveTimer) await update(true);
    const response = await api.call("calendar_file", { ...payload(), now: new Date().toISOString() });
    if (!response.ok) {
      showProblems(response.errors);
      return;
    }
    clearProblems();
    const { filename, media_type: type, text } = response.result;
    download(filename, new Blob([text], { type }));
    exportStatus.textContent = `Calendar file ${filename} made. It holds no names.`;
  }

  // Wiring -------------------------------------------------------------------------

  rememberPage(form); // what was typed on an earlier visit in this tab
  fillToday();
  showDetails();
  wide.addEventListener("change", placeAnswer);
  form.addEventListener("submit", () => update(false));
  form.addEventListener("input", updateSoon);
  form.addEventListener("change", updateSoon);
  for (const name of CHOICE_FIELDS) {
    for (const radio of form.querySelectorAll(`input[name='${name}']`)) {
      radio.addEventListener("change", showDetails);
    }
  }
  form.querySelector("[data-action='download-ics']")?.addEventListener("click", downloadCalendar);
  handoffButton.addEventListener("click", handToForms);
  bindClearAll(form, () => {
    cancelLiveAnswer();
    latest++; // an answer still on its way is dropped
    handoffButton.hidden = true;
    fillToday(); // from the clock, not case data
    showDetails();
    changedField = null;
    placeAnswer();
  });
  update(true); // on arrival, from today's date (the question waits for Python)
}
