"""Timelines: where steps and milestones fall (:mod:`~macros.timeline.placement`),
their rendering (:mod:`~macros.timeline.render`), the macros
(:mod:`~macros.timeline.register`), the involvement ladder
(:mod:`~macros.timeline.ladder`) and their templates (``templates/``).
In the browser: overrides/assets/javascripts/timeline.js."""

# The timeline's styles: linked only on the pages that show one of its parts.
STYLESHEET = "assets/stylesheets/timeline.css"
# "Var är vi nu?" alone (the start page has only that line): now.css and now.js.
NOW_STYLESHEET = "assets/stylesheets/now.css"
