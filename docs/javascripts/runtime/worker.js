// The calculators' Web Worker (a module worker): Python on Pyodide, JSON in and out.
//
// api.js starts the worker from a blob: URL whose one line imports this file, so the
// page's Content-Security-Policy governs everything here (connect-src 'self'); this
// file still finds the site from its own address (import.meta.url).
//
// Pyodide starts loading as soon as the worker starts; messages that arrive
// earlier simply wait for it. Every request carries an id; the reply is
// {id, result} or {id, error}, so errors travel as data.

import { loadPyodide } from "../../pyodide/pyodide.mjs";
import { runtimeFileFault, WEBASSEMBLY } from "./runtimefault.js";

/** The site root, from this file's own address: works under any sub-path. */
const SITE_ROOT = new URL("../../", import.meta.url);

/**
 * @typedef {object} Manifest  assets/runtime.json, paths relative to the site root
 * @property {string} pyodide
 * @property {string} wheel
 * @property {string} protocol
 * @property {string} bytecode_magic
 * @property {Record<string, string>} pyodide_lock_info
 */

/**
 * @typedef {object} Runtime
 * @property {(protocol: unknown, request: string) => string} handle  calculators.bridge.handle
 * @property {unknown} protocol  the validated protocol, kept as a Python object
 * @property {(module: string) => void} warmUp  calculators.bridge.warm_up
 * @property {string[]} warmUpModules  calculators.bridge.warm_up_modules()
 */

/** Pyodide's WebAssembly. */
const WASM = new URL("pyodide/pyodide.asm.wasm", SITE_ROOT);

/** Refuse at once, naming the file and the cause, when the server does not have the
 * .wasm or sends it with another type (runtimefault.js). */
async function checkWasm() {
  const fault = await runtimeFileFault(WASM, WEBASSEMBLY);
  if (fault) throw new Error(fault);
}

/** @returns {Promise<Manifest>} */
async function fetchManifest() {
  const response = await fetch(new URL("assets/runtime.json", SITE_ROOT));
  if (!response.ok) throw new Error(`assets/runtime.json could not be loaded (${response.status})`);
  return response.json();
}

/** @param {string} path @returns {Promise<string>} */
async function fetchText(path) {
  const response = await fetch(new URL(path, SITE_ROOT));
  if (!response.ok) throw new Error(`${path} could not be loaded (${response.status})`);
  return response.text();
}

/** @param {string} path @returns {Promise<ArrayBuffer>} */
async function fetchBytes(path) {
  const response = await fetch(new URL(path, SITE_ROOT));
  if (!response.ok) throw new Error(`${path} could not be loaded (${response.status})`);
  return response.arrayBuffer();
}

/**
 * A promise started early and awaited later: its failure is reported where it is
 * awaited, not as an unhandled rejection while Pyodide still loads.
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function awaitedLater(promise) {
  promise.catch(() => {});
  return promise;
}

/** Where the calculators' wheel is written in Pyodide's file system: Python imports
 * straight from it (zipimport, as from its own standard library's zip), with no
 * unpacking, and finds it on sys.path through PYTHONPATH from its very start. */
const WHEEL_PATH = "/lib/calculators.whl";

/**
 * Boot Pyodide and, from the first moment, fetch the manifest, then the calculators
 * wheel and the protocol, while the runtime downloads and compiles. The wheel is
 * written into Pyodide's file system before Python starts (fsInit), so importing
 * the bridge, the real check that the package loaded, is the only Python work
 * before the protocol is read.
 * @returns {Promise<Runtime>}
 */
