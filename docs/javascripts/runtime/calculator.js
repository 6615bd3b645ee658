// Runs once per tab (the handbook moves between its pages without reloading:
// Material's navigation.instant), and binds every page shown that holds a
// calculator form (form[data-calculator]). The fields work from first paint
// (an early script in the page enables them, see overrides/main.html); this file
// hands each form to its binding (risk.js …) at once and starts the calculators'
// worker, once per tab. A short status line says what is happening; answers
// appear as soon as Python is ready. Text-only pages load nothing more than this
// file, and the worker starts only when a calculator page is shown.

import "../components/leave.js";
import "../components/anchor.js";
import "../components/cite.js";
import { onEachPageShown } from "../components/shown.js";

/** A binding's file name, as calculators.registry writes it into data-binding. */
const BINDING_NAME = /^pages\/[a-z]+\.js$/;

const STARTING = "Starting the calculator: you can fill in the form meanwhile.";
const READY = "The calculator is ready.";

/**
 * What a binding's bind(form, context) receives.
 * @typedef {object} Context
 * @property {typeof import("./api.js")} api
 * @property {(text: string) => void} status  set the form's status line
 * @property {typeof import("../components/render.js").showLines} showLines
 * @property {typeof import("../components/render.js").showProblems} showProblems
 */

// The page's policy -------------------------------------------------------------

/**
 * The Content-Security-Policy this document was loaded with. With navigation.instant
 * it governs every page shown in this document: Material copies each new page's
 * <head> elements in, and a policy <meta> copied in would be enforced as well, so
 * those are left out (below). Only a calculator page's policy allows WebAssembly
 * ('wasm-unsafe-eval'): a document that began on a text-only page cannot run the
 * calculators, and loads a calculator page in full instead (nothing typed is lost:
 * no form was shown in it).
 */
const FIRST_POLICY =
  document.querySelector("meta[http-equiv='Content-Security-Policy']")?.getAttribute("content") ??
  null;
const CAN_HOST_CALCULATORS = FIRST_POLICY === null || FIRST_POLICY.includes("'wasm-unsafe-eval'");

const appendToHead = document.head.appendChild.bind(document.head);
document.head.appendChild = function keepFirstPolicy(node) {
  const element = /** @type {Element} */ (/** @type {unknown} */ (node));
  if (element instanceof HTMLMetaElement && /content-security-policy/i.test(element.httpEquiv)) {
    return node;
  }
  return appendToHead(node);
};

// Forms --------------------------------------------------------------------------

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

/**
 * Make the form usable (the early script in the page has usually done so already).
 * @param {HTMLFormElement} form @param {boolean} disabled
 */
function setDisabled(form, disabled) {
  for (const control of form.querySelectorAll("input, select, textarea, button")) {
    /** @type {HTMLInputElement} */ (control).disabled = disabled;
  }
}

/**
 * Say why the calculator cannot start, in the status line at the top and again beside
 * the form's buttons (where the practitioner is looking when a button does nothing).
 * @param {HTMLFormElement} form @param {HTMLElement} status @param {string} message
 */
function showFailure(form, status, message) {
  status.classList.add("calculator-error");
  status.textContent = message;
  const all = form.querySelectorAll(".form-actions");
  const actions = all[all.length - 1];
  if (!actions) return;
  let near = /** @type {HTMLElement | null} */ (form.querySelector(".calculator-failure"));
  if (!near) {
    near = document.createElement("p");
    near.className = "calculator-failure calculator-error";
    near.setAttribute("role", "alert");
    actions.after(near);
  }
  near.textContent = message;
}

/**
 * When the worker died with a question on its way and was started again (api.js), say
 * so at the top and beside the buttons while the question is asked again.
 * @param {typeof import("./api.js")} api @param {HTMLFormElement} form @param {HTMLElement} status
 */
function sayRestarts(api, form, status) {
  /** @param {Event} event */
  const say = (event) => {
    if (!form.isConnected) return void api.restarts.removeEventListener("restarted", say);
    showFailure(form, status, /** @type {CustomEvent<string>} */ (event).detail);
  };
  api.restarts.addEventListener("restarted", say);
}

/** @param {HTMLFormElement} form @param {"loading" | "ready" | "failed"} state */
function setState(form, state) {
  form.dataset.calculatorState = state;
}

/**
 * @param {HTMLFormElement} form
 * @param {() => Promise<{bind: (form: HTMLFormElement, context: Context) => void}>} load
 */
async function setUp(form, load) {
  const status = statusElement(form);
  // Never submitted: the answer is worked out here, and nothing leaves the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  setDisabled(form, false);
  /** @type {typeof import("./api.js") | undefined} */
  let api;
  try {
    api = await import("./api.js");
    const ready = api.isReady();
    const started = api.start();
    started.catch(() => {}); // reported below, once the binding is in place
    // "ready" only once the page's binding is in place (below): with Python already
    // running (after instant navigation) the binding still takes a moment to load, and
    // until then a click on "Make the document" does nothing and a hand-off is unread.
    setState(form, "loading");
    if (!ready) status.textContent = STARTING;
    const [binding, render] = await Promise.all([load(), import("../components/render.js")]);
    const setStatus = (/** @type {string} */ text) => {
      status.textContent = text;
    };
    binding.bind(form, { api, status: setStatus, ...render });
    sayRestarts(api, form, status);
    setDisabled(form, false);
    // Anything ticked or typed before the binding was there is answered now (or as
    // soon as Python is ready: the question waits for it).
    form.dispatchEvent(new Event("change", { bubbles: true }));
    await started;
    if (!form.isConnected) return;
    setState(form, "ready");
    status.textContent = READY;
    performance.mark("calculator-ready");
  } catch (error) {
    if (!form.isConnected) return;
    // Never lock what was typed: the fields stay editable, and Clear all and Save draft
    // work without Python. The message is said at the top and beside the buttons.
    setState(form, "failed");
    const plain = api && error instanceof api.CalculatorUnavailable;
    const detail = error instanceof Error ? error.message : String(error);
    showFailure(form, status, plain ? detail : `The calculator could not start: ${detail}`);
  }
}

/** Bind the calculator forms of the page now shown (each form once). */
function bindPage() {
  const forms = /** @type {NodeListOf<HTMLFormElement>} */ (
    document.querySelectorAll("form[data-calculator]")
  );
  if (forms.length > 0 && !CAN_HOST_CALCULATORS) {
    location.reload(); // the calculator page's own policy applies in a full load
    return;
  }
  for (const form of forms) {
    if (form.dataset.calculatorBound) continue;
    // Each calculator form names its page binding (data-binding, from calculators.registry).
    const binding = form.dataset.binding ?? "";
    if (!BINDING_NAME.test(binding)) continue;
    form.dataset.calculatorBound = "true";
    setUp(form, () => import(`../${binding}`));
  }
}

onEachPageShown(bindPage);
