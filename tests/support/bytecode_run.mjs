// Boot Pyodide under Node as the worker does (the site's trimmed standard library),
// unpack the site's calculators wheel, run the worker's bytecode check, import the
// calculators and answer requests; print {magic, headers, kept, left_after_check,
// compiled_from_source, modules, answers} as JSON. With
// "wrong-magic" the shipped .pyc headers are spoilt first, to see the sources used.
// Used by tests/handbook/test_bytecode.py.
//
//   node tests/support/bytecode_run.mjs SITE/ PROTOCOL.json REQUESTS.json [wrong-magic]

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, protocolPath, requestsPath, mode] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(path.join(site, "assets", "runtime.json"), "utf8"));
const indexURL = path.join(site, "pyodide") + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: path.join(indexURL, "python_stdlib.handbook.zip"),
  packages: [],
});
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
const wheel = await readFile(path.join(site, manifest.wheel));
pyodide.unpackArchive(new Uint8Array(wheel), "wheel", { extractDir: sitePackages });
pyodide.globals.set("site_packages", sitePackages);
pyodide.globals.set("spoil", mode === "wrong-magic");
pyodide.globals.set("protocol_text", await readFile(protocolPath, "utf8"));
pyodide.globals.set("requests_text", await readFile(requestsPath, "utf8"));
const result = pyodide.runPython(`
import importlib, importlib.util, importlib._bootstrap_external as external, json, pathlib, pkgutil, sys
shipped = sorted(pathlib.Path(site_packages, "calculators").rglob("*.pyc"))
if spoil:
    for pyc in shipped:
        pyc.write_bytes(b"\\0\\0\\0\\0" + pyc.read_bytes()[4:])
headers = sorted({pyc.read_bytes()[:4].hex() for pyc in shipped})
compiled_from_source = []
to_code = external.SourceLoader.source_to_code
def recording(self, data, path, *args, **kwargs):
    compiled_from_source.append(str(path))
    return to_code(self, data, path, *args, **kwargs)
external.SourceLoader.source_to_code = recording
from calculators.bytecode import keep_bytecode_if_it_fits  # as the worker does
kept = keep_bytecode_if_it_fits()
left = sorted(str(pyc) for pyc in pathlib.Path(site_packages, "calculators").rglob("*.pyc"))
import calculators
from calculators import bridge
for found in pkgutil.walk_packages(calculators.__path__, "calculators."):
    if not found.name.startswith("cli") and not found.name.endswith("__main__"):
        importlib.import_module(found.name)
external.SourceLoader.source_to_code = to_code
modules = {
    name: {"cached": module.__cached__, "cached_exists": pathlib.Path(module.__cached__).is_file()}
    for name, module in sorted(sys.modules.items()) if name.split(".")[0] == "calculators"
}
protocol = bridge.load_protocol(protocol_text)
answers = [json.loads(bridge.handle(protocol, json.dumps(r))) for r in json.loads(requests_text)]
json.dumps({
    "magic": importlib.util.MAGIC_NUMBER.hex(), "headers": headers, "shipped": len(shipped),
    "compiled_from_source": compiled_from_source, "modules": modules, "answers": answers,
    "kept": kept, "left_after_check": len(left),
})
`);
console.log(result);
