"""Documents the calculators make: calendar files and filled templates (standard library only)."""
