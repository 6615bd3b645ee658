"""How large a draft and a request may be: one limit, and the other derived from it.

A draft is a file the practitioner saves and opens again. The page checks the file's
size against MAX_DRAFT_BYTES before reading it; the calculators refuse to save a draft
larger than that, and to open one. Opening sends the draft's text to the calculators
inside a JSON request (`JSON.stringify({type, payload: {text}})`), where escaping makes
it longer: each byte of the file becomes at most one character when read as UTF-8, and
JSON's longest escape for one character is six (`\\u001f`). So any file the page lets
through fits in a request, and every draft the calculators saved reopens.
"""

from __future__ import annotations

# The largest answers the document caps allow (calculators.drafts) save as about 175,000
# bytes: 40,000 characters of four bytes each, and the draft's keys.
MAX_DRAFT_BYTES = 250_000
LONGEST_JSON_ESCAPE = 6  # characters JSON writes for one character of text, at most
ENVELOPE_BYTES = 1_024  # {"type": "open_draft", "payload": {"text": ...}} around the draft
MAX_REQUEST_BYTES = LONGEST_JSON_ESCAPE * MAX_DRAFT_BYTES + ENVELOPE_BYTES
