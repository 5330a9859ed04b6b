"""The data files under data/: their shape, declared once as dataclasses
(:mod:`~macros.data.schema`), a strict YAML reader (:mod:`~macros.data.yamlfile`),
the validator that turns YAML into those dataclasses with messages naming the
file and entry (:mod:`~macros.data.validate`), and the catalog that loads every
file and checks the rules that span files (:mod:`~macros.data.catalog`)."""
