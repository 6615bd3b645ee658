"""Every size limit of the calculators, in one place.

How large a draft and a request may be: one limit, and the other derived from it.

A draft is a file the practitioner saves and opens again. The page checks the file's
size against MAX_DRAFT_BYTES before reading it; the calculators refuse to save a draft
larger than that, and to open one. Opening sends the draft's text to the calculators
inside a JSON request (`JSON.stringify({type, payload: {text}})`), where escaping makes
it longer: each byte of the file becomes at most one character when read as UTF-8, and
JSON's longest escape for one character is six (`\\u001f`). So any file the page lets
through fits in a request, and every draft the calculators saved reopens.
"""

from __future__ import annotations

# The largest answers the document caps allow (calculators.documents.drafts) save as about 175,000
# bytes: 40,000 characters of four bytes each, and the draft's keys.
MAX_DRAFT_BYTES = 250_000
LONGEST_JSON_ESCAPE = 6  # characters JSON writes for one character of text, at most
ENVELOPE_BYTES = 1_024  # {"type": "open_draft", "payload": {"text": ...}} around the draft
MAX_REQUEST_BYTES = LONGEST_JSON_ESCAPE * MAX_DRAFT_BYTES + ENVELOPE_BYTES

# One answer, and one repeatable table, on a form (calculators.documents.field_types checks them;
# the form pages set them as maxlength and the Add button's limit).
MAX_TEXT_CHARS = 20_000
MAX_ROWS = 200

# One document's answers together: each paragraph, line break and table cell counts as a
# paragraph. LibreOffice took 144 s to open 200 table rows of short paragraphs. Measured
# with `soffice --headless --convert-to pdf` (CPU time; starting with a fresh profile and
# an empty form takes 1.8 s), the largest documents at these caps took: all the characters
# in one table row of seven cells 3.0 s, 85 rows of seven cells 2.4 s, 600 paragraphs of
# text 2.2 s (tests/documents/test_libreoffice.py opens all three).
MAX_DOCUMENT_CHARS = 40_000
MAX_DOCUMENT_PARAGRAPHS = 600

# The text the training's language check reads at once (a scenario's answer, pasted).
MAX_LANGUAGE_CHECK_CHARS = 100_000
