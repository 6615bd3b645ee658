// A Pyodide memory snapshot with the calculators imported, measured under Node for
// `make bench` (bench/snapshot.py): its size, raw and gzipped, and the time to a loaded
// protocol booting from it against booting as the worker does. Pyodide's snapshot
// options (_makeSnapshot, _loadSnapshot, makeMemorySnapshot) are private API.
//
//   node bench/snapshot.mjs SITE/
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
const site = process.argv[2];
const manifest = JSON.parse(await readFile(path.join(site, "assets", "runtime.json"), "utf8"));
const indexURL = path.join(site, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const stdLibURL = path.join(indexURL, "python_stdlib.handbook.zip");
const wheel = new Uint8Array(await readFile(path.join(site, manifest.wheel)));
const protocolText = await readFile(path.join(site, manifest.protocol), "utf8");
async function boot(options) {
  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL, stdLibURL, packages: [], ...options });
  const booted = performance.now();
  if (!options._loadSnapshot) {
    const sp = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
    pyodide.unpackArchive(wheel, "wheel", { extractDir: sp });
    pyodide.runPython("import calculators.bridge");
  }
  const bridge = pyodide.pyimport("calculators.bridge");
  bridge.load_protocol(protocolText);
  return { pyodide, boot_ms: booted - started, ready_ms: performance.now() - started };
}
const plain = [];
for (let i = 0; i < 3; i++) plain.push((await boot({})).ready_ms);
const maker = await boot({ _makeSnapshot: true });
const snapshot = maker.pyodide.makeMemorySnapshot();
const fromSnapshot = [];
for (let i = 0; i < 3; i++) fromSnapshot.push((await boot({ _loadSnapshot: snapshot })).ready_ms);
const median = (xs) => xs.sort((a, b) => a - b)[1];
console.log(JSON.stringify({
  snapshot_bytes: snapshot.length, snapshot_gzip_bytes: gzipSync(snapshot, { level: 9 }).length,
  ready_ms_plain: plain.map(Math.round), ready_ms_from_snapshot: fromSnapshot.map(Math.round),
  plain_median: Math.round(median(plain)), snapshot_median: Math.round(median(fromSnapshot)),
}));
