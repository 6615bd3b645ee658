// The language hint on every form: as a practitioner types in a free-text field,
// the calculators (calculators.training.language, in the worker) look for the words
// the handbook's language guide lists, and a quiet hint beside the field says why
// they harm and what to say instead. It never blocks, never changes the text, and
// nothing leaves the tab: the text goes only to the worker.

import { textElement } from "./render.js";

const WAIT_MS = 400;
const FREE_TEXT = "textarea:not([readonly]), input[type='text']:not([data-date-part])";

/**
 * @param {HTMLFormElement} form
 * @param {typeof import("../runtime/api.js")} api
 */
export function bindLanguageHints(form, api) {
  /** @type {WeakMap<Element, number>} */
  const timers = new WeakMap();
  /** @type {WeakMap<Element, number>} */
  const asked = new WeakMap();
  let next = 0;

  /** The hint beside a field, if any (found by place: a row's ids change when renumbered). */
  function hintOf(/** @type {Element} */ field) {
    const sibling = field.nextElementSibling;
    return sibling?.classList.contains("language-hint") ? /** @type {HTMLElement} */ (sibling) : null;
  }

  /** @param {Element} field @param {string | null} id */
  function describeBy(field, id) {
    const ids = (field.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((each) => each && !each.endsWith("-language"));
    if (id) ids.push(id);
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
  }

  /** @param {Element} field */
  function removeHint(field) {
    hintOf(field)?.remove();
    describeBy(field, null);
  }

  /** @param {HTMLInputElement | HTMLTextAreaElement} field @param {string[]} lines */
  function showHint(field, lines) {
    let hint = hintOf(field);
    if (!hint) {
      hint = document.createElement("div");
      hint.className = "language-hint";
      field.after(hint);
    }
    if (field.id) {
      hint.id = `${field.id}-language`;
      describeBy(field, hint.id);
    }
    hint.replaceChildren(
      textElement("p", "Language check (a suggestion only):"),
      ...lines.map((line) => textElement("p", line)),
    );
  }

  /** @param {HTMLInputElement | HTMLTextAreaElement} field */
  async function check(field) {
    const question = ++next;
    asked.set(field, question);
    const text = field.value;
    if (!text.trim()) {
      removeHint(field);
      return;
    }
    let answer;
    try {
      answer = await api.call("language_check", { text });
    } catch {
      return; // the hint is a help, never a hurdle
    }
    if (asked.get(field) !== question || field.value !== text) return; // typed on since
    if (answer.ok && answer.result.lines.length) showHint(field, answer.result.lines);
    else removeHint(field);
  }

  form.addEventListener("input", (event) => {
    const field = /** @type {HTMLElement} */ (event.target);
    if (!(field instanceof HTMLElement) || !field.matches(FREE_TEXT)) return;
    clearTimeout(timers.get(field));
    timers.set(
      field,
      window.setTimeout(() => check(/** @type {HTMLTextAreaElement} */ (field)), WAIT_MS),
    );
  });
  form.addEventListener("reset", () => {
    for (const field of form.querySelectorAll(FREE_TEXT)) removeHint(field);
  });
  // answers brought back from memory or a draft are checked once
  for (const field of form.querySelectorAll(FREE_TEXT)) {
    const box = /** @type {HTMLTextAreaElement} */ (field);
    if (box.value.trim()) check(box);
  }
}
