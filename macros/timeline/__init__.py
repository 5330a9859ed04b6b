"""Timelines: where steps and milestones fall (:mod:`~macros.timeline.placement`),
the macros (:mod:`~macros.timeline.plugin`), the involvement ladder
(:mod:`~macros.timeline.ladder`) and their templates (``templates/``).
In the browser: overrides/assets/javascripts/timeline.js."""

# The timeline's styles: linked only on the pages that show one of its parts.
STYLESHEET = "assets/stylesheets/timeline.css"
