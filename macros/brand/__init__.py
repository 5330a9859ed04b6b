"""Everything brand.yml does: its shape and checks (:mod:`~macros.brand.config`,
with colour contrast in :mod:`~macros.brand.contrast`), carrying it into
MkDocs' configuration and the built site (:mod:`~macros.brand.site`), the
boxes and the accessibility statement in pages (:mod:`~macros.brand.render`,
templates in ``templates/``) and the macros (:mod:`~macros.brand.register`)."""
