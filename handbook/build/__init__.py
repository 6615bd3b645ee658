"""Build: the protocol loaded and checked, its JSON and Word templates, the browser’s assets, the
pages generated from it, and the site build itself."""
