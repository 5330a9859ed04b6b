"""The steps that make the site, run by ``make build``, ``make pdf`` and
``make offline``: mkdocs build (sitebuild), minify, csp, pdf, offline; and the
two helpers the PDF step needs (browser: start Chromium; serve_static)."""
