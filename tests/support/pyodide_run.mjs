// Run the calculators' tests inside real Pyodide under Node.
//
//   node tests/support/pyodide_run.mjs CONFIG.json
//
// CONFIG names the Pyodide folder, the wheels to load by path (pytest and its
// dependencies, the calculators), the files to copy into Pyodide's file system,
// environment variables, the working folder and pytest's arguments. The exit
// status is pytest's. `python -m handbook pyodide-tests` writes CONFIG.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @typedef {object} Config
 * @property {string} pyodide      folder holding pyodide.mjs and its runtime files
 * @property {string[]} wheels     wheel files to load with loadPackage
 * @property {{host: string, dest: string}[]} files  copied into Pyodide's file system
 * @property {Record<string, string>} env
 * @property {string} cwd          working folder inside Pyodide
 * @property {string[]} pytest_args
 */

async function main() {
  /** @type {Config} */
  const config = JSON.parse(await readFile(process.argv[2], "utf8"));
  const indexURL = config.pyodide.endsWith(path.sep) ? config.pyodide : config.pyodide + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL, env: config.env });

  const problems = [];
  await pyodide.loadPackage(config.wheels, {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (problems.length) {
    console.error(`Loading the wheels failed:\n${problems.join("\n")}`);
    return 3;
  }

  for (const { host, dest } of config.files) {
    pyodide.FS.mkdirTree(path.posix.dirname(dest));
    pyodide.FS.writeFile(dest, await readFile(host));
  }
  pyodide.FS.chdir(config.cwd);

  const pytest = pyodide.pyimport("pytest");
  const args = pyodide.toPy(config.pytest_args);
  const outcome = pytest.main(args);
  args.destroy();
  const code = typeof outcome === "number" ? outcome : Number(outcome.value);
  if (typeof outcome !== "number") outcome.destroy();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(4);
  },
);
