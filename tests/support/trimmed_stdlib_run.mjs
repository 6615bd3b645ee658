// Boot Pyodide under Node with a given standard library zip (stdLibURL), the calculators
// wheel imported straight from the file system as the worker does, import every
// calculators module, answer one request per kind
// given, and print {modules, answers} as JSON. Used by tests/handbook/test_trimmed_stdlib.py.
//
//   node tests/support/trimmed_stdlib_run.mjs PYODIDE_DIR/ STDLIB.zip WHEEL PROTOCOL.json REQUESTS.json

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexURL, stdLib, wheelPath, protocolPath, requestsPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const WHEEL_PATH = "/lib/calculators.whl"; // as docs/javascripts/runtime/worker.js
const wheel = await readFile(wheelPath);
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: stdLib,
  env: { PYTHONPATH: WHEEL_PATH },
  fsInit: (FS) => FS.writeFile(WHEEL_PATH, new Uint8Array(wheel)),
});
pyodide.globals.set("protocol_text", await readFile(protocolPath, "utf8"));
pyodide.globals.set("requests_text", await readFile(requestsPath, "utf8"));
const result = pyodide.runPython(`
import importlib, json, pkgutil, sys
import calculators
from calculators import bridge
for found in pkgutil.walk_packages(calculators.__path__, "calculators."):
    if not found.name.startswith("cli") and not found.name.endswith("__main__"):
        importlib.import_module(found.name)
protocol = bridge.load_protocol(protocol_text)
answers = [json.loads(bridge.handle(protocol, json.dumps(r))) for r in json.loads(requests_text)]
json.dumps({"modules": sorted({name.split(".")[0] for name in sys.modules}), "answers": answers})
`);
console.log(result);
