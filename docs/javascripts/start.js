// On a page that holds a calculator, start Python at once (an async module in the
// head, see overrides/main.html): Pyodide's download and compilation run in the
// worker, off the page's thread, and are most of what a practitioner waits for.
// calculator.js binds the form when the page is ready and reports any failure to
// start; it starts the worker itself if this file has not yet.

import { start } from "./api.js";

start().catch(() => {});
