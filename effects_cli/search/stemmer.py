"""Snowball's English stemmer, loaded alone, and the stamp of what an index depends on.

Word forms match through their stems (``meditate`` and ``meditation`` share
``medit``). The guide's own words are stemmed when it is indexed; a search
loads the stemmer only for a query word the guide does not hold.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

Stemmer = Callable[[str], str]
"""A function from a folded word to its stem."""

_STEMMER_PACKAGE = "effects_cli._snowball"


def english_stemmer() -> Stemmer:
    """Snowball's English stemmer, as a function of one (lower-case) word.

    ``import snowballstemmer`` imports all of its thirty-odd languages (about
    9 ms); the English module alone costs a tenth of that. It is loaded from
    the package's folder under a private package name, so that the real
    ``snowballstemmer`` package, if anything imports it, is left untouched.
    """
    module = sys.modules.get(_STEMMER_PACKAGE + ".english_stemmer")
    if module is None:
        module = _load_english_stemmer()
    stemmer = module.EnglishStemmer()
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = cache[word] = stemmer.stemWord(word)
        return found

    return stem


def _load_english_stemmer() -> ModuleType:
    """Snowball's English module, imported under `_STEMMER_PACKAGE` from its package's folder."""
    import importlib
    import importlib.util
    import types

    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - packaging
        raise ImportError("the snowballstemmer package is not installed")
    package = types.ModuleType(_STEMMER_PACKAGE)
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules[_STEMMER_PACKAGE] = package
    return importlib.import_module(_STEMMER_PACKAGE + ".english_stemmer")


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

    spec = importlib.util.find_spec("snowballstemmer")
    stemmer = None
    if spec is not None and spec.submodule_search_locations:
        path = os.path.join(spec.submodule_search_locations[0], "english_stemmer.py")
        try:
            info = os.stat(path)
            stemmer = (path, info.st_size, info.st_mtime_ns)
        except OSError:
            pass
    return (sys.version_info[:2], unicodedata.unidata_version, stemmer)
