"""Worksheets and question lists: rendering (:mod:`~macros.worksheets.render`),
the notes overview's question index (:mod:`~macros.worksheets.overview`), the
macros (:mod:`~macros.worksheets.register`) and their templates (``templates/``).
In the browser: overrides/assets/javascripts/worksheets.js and print.js."""
