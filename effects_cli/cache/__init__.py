"""A cache of work done on a guide file, so that the usual run skips it.

Parsing the guide's YAML (and importing PyYAML to do it) costs more than the
rest of a run; building a search index of a large guide costs more again.
Each result is kept in the user's cache folder as one file laid out to be read
in place, without importing anything: the parsed guide (`effects_cli.records`),
its search index (`effects_cli.search.stored`), and what was printed of it
(`effects_cli.warm.replay`).

- `folder`: where the cache lives, and whether it is safe to use: made private
  to the user (0700, every level this program creates), refused when another
  user owns it or can write to it;
- `keys`: what identifies a guide file's state and the code that read it;
- `store`: opening and writing those files, private (0600), read with bounds.

Every failure to read or write only means "no cache": nothing here raises to
the caller but `CacheError`, from `clear` and `cache_folder`.

The names below are loaded from their modules when first used, so that a run
that needs one part (the fast path of `effects_cli.warm`, say) loads no other.
"""

from __future__ import annotations

_NAMES = {
    "CacheError": "effects_cli.errors",
    "cache_folder": "effects_cli.cache.folder",
    "code_stamp": "effects_cli.cache.keys",
    "file_stamp": "effects_cli.cache.keys",
    "SUFFIX": "effects_cli.cache.store",
    "clear": "effects_cli.cache.store",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str) -> object:
    """`cache.code_stamp` and the like: the module that holds the name, loaded on first use."""
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
