// A hand-off button (rendered by handbook/pages/forms.py and risk.py from a template's
// `handoffs`): data-to names the form, data-fields maps its field ids to the sources
// here, data-url and data-title link to it. The answers go through memory.js: nothing
// leaves the tab.

import { handOff } from "./memory.js";

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
