"""How some values are written in the pages: Swedish dates, phone links and
addresses as people read them. Used as template filters (macros.render)."""
from __future__ import annotations

import datetime
import re

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli",
          "augusti", "september", "oktober", "november", "december")


def swedish_date(iso: str) -> str:
    """``2026-11-23`` as ``23 november 2026``."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def tel(phone: str) -> str:
    """A phone number as a ``tel:`` target: digits and a leading plus only."""
    return re.sub(r"[^0-9+]", "", phone)


def display_url(url: str) -> str:
    """An address as people read it: without the scheme and trailing slash."""
    return re.sub(r"^https?://", "", url).rstrip("/")
