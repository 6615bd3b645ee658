// The risk page's binding (form#risk-form, rendered by handbook/pages/risk.py): on
// every tick, send the ticked indicators to the calculators and show the Appendix B
// reading for the strategy meeting as text. The calculators work out the profile,
// its words, the themes ticked and their siblings; this file only reads and writes
// the page. No category is recorded here: the strategy meeting sets the risk level.
// Exports: the Word document, the text for the case record, print, and hand-offs to
// the forms named in the risk-summary template (through memory.js). The ticks are
// kept in memory.js (pagememory.js) while the practitioner moves between pages.

import { bindClearAll } from "../components/clear.js";
import { copyForCaseRecord } from "../components/copy.js";
import { downloadDocument } from "../components/files.js";
import { handToForm } from "../components/handto.js";
import { keepPage, rememberPage } from "../components/pagememory.js";

/**
 * @typedef {{id: string, text: string, category: number, category_name: string,
 *   definition: string, ticked: boolean}} ThemeCell
 * @typedef {{theme: string, domain: string, domain_name: string, cells: ThemeCell[]}} ThemeView
 */

/** @param {HTMLElement} parent @param {string} tag @param {string} [text] @param {string} [className] */
function add(parent, tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  parent.append(element);
  return element;
}

/**
 * @param {HTMLFormElement} form  form#risk-form with checkboxes name="indicator"
 * @param {import("../runtime/calculator.js").Context} context
 */
