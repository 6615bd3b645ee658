// The risk category calculator's page binding: send the ticked indicators to
// the calculators and show the suggested category and its reasons as text.

/**
 * @param {HTMLFormElement} form  form#risk-form with checkboxes name="indicator"
 * @param {import("./calculator.js").Context} context
 */
export function bind(form, { api, showLines, showProblems }) {
  const answer = /** @type {HTMLElement} */ (document.getElementById("risk-answer"));
  let latest = 0;

  async function update() {
    const asked = ++latest;
    const indicators = [...form.querySelectorAll("input[name='indicator']:checked")].map(
      (box) => /** @type {HTMLInputElement} */ (box).value,
    );
    let response;
    try {
      response = await api.risk({ indicators });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = { ok: false, errors: [{ field: "", message }] };
    }
    if (asked !== latest) return; // a newer question is on its way
    if (response.ok) {
      showLines(answer, response.result.rationale, `Suggested: ${response.result.category_name}`);
    } else {
      showProblems(answer, response.errors);
    }
  }

  form.addEventListener("submit", update);
  form.addEventListener("change", update);
  form.querySelector("[data-action='clear-risk']")?.addEventListener("click", () => {
    for (const box of form.querySelectorAll("input[name='indicator']")) {
      /** @type {HTMLInputElement} */ (box).checked = false;
    }
    update();
  });
}
