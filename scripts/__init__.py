"""Scripts outside the generator. ``scripts.build``: the steps that make the
site (``make build``, ``make pdf``, ``make offline``). ``scripts.check``: the
tools that check and measure it (``make test``, ``make audit``, ``make bench``)."""
