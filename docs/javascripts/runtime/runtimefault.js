// Why a runtime file (a script of the calculators' worker, Pyodide's WebAssembly)
// cannot be used: the server does not have it, or sends it with another type. The
// browser does not say (a worker that cannot load fires a bare "error"; Pyodide waits
// for a .wasm that never compiles), so the file's headers are asked for and the file
// and the cause are named. Shared by api.js (the worker's scripts) and worker.js (the
// .wasm).

/** @typedef {{type: string, accepts: RegExp}} Kind  the type to name, and the types that do */

/** @type {Kind} */
export const JAVASCRIPT = {
  type: "text/javascript",
  accepts: /^(text|application)\/(x-)?(javascript|ecmascript)$/,
};
/** @type {Kind} */
export const WEBASSEMBLY = { type: "application/wasm", accepts: /^application\/wasm$/ };

/**
 * @param {URL} url  the file's full address
 * @param {Kind} kind
 * @returns {Promise<string>} what is wrong with the file, for a person; "" when nothing
 *   is found (a server that does not answer HEAD is not judged)
 */
export async function runtimeFileFault(url, kind) {
  const name = url.pathname.split("/").pop();
  let response;
  try {
    response = await fetch(url, { method: "HEAD", cache: "no-store" });
  } catch {
    return `${name} could not be reached: the network or the server is down`;
  }
  if (response.status === 404 || response.status === 410) {
    return `${name} is missing on the server (${response.status}, at ${url.pathname})`;
  }
  if (!response.ok) return "";
  const sent = (response.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (kind.accepts.test(sent)) return "";
  return `${name} was sent as ${sent || "no type"}; the server must send ${kind.type}`;
}
