// The risk category calculator's page binding: send the ticked indicators to
// the calculators, show the suggested category and its reasons as text, and
// record the practitioner's own category (with a reason when it differs) in
// the Word summary, the text for the case record and the monthly report.

import { bindClearAll } from "./clear.js";
import { downloadDocument } from "./files.js";
import { handOff } from "./memory.js";

/** @typedef {{field: string, message: string}} Problem */

/**
 * @param {HTMLFormElement} form  form#risk-form with checkboxes name="indicator"
 * @param {import("./calculator.js").Context} context
 */
export function bind(form, { api, showLines, showProblems }) {
  const answer = /** @type {HTMLElement} */ (document.getElementById("risk-answer"));
  const judgement = /** @type {HTMLFormElement} */ (document.getElementById("judgement-form"));
  const recorded = /** @type {HTMLSelectElement} */ (judgement.elements.namedItem("recorded_category"));
  const reason = /** @type {HTMLTextAreaElement} */ (judgement.elements.namedItem("reason"));
  const caseText = /** @type {HTMLTextAreaElement} */ (document.getElementById("risk-text"));
  const exportStatus = /** @type {HTMLElement} */ (judgement.querySelector(".export-status"));
  let latest = 0;

  /** @returns {string[]} */
  function ticked() {
    return [...form.querySelectorAll("input[name='indicator']:checked")].map(
      (box) => /** @type {HTMLInputElement} */ (box).value,
    );
  }

  // The suggestion ---------------------------------------------------------------

  async function update() {
    const asked = ++latest;
    const response = await api.risk({ indicators: ticked() });
    if (asked !== latest) return; // a newer question is on its way
    if (response.ok) {
      // the rationale already gives the counts; the clauses are listed as the bridge sends them
      const { rationale, clauses, category_name } = response.result;
      showLines(answer, [...rationale, `Clauses: ${clauses.join(", ")}.`], `Suggested: ${category_name}`);
    } else {
      showProblems(answer, response.errors);
    }
  }

  // Professional judgement and exports --------------------------------------------

  /** @param {Problem[]} problems */
  function showFieldProblems(problems) {
    clearFieldProblems();
    let first = null;
    const general = [];
    for (const { field, message } of problems) {
      const control = field === "recorded_category" ? recorded : field === "reason" ? reason : null;
      const error = document.getElementById(`${field}-error`);
      if (control && error) {
        error.textContent = `Error: ${message}`;
        error.hidden = false;
        error.parentElement?.classList.add("field--error");
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", `${field}-error ${field}-hint`);
        first ??= control;
      } else {
        general.push(message);
      }
    }
    exportStatus.textContent = general.join(" ");
    first?.focus();
  }

  function clearFieldProblems() {
    for (const control of [recorded, reason]) {
      const error = /** @type {HTMLElement} */ (document.getElementById(`${control.id}-error`));
      error.hidden = true;
      error.textContent = "";
      error.parentElement?.classList.remove("field--error");
      control.removeAttribute("aria-invalid");
      control.setAttribute("aria-describedby", `${control.id}-hint`);
    }
  }

  /** The full answer with the judgement, or null after showing what to fix. */
  async function judged() {
    exportStatus.textContent = "";
    const response = await api.risk({
      indicators: ticked(),
      recorded_category: recorded.value,
      reason: reason.value,
    });
    if (!response.ok) {
      showFieldProblems(response.errors);
      return null;
    }
    clearFieldProblems();
    caseText.value = response.result.text;
    return response.result;
  }

  async function downloadSummary() {
    const result = await judged();
    if (!result) return;
    exportStatus.textContent = "Making the Word document…";
    const template = judgement.dataset.template ?? "";
    const made = await downloadDocument(api, judgement.dataset.blank ?? "", template, result.document_fields);
    if (made.ok) exportStatus.textContent = `Downloaded ${made.filename}.`;
    else showFieldProblems(made.errors);
  }

  async function copyText() {
    const result = await judged();
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.text);
      exportStatus.textContent = "Copied the text for the case record.";
    } catch {
      caseText.select();
      exportStatus.textContent = "The text is below, selected: press Ctrl+C (or Cmd+C) to copy it.";
    }
  }

  async function offerToReport() {
    const result = await judged();
    if (!result) return;
    const handoff = {
      source: "the risk calculator",
      fields: { [judgement.dataset.reportField ?? ""]: result.text },
    };
    if (!handOff(judgement.dataset.reportTemplate ?? "", handoff)) {
      exportStatus.textContent = "This browser would not pass the answer on. Copy the text instead.";
      return;
    }
    exportStatus.replaceChildren();
    const link = document.createElement("a");
    link.href = judgement.dataset.reportUrl ?? "";
    link.textContent = "Open the monthly report";
    exportStatus.append("The answer will be filled in when you open the monthly report by this link in this tab. ", link);
  }

  // Wiring -------------------------------------------------------------------------

  form.addEventListener("submit", update);
  form.addEventListener("change", update);
  form.querySelector("[data-action='clear-risk']")?.addEventListener("click", () => {
    for (const box of form.querySelectorAll("input[name='indicator']")) {
      /** @type {HTMLInputElement} */ (box).checked = false;
    }
    update();
  });
  judgement.addEventListener("submit", (event) => {
    event.preventDefault();
    downloadSummary();
  });
  judgement.querySelector("[data-action='copy-text']")?.addEventListener("click", copyText);
  judgement.querySelector("[data-action='offer-report']")?.addEventListener("click", offerToReport);
  bindClearAll(form, () => {
    latest++; // an answer still on its way is dropped
    clearFieldProblems();
  });
  for (const control of judgement.querySelectorAll("input, select, textarea, button")) {
    /** @type {HTMLInputElement} */ (control).disabled = false;
  }
  judgement.hidden = false;
}
