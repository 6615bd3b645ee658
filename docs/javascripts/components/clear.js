// "Clear all case data": the one control every calculator page has (the risk page,
// the due-dates page and each template form). It is rendered by
// handbook/pages/forms.py (clear_all_control) and bound here, once for all pages:
// every form on the page is emptied, every answer and text for the case record,
// every message, the answers kept for every page of the tab and handed from one page
// to another (memory.js), the downloads' Blob URLs (files.js), and the calculators'
// worker, which is stopped and started afresh (api.js restartWorker). Nothing is in
// localStorage. Other tabs, and what the browser itself keeps while a tab is open,
// are out of a page's reach: the message says to close them.

import { restartWorker } from "../runtime/api.js";
import { revokeDownloads } from "./files.js";
import { forgetAll } from "./memory.js";
import { clearErrorSummary } from "./render.js";

export const CLEARED =
  "Cleared: the answers on every page of this tab, the files made here, and the " +
  "calculator, which has been started afresh. For a full clear, close this tab and any " +
  "other tab of the handbook.";

/**
 * Empty every calculator form (form.calculator: not the theme's own search or palette),
 * answer and case text on the page, the answers kept in memory.js for every page, the
 * downloads' Blob URLs; and start the calculators' worker afresh.
 */
export function clearAllCaseData() {
  for (const form of document.querySelectorAll("form.calculator")) {
    /** @type {HTMLFormElement} */ (form).reset();
    const summary = /** @type {HTMLElement | null} */ (form.querySelector(".error-summary"));
    clearErrorSummary(/** @type {HTMLFormElement} */ (form), summary);
  }
  for (const list of document.querySelectorAll(".row-list")) list.replaceChildren();
  for (const box of document.querySelectorAll("form.calculator textarea")) {
    /** @type {HTMLTextAreaElement} */ (box).value = "";
  }
  for (const answer of document.querySelectorAll(".calculator-answer")) answer.replaceChildren();
  for (const note of document.querySelectorAll(".form-notice, .export-status, .clear-status")) {
    note.replaceChildren();
  }
  for (const question of document.querySelectorAll(".page-question")) question.remove();
  forgetAll();
  revokeDownloads();
  restartWorker().catch(() => {}); // a worker that cannot start says so at the next question
}

/**
 * Bind the page's "Clear all case data" buttons ([data-action='clear-all'] in `root`).
 * @param {ParentNode} root
 * @param {() => void} [after]  the page's own tidy-up: drop answers still on their way,
 *   put back what is not case data (today's date from the clock)
 */
export function bindClearAll(root, after) {
  for (const button of root.querySelectorAll("[data-action='clear-all']")) {
    button.addEventListener("click", () => {
      clearAllCaseData();
      after?.();
      for (const status of document.querySelectorAll(".clear-status")) {
        status.textContent = CLEARED;
      }
    });
  }
}
