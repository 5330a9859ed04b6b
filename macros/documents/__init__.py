"""Templates ("Mallar"): the papers a process runs on, as data, filled in
on their page and taken out as Word, print and text (documents.js)."""
