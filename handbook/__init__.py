"""Build-time side of the handbook: loads the YAML, renders pages, writes browser assets.

Runs on CPython only (PyYAML, mkdocs, python-docx). Holds no guidance text or
rules of its own: everything comes from data/protocol.yaml.
"""
