// The one home for case data kept while the practitioner moves between handbook
// pages: each form's answers, and the answers one page hands to another.
// Every key is made here, so no other module spells one.
//
// A hand-off is {source: "the risk calculator", fields: {field id: value}}, taken
// (and forgotten) by the form page of `template` when it opens.
//
// TODO(issue 10): the backing store moves from sessionStorage into this module's
// memory, kept alive across pages by the navigation; the functions stay as they are.

const ANSWERS = "cse-form:";
const HANDOFF = "cse-handoff:";

/** @typedef {{source: string, fields: Record<string, unknown>}} HandOff */

/** @param {string} key @param {unknown} value @returns {boolean} whether it was kept */
function put(key, value) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** @param {string} key @returns {any} the value kept, or null */
function get(key) {
  try {
    const kept = sessionStorage.getItem(key);
    return kept ? JSON.parse(kept) : null;
  } catch {
    return null;
  }
}

/** Keep a form's answers. @param {string} template @param {unknown} values @returns {boolean} */
export function keepAnswers(template, values) {
  return put(ANSWERS + template, values);
}

/** A form's answers kept earlier, or null. @param {string} template */
export function keptAnswers(template) {
  return get(ANSWERS + template);
}

/** Hand answers to another form. @param {string} template @param {HandOff} handoff @returns {boolean} */
export function handOff(template, handoff) {
  return put(HANDOFF + template, handoff);
}

/** The answers handed to this form, once: null if there are none. @param {string} template @returns {HandOff | null} */
export function takeHandOff(template) {
  const handoff = get(HANDOFF + template);
  try {
    sessionStorage.removeItem(HANDOFF + template);
  } catch {
    // nothing was kept
  }
  return handoff;
}

/** Forget every answer and hand-off. */
export function forgetAll() {
  try {
    sessionStorage.clear();
  } catch {
    // nothing could be kept either
  }
}
