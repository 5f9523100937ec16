"""A cache of work done on a guide file, so that the usual run skips it.

Parsing the guide's YAML (and importing PyYAML to do it) costs more than the
rest of a run; building a search index of a large guide costs more again.
Each result is kept in the user's cache folder as one file of ``marshal``
data, which Python loads without importing anything.

- `folder`: where the cache lives, and whether it is safe to use: made private
  to the user (0700), refused when another user owns it or can write to it;
- `keys`: what identifies a guide file's state and the code that read it;
- `store`: the files themselves, private (0600), read with bounds, each used
  only when it is whole and belongs to the question asked.

Every failure to read or write only means "no cache": nothing here raises to
the caller but `CacheError`, from `clear` and `cache_folder`.
"""

from effects_cli.cache.folder import CacheError, cache_folder
from effects_cli.cache.keys import code_stamp, file_stamp
from effects_cli.cache.store import SUFFIX, clear, read, write

__all__ = [
    "SUFFIX",
    "CacheError",
    "cache_folder",
    "clear",
    "code_stamp",
    "file_stamp",
    "read",
    "write",
]
