// "Copy link" beside every clause (handbook/pages/directive.py): copies the clause's
// full address, anchor included, to cite it. The buttons are rendered hidden, so
// without JavaScript none shows that cannot work; this shows them on every page
// shown (Material's instant navigation included). Nothing typed is involved.

import { onEachPageShown } from "./shown.js";

const COPIED = "Link copied";

/** @param {HTMLButtonElement} button */
async function copyLink(button) {
  const address = new URL(button.dataset.copyLink ?? "", location.href).href;
  const label = button.firstChild;
  try {
    await navigator.clipboard.writeText(address);
    if (label) label.textContent = COPIED;
  } catch {
    history.replaceState(history.state, "", address); // the address bar then holds it
    if (label) label.textContent = "Copy it from the address bar";
  }
}

function showButtons() {
  for (const button of document.querySelectorAll("button[data-copy-link][hidden]")) {
    /** @type {HTMLButtonElement} */ (button).hidden = false;
  }
}

document.addEventListener("click", (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest("button[data-copy-link]");
  if (button) copyLink(/** @type {HTMLButtonElement} */ (button));
});

onEachPageShown(showButtons);
