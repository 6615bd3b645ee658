// The Training pages' bindings: the scenarios form (form[data-calculator="scenarios"])
// and the quiz (form[data-calculator="quiz"]), both rendered by
// handbook/pages/training.py. The calculators compare the answer and make the
// questions (calculators.training); this file only reads and writes the page.
// A scenario's ticks and the quiz's place and score are kept in memory.js
// (pagememory.js) while the practitioner moves between pages: nothing is kept in any
// storage.

import { keepPage, rememberPage } from "../components/pagememory.js";

/** @typedef {{field: string, message: string}} Problem */

/**
 * @param {HTMLFormElement} form
 * @param {import("../runtime/calculator.js").Context} context
 */
export function bind(form, context) {
  if (form.dataset.calculator === "quiz") bindQuiz(form, context);
  else bindScenarios(form, context);
}

/**
 * @param {typeof import("../runtime/api.js")} api @param {string} type @param {object} payload
 * @returns {Promise<import("../runtime/api.js").Answer>}
 */
async function ask(api, type, payload) {
  try {
    return await api.call(type, payload);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ field: "", message }] };
  }
}

// Scenarios -----------------------------------------------------------------------

/**
 * @param {HTMLFormElement} form
 * @param {import("../runtime/calculator.js").Context} context
 */
function bindScenarios(form, { api, showProblems }) {
  const choice = /** @type {HTMLSelectElement} */ (form.elements.namedItem("scenario"));
  const answer = /** @type {HTMLElement} */ (document.getElementById("scenario-answer"));
  /** Whether the model answer is shown (shown again on coming back). */
  let compared = false;

  function showChosen() {
    for (const article of form.querySelectorAll("article.scenario")) {
      /** @type {HTMLElement} */ (article).hidden =
        /** @type {HTMLElement} */ (article).dataset.scenario !== choice.value;
    }
    answer.replaceChildren();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const indicators = [...form.querySelectorAll("input[name='indicator']:checked")].map(
      (box) => /** @type {HTMLInputElement} */ (box).value,
    );
    const category = /** @type {HTMLInputElement | null} */ (
      form.querySelector("input[name='category']:checked")
    );
    const response = await ask(api, "scenario_check", {
      scenario: choice.value,
      indicators,
      category: category ? category.value : null,
    });
    if (!response.ok) {
      showProblems(answer, response.errors);
      return;
    }
    answer.replaceChildren();
    compared = true;
    keepPage(form, { compared });
    const title = document.createElement("h2");
    title.textContent = "Your answer and the model answer";
    answer.append(title);
    for (const { heading, lines } of response.result.sections) {
      const subheading = document.createElement("h3");
      subheading.textContent = heading;
      answer.append(subheading);
      for (const line of lines) {
        const paragraph = document.createElement("p");
        paragraph.textContent = line;
        answer.append(paragraph);
      }
    }
  });

  choice.addEventListener("change", () => {
    for (const box of form.querySelectorAll("input[name='indicator'], input[name='category']")) {
      /** @type {HTMLInputElement} */ (box).checked = false;
    }
    compared = false;
    showChosen();
  });
  const kept = /** @type {{page?: {compared?: boolean}} | null} */ (
    rememberPage(form, () => ({ compared }))
  );
  showChosen();
  if (kept?.page?.compared) form.requestSubmit();
}

// Quiz --------------------------------------------------------------------------------

/**
 * @param {HTMLFormElement} form
 * @param {import("../runtime/calculator.js").Context} context
 */
