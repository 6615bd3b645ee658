// The page's side of the calculators: one worker, started on first use, and one
// async function per calculator. Answers are the bridge's data:
// {ok: true, result} or {ok: false, errors: [{field, message}]}; a calculator that
// cannot start, or a question that takes too long, is answered the same way, with a
// plain message (call never throws).
//
// The worker starts from a blob: URL this page makes, whose one line imports
// worker.js. A worker from a blob: URL inherits the page's Content-Security-Policy
// (connect-src 'self'), so nothing running in it can reach another origin, even on
// a server that sends no headers. One worker serves every handbook page of the tab
// (navigation.instant keeps this module alive), so Python starts at most once.

import { JAVASCRIPT, runtimeFileFault } from "./runtimefault.js";

/** @typedef {{field: string, message: string}} Problem */
/** @typedef {{ok: true, result: any} | {ok: false, errors: Problem[]}} Answer */

/** How long the calculator may take to start before the page says it cannot. */
export const DEFAULT_START_LIMIT_MS = 30000;
/** How long one question may take before the worker is stopped and started again. */
export const DEFAULT_CALL_LIMIT_MS = 20000;

const WORKER_URL = new URL("./worker.js", import.meta.url);
/** The worker's own scripts: when the worker cannot load, the first of these that the
 * server is missing or sends with another type is named. */
const WORKER_SCRIPTS = [WORKER_URL, new URL("../../pyodide/pyodide.mjs", import.meta.url)];

/** The calculator cannot run in this browser or on this server: message is for the person. */
export class CalculatorUnavailable extends Error {
  name = "CalculatorUnavailable";
}

/** The worker died or stopped answering with a question on its way: it is started
 * again at once, and the question asked once more. */
class WorkerDied extends CalculatorUnavailable {
  name = "WorkerDied";
}

/** Told ("restarted", detail: the message for the person) when the worker died with a
 * question on its way and was started again; calculator.js shows it on the page. */
export const restarts = new EventTarget();

const STALLED =
  "The calculator could not start within {seconds} seconds. Reload the page to try again. " +
  "If it still does not start, tell your IT team: the web server must send .wasm files as " +
  "application/wasm and .mjs files as text/javascript, and nothing may block the handbook's " +
  "own files.";
const NO_WEBASSEMBLY =
  "This browser cannot run the calculator: it needs WebAssembly, which is missing or switched " +
  "off. Try an up-to-date Edge, Chrome, Firefox or Safari, or ask your IT team. " +
  "Everything else in the handbook still works.";
const NO_WORKERS =
  "This browser cannot run the calculator: it needs Web Workers, which are missing or " +
  "switched off. Try an up-to-date Edge, Chrome, Firefox or Safari, or ask your IT team.";
const OVERRAN =
  "The calculator took longer than {seconds} seconds to answer, so it was stopped and is " +
  "starting again. Nothing you typed was lost. Check the answers for anything very long or " +
  "unusual, then try again.";
const RESTARTED =
  "The calculator stopped working; it has been restarted. Your answers are still here.";
const CLEARED_WORKER = "The calculator was restarted when the case data was cleared.";
/** How long a worker with nothing else to do may take to say a question arrived. */
const RECEIPT_LIMIT_MS = 3000;
const FAILED =
  "The calculator could not start: {detail} Reload the page to try again, and tell your IT " +
  "team if it keeps happening.";

/**
 * @typedef {object} Connection
 * @property {Worker} worker
 * @property {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} pending
 * @property {number} nextId
 * @property {Promise<unknown>} ready  resolves with the bridge's ping once ready
 * @property {boolean} [started]  true once ready
 * @property {(id: number) => void} [received]  told when the worker says a question arrived
 * @property {string} life  the name of the Web Lock the worker holds while it lives
 */

/** @type {Connection | null} */
let connection = null;

/** @returns {string | null} why this browser cannot run the calculator, or null */
export function unsupportedReason() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    return NO_WEBASSEMBLY;
  }
  if (typeof Worker !== "function") return NO_WORKERS;
  return null;
}

/**
 * @param {Connection} conn
 * @param {string} type
 * @param {object} fields
 * @returns {Promise<any>}
 */
function send(conn, type, fields = {}) {
  const id = conn.nextId++;
  return new Promise((resolve, reject) => {
    conn.pending.set(id, { resolve, reject });
    conn.worker.postMessage({ id, type, ...fields });
  });
}

