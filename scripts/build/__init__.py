"""The steps that make the site, run by ``make build``, ``make pdf`` and
``make offline``: mkdocs build (sitebuild), minify, vendor (copies the docx library from npm),
csp, pdf, blank_documents (the empty Word templates), offline; and the
two helpers the PDF step needs (browser: start Chromium; serve_static)."""
