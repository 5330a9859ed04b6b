"""The glossary: terms as tooltips in chapters and in text from data
(:mod:`~macros.glossary.terms`), the glossary page
(:mod:`~macros.glossary.render`, template in ``templates/``) and the macro
(:mod:`~macros.glossary.register`)."""
