"""The due dates: the fields as typed (fields), the answers in words (words), the calendar's
events (events), the strategy minutes' dates (minutes), the calendar file's case reference,
and the bridge's requests (request). The date arithmetic is the timing engine's
(calculators.timing)."""