async function start() {
  // Started before Pyodide, so the small files travel while the runtime does.
  const manifestReady = fetchManifest();
  const downloads = manifestReady.then((manifest) => ({
    wheel: awaitedLater(fetchBytes(manifest.wheel)),
    protocolText: awaitedLater(fetchText(manifest.protocol)),
  }));
  awaitedLater(downloads);
  // The standard library trimmed at build time to what Pyodide and the calculators
  // import; no packages beyond it.
  const pyodideReady = loadPyodide({
    indexURL: new URL("pyodide/", SITE_ROOT).href,
    stdLibURL: new URL("pyodide/python_stdlib.handbook.zip", SITE_ROOT).href,
    packages: [],
    // No package is ever loaded: a lock file of none, from the manifest, in place of
    // fetching and parsing pyodide-lock.json (handbook/build/assets.py).
    lockFileContents: manifestReady.then((manifest) => ({
      info: manifest.pyodide_lock_info,
      packages: {},
    })),
    env: { PYTHONPATH: WHEEL_PATH },
    fsInit: async (FS) => {
      try {
        FS.writeFile(WHEEL_PATH, new Uint8Array(await (await downloads).wheel));
      } catch {
        // a wheel that did not arrive is reported below, where it is awaited
      }
    },
  });
  // Pyodide does not say when its .wasm is missing or sent with the wrong type: it
  // waits. Asking for the file's headers at once names the file and the cause.
  await Promise.race([checkWasm(), pyodideReady]);
  const manifest = await manifestReady;
  const { wheel, protocolText } = await downloads;
  const pyodide = await pyodideReady;
  let bridge;
  try {
    await wheel;
    // The shipped bytecode is imported only if it was compiled for this Python;
    // otherwise zipimport compiles the sources beside it (calculators/bytecode.py).
    const bytecode = pyodide.pyimport("calculators.bytecode");
    if (!bytecode.bytecode_fits(manifest.bytecode_magic)) {
      console.warn(`${manifest.wheel}: its bytecode is not for this Python; importing the sources`);
    }
    bytecode.destroy();
    bridge = pyodide.pyimport("calculators.bridge");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The calculators package did not load from ${manifest.wheel}: ${detail}`);
  }
  // Both proxies (and the module they come from) live as long as the worker.
  const protocol = bridge.load_protocol(await protocolText);
  const modules = bridge.warm_up_modules();
  const warmUpModules = modules.toJs();
  modules.destroy();
  return { handle: bridge.handle, protocol, warmUp: bridge.warm_up, warmUpModules };
}

/**
 * Once ready, import the calculators' other modules one at a time, each in a task of
 * its own after the questions already waiting: a question that arrives meanwhile waits
 * for one import at most, and a page's first question of a kind finds its module
 * imported.
 * @param {Runtime} runtime
 */
async function warmUp(runtime) {
  for (const module of runtime.warmUpModules) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      runtime.warmUp(module);
    } catch {
      return; // the question that needs the module says what went wrong
    }
  }
}

const ready = start();
// A failed start is reported through the messages that wait for it.
ready.then(warmUp, () => {});

/**
 * @param {string} type
 * @param {unknown} payload
 * @returns {Promise<unknown>} the bridge's response: {ok, result} or {ok: false, errors}
 */
async function callBridge(type, payload) {
  const runtime = await ready;
  return JSON.parse(runtime.handle(runtime.protocol, JSON.stringify({ type, payload })));
}

/** Message types the page may send, each answered with data. */
const MESSAGE_TYPES = {
  /** Wait until Python and the calculators are ready; answer with the bridge's ping. */
  start: () => callBridge("ping", {}),
  /** @param {{request: {type: string, payload: unknown}}} message */
  call: (message) => callBridge(message.request.type, message.request.payload),
};

/**
 * @param {{id: number, type: string}} message
 * @returns {Promise<unknown>}
 */
async function handler(message) {
  const handle = MESSAGE_TYPES[message.type];
  if (!handle) throw new Error(`Unknown message type: ${message.type}`);
  return handle(message);
}

self.addEventListener("message", async (event) => {
  const { id } = event.data;
  self.postMessage({ id, received: true }); // at once: api.js knows the worker is alive
  try {
    self.postMessage({ id, result: await handler(event.data) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
