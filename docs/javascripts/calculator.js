// Runs on every page, and does nothing unless the page holds a calculator form
// (form[data-calculator]). Then it starts the calculators' worker, says
// "Loading the calculator…" and keeps the form disabled until Python is ready,
// and hands the form to its binding (risk.js …). Answers are shown as text.
// Text-only pages load nothing more than this file.

/** Each calculator's binding module, by the form's data-calculator name. */
const BINDINGS = {
  risk: () => import("./risk.js"),
  form: () => import("./forms.js"),
  dates: () => import("./dates.js"),
  scenarios: () => import("./training.js"),
  quiz: () => import("./training.js"),
};

const LOADING = "Loading the calculator…";
const READY = "The calculator is ready.";

/**
 * What a binding's bind(form, context) receives.
 * @typedef {object} Context
 * @property {typeof import("./api.js")} api
 * @property {(text: string) => void} status  set the form's status line
 * @property {typeof import("./render.js").showLines} showLines
 * @property {typeof import("./render.js").showProblems} showProblems
 */

/** @param {HTMLFormElement} form @returns {HTMLElement} */
function statusElement(form) {
  let status = form.querySelector(".calculator-status, [role='status']");
  if (!status) {
    status = document.createElement("p");
    status.className = "calculator-status";
    status.setAttribute("role", "status");
    form.prepend(status);
  }
  return /** @type {HTMLElement} */ (status);
}

/** @param {HTMLFormElement} form @param {boolean} disabled */
function setDisabled(form, disabled) {
  for (const control of form.querySelectorAll("input, select, textarea, button")) {
    /** @type {HTMLInputElement} */ (control).disabled = disabled;
  }
}

/** @param {HTMLFormElement} form @param {"loading" | "ready" | "failed"} state */
function setState(form, state) {
  form.dataset.calculatorState = state;
  form.setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

/**
 * @param {HTMLFormElement} form
 * @param {() => Promise<{bind: (form: HTMLFormElement, context: Context) => void}>} load
 */
async function setUp(form, load) {
  const status = statusElement(form);
  // Never submitted: the answer is worked out here, and nothing leaves the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  setDisabled(form, true);
  setState(form, "loading");
  status.textContent = LOADING;
  let api;
  try {
    api = await import("./api.js");
    const [binding, render] = await Promise.all([
      load(),
      import("./render.js"),
      api.start(),
    ]);
    const setStatus = (/** @type {string} */ text) => {
      status.textContent = text;
    };
    binding.bind(form, { api, status: setStatus, ...render });
    setDisabled(form, false);
    setState(form, "ready");
    status.textContent = READY;
    performance.mark("calculator-ready");
  } catch (error) {
    setState(form, "failed");
    status.classList.add("calculator-error");
    const plain = api && error instanceof api.CalculatorUnavailable;
    const detail = error instanceof Error ? error.message : String(error);
    status.textContent = plain ? detail : `The calculator could not start: ${detail}`;
  }
}

for (const form of document.querySelectorAll("form[data-calculator]")) {
  const load = BINDINGS[/** @type {HTMLFormElement} */ (form).dataset.calculator ?? ""];
  // Forms without a binding here (follow-up forms) are managed by their page's binding.
  if (load) setUp(/** @type {HTMLFormElement} */ (form), load);
}
