// How a template form's field is read, filled and focused, by the description the
// build gives each field (data-control, from handbook/pages/forms.py field_control,
// where the field types live): rows, date parts, radios or a plain value. Used by
// forms.js; reads and writes the page only.

import { addRow } from "./rows.js";

/** @typedef {{day: string, month: string, year: string}} DateParts */

/**
 * A date value's parts, from {day, month, year} or ISO text; empty parts otherwise.
 * @param {unknown} value @returns {DateParts}
 */
export function dateParts(value) {
  if (value && typeof value === "object") {
    const parts = /** @type {Record<string, unknown>} */ (value);
    return {
        day: String(parts.day ?? ""),
        month: String(parts.month ?? ""),
        year: String(parts.year ?? ""),
      };
    }
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(String(value ?? "").trim());
    return match
      ? { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) }
      : { day: "", month: "", year: "" };
  }

  /**
   * How a field is read, filled and focused, by the description the build gives it
   * (data-control, from handbook/pages/forms.py field_control): the field types live there.
   * @param {Element} wrapper @returns {{kind: string, parts?: string[]}}
   */
  export function control(wrapper) {
    return JSON.parse(/** @type {HTMLElement} */ (wrapper).dataset.control ?? '{"kind":"value"}');
  }

  /**
   * The field controls of `form`, by kind.
   * @param {HTMLFormElement} form
   * @returns {Record<string, {read: (w: Element, c: any) => any, write: (w: Element, id: string, v: unknown, c: any) => void, focus: (id: string, c: any) => string}>}
   */
  export function fieldControls(form) {
    return {
    rows: {
      read: (wrapper) =>
        [...wrapper.querySelectorAll(".row-list > .row")].map((row) => {
          /** @type {Record<string, string>} */
          const cells = {};
          for (const cell of row.querySelectorAll("textarea[data-column]")) {
            const box = /** @type {HTMLTextAreaElement} */ (cell);
            cells[box.dataset.column ?? ""] = box.value;
          }
          return cells;
        }),
      write: (wrapper, id, value) => {
        const list = /** @type {HTMLElement} */ (wrapper.querySelector(".row-list"));
        list.replaceChildren();
        for (const row of Array.isArray(value) ? value : []) addRow(form, id, row);
      },
      focus: (id) => `f-${id}`,
    },
    parts: {
      read: (wrapper, { parts }) =>
        Object.fromEntries(
          parts.map((/** @type {string} */ name) => [
            name,
            /** @type {HTMLInputElement} */ (wrapper.querySelector(`[data-date-part='${name}']`)).value,
          ]),
        ),
      write: (wrapper, id, value, { parts }) => {
        const given = /** @type {Record<string, string>} */ (dateParts(value));
        for (const name of parts) {
          const input = /** @type {HTMLInputElement} */ (
            wrapper.querySelector(`[data-date-part='${name}']`)
          );
          input.value = given[name] ?? "";
        }
      },
      focus: (id, { parts }) => `f-${id}-${parts[0]}`,
    },
    radios: {
      read: (wrapper) => {
        const checked = /** @type {HTMLInputElement | null} */ (
          wrapper.querySelector("input[type='radio']:checked")
        );
        return checked ? checked.value : "";
      },
      write: (wrapper, id, value) => {
        for (const radio of wrapper.querySelectorAll("input[type='radio']")) {
          const box = /** @type {HTMLInputElement} */ (radio);
          box.checked = box.value === value;
        }
      },
      focus: (id) => `f-${id}-1`,
    },
    value: {
      read: (wrapper) => /** @type {HTMLInputElement} */ (wrapper.querySelector("[data-field]")).value,
      write: (wrapper, id, value) => {
        const input = /** @type {HTMLInputElement} */ (wrapper.querySelector("[data-field]"));
        input.value = String(value ?? "");
      },
      focus: (id) => `f-${id}`,
    },
  };
}
