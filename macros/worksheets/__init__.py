"""Worksheets and question lists: rendering (:mod:`~macros.worksheets.render`:
the lists, each question, the question bank, the booklet and the notes
overview), the macros (:mod:`~macros.worksheets.register`) and their
templates (``templates/``). The question index that the notes overview
embeds is :mod:`macros.data.question_index`.
In the browser: overrides/assets/javascripts/worksheets.js and print.js."""

# The kinds of process that are printed (as a PDF each and in the booklet).
PRINTABLE_KINDS = ("worksheet", "checklist")

# The questions' styles (their lists, toolbars and the notes overview):
# linked only where they are; worksheets.css (the panel) is on every page.
QUESTIONS_STYLESHEET = "assets/stylesheets/questions.css"
