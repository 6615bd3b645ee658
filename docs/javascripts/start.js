// On a page that holds a calculator, start Python as soon as the page has been
// painted (an async module in the head, see overrides/main.html). Pyodide's
// download and compilation take both cores of a small machine for a while, so
// they start once the fields are on screen, not while the page is still being
// laid out. calculator.js binds the form when the page is ready and reports any
// failure to start; it starts the worker itself if this file has not yet.

import { start } from "./api.js";

const go = () => {
  start().catch(() => {});
};

if (document.visibilityState === "hidden") {
  // A tab opened in the background paints nothing until it is shown: start now.
  go();
} else {
  // A frame callback runs just before the next paint; the task it queues runs after it.
  requestAnimationFrame(() => setTimeout(go, 0));
}
