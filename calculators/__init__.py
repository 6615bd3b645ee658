"""Calculators for the Newham CSE practice handbook.

Standard library only: the same code runs on CPython (tests, command line,
build) and on Pyodide in the browser. It receives the protocol as plain data.
"""

__version__ = "1.0.0"
