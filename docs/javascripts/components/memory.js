// The one home for case data kept while the practitioner moves between handbook
// pages: each form's answers, and the answers one page hands to another.
//
// Everything is kept in this module's memory, and nowhere else: no sessionStorage,
// localStorage, IndexedDB, Cache Storage, cookie or URL (browsers write storage
// to the profile on disk). The handbook moves between its pages without reloading
// (Material's navigation.instant), so this module, and what it holds, lives as
// long as the tab shows the handbook. A reload, closing the tab or leaving the
// handbook forgets it all; leave.js warns before that happens.
//
// A hand-off is {source: "the risk calculator", fields: {field id: value}}, taken
// (and forgotten) by the form page of `template` when it opens.

/** @typedef {{source: string, fields: Record<string, unknown>}} HandOff */

/** @type {Map<string, string>} each form's answers, as JSON (a copy nobody can change) */
const answers = new Map();
/** @type {Map<string, string>} hand-offs waiting for their form, as JSON */
const handoffs = new Map();

/** @param {unknown} value @returns {string | null} */
function copy(value) {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** Keep a form's answers. @param {string} template @param {unknown} values @returns {boolean} */
export function keepAnswers(template, values) {
  const text = copy(values);
  if (text === null) return false;
  answers.set(template, text);
  return true;
}

/** A form's answers kept earlier, or null. @param {string} template */
export function keptAnswers(template) {
  const text = answers.get(template);
  return text === undefined ? null : JSON.parse(text);
}

/** Hand answers to another form. @param {string} template @param {HandOff} handoff @returns {boolean} */
export function handOff(template, handoff) {
  const text = copy(handoff);
  if (text === null) return false;
  handoffs.set(template, text);
  return true;
}

/** The answers handed to this form, once: null if there are none. @param {string} template @returns {HandOff | null} */
export function takeHandOff(template) {
  const text = handoffs.get(template);
  handoffs.delete(template);
  return text === undefined ? null : JSON.parse(text);
}

/** Forget every answer and hand-off. */
export function forgetAll() {
  answers.clear();
  handoffs.clear();
}

/** Whether anything typed is kept here (for the warning before leaving). @returns {boolean} */
export function holdsCaseData() {
  if (handoffs.size > 0) return true;
  for (const text of answers.values()) if (hasAnswer(JSON.parse(text))) return true;
  return false;
}

/** @param {unknown} value @returns {boolean} whether any text or choice in value is not empty */
export function hasAnswer(value) {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "object") return Object.values(value).some(hasAnswer);
  return true;
}
