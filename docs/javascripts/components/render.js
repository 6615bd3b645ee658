// Rendering answers as text: textContent only, never HTML built from input.

/** @typedef {{field: string, message: string}} Problem */

/**
 * A new element holding text (never HTML).
 * @param {string} tag @param {string} text @param {string} [className]
 * @returns {HTMLElement}
 */
export function textElement(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

/**
 * Show lines of text in an element, replacing what was there (never HTML).
 * @param {HTMLElement} element
 * @param {string[]} lines
 * @param {string} [heading]
 */
export function showLines(element, lines, heading) {
  element.replaceChildren();
  if (heading) {
    const title = document.createElement("p");
    title.append(textElement("strong", heading));
    element.append(title);
  }
  element.append(...lines.map((line) => textElement("p", line)));
}

/**
 * Show the bridge's problems ({field, message}) as a list, naming the field.
 * @param {HTMLElement} element
 * @param {Problem[]} errors
 */
export function showProblems(element, errors) {
  element.replaceChildren();
  const title = document.createElement("p");
  title.className = "calculator-error";
  title.textContent = "There is a problem:";
  const list = document.createElement("ul");
  for (const { field, message } of errors) {
    const item = document.createElement("li");
    item.textContent = field ? `${field}: ${message}` : message;
    list.append(item);
  }
  element.append(title, list);
}

/**
 * Clear a GOV.UK error summary and every field's error message in a form.
 * @param {HTMLFormElement} form
 * @param {HTMLElement | null} summary  the form's .error-summary, holding a <ul> (if any)
 */
export function clearErrorSummary(form, summary) {
  if (summary) {
    summary.hidden = true;
    summary.querySelector("ul")?.replaceChildren();
  }
  for (const wrapper of form.querySelectorAll(".field--error")) {
    wrapper.classList.remove("field--error");
  }
  for (const message of form.querySelectorAll(".field-error")) {
    message.replaceChildren();
    /** @type {HTMLElement} */ (message).hidden = true;
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

/**
 * The GOV.UK error summary: a link to each problem's input, a message at each
 * field (its [data-field-wrapper] holds a .field-error), then focus on the summary.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} summary
 * @param {Problem[]} errors
 * @param {(field: string) => string} targetId  the id of the input a problem links to
 */
export function showErrorSummary(form, summary, errors, targetId) {
  clearErrorSummary(form, summary);
  const list = /** @type {HTMLElement} */ (summary.querySelector("ul"));
  for (const { field, message } of errors) {
    const item = document.createElement("li");
    const id = field ? targetId(field) : "";
    if (id && document.getElementById(id)) {
      const link = document.createElement("a");
      link.href = `#${id}`;
      link.textContent = message;
      link.addEventListener("click", (event) => {
        // Handled here, and kept from Material's instant navigation: it would take the
        // link as a move to this page with a fragment and load the page afresh.
        event.preventDefault();
        event.stopPropagation();
        document.getElementById(id)?.focus();
      });
      item.append(link);
    } else {
      item.textContent = message;
    }
    list.append(item);
    const base = field.replace(/\[.*$/, "");
    const wrapper = base ? form.querySelector(`[data-field-wrapper='${CSS.escape(base)}']`) : null;
    const inline = wrapper?.querySelector(".field-error");
    if (wrapper && inline) {
      wrapper.classList.add("field--error");
      if (!inline.firstChild) {
        const hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = "Error: ";
        inline.append(hidden);
      } else {
        inline.append(" ");
      }
      inline.append(message);
      /** @type {HTMLElement} */ (inline).hidden = false;
      for (const input of wrapper.querySelectorAll("input, textarea, select")) {
        input.setAttribute("aria-invalid", "true");
      }
    }
  }
  summary.hidden = false;
  summary.focus();
}
