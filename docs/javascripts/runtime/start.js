// On a page that holds a calculator, start Python early (an async module in the head,
// see overrides/main.html): Pyodide's download and compilation run in the worker, off
// the page's thread, and are most of what a practitioner waits for. It starts in the
// first task after the page's first frame: started sooner, the worker's download and
// compilation compete with the page's own parsing and first paint for the processor,
// and the fields reach the screen later (`make bench`, first field painted).
// calculator.js binds the form when the page is ready and reports any failure to
// start; it starts the worker itself if this file has not yet.

import { start } from "./api.js";

await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
start().catch(() => {});
