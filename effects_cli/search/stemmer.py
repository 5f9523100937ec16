"""Snowball's English stemmer, and the stamp of what an index depends on.

Word forms match through their stems (``meditate`` and ``meditation`` share
``medit``). The guide's own words are stemmed when it is indexed, all at once;
a search loads the stemmer only for a query word the guide does not hold.

The stemmer is PyStemmer, the Snowball project's own C build of the same
algorithms that the pure-Python ``snowballstemmer`` carries: the same stems
(checked word for word on a guide's 40,000 words), seventy times as fast. A
large guide's first search spent most of its time stemming; now it does not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import Stemmer as PyStemmer

Stemmer = Callable[[str], str]
"""A function from a folded word to its stem."""

_english: PyStemmer.Stemmer | None = None


def english_stemmer() -> Stemmer:
    """Snowball's English stemmer, as a function of one (lower-case) word."""
    return _stemmer().stemWord


def stem_all(words: list[str]) -> list[str]:
    """The stems of ``words``, in order: one call for them all (an index's vocabulary)."""
    return _stemmer().stemWords(words)


def _stemmer() -> PyStemmer.Stemmer:
    global _english
    if _english is None:
        import Stemmer as PyStemmer

        # Without PyStemmer's cache of recent words: an index stems each word once, and the
        # cache's bookkeeping costs three times the stemming.
        _english = PyStemmer.Stemmer("english", 0)
    return _english


def index_stamp() -> tuple[object, ...]:
    """What besides the guide and this program's code (`effects_cli.cache.code_stamp`)
    decides an index's words: the Python version and its Unicode tables (``\\w``,
    case-folding) and the stemmer's code.

    Part of the cache key of an index, so that an upgraded stemmer or another
    Python never reuses an index its queries would not agree with.
    """
    import importlib.util
    import os
    import unicodedata

    spec = importlib.util.find_spec("Stemmer")
    stemmer = None
    if spec is not None and spec.origin:
        try:
            info = os.stat(spec.origin)
            stemmer = (spec.origin, info.st_size, info.st_mtime_ns)
        except OSError:
            pass
    return (sys.version_info[:2], unicodedata.unidata_version, stemmer)
