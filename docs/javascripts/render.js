// Rendering answers as text: textContent only, never HTML built from input.

/** @typedef {{field: string, message: string}} Problem */

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
    const strong = document.createElement("strong");
    strong.textContent = heading;
    title.append(strong);
    element.append(title);
  }
  for (const line of lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    element.append(paragraph);
  }
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
