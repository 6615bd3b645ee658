// A template form's repeatable rows (rendered by handbook/pages/forms.py): adding a
// row from its <template>, removing one, and numbering them, so that each cell has an
// id and label that say which row. forms.js reads and writes the cells' values.

/**
 * Add a row to a rows field, its cells filled from `cells`.
 * @param {HTMLFormElement} form @param {string} id @param {Record<string, string>} [cells]
 * @returns {HTMLElement} the new row
 */
export function addRow(form, id, cells = {}) {
  const list = /** @type {HTMLElement} */ (form.querySelector(`[data-rows='${CSS.escape(id)}']`));
  const template = /** @type {HTMLTemplateElement} */ (
    form.querySelector(`template[data-row-template='${CSS.escape(id)}']`)
  );
  const row = /** @type {HTMLElement} */ (
    /** @type {DocumentFragment} */ (template.content.cloneNode(true)).firstElementChild
  );
  list.append(row);
  for (const box of row.querySelectorAll("textarea[data-column]")) {
    /** @type {HTMLTextAreaElement} */ (box).value = cells[
      /** @type {HTMLElement} */ (box).dataset.column ?? ""
    ] ?? "";
  }
  renumber(list, id);
  return row;
}

/** Give each row its number, and each cell an id and label that say which row. */
function renumber(/** @type {HTMLElement} */ list, /** @type {string} */ id) {
  [...list.children].forEach((row, index) => {
    const legend = /** @type {HTMLElement} */ (row.querySelector(".row-legend"));
    legend.textContent = `Row ${index + 1}`;
    for (const label of row.querySelectorAll("label[data-column]")) {
      const column = /** @type {HTMLElement} */ (label).dataset.column;
      label.setAttribute("for", `f-${id}-${index}-${column}`);
    }
    for (const box of row.querySelectorAll("textarea[data-column]")) {
      box.id = `f-${id}-${index}-${/** @type {HTMLElement} */ (box).dataset.column}`;
    }
    const remove = /** @type {HTMLButtonElement} */ (row.querySelector("[data-action='remove-row']"));
    remove.textContent = `Remove row ${index + 1}`;
  });
}

/**
 * The "add-row" and "remove-row" buttons: a row added (its first cell focused) or
 * removed (focus back on the field's "Add a row" button).
 * @param {HTMLFormElement} form @param {HTMLElement} button @param {string} action
 * @returns {boolean} whether the action was a row's (the answers changed)
 */
export function rowAction(form, button, action) {
  if (action === "add-row") {
    const id = button.dataset.rows ?? "";
    const most = Number(button.dataset.maxRows);
    const limit = /** @type {HTMLElement} */ (form.querySelector(`[data-row-limit='${CSS.escape(id)}']`));
    const list = /** @type {HTMLElement} */ (form.querySelector(`[data-rows='${CSS.escape(id)}']`));
    if (list.children.length >= most) {
      // The calculators refuse more (calculators/limits.py MAX_ROWS): say so here, before typing.
      limit.textContent = `This table has the most rows a form can hold, ${most}.`;
      return false;
    }
    limit.textContent = "";
    const row = addRow(form, id);
    /** @type {HTMLElement} */ (row.querySelector("textarea")).focus();
    return true;
  }
  if (action === "remove-row") {
    const row = /** @type {HTMLElement} */ (button.closest(".row"));
    const list = /** @type {HTMLElement} */ (row.parentElement);
    const id = list.dataset.rows ?? "";
    row.remove();
    renumber(list, id);
    /** @type {HTMLElement} */ (form.querySelector(`[data-row-limit='${CSS.escape(id)}']`)).textContent = "";
    /** @type {HTMLElement} */ (form.querySelector(`[data-action='add-row'][data-rows='${id}']`)).focus();
    return true;
  }
  return false;
}
