// A hand-off button (rendered by handbook/pages/forms.py and risk.py from a template's
// `handoffs`): data-to names the form, data-fields maps its field ids to the sources
// here, data-url and data-title link to it. The answers go through memory.js: nothing
// leaves the tab. The form that receives them fills only its empty fields, and asks
// before changing one that holds an answer (receiveHandOff).

import { ask, opening } from "./ask.js";
import { handOff, hasAnswer, takeHandOff } from "./memory.js";

/**
 * What the receiving form page lends receiveHandOff (forms.js).
 * @typedef {object} FormSide
 * @property {HTMLFormElement} form
 * @property {string} template
 * @property {HTMLElement} notice  where the form says what happened
 * @property {() => Record<string, any>} collect
 * @property {(values: Record<string, any>) => void} fill
 * @property {() => void} save
 * @property {(field: string) => string} labelOf
 * @property {(value: unknown) => Record<string, string>} dateParts
 */

/**
 * Pass `values` on as the button says, then say in `status` what happens next, with a
 * link to the form.
 * @param {HTMLElement} button
 * @param {Record<string, unknown>} values the sources, by id
 * @param {{source: string, status: HTMLElement, refused: string, filled: (sources: string[]) => string}} say
 * @returns {boolean} whether the answers were passed on
 */
export function handToForm(button, values, say) {
  /** @type {Record<string, string>} */
  const mapping = JSON.parse(button.dataset.fields ?? "{}");
  /** @type {Record<string, unknown>} */
  const fields = {};
  for (const [target, source] of Object.entries(mapping)) fields[target] = values[source];
  if (!handOff(button.dataset.to ?? "", { source: say.source, fields })) {
    say.status.textContent = say.refused;
    return false;
  }
  const link = document.createElement("a");
  link.href = button.dataset.url ?? "";
  link.textContent = `Open ${button.dataset.title ?? ""}`;
  say.status.replaceChildren(say.filled([...new Set(Object.values(mapping))]), link);
  return true;
}

// Receiving -----------------------------------------------------------------------


/** @param {HTMLFormElement} form @param {string} id @returns {string} how the field is read and filled (forms.py field_control) */
function kindOf(form, id) {
  const wrapper = /** @type {HTMLElement | null} */ (
    form.querySelector(`[data-field-wrapper='${CSS.escape(id)}']`)
  );
  return wrapper ? JSON.parse(wrapper.dataset.control ?? '{"kind":"value"}').kind : "";
}

/** A field's value in the form's own shape, to tell a different answer from the same. */
function shaped(/** @type {FormSide} */ side, /** @type {string} */ id, /** @type {unknown} */ value) {
  return JSON.stringify(kindOf(side.form, id) === "parts" ? side.dateParts(value) : value);
}

/** An answer as the question quotes it. @param {FormSide} side @param {string} id @param {unknown} value */
function quoted(side, id, value) {
  if (kindOf(side.form, id) === "parts") return Object.values(side.dateParts(value)).join("/");
  if (Array.isArray(value)) return `${value.length} rows`;
  return `“${opening(String(value))}”`;
}

/** @param {HTMLFormElement} form @param {string} id @returns {boolean} whether the field is a text box (text can go below) */
function isTextBox(form, id) {
  return form.querySelector(`[data-field-wrapper='${CSS.escape(id)}'] textarea[data-field]`) !== null;
}

/**
 * Take answers handed to this form: into empty fields at once; where a field already
 * holds an answer, ask first (keep mine, replace, or add below for a text box); until
 * every question is answered the hand-off stays in memory.js, so leaving the page loses
 * nothing. Then say which fields were filled, added to or kept.
 * @param {HTMLFormElement} form
 * @param {import("./memory.js").HandOff} handoff
 * @param {Omit<FormSide, "form">} io  the form page's own reading and writing (forms.js)
 */
export async function receiveHandOff(form, { source, fields }, io) {
  const side = { form, ...io };
  const { template, notice, collect, fill, save, labelOf } = side;
  const from = source || "another page";
  const mine = collect();
  /** @type {Record<string, string[]>} field ids by what became of them */
  const done = { filled: [], added: [], kept: [] };
  /** @type {Record<string, unknown>} */
  const asking = {};
  for (const [id, value] of Object.entries(fields ?? {})) {
    if (!(id in mine) || !hasAnswer(value) || shaped(side, id, mine[id]) === shaped(side, id, value)) continue;
    if (hasAnswer(mine[id])) {
      asking[id] = value;
    } else {
      fill({ [id]: value });
      done.filled.push(id);
    }
  }
  save();
  if (Object.keys(asking).length > 0) {
    handOff(template, { source, fields: asking }); // kept until every question is answered
    for (const [id, value] of Object.entries(asking)) {
      const choice = await askWhatToDo(side, id, value, from);
      if (choice === "replace") fill({ [id]: value });
      if (choice === "add") fill({ [id]: `${collect()[id]}\n\n${value}` });
      done[choice === "replace" ? "filled" : choice === "add" ? "added" : "kept"].push(id);
      save();
    }
    takeHandOff(template);
  }
  const said = [
    [done.filled, `Filled in from ${from}`],
    [done.added, `Added below your text, from ${from}`],
    [done.kept, "Kept as you had them"],
  ]
    .filter(([ids]) => ids.length > 0)
    .map(([ids, what]) => `${what}: ${/** @type {string[]} */ (ids).map(labelOf).join("; ")}.`);
  notice.textContent = said.length > 0 ? said.join(" ") : `Nothing new from ${from}: the fields already held it.`;
  notice.tabIndex = -1;
  if (Object.keys(asking).length > 0) notice.focus();
}

/** Ask what to do where a hand-off meets a field that holds an answer. */
function askWhatToDo(/** @type {FormSide} */ side, /** @type {string} */ id, /** @type {unknown} */ value, /** @type {string} */ from) {
  const label = side.labelOf(id);
  const choices = [
    { value: "keep", label: "Keep mine" },
    { value: "replace", label: `Replace mine with the answer from ${from}` },
  ];
  if (isTextBox(side.form, id)) choices.push({ value: "add", label: "Add it below mine" });
  return ask(side.notice, {
    title: `${label} already holds an answer`,
    lines: [`Yours: ${quoted(side, id, side.collect()[id])}`, `From ${from}: ${quoted(side, id, value)}`],
    choices,
  });
}