export function bind(form, { api, showProblems }) {
  const headline = /** @type {HTMLElement} */ (document.getElementById("risk-headline"));
  const answer = /** @type {HTMLElement} */ (document.getElementById("risk-answer"));
  const caseText = /** @type {HTMLTextAreaElement} */ (document.getElementById("risk-text"));
  const exportStatus = /** @type {HTMLElement} */ (form.querySelector(".export-status"));
  let latest = 0;
  /** @type {any} */
  let current = null;

  /** @returns {string[]} */
  function ticked() {
    return [...form.querySelectorAll("input[name='indicator']:checked")].map(
      (box) => /** @type {HTMLInputElement} */ (box).value,
    );
  }

  // The live profile ------------------------------------------------------------------

  /** The profile for what is ticked now, or null if a newer tick overtook it. */
  async function update() {
    const asked = ++latest;
    const response = await api.risk({ indicators: ticked() });
    if (asked !== latest) return null; // a newer question is on its way
    if (!response.ok) {
      current = null;
      headline.textContent = "";
      showProblems(answer, response.errors);
      return null;
    }
    current = response.result;
    render(current);
    return current;
  }

  /** The reading: what is ticked and where Appendix B lists it first, never a level. */
  function render(/** @type {any} */ result) {
    headline.textContent = result.headline;
    answer.replaceChildren();
    const domains = add(answer, "ul", undefined, "risk-domains");
    for (const line of result.domain_lines) add(domains, "li", line);
    if (result.ticked.length) {
      for (const line of result.rationale.slice(1 + result.domain_lines.length, -1)) {
        add(answer, "p", line, line === result.repeated_only_line ? "risk-repeated-only" : undefined);
      }
    }
    if (result.definition) add(answer, "p", result.definition, "risk-definition");
    add(answer, "h3", result.prompts_title);
    const prompts = add(answer, "ul", undefined, "risk-prompts");
    for (const line of result.prompts) add(prompts, "li", line);
    add(answer, "p", result.agreed_line, "risk-agreed-blank");
    add(answer, "p", result.decision_support);
    add(answer, "p", `Clauses: ${result.clauses.join(", ")}.`);
    caseText.value = result.text;
    renderThemes(result.themes);
  }

  /** Each ticked theme's cells side by side in their category columns, then the definitions. */
  function renderThemes(/** @type {ThemeView[]} */ themes) {
    /** How many of each domain's compared cells were ticked before this answer. */
    const tickedBefore = new Map(
      [...form.querySelectorAll(".risk-compare:not([hidden])")].map((box) => [
        /** @type {HTMLElement} */ (box).dataset.domain,
        Number(/** @type {HTMLElement} */ (box).dataset.ticked ?? 0),
      ]),
    );
    for (const box of form.querySelectorAll(".risk-compare")) {
      box.replaceChildren();
      /** @type {HTMLElement} */ (box).hidden = true;
    }
    /** @type {Map<string, ThemeCell[]>} */
    const definitions = new Map();
    const columns = levelNumbers();
    for (const view of themes) {
      const box = /** @type {HTMLElement | null} */ (
        form.querySelector(`.risk-compare[data-domain='${CSS.escape(view.domain)}']`)
      );
      if (!box) continue;
      box.hidden = false;
      box.dataset.ticked = String(view.cells.filter((c) => c.ticked).length);
      const row = add(box, "div", undefined, "risk-compare-row");
      for (const number of columns) {
        const column = add(row, "div");
        const cell = view.cells.find((c) => c.category === number);
        if (!cell) continue;
        add(column, "p", `${cell.category_name}: ${cell.text}${cell.ticked ? " ✓" : ""}`);
        const shown = definitions.get(view.domain) ?? [];
        if (!shown.some((c) => c.category === number)) shown.push(cell);
        definitions.set(view.domain, shown);
      }
    }
    for (const [domain, cells] of definitions) {
      const box = /** @type {HTMLElement} */ (
        form.querySelector(`.risk-compare[data-domain='${CSS.escape(domain)}']`)
      );
      const row = add(box, "div", undefined, "risk-compare-row risk-compare-definitions");
      for (const number of columns) {
        const column = add(row, "div");
        const cell = cells.find((c) => c.category === number);
        if (cell) add(column, "p", `${cell.category_name}: ${cell.definition}`);
      }
    }
    // a repeated indicator now ticked in two columns: its comparison is brought into view
    const opened = themes.find((view) => {
      const ticked = view.cells.filter((c) => c.ticked).length;
      return ticked > 1 && ticked > (tickedBefore.get(view.domain) ?? 0);
    });
    if (opened) showInPanel(`.risk-compare[data-domain='${CSS.escape(opened.domain)}']`);
  }

  /** The protocol's level numbers, lowest first, as the page's grid draws them. */
  function levelNumbers() {
    return (form.dataset.levels ?? "").split(" ").filter(Boolean).map(Number);
  }

  /** Scroll the profile panel (only the panel: the grid stays where it is) to an element. */
  function showInPanel(/** @type {string} */ selector) {
    const panel = form.querySelector(".risk-profile");
    const target = form.querySelector(selector);
    if (!panel || !target) return;
    const offset = target.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    panel.scrollTop += offset - 8;
  }

  // Exports ------------------------------------------------------------------------------

  async function profileNow() {
    exportStatus.textContent = "";
    return current ?? (await update());
  }

  async function downloadProfile() {
    const result = await profileNow();
    if (!result) return;
    exportStatus.textContent = "Making the Word document…";
    const template = form.dataset.template ?? "";
    const made = await downloadDocument(api, form.dataset.blank ?? "", template, result.document_fields);
    if (made.ok) exportStatus.textContent = `Downloaded ${made.filename}.`;
    else showProblems(exportStatus, made.errors);
  }

  async function copyText() {
    const result = await profileNow();
    if (!result) return;
    await copyForCaseRecord(result.text, caseText, exportStatus);
  }

  /** Hand the profile to another form: the fields come from the template's hand-off. */
  async function handTo(/** @type {HTMLElement} */ button) {
    const result = await profileNow();
    if (!result) return;
    handToForm(button, result, {
      source: form.dataset.source ?? "",
      status: exportStatus,
      refused: "This browser would not pass the answer on. Copy the text instead.",
      filled: () =>
        "The reading will go into the form's empty fields when you open it by this link in " +
        "this tab (where a field already holds text, the form asks first). ",
    });
  }

  // Wiring ---------------------------------------------------------------------------------

  form.addEventListener("change", (event) => {
    if (/** @type {HTMLInputElement} */ (event.target).name === "indicator") {
      current = null;
      update();
    }
  });
  form.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button[data-action]");
    if (!button || !form.contains(button)) return;
    const action = /** @type {HTMLElement} */ (button).dataset.action;
    if (action === "download") downloadProfile();
    else if (action === "copy-text") copyText();
    else if (action === "print") window.print();
    else if (action === "hand-off") handTo(/** @type {HTMLElement} */ (button));
    else if (action === "clear-risk") {
      for (const box of form.querySelectorAll("input[name='indicator']")) {
        /** @type {HTMLInputElement} */ (box).checked = false;
      }
      keepPage(form);
      current = null;
      update();
    }
  });
  bindClearAll(form, () => {
    current = null;
    headline.textContent = "";
    answer.replaceChildren();
    renderThemes([]);
    update(); // the profile of nothing ticked; an answer still on its way is dropped
  });
  rememberPage(form); // the ticks kept from an earlier visit in this tab, then answered
  update();
}