function bindQuiz(form, { api, showProblems }) {
  const area = /** @type {HTMLElement} */ (document.getElementById("quiz-question"));
  const feedback = /** @type {HTMLElement} */ (document.getElementById("quiz-feedback"));
  const summary = /** @type {HTMLElement} */ (document.getElementById("quiz-summary"));
  const progress = /** @type {HTMLElement} */ (document.getElementById("quiz-progress"));
  const lengthChoice = /** @type {HTMLSelectElement} */ (form.elements.namedItem("length"));
  const checkButton = /** @type {HTMLButtonElement} */ (form.querySelector("[data-action='check']"));
  const nextButton = /** @type {HTMLButtonElement} */ (form.querySelector("[data-action='next']"));
  const restartButton = /** @type {HTMLButtonElement} */ (
    form.querySelector("[data-action='restart']")
  );
  /** Each clause's address, written by the page (handbook/pages/links.py clause_url). */
  const clauseLinks = /** @type {Record<string, string>} */ (
    JSON.parse(form.dataset.clauseLinks || "{}")
  );

  /** This page's memory only: the questions, where we are, and the choices made. */
  const state = {
    seed: 0,
    length: 0,
    /** @type {any[]} */ questions: [],
    index: 0,
    /** @type {number[]} */ answers: [],
    checked: false,
  };

  const right = () => state.answers.filter((a, n) => a === state.questions[n]?.answer).length;
  const finished = () => state.length > 0 && state.answers.length >= state.length;

  /** Where the quiz is, for memory.js: the questions come again from the seed. */
  function place() {
    const chosen = /** @type {HTMLInputElement | null} */ (
      area.querySelector("input[name='choice']:checked")
    );
    const { seed, length, index, answers, checked } = state;
    return { seed, length, index, answers, checked, chosen: chosen ? chosen.value : null };
  }

  function showProgress() {
    progress.textContent =
      `Question ${state.index + 1} of ${state.length}. Answered ${state.answers.length}, ` +
      `right ${right()}. Your score is kept in this page only.`;
  }

  function showQuestion() {
    const question = state.questions[state.index];
    state.checked = false;
    area.replaceChildren();
    feedback.replaceChildren();
    summary.replaceChildren();
    const fieldset = document.createElement("fieldset");
    fieldset.className = "radios";
    const legend = document.createElement("legend");
    legend.textContent = question.prompt;
    fieldset.append(legend);
    question.choices.forEach((/** @type {string} */ text, /** @type {number} */ number) => {
      const row = document.createElement("div");
      row.className = "radio";
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "choice";
      radio.id = `quiz-choice-${number}`;
      radio.value = String(number);
      const label = document.createElement("label");
      label.htmlFor = radio.id;
      label.textContent = text;
      row.append(radio, label);
      fieldset.append(row);
    });
    area.append(fieldset);
    checkButton.disabled = false;
    nextButton.disabled = true;
    showProgress();
  }

  /** @param {number} seed @param {number} length @param {number} [index] the question to show */
  async function load(seed, length, index = 0) {
    state.seed = seed;
    state.length = length;
    const response = await ask(api, "quiz", { seed, count: length });
    if (!response.ok) {
      showProblems(feedback, response.errors);
      return false;
    }
    state.questions = response.result.questions;
    state.index = Math.min(index, state.questions.length - 1);
    showQuestion();
    return true;
  }

  /** The end: the score, the wrong answers and the clauses to reread, as Python words them. */
  async function showSummary() {
    const response = await ask(api, "quiz", {
      seed: state.seed,
      count: state.length,
      answers: state.answers,
    });
    if (!response.ok) {
      showProblems(summary, response.errors);
      return;
    }
    const words = response.result.summary;
    summary.replaceChildren();
    const add = (/** @type {string} */ tag, /** @type {string} */ text, parent = summary) => {
      const element = document.createElement(tag);
      element.textContent = text;
      parent.append(element);
      return element;
    };
    add("h2", words.title);
    add("p", words.score).className = "quiz-score";
    if (words.all_right) add("p", words.all_right);
    if (words.mistakes.length) {
      add("h3", words.mistakes_title);
      const list = add("ul", "");
      for (const line of words.mistakes) add("li", line, list);
    }
    if (words.reread.length) {
      add("h3", words.reread_title);
      const list = add("ul", "");
      list.className = "quiz-reread";
      for (const clause of words.reread) {
        const link = add("a", clause.text, add("li", "", list));
        /** @type {HTMLAnchorElement} */ (link).href = clauseLinks[clause.id] || "";
      }
    }
    nextButton.disabled = true;
    progress.textContent = words.score;
  }

  /** Back on the quiz page: the same question, the same choice, the same score. */
  async function resume(/** @type {ReturnType<typeof place>} */ kept) {
    state.answers = Array.isArray(kept.answers) ? kept.answers.map(Number) : [];
    if (!(await load(kept.seed, kept.length || Number(lengthChoice.value), kept.index))) return;
    const radio = /** @type {HTMLInputElement | null} */ (
      area.querySelector(`input[name='choice'][value='${Number(kept.chosen)}']`)
    );
    if (kept.chosen === null || !radio) return;
    radio.checked = true;
    if (kept.checked) showVerdict(radio);
    if (finished()) await showSummary();
  }

  function restart() {
    state.answers = [];
    // fresh questions each time (a seed is not case data); the tests may fix the seed
    const fixed = /** @type {any} */ (globalThis).CSE_QUIZ_SEED;
    const seed = typeof fixed === "number" ? fixed : Math.floor(Math.random() * 2 ** 31);
    return load(seed, Number(lengthChoice.value));
  }

  /** What the practitioner did is kept (the quiz shown on arrival is not). */
  const keep = () => keepPage(form, place());

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.checked || !state.questions.length) return;
    const chosen = /** @type {HTMLInputElement | null} */ (
      area.querySelector("input[name='choice']:checked")
    );
    feedback.replaceChildren();
    const verdict = document.createElement("p");
    if (!chosen) {
      verdict.textContent = "Choose an answer first.";
      feedback.append(verdict);
      return;
    }
    state.answers[state.index] = Number(chosen.value);
    showVerdict(chosen);
    keep();
    if (finished()) showSummary().then(keep);
    else nextButton.focus();
  });

  /** Right or not, and why; the choices are then fixed. @param {HTMLInputElement} chosen */
  function showVerdict(chosen) {
    const question = state.questions[state.index];
    const isRight = Number(chosen.value) === question.answer;
    state.checked = true;
    feedback.replaceChildren();
    const verdict = document.createElement("p");
    verdict.className = isRight ? "quiz-right" : "quiz-wrong";
    verdict.textContent = isRight
      ? "Right."
      : `Not quite: the answer is ${question.choices[question.answer]}.`;
    const why = document.createElement("p");
    why.textContent = question.explanation; // it cites each clause once
    feedback.append(verdict, why);
    for (const radio of area.querySelectorAll("input[name='choice']")) {
      /** @type {HTMLInputElement} */ (radio).disabled = true;
    }
    checkButton.disabled = true;
    nextButton.disabled = state.index + 1 >= state.questions.length;
    showProgress();
  }

  nextButton.addEventListener("click", () => {
    if (state.index + 1 >= state.questions.length) return;
    state.index += 1;
    showQuestion();
    keep();
    /** @type {HTMLElement | null} */ (area.querySelector("input"))?.focus();
  });
  restartButton.addEventListener("click", () => restart().then(keep));
  lengthChoice.addEventListener("change", () => restart().then(keep));
  const kept = /** @type {{page?: ReturnType<typeof place>} | null} */ (rememberPage(form, place));
  if (kept?.page) resume(kept.page);
  else restart();
}
