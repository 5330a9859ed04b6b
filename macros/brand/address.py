"""Whether an address is one a reader can visit, or a stand-in for one.

The shipped mkdocs.yml has a stand-in ``site_url`` under ``.example`` (a
top-level domain reserved for examples, RFC 2606) so that the build has
canonical links before a fork knows its address. Pages must not show such an
address to a reader: print shows the page's address only when this says yes.
"""
from __future__ import annotations

from urllib.parse import urlsplit

# Reserved for examples, tests and local use (RFC 2606, RFC 6761).
RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".local")
RESERVED_HOSTS = ("example.com", "example.org", "example.net", "localhost")


def is_public_address(url: str | None) -> bool:
    """True for an http(s) address on a host that can exist on the internet."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("http", "https") or "." not in host:
        return False
    if host.endswith(RESERVED_SUFFIXES) or any(host == h or host.endswith("." + h) for h in RESERVED_HOSTS):
        return False
    return not host.replace(".", "").isdigit()  # an IP address is no public page address
