"""Whole numbers as the command line spells them, read alike by the full program's options
(`effects_cli.cli.options`) and the fast path (`effects_cli.warm.request`).

Nothing is imported here: the fast path reads its command line before anything else.
"""

from __future__ import annotations

LARGEST = 2**63 - 1
"""The largest number an option or variable takes: what a file size can be."""


def whole_number(text: str) -> int | None:
    """The whole number an option's value spells (blanks around it, a sign, ASCII digits),
    read as `bounded` reads its digits; None when it spells none."""
    digits = text.strip()
    sign = -1 if digits.startswith("-") else 1
    digits = digits.removeprefix("-").removeprefix("+")
    if not (digits.isdecimal() and digits.isascii()):
        return None
    return sign * bounded(digits)


def is_negative_number(word: str) -> bool:
    """Whether a word of the command line is an argument such as ``-1`` or ``-4.2``: no
    option looks like this (`effects_cli.cli.options.ReferenceCommand`)."""
    return len(word) > 1 and word[0] == "-" and all(ch in "0123456789." for ch in word[1:])


TOO_LARGE = 10 ** len(str(LARGEST))
"""What `bounded` reads more digits than `LARGEST` has as: out of range whatever its sign
(``-`` and twenty digits is no more ``-2**63`` than anything else)."""


def bounded(digits: str) -> int:
    """The number ASCII ``digits`` spell, or `TOO_LARGE` when they spell more: Python
    refuses to read thousands of digits, and no option needs more than nineteen."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= len(str(LARGEST)) else TOO_LARGE
