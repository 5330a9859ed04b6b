"""Timelines: where steps and milestones fall (:mod:`~macros.timeline.placement`),
the macros (:mod:`~macros.timeline.plugin`), the involvement ladder
(:mod:`~macros.timeline.ladder`) and their templates (``templates/``).
In the browser: overrides/assets/javascripts/timeline.js."""
