"""Registers: the lists a process keeps (commitments, decisions, parked
questions), declared as data (data/registers/<id>.yml), kept in the active
workspace and shown, sorted, filtered, compared and exported by registers.js."""

# The registers' styles (the form, the list as a table or as cards, the
# print): linked only on pages with a register.
STYLESHEET = "assets/stylesheets/registers.css"
# Every register's fields and statuses, written by the build as a script
# beside registers.js, which loads it: the pages themselves carry no copy.
INDEX_SCRIPT = "assets/javascripts/registers-index.js"
INDEX_VERSION = 1
