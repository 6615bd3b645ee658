// Compile the calculators' sources to bytecode with Pyodide's own Python, under Node.
//
//   node handbook/build/compile_bytecode.mjs PYODIDE_DIR/ WHEEL
//
// Prints one line of JSON: {magic, pyc: {path in the wheel: base64 bytes}}, each .pyc
// beside its source (calculators/bridge.pyc), where zipimport looks for it: the worker
// imports straight from the wheel. The .pyc files are unchecked-hash ones (PEP 552): no
// modification time in them, so the same sources give the same bytes, and the import
// system does not re-read the sources.
// handbook/build/bytecode.py runs this once per build and writes them into the wheel.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexURL, wheelPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, packages: [] });
pyodide.FS.writeFile("/tmp/calculators.whl", new Uint8Array(await readFile(wheelPath)));
const result = pyodide.runPython(`
import base64, importlib.util, json, pathlib, py_compile, zipfile
compiled = {}
with zipfile.ZipFile("/tmp/calculators.whl") as wheel:
    for name in sorted(wheel.namelist()):
        if not name.endswith(".py"):
            continue
        source = pathlib.Path("/tmp/source", name)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_bytes(wheel.read(name))
        cached = name[: -len(".py")] + ".pyc"
        target = pathlib.Path("/tmp/compiled", cached)
        py_compile.compile(
            str(source), cfile=str(target), dfile=name, doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        compiled[cached] = base64.b64encode(target.read_bytes()).decode("ascii")
json.dumps({"magic": importlib.util.MAGIC_NUMBER.hex(), "pyc": compiled})
`);
console.log(result);
