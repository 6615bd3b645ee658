// A link to a clause on another page (a quiz's "Clause 4.6", a cross-reference) lands
// on the clause. Material's instant navigation scrolls to the address's anchor once the
// new page is shown, unless the new history entry holds a scroll position. Its scroll
// tracker, debounced by 100 ms, can write the old page's position into that entry
// while the page is still being fetched (after a scroll just before the click, on a
// busy laptop or a slow network), and the page then opened at the old position, above
// the clause. This brings the anchor into view once the page is shown. Back and
// forward are left to Material, which restores the position a person left.

import { onEachPageShown } from "./shown.js";

/** @type {{pathname: string, hash: string} | null} */
let arriving = null;

document.addEventListener(
  "click",
  (event) => {
    arriving = null;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = /** @type {HTMLElement} */ (event.target).closest?.("a[href]");
    if (!(link instanceof HTMLAnchorElement) || link.target) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || !url.hash || url.pathname === location.pathname) return;
    arriving = { pathname: url.pathname, hash: url.hash };
  },
  true, // before Material's own listener on the body
);

function showAnchor() {
  const expected = arriving;
  if (!expected || location.pathname !== expected.pathname || location.hash !== expected.hash) {
    return;
  }
  arriving = null;
  // After Material's own scrolling for this page, in the next frame.
  requestAnimationFrame(() => {
    const target = document.getElementById(decodeURIComponent(expected.hash.slice(1)));
    if (target && location.hash === expected.hash) target.scrollIntoView();
  });
}

onEachPageShown(showAnchor);
