"""Two parties, one picture: the page "Jämför svar" (compare.html.j2, drawn by
overrides/assets/javascripts/compare.js) and the status overview on Mina
anteckningar (status.html.j2, filled in by status.js)."""
