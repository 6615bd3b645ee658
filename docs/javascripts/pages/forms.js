// The template forms' page binding (form[data-calculator="form"], rendered by
// handbook/pages/forms.py). The calculators check the answers and make the Word
// document and the plain text; this file only reads and writes the page.
//
// Nothing typed leaves the tab: answers are kept through memory.js so that moving
// between pages loses nothing. Other pages hand answers over with memory.js's
// handOff(template id, {source: "the risk calculator", fields: {field id: value}}).
//
// A date field's value is sent as its three parts {day, month, year}, as typed: the
// calculators check it (calculators.documents.drafts, through calculators.dates.fields) and give
// ISO text back in drafts. A value put into the form may be either.

import { ask } from "../components/ask.js";
import { bindClearAll } from "../components/clear.js";
import { copyForCaseRecord } from "../components/copy.js";
import { download, downloadDocument, openDraft, preloadBlank } from "../components/files.js";
import { handToForm, receiveHandOff } from "../components/handto.js";
import { hasAnswer, keepAnswers, keptAnswers, takeHandOff } from "../components/memory.js";
import { bindLanguageHints } from "../components/language-hint.js";
import { clearErrorSummary, showErrorSummary } from "../components/render.js";
import { control, dateParts, fieldControls } from "../components/fieldcontrols.js";
import { rowAction } from "../components/rows.js";

/**
 * @typedef {{day: string, month: string, year: string}} DateParts
 * @typedef {Record<string, string | DateParts | Record<string, string>[]>} Values
 * @typedef {{field: string, message: string}} Problem
 */

/**
 * @param {HTMLFormElement} form
 * @param {import("../runtime/calculator.js").Context} context
 */
