"""Templates ("Mallar"): the papers a process runs on, as data, filled in
on their page and taken out as Word, print and text (documents.js)."""

# The templates' styles (fields, the document on screen and on paper):
# linked only on the template pages.
STYLESHEET = "assets/stylesheets/documents.css"
# "Fyll i med exempel": every template's invented case, written by the build
# (render.write_examples) and loaded only at the button's first press.
EXAMPLES_SCRIPT = "assets/javascripts/documents-examples.js"
