// Time the hostile requests inside Pyodide under Node: `python -m bench.hostile_input` runs it.
//
//   node bench/hostile_pyodide.mjs CONFIG.json
//
// CONFIG names the Pyodide folder, the calculators wheel, bench/hostile_input.py, the
// protocol JSON and a blank Word template. Prints time_requests' JSON on stdout.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

async function main() {
  const config = JSON.parse(await readFile(process.argv[2], "utf8"));
  const indexURL = config.pyodide.endsWith(path.sep) ? config.pyodide : config.pyodide + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage([config.wheel], { messageCallback: () => {} });
  pyodide.FS.mkdirTree("/home/pyodide/bench");
  pyodide.FS.writeFile("/home/pyodide/bench/__init__.py", "");
  pyodide.FS.writeFile("/home/pyodide/bench/hostile_input.py", await readFile(config.module));
  pyodide.FS.writeFile("/home/pyodide/protocol.json", await readFile(config.protocol));
  pyodide.FS.writeFile("/home/pyodide/blank.docx", await readFile(config.blank));
  const output = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
from bench.hostile_input import time_requests
with open("/home/pyodide/protocol.json", encoding="utf-8") as protocol:
    text = protocol.read()
with open("/home/pyodide/blank.docx", "rb") as blank:
    data = blank.read()
json.dumps(time_requests(text, data))
`);
  process.stdout.write(output);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