export function bind(form, { api }) {
  const template = form.dataset.template ?? "";
  const summary = /** @type {HTMLElement} */ (form.querySelector(".error-summary"));
  const notice = /** @type {HTMLElement} */ (form.querySelector(".form-notice"));
  const exportStatus = /** @type {HTMLElement} */ (form.querySelector(".export-status"));
  const caseText = /** @type {HTMLTextAreaElement} */ (form.querySelector("#form-text"));
  const draftInput = /** @type {HTMLInputElement} */ (form.querySelector("#open-draft"));

  // Reading and writing the answers ------------------------------------------

  const CONTROLS = fieldControls(form);

  /** @returns {Values} */
  function collect() {
    /** @type {Values} */
    const values = {};
    for (const wrapper of form.querySelectorAll("[data-field-wrapper]")) {
      const id = /** @type {HTMLElement} */ (wrapper).dataset.fieldWrapper ?? "";
      const how = control(wrapper);
      values[id] = CONTROLS[how.kind].read(wrapper, how);
    }
    return values;
  }

  /** Put answers into the form; fields not named are left as they are. @param {Values} values */
  function fill(values) {
    for (const [id, value] of Object.entries(values)) {
      const wrapper = form.querySelector(`[data-field-wrapper='${CSS.escape(id)}']`);
      if (!wrapper) continue;
      const how = control(wrapper);
      CONTROLS[how.kind].write(wrapper, id, value, how);
    }
  }

  form.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-action]");
    if (!button || !form.contains(button)) return;
    const action = /** @type {HTMLElement} */ (button).dataset.action ?? "";
    if (rowAction(form, /** @type {HTMLElement} */ (button), action)) {
      save();
    } else if (action === "save-draft") {
      saveDraft();
    } else if (action === "copy-text") {
      copyText();
    } else if (action === "print") {
      window.print();
    } else if (action === "hand-off") {
      handTo(/** @type {HTMLElement} */ (button));
    }
  });

  // Handing answers to another form ------------------------------------------------
  // A button per `handoffs` entry of the template (handbook/pages/forms.py): its
  // data-fields map the other form's field ids to this form's, as the protocol says.

  /** @param {HTMLElement} button */
  function handTo(button) {
    handToForm(button, collect(), {
      source: form.dataset.title ?? "",
      status: exportStatus,
      refused: "This browser would not pass the answers on.",
      filled: (sources) => `${sources.map(labelOf).join("; ")}: filled in when you open the form in this tab. `,
    });
  }

  // Keeping answers for the tab only ---------------------------------------------

  function save() {
    keepAnswers(template, collect()); // if it cannot be kept, the form still works
  }

  function restore() {
    const kept = keptAnswers(template);
    if (kept) fill(kept);
    const handoff = takeHandOff(template);
    if (handoff) {
      const side = { template, notice, collect, fill, save, labelOf, dateParts };
      receiveHandOff(form, handoff, side).then(checkSoon);
    }
  }

  form.addEventListener("input", save);
  form.addEventListener("change", (event) => {
    if (event.target !== draftInput) save();
  });

  // Problems ----------------------------------------------------------------------

  /** The input a problem's field path points to: "f-x", or a row's cell "f-x-2-col". */
  function targetId(/** @type {string} */ field) {
    const cell = /^([^[\]]+)\[(\d+)\](?:\.(.+))?$/.exec(field);
    if (cell) {
      const [, id, row, column] = cell;
      const first = form.querySelector(`[data-rows='${CSS.escape(id)}'] > .row:nth-child(${Number(row) + 1}) textarea`);
      return column ? `f-${id}-${row}-${column}` : first?.id ?? `f-${id}`;
    }
    const wrapper = form.querySelector(`[data-field-wrapper='${CSS.escape(field)}']`);
    if (!wrapper) return "";
    const how = control(wrapper);
    return CONTROLS[how.kind].focus(field, how);
  }

  /** @param {string} field */
  function labelOf(field) {
    const wrapper = form.querySelector(`[data-field-wrapper='${CSS.escape(field)}']`);
    const label = wrapper?.querySelector("label, legend");
    return label ? (label.textContent ?? "").replace("(required)", "").trim() : field;
  }

  function clearProblems() {
    clearErrorSummary(form, summary);
  }

  /** The GOV.UK error summary: a link to each problem's input, focused. @param {Problem[]} errors */
  function showProblems(errors) {
    showErrorSummary(form, summary, errors, targetId);
  }

  /** @param {string} message */
  function problem(message) {
    showProblems([{ field: "", message }]);
  }

  // Warnings: answers allowed, worth a second look (beside the field) ----------------

  /** @param {Problem[]} warnings */
  function showWarnings(warnings) {
    for (const old of form.querySelectorAll(".field-warning")) old.remove();
    for (const { field, message } of warnings) {
      const wrapper = form.querySelector(`[data-field-wrapper='${CSS.escape(field)}']`);
      if (!wrapper) continue;
      const note = document.createElement("p");
      note.className = "field-warning";
      note.setAttribute("role", "status");
      note.textContent = message;
      wrapper.append(note);
    }
  }

  let checking = 0;
  let checkTimer = 0;

  /** Check the answers as they change (incomplete allowed); the newest check wins. */
  async function checkAnswers() {
    const asked = ++checking;
    const answer = await api.call("check_form", { template, fields: collect(), complete: false });
    if (asked !== checking) return;
    showWarnings(answer.ok ? answer.result.warnings ?? [] : []);
  }

  function checkSoon() {
    clearTimeout(checkTimer);
    checkTimer = window.setTimeout(checkAnswers, 300);
  }

  form.addEventListener("change", (event) => {
    if (event.target !== draftInput) checkSoon();
  });

  // Exports ----------------------------------------------------------------------

  async function makeDocument() {
    exportStatus.textContent = "Making the Word document…";
    const made = await downloadDocument(api, form.dataset.blank ?? "", template, collect());
    if (!made.ok) {
      exportStatus.textContent = "";
      showProblems(made.errors);
      return;
    }
    clearProblems();
    showWarnings(made.warnings ?? []);
    caseText.value = made.text;
    exportStatus.textContent = `Downloaded ${made.filename}.`;
  }

  /** Ask the calculators about the answers: their result, or null (problems shown). */
  async function askAbout(/** @type {string} */ request) {
    const answer = await api.call(request, { template, fields: collect() });
    if (!answer.ok) {
      showProblems(answer.errors);
      return null;
    }
    clearProblems();
    return answer.result;
  }

  async function copyText() {
    const result = await askAbout("template_text");
    if (!result) return;
    caseText.value = result.text;
    await copyForCaseRecord(result.text, caseText, exportStatus);
  }

  /**
   * Without Python (it could not start) the draft is made here: the form's values as
   * JSON, in the format calculators/documents/drafts.py reads back, checked when it is opened.
   */
  function saveDraftWithoutCalculator() {
    const name = form.dataset.draftName ?? `${template}.json`;
    const draft = { template, protocol_version: form.dataset.protocolVersion, fields: collect() };
    download(name, new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: "application/json" }));
    exportStatus.textContent = `Saved ${name} to your downloads.`;
  }

  async function saveDraft() {
    if (form.dataset.calculatorState === "failed" && !api.isReady()) {
      saveDraftWithoutCalculator();
      return;
    }
    const result = await askAbout("save_draft");
    if (!result) return;
    download(result.filename, new Blob([result.json], { type: "application/json" }));
    exportStatus.textContent = `Saved ${result.filename} to your downloads.`;
  }

  draftInput.addEventListener("change", () => {
    const file = draftInput.files?.[0];
    draftInput.value = "";
    if (!file) return;
    const limit = Number(draftInput.dataset.maxBytes) || 0;
    openDraft(api, file, limit, template).then(async (answer) => {
      if (!answer.ok) {
        // nothing typed is lost: the form is left as it was
        showProblems(answer.problems.map((message) => ({ field: "", message })));
        return;
      }
      clearProblems();
      if (hasAnswer(collect())) {
        const choice = await ask(notice, {
          title: `Open the draft ${file.name} in place of your answers?`,
          lines: [
            "The draft's answers replace everything typed in this form now. " +
              "Save your answers as a draft first if you may want them again.",
          ],
          choices: [
            { value: "keep", label: "Keep my answers" },
            { value: "open", label: "Open the draft in their place" },
          ],
        });
        if (choice !== "open") {
          notice.textContent = `The draft ${file.name} was not opened: your answers are as they were.`;
          notice.tabIndex = -1;
          notice.focus();
          return;
        }
      }
      clearForm();
      fill(answer.result.fields);
      save();
      checkSoon();
      notice.textContent = [`Opened the draft ${file.name}.`, ...answer.result.warnings].join(" ");
    });
  });

  // Clearing -------------------------------------------------------------------------

  function clearForm() {
    form.reset();
    for (const list of form.querySelectorAll(".row-list")) list.replaceChildren();
    caseText.value = "";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    makeDocument();
  });

  bindClearAll(form, () => {
    checking++; // a check still on its way is dropped
    clearTimeout(checkTimer);
    showWarnings([]);
  });
  restore();
  preloadBlank(form.dataset.blank ?? "").catch(() => {}); // said when the document is made
  bindLanguageHints(form, api); // the quiet hint on free-text fields (issue 11)
}