/** @param {Connection} conn @param {Error} error */
function failAll(conn, error) {
  for (const { reject } of conn.pending.values()) reject(error);
  conn.pending.clear();
}

/**
 * Start the worker (once) and wait until the calculators are ready.
 * @param {{startLimitMs?: number}} [options]
 * @returns {Promise<unknown>} the bridge's ping: versions and the request types known
 */
export function start(options = {}) {
  if (connection) return connection.ready;
  const reason = unsupportedReason();
  if (reason) return Promise.reject(new CalculatorUnavailable(reason));
  const limit =
    options.startLimitMs ?? (Number(globalThis.CSE_CALCULATOR_START_LIMIT_MS) || DEFAULT_START_LIMIT_MS);
  const life = `cse-calculators-${Date.now()}-${Math.random()}`;
  let worker;
  try {
    worker = blobWorker(life);
  } catch (error) {
    const detail = sentence(error instanceof Error ? error.message : String(error));
    return Promise.reject(new CalculatorUnavailable(FAILED.replace("{detail}", detail)));
  }
  /** @type {Connection} */
  const conn = { worker, pending: new Map(), nextId: 1, ready: Promise.resolve(), life };
  worker.addEventListener("message", (event) => {
    const { id, result, error, received, alive } = event.data;
    if (received) return void conn.received?.(id);
    if (alive) return void watchLife(conn);
    const waiting = conn.pending.get(id);
    if (!waiting) return;
    if (error !== undefined && conn.started) return void revive(conn); // Python broke
    conn.pending.delete(id);
    if (error === undefined) waiting.resolve(result);
    else waiting.reject(new CalculatorUnavailable(FAILED.replace("{detail}", sentence(error))));
  });
  worker.addEventListener("error", async (event) => {
    event.preventDefault();
    if (conn.started) return void revive(conn); // an error nothing in the worker caught
    const found = event.message || (await scriptFault()) || "its script could not be loaded";
    failAll(conn, new CalculatorUnavailable(FAILED.replace("{detail}", sentence(found))));
  });
  let timer = 0;
  const stalled = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const seconds = String(Math.round(limit / 1000));
      const error = new CalculatorUnavailable(STALLED.replace("{seconds}", seconds));
      stop(conn, error);
      reject(error);
    }, limit);
  });
  conn.ready = Promise.race([send(conn, "start"), stalled]).finally(() => clearTimeout(timer));
  conn.ready.then(
    () => {
      conn.started = true;
    },
    () => {
      if (connection === conn) connection = null;
    },
  );
  connection = conn;
  return conn.ready;
}

/**
 * A module worker from a blob: URL made here, so that the page's policy governs it.
 * Its one line imports worker.js by its full address (a blob has no base to resolve
 * a relative one against); worker.js finds the site from its own import.meta.url.
 * Then the worker holds the Web Lock named `life` for as long as it lives, and says
 * so: the page is granted the lock the moment the worker dies (watchLife), even while
 * a question keeps the worker busy. (Web Locks need a secure context: elsewhere a death
 * is found by the question's receipt or time limit.)
 * @param {string} life @returns {Worker}
 */
