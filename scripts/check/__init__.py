"""The tools that check and measure the built site, used by ``make test``,
``make audit`` and ``make bench``: audit, linkcheck, lix, bench (with
expanded_docs) and screenshot."""
