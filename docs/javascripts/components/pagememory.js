// A calculator page's own answers (the risk page's ticks, the due-dates entries, a
// training scenario's ticks and the quiz's place) kept in memory.js, as the forms'
// answers are, so that moving to another handbook page and back brings them back
// exactly. Only what the practitioner did is kept: a page's own filling-in (today's
// date from the clock) is not, so a page nobody touched holds nothing to warn about.
//
// A page's answers are kept under "#" and its form's id (a template id has no "#").

import { keepAnswers, keptAnswers } from "./memory.js";

/**
 * @typedef {{checked: string[], values: Record<string, string>, page?: unknown}} PageAnswers
 *   checked: the ids of the ticked boxes and chosen radios; values: each text box's and
 *   list's value by id; page: what else the page keeps (the quiz's place)
 */

/** @param {HTMLFormElement} form */
function keyOf(form) {
  return `#${form.id}`;
}

/** @param {Element} control @returns {control is HTMLInputElement} */
function isChoice(control) {
  return control instanceof HTMLInputElement && ["checkbox", "radio"].includes(control.type);
}

/** The controls a person answers in: not files, buttons or read-only text for the case record. */
function answerControls(/** @type {HTMLFormElement} */ form) {
  return [...form.querySelectorAll("input[id], select[id], textarea[id]")].filter((control) => {
    const input = /** @type {HTMLInputElement} */ (control);
    return !input.readOnly && !["file", "button", "submit", "hidden"].includes(input.type);
  });
}

/** What the form's controls hold now. @param {HTMLFormElement} form @returns {PageAnswers} */
export function readControls(form) {
  /** @type {PageAnswers} */
  const answers = { checked: [], values: {} };
  for (const control of answerControls(form)) {
    const input = /** @type {HTMLInputElement} */ (control);
    if (isChoice(input)) {
      if (input.checked) answers.checked.push(input.id);
    } else if (input.value !== "") {
      answers.values[input.id] = input.value;
    }
  }
  return answers;
}

/**
 * Put kept answers back: every box and radio as it was, every text as it was (a box
 * not named is emptied, a list not named keeps its first option).
 * @param {HTMLFormElement} form @param {PageAnswers} answers
 */
export function writeControls(form, answers) {
  const checked = new Set(answers.checked);
  for (const control of answerControls(form)) {
    const input = /** @type {HTMLInputElement} */ (control);
    if (isChoice(input)) input.checked = checked.has(input.id);
    else if (input.id in answers.values) input.value = answers.values[input.id];
    else if (!(input instanceof HTMLSelectElement)) input.value = "";
  }
}

/**
 * Keep the page's answers now, with what else the page keeps.
 * @param {HTMLFormElement} form @param {unknown} [page]
 */
export function keepPage(form, page) {
  keepAnswers(keyOf(form), { ...readControls(form), page });
}

/** The page's answers kept earlier in this tab, or null. @param {HTMLFormElement} form @returns {PageAnswers | null} */
export function keptPage(form) {
  return keptAnswers(keyOf(form));
}

/**
 * Keep the answers whenever the practitioner ticks or types (events the browser
 * marks as theirs: not the page's own filling-in), and put back those kept earlier.
 * @param {HTMLFormElement} form
 * @param {() => unknown} [page]  what else to keep, read at each change
 * @returns {PageAnswers | null} the answers put back, if any
 */
export function rememberPage(form, page) {
  const kept = keptPage(form);
  if (kept) writeControls(form, kept);
  /** @param {Event} event */
  const keep = (event) => {
    if (event.isTrusted) keepPage(form, page?.());
  };
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  return kept;
}
