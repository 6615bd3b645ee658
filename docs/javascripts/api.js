// The page's side of the calculators: one worker, started on first use, and one
// async function per calculator. Answers are the bridge's data:
// {ok: true, result} or {ok: false, errors: [{field, message}]}.

/** @typedef {{field: string, message: string}} Problem */
/** @typedef {{ok: true, result: any} | {ok: false, errors: Problem[]}} Answer */

/** How long the calculator may take to start before the page says it cannot. */
export const DEFAULT_START_LIMIT_MS = 30000;

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** The calculator cannot run in this browser or on this server: message is for the person. */
export class CalculatorUnavailable extends Error {
  name = "CalculatorUnavailable";
}

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
const FAILED =
  "The calculator could not start: {detail} Reload the page to try again, and tell your IT " +
  "team if it keeps happening.";

/**
 * @typedef {object} Connection
 * @property {Worker} worker
 * @property {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void}>} pending
 * @property {number} nextId
 * @property {Promise<unknown>} ready  resolves with the bridge's ping once ready
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
  const worker = new Worker(WORKER_URL, { type: "module" });
  /** @type {Connection} */
  const conn = { worker, pending: new Map(), nextId: 1, ready: Promise.resolve() };
  worker.addEventListener("message", (event) => {
    const { id, result, error } = event.data;
    const waiting = conn.pending.get(id);
    if (!waiting) return;
    conn.pending.delete(id);
    if (error === undefined) waiting.resolve(result);
    else waiting.reject(new CalculatorUnavailable(FAILED.replace("{detail}", sentence(error))));
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    const detail = sentence(event.message || "its script could not be loaded");
    failAll(conn, new CalculatorUnavailable(FAILED.replace("{detail}", detail)));
  });
  let timer = 0;
  const stalled = new Promise((_, reject) => {
    timer = setTimeout(() => {
      worker.terminate();
      const seconds = String(Math.round(limit / 1000));
      const error = new CalculatorUnavailable(STALLED.replace("{seconds}", seconds));
      failAll(conn, error);
      reject(error);
    }, limit);
  });
  conn.ready = Promise.race([send(conn, "start"), stalled]).finally(() => clearTimeout(timer));
  conn.ready.catch(() => {
    connection = null;
  });
  connection = conn;
  return conn.ready;
}

/** @param {string} text @returns {string} */
function sentence(text) {
  const trimmed = String(text).trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Ask the calculators one question.
 * @param {string} type  a request type the bridge knows (risk, dates, fill…)
 * @param {object} payload
 * @returns {Promise<Answer>}
 */
export async function call(type, payload) {
  await start();
  return send(/** @type {Connection} */ (connection), "call", { request: { type, payload } });
}

/**
 * The suggested risk category from the ticked Appendix B indicators.
 * @param {{indicators: string[], recorded_category?: string, reason?: string}} payload
 * @returns {Promise<Answer>}
 */
export function risk(payload) {
  return call("risk", payload);
}
