// The warning before answers would be lost. Answers live only in this tab's memory
// (memory.js), so a reload, closing the tab, or a link that leaves the handbook
// (a full page load) forgets them; moving between handbook pages does not. The
// browser shows its own "Leave site?" question: it lets nobody set the words.

import { holdsCaseData } from "./memory.js";

/** Something was ticked or typed into a calculator form since the last "Clear all case data". */
let typed = false;

/** @param {Event} event */
function noteTyping(event) {
  const target = /** @type {Element | null} */ (event.target);
  if (!event.isTrusted || !target?.closest?.("form.calculator")) return;
  if (target instanceof HTMLInputElement && target.type === "file") return;
  typed = true;
}

/** Whether leaving now would lose answers. @returns {boolean} */
export function wouldLoseAnswers() {
  return typed || holdsCaseData();
}

/** After "Clear all case data" nothing is left to lose. */
export function cleared() {
  typed = false;
}

document.addEventListener("input", noteTyping, true);
document.addEventListener("change", noteTyping, true);
document.addEventListener("click", (event) => {
  const target = /** @type {Element | null} */ (event.target);
  if (target?.closest?.("[data-action='clear-all']")) cleared();
});
window.addEventListener("beforeunload", (event) => {
  if (!wouldLoseAnswers()) return;
  event.preventDefault();
  event.returnValue = ""; // older browsers ask only when a value is set
});
