// Files made in the browser: downloads through Blob URLs, and the Word document
// the calculators fill from a blank template served by the handbook itself (fetched
// when the form is shown, so that it can be made offline).

/** The Blob URLs of downloads not yet revoked (each holds a file's bytes in memory). */
const offered = new Set();

/** Revoke every download's Blob URL now ("Clear all case data"). */
export function revokeDownloads() {
  for (const url of offered) URL.revokeObjectURL(url);
  offered.clear();
}

/**
 * Offer a file made in this tab as a download (a Blob URL, never a request).
 * @param {string} name
 * @param {Blob} blob
 */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  offered.add(url);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
    offered.delete(url);
  }, 10000);
}

/** @param {ArrayBuffer} buffer @returns {string} */
export function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** @param {string} text @returns {Uint8Array} */
export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const BLANK_MISSING =
  "The blank Word template could not be loaded from the handbook. Reload the page and try again.";

/** The blank templates fetched while the page was shown, by address: a document can be
 * made after the network has gone. Blank forms only, never case data. */
const blanks = new Map();

/**
 * Fetch a blank template into memory now (once per tab), for downloadDocument.
 * @param {string} blankUrl  relative to the page
 * @returns {Promise<ArrayBuffer>}
 */
export function preloadBlank(blankUrl) {
  const url = new URL(blankUrl, document.baseURI).href;
  let bytes = blanks.get(url);
  if (!bytes) {
    bytes = fetch(url).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.arrayBuffer();
    });
    bytes.catch(() => blanks.delete(url)); // tried again on the next use
    blanks.set(url, bytes);
  }
  return bytes;
}

/**
 * Fill a template's blank Word document with field values and download it.
 * @param {typeof import("../runtime/api.js")} api
 * @param {string} blankUrl  the blank template's address, relative to the page
 * @param {string} template  the template id
 * @param {object} fields  the template's field values
 * @returns {Promise<{ok: true, filename: string, text: string, warnings: {field: string, message: string}[]} | {ok: false, errors: {field: string, message: string}[]}>}
 */
export async function downloadDocument(api, blankUrl, template, fields) {
  let blank;
  try {
    blank = toBase64(await preloadBlank(blankUrl));
  } catch {
    return { ok: false, errors: [{ field: "", message: BLANK_MISSING }] };
  }
  const answer = await api.call("fill", { template, fields, blank_docx_base64: blank });
  if (!answer.ok) return answer;
  const { docx_base64, filename, media_type, text, warnings } = answer.result;
  download(filename, new Blob([fromBase64(docx_base64)], { type: media_type }));
  return { ok: true, filename, text, warnings: warnings ?? [] };
}

/** @param {number} bytes @returns {string} "2.5 MB" */
function megabytes(bytes) {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Read a file chosen as a draft of `template` and ask the calculators what it holds.
 * A file over the one draft limit (calculators/limits.py MAX_DRAFT_BYTES, rendered by
 * the build) is refused before a byte of it is read; the bytes go as they are, and the
 * calculators check they are UTF-8 (calculators/documents/draft_files.py).
 * @param {typeof import("../runtime/api.js")} api @param {File} file @param {number} limit @param {string} template
 * @returns {Promise<{ok: true, result: {template: string, fields: object, warnings: string[]}} | {ok: false, problems: string[]}>}
 */
export async function openDraft(api, file, limit, template) {
  const refused = (/** @type {string} */ why) => `The draft ${file.name} was not opened: ${why}`;
  if (limit && file.size > limit) {
    const why = `it is ${megabytes(file.size)}, and a draft can be at most ${megabytes(limit)}.`;
    return { ok: false, problems: [refused(`${why} Nothing here was changed.`)] };
  }
  const bytes = await new Promise((resolve) => {
    const reader = new FileReader();
    reader.addEventListener("error", () => resolve(null));
    reader.addEventListener("load", () => resolve(reader.result));
    reader.readAsArrayBuffer(file);
  });
  if (!bytes) return { ok: false, problems: ["The draft file could not be read."] };
  const answer = await api.call("open_draft", { base64: toBase64(bytes) });
  if (!answer.ok) {
    const problems = answer.errors.map((p) => refused(`${p.field ? `${p.field}: ` : ""}${p.message}`));
    return { ok: false, problems };
  }
  if (answer.result.template !== template) {
    const other = `The draft ${file.name} is for another form (${answer.result.template}).`;
    return { ok: false, problems: [`${other} Open it on that form's page. Nothing here was changed.`] };
  }
  return answer;
}
