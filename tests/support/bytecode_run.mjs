// Boot Pyodide under Node as the worker does (the site's trimmed standard library, the
// calculators' wheel written into the file system before Python starts and imported
// straight from it through PYTHONPATH), run the worker's bytecode check, import every
// calculators module and answer requests; print {magic, headers, fits, shipped,
// compiled_from_source, modules, answers} as JSON. WHEEL, when given, is used in place
// of the site's (a copy with spoilt .pyc headers, to see the sources used).
// Used by tests/handbook/test_bytecode.py.
//
//   node tests/support/bytecode_run.mjs SITE/ PROTOCOL.json REQUESTS.json [WHEEL]

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const WHEEL_PATH = "/lib/calculators.whl"; // as docs/javascripts/runtime/worker.js
const [site, protocolPath, requestsPath, wheelGiven] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(path.join(site, "assets", "runtime.json"), "utf8"));
const wheel = await readFile(wheelGiven ?? path.join(site, manifest.wheel));
const indexURL = path.join(site, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: path.join(indexURL, "python_stdlib.handbook.zip"),
  packages: [],
  env: { PYTHONPATH: WHEEL_PATH },
  fsInit: (FS) => FS.writeFile(WHEEL_PATH, new Uint8Array(wheel)),
});
pyodide.globals.set("wheel_path", WHEEL_PATH);
pyodide.globals.set("manifest_magic", manifest.bytecode_magic);
pyodide.globals.set("protocol_text", await readFile(protocolPath, "utf8"));
pyodide.globals.set("requests_text", await readFile(requestsPath, "utf8"));
const result = pyodide.runPython(`
import builtins, importlib, importlib.util, json, pkgutil, sys, zipfile
with zipfile.ZipFile(wheel_path) as archive:
    shipped = [name for name in archive.namelist() if name.endswith(".pyc")]
    headers = sorted({archive.read(name)[:4].hex() for name in shipped})
compiled_from_source = []
real_compile = compile
def recording(source, filename, *args, **kwargs):
    if str(filename).startswith(wheel_path):
        compiled_from_source.append(str(filename))
    return real_compile(source, filename, *args, **kwargs)
builtins.compile = recording  # zipimport compiles a source it falls back to with compile()
from calculators.bytecode import bytecode_fits  # as the worker does
fits = bytecode_fits(manifest_magic)
import calculators
from calculators import bridge
for found in pkgutil.walk_packages(calculators.__path__, "calculators."):
    if not found.name.startswith("cli") and not found.name.endswith("__main__"):
        importlib.import_module(found.name)
builtins.compile = real_compile
modules = {
    name: {"origin": module.__spec__.origin, "loader": type(module.__loader__).__name__}
    for name, module in sorted(sys.modules.items()) if name.split(".")[0] == "calculators"
}
protocol = bridge.load_protocol(protocol_text)
answers = [json.loads(bridge.handle(protocol, json.dumps(r))) for r in json.loads(requests_text)]
json.dumps({
    "magic": importlib.util.MAGIC_NUMBER.hex(), "headers": headers, "shipped": len(shipped),
    "compiled_from_source": compiled_from_source, "modules": modules, "answers": answers,
    "fits": fits,
})
`);
console.log(result);
