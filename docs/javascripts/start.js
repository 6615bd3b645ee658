// On a page that holds a calculator, start Python while the page is still
// loading (an async module in the head, see overrides/main.html). calculator.js
// binds the form when the page is ready and reports any failure to start.

import { start } from "./api.js";

start().catch(() => {});
