// A question the page asks in its own words, in place (not a box the browser draws,
// whose words and focus nobody can set): a heading, a few lines, a button per choice.
// Focus moves to the question when it appears, so a keyboard or screen reader user
// meets it at once; Escape chooses the first (safe) choice. Used before a hand-off
// would change a field that already holds text (forms.js) and before a draft would
// replace what is typed.

import { textElement } from "./render.js";

let asked = 0;

/**
 * @typedef {object} Question
 * @property {string} title  the question, in plain English
 * @property {string[]} lines  what the practitioner needs to choose
 * @property {{value: string, label: string}[]} choices  the first is the safe one
 */

/**
 * Ask `question` in a box put after `after` (within the same form); resolve with the
 * chosen value once a button is pressed (the box is then removed).
 * @param {Element} after @param {Question} question @returns {Promise<string>}
 */
export function ask(after, question) {
  const box = document.createElement("div");
  box.className = "page-question";
  box.setAttribute("role", "group");
  const title = textElement("h2", question.title, "page-question-title");
  title.id = `page-question-${++asked}`;
  title.tabIndex = -1;
  box.setAttribute("aria-labelledby", title.id);
  box.append(title, ...question.lines.map((line) => textElement("p", line)));
  const buttons = document.createElement("div");
  buttons.className = "form-actions";
  box.append(buttons);
  after.after(box);
  return new Promise((resolve) => {
    /** @param {string} value */
    const choose = (value) => {
      box.remove();
      resolve(value);
    };
    for (const { value, label } of question.choices) {
      const button = textElement("button", label, "md-button");
      /** @type {HTMLButtonElement} */ (button).type = "button";
      button.addEventListener("click", () => choose(value));
      buttons.append(button);
    }
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") choose(question.choices[0].value);
    });
    title.focus();
  });
}

/** The start of a text, for a question that quotes it. @param {string} text */
export function opening(text, most = 120) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > most ? `${flat.slice(0, most - 1)}…` : flat;
}
