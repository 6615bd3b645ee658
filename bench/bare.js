// Baseline for `make bench`: boot the same self-hosted Pyodide in a module worker, nothing else.
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", () => {
  performance.mark("bare-ready");
  document.getElementById("state").textContent = "ready";
  document.body.dataset.state = "ready";
});
