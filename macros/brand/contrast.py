"""Colour arithmetic for the brand: WCAG 2.1 contrast and simple shades.

Colours are hex strings, ``#rgb`` or ``#rrggbb``. The formulas are those of
WCAG 2.1 (relative luminance, contrast ratio).
"""
from __future__ import annotations

# Text on the header: Material writes white on the primary colour.
WHITE = "#ffffff"
BLACK = "#000000"
# The page background of Material's dark scheme ("slate") with its default
# hue 225: hsla(225, 15%, 14%, 1).
SLATE_BACKGROUND = "#1e2129"
# WCAG 2.1 AA for normal text.
AA_TEXT = 4.5


def rgb(color: str) -> tuple[int, int, int]:
    """``#1a4d8f`` (or ``#18f``) as three integers 0-255."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def normalise(color: str) -> str:
    """Lowercase ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*rgb(color))


def luminance(color: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def ratio_text(value: float) -> str:
    """A ratio as people write it, rounded down so that 4.499 never shows as 4.5."""
    return f"{int(value * 100) / 100:.2f}:1"


def mix(color: str, other: str, share: float) -> str:
    """``color`` with ``share`` (0-1) of ``other`` mixed in, as ``#rrggbb``."""
    return "#{:02x}{:02x}{:02x}".format(*(
        round(a + (b - a) * share) for a, b in zip(rgb(color), rgb(other))))


def readable_on(background: str) -> str:
    """White or black, whichever has the higher contrast on ``background``."""
    return WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK
