// Each page shown: the first, then each one Material's instant navigation puts in
// (its document$ observable). Without instant navigation, the page once it is parsed.

/** @param {() => void} callback */
export function onEachPageShown(callback) {
  const pages = /** @type {{subscribe?: (next: () => void) => unknown} | undefined} */ (
    /** @type {any} */ (globalThis).document$
  );
  if (pages && typeof pages.subscribe === "function") pages.subscribe(() => callback());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback);
  else callback();
}
