"""The glossary: terms as tooltips in chapters and in text from data
(:mod:`~macros.glossary.terms`), the glossary page and the macro
(:mod:`~macros.glossary.plugin`, template in ``templates/``)."""
