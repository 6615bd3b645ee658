// Copying an answer's text for the case record, shared by the risk page and the forms:
// to the clipboard where the browser allows it, else left selected in its box to copy
// by hand. Nothing leaves the tab.

/**
 * @param {string} text
 * @param {HTMLTextAreaElement} box  the visible box that holds the same text
 * @param {HTMLElement} status  where the outcome is said
 */
export async function copyForCaseRecord(text, box, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied the text for the case record.";
  } catch {
    box.select();
    status.textContent = "The text is below, selected: press Ctrl+C (or Cmd+C) to copy it.";
  }
}
