"""Two parties, one picture: the page "Jämför svar" (compare.html.j2, drawn by
overrides/assets/javascripts/compare.js) and the status overview on Mina
anteckningar (status.html.j2, filled in by status.js)."""

# The styles of both pages: linked only on them.
STYLESHEET = "assets/stylesheets/compare.css"
