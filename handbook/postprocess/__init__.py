"""Post-processing of built pages: Content-Security-Policy, abbreviations, accessibility,
and the one MkDocs hooks file (mkdocs.yml `hooks:`)."""
