// The theme's search worker, under the page's policy. Material starts its search
// worker with `new Worker(config.search)`, the address in the page's #__config; a
// worker loaded from its own address takes its policy from response headers only,
// so on a server that sends none nothing would limit it, and it receives every
// search query. This classic script runs just before Material's bundle (see the
// scripts block of overrides/main.html) and points config.search at a blob: URL
// whose one line imports the same worker script: a worker from a blob: URL inherits
// the page's Content-Security-Policy (connect-src 'self'), as the calculators' worker
// does (api.js); every page's policy allows a worker from a blob: URL
// (handbook/postprocess/csp.py).
//
// Material's search worker loads nothing of its own for an English-only site (it
// would import lunr's language files relative to its own address, which a blob: URL
// has not); mkdocs.yml sets `language: en`.

(() => {
  const element = document.getElementById("__config");
  if (!element) return;
  const config = JSON.parse(element.textContent || "{}");
  if (typeof config.search !== "string" || config.search.startsWith("blob:")) return;
  const address = new URL(config.search, document.baseURI).href;
  const source = `importScripts(${JSON.stringify(address)});\n`;
  config.search = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  element.textContent = JSON.stringify(config);
})();