function blobWorker(life) {
  const source =
    `import ${JSON.stringify(WORKER_URL.href)};\n` +
    `navigator.locks?.request(${JSON.stringify(life)}, () => {\n` +
    "  self.postMessage({ alive: true });\n" +
    "  return new Promise(() => {});\n" +
    "});\n";
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return new Worker(url, { type: "module", name: "calculators" });
  } finally {
    // The worker has its own copy of the address once created; loading continues.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}

/**
 * Why the worker's scripts did not load (the browser's error event does not say):
 * the first of them the server is missing or sends with a type other than JavaScript.
 * @returns {Promise<string>} "" when none is found
 */
async function scriptFault() {
  for (const url of WORKER_SCRIPTS) {
    const fault = await runtimeFileFault(url, JAVASCRIPT);
    if (fault) return fault;
  }
  return "";
}

/** Once the worker holds its life lock: when the page is granted it, the worker has died. @param {Connection} conn */
function watchLife(conn) {
  navigator.locks?.request(conn.life, () => revive(conn)).catch(() => {});
}

/**
 * The worker died or stopped answering: stop it, start a new one at once, and, if a
 * question was on its way, say so (the questions are asked again by call).
 * @param {Connection} conn
 */
function revive(conn) {
  if (connection !== conn) return; // stopped here already
  const asked = conn.pending.size > 0;
  stop(conn, new WorkerDied(RESTARTED));
  start().catch(() => {}); // a worker that cannot start says so at the question
  if (asked) restarts.dispatchEvent(new CustomEvent("restarted", { detail: RESTARTED }));
}

/** Stop the worker; the next question starts a new one. @param {Connection} conn @param {Error} error */
function stop(conn, error) {
  conn.worker.terminate();
  failAll(conn, error);
  if (connection === conn) connection = null;
}

/** @param {string} text @returns {string} */
function sentence(text) {
  const trimmed = String(text).trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** @param {unknown} error @returns {Answer} the error as the bridge's data */
function problem(error) {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, errors: [{ field: "", message }] };
}

/**
 * Ask the calculators one question; wait for them to start if need be. When the
 * worker dies with the question on its way, or does not answer within the limit, it is
 * started again at once and the question asked once more; a question still unanswered
 * after the limit the second time stops the worker (Python cannot be interrupted
 * otherwise) and is answered with a plain message; the next question starts it again.
 * @param {string} type  a request type the bridge knows (risk, dates, fill…)
 * @param {object} payload
 * @param {{limitMs?: number}} [options]
 * @returns {Promise<Answer>}  never rejects
 */
export async function call(type, payload, options = {}) {
  try {
    return await ask(type, payload, options, false);
  } catch (error) {
    if (!(error instanceof WorkerDied)) return problem(error);
  }
  try {
    return await ask(type, payload, options, true);
  } catch (error) {
    return problem(error);
  }
}

/**
 * @param {string} type @param {object} payload @param {{limitMs?: number}} options
 * @param {boolean} again  whether this is the question asked once more
 * @returns {Promise<Answer>} rejects with WorkerDied when the worker died on the way
 */
async function ask(type, payload, options, again) {
  await start();
  const conn = /** @type {Connection} */ (connection);
  const limit =
    options.limitMs ?? (Number(globalThis.CSE_CALCULATOR_CALL_LIMIT_MS) || DEFAULT_CALL_LIMIT_MS);
  let timer = 0;
  const overran = new Promise((_, reject) => {
    timer = setTimeout(() => {
      if (!again) {
        revive(conn);
        reject(new WorkerDied(RESTARTED));
        return;
      }
      const seconds = String(Math.max(1, Math.round(limit / 1000)));
      const error = new CalculatorUnavailable(OVERRAN.replace("{seconds}", seconds));
      stop(conn, error);
      reject(error);
    }, limit);
  });
  const idle = conn.started === true && conn.pending.size === 0;
  const answered = send(conn, "call", { request: { type, payload } });
  try {
    return await Promise.race([answered, overran, ...(idle ? [died(conn, conn.nextId - 1)] : [])]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A worker with nothing else to do says at once that a question arrived; one that
 * does not has died (it cannot say so itself). Then it is started again at once, and
 * the question asked again (rejects; never resolves otherwise).
 * @param {Connection} conn @param {number} id @returns {Promise<never>}
 */
function died(conn, id) {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => {
      if (connection !== conn || !conn.pending.has(id)) return; // answered, or stopped already
      revive(conn);
      reject(new WorkerDied(RESTARTED));
    }, RECEIPT_LIMIT_MS);
    conn.received = (arrived) => {
      if (arrived === id) clearTimeout(timer);
    };
  });
}

/**
 * Stop the calculators' worker, and with it everything it holds (the copies of what was
 * typed in its memory), and start a new one at once: for "Clear all case data", and
 * when the worker has died. Questions still on their way are answered with `why`.
 * @param {string} [why] @returns {Promise<unknown>} the new worker's start
 */
export function restartWorker(why = CLEARED_WORKER) {
  if (connection) stop(connection, new CalculatorUnavailable(why));
  return start();
}

/** Whether the calculators are ready now (no question would wait for Python). */
export function isReady() {
  return connection !== null && connection.started === true;
}

/**
 * The suggested risk category from the ticked Appendix B indicators.
 * @param {{indicators: string[], recorded_category?: string, reason?: string}} payload
 * @returns {Promise<Answer>}
 */
export function risk(payload) {
  return call("risk", payload);
}
