"""A cache that another user could write, read or replace: never used, never leaked,
never a hang. (Round two of bad input: the cache was trusted too much.)"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from effects_cli import cache, records
from effects_cli.bundled import bundled_guide_path
from effects_cli.cache import store
from effects_cli.model import Guide, Point, Section
from tests.helpers import SMALL_GUIDE, Invoke, run_effects


def run(
    *args: str, cache_home: Path, memory: int | None = None
) -> subprocess.CompletedProcess[str]:
    """effects in a subprocess with its cache in ``cache_home``."""
    cwd = next(folder for folder in (cache_home, *cache_home.parents) if folder.exists())
    return run_effects(*args, cwd=cwd, memory=memory, XDG_CACHE_HOME=str(cache_home))


def bundled_key() -> tuple[object, ...]:
    stamp = cache.file_stamp(bundled_guide_path())
    assert stamp is not None
    return (*stamp, cache.code_stamp(), None)


def guide_file(cache_home: Path) -> Path:
    return cache_home / "effects" / store.file_name("guide", bundled_key())


PLANTED = Guide(
    title="Owned",
    sections=(
        Section(
            1,
            "Owned \x1b]52;c;cHduZWQ=\x07 \x1b[2J\x1b]0;pwned\x07",
            "text \u202e",
            (Point(1, 1, "p \x9b31m", "t"),),
        ),
    ),
)


def test_text_read_back_from_the_cache_is_defused(invoke: Invoke) -> None:
    """Whatever a cache file holds, its text reaches the terminal as safely as YAML's."""
    records.write(bundled_key(), PLANTED)
    result = invoke("list", "--tree")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "1  Owned \\x1b]52;c;cHduZWQ=\\x07 \\x1b[2J\\x1b]0;pwned\\x07  1 point\n"
        "   1.1  p \\x9b31m\n"
    )


@pytest.mark.posix
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "effects"
    folder.mkdir()
    folder.chmod(mode)
    (folder / store.file_name("guide", bundled_key())).write_bytes(b"planted")
    result = run("list", cache_home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(" 1  Building and Strengthening Social Connections")
    assert result.stderr == (
        f"effects: not using the cache folder {folder}: others can write to it (mode {mode:04o})\n"
    )
    assert sorted(path.name for path in folder.iterdir()) == [
        store.file_name("guide", bundled_key())
    ]  # nothing written there either
    assert (folder / store.file_name("guide", bundled_key())).read_bytes() == b"planted"


@pytest.mark.posix
def test_a_cache_folder_of_another_user_is_not_used(tmp_path: Path) -> None:
    """As root, the folder is given to another user; otherwise it is a link to a folder
    root owns. Either way its owner is not the one running effects."""
    folder = tmp_path / "effects"
    if os.geteuid() == 0:
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
        owner = 65534
    else:
        folder.symlink_to("/usr")
        owner = os.stat("/usr").st_uid
    result = run("search", "stigma", cache_home=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("4     Reducing the Stigma")
    assert result.stderr == (
        f"effects: not using the cache folder {folder}: it belongs to another user (uid {owner})\n"
    )
    cleared = run("cache", "clear", cache_home=tmp_path)
    assert (cleared.returncode, cleared.stderr) == (
        4,
        f"effects: will not clear the cache folder {folder}: it belongs to another user"
        f" (uid {owner})\n",
    )


def _owned_by_another(monkeypatch: pytest.MonkeyPatch, link: Path) -> int:
    """Make ``link`` look as if another user made it (``lstat`` says another owner): a
    user running the tests cannot give a link away. The uid it seems to have."""
    real = os.lstat
    other = real(link).st_uid + 1

    def lstat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real(path, *args, **kwargs)  # type: ignore[arg-type]
        if os.fspath(path) == str(link):  # type: ignore[arg-type]
            values = list(found)
            values[stat.ST_UID] = other
            return os.stat_result(values)
        return found

    monkeypatch.setattr(os, "lstat", lstat)
    return other


@pytest.mark.posix
@pytest.mark.parametrize("chained", [False, True], ids=["the-link", "a-link-it-leads-to"])
def test_a_link_another_user_made_is_not_followed_to_a_folder_of_the_users(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chained: bool
) -> None:
    """In a shared cache home, another user's link could make any folder of this user's
    the cache folder, and ``cache clear`` empty it: at the cache folder's place, or as
    the target of the user's own link there (``~/.cache/effects`` -> ``/tmp/cache``,
    which someone else made first). The folder it reaches is the user's own, private."""
    cache_home, mine = tmp_path / "shared", tmp_path / "mine"
    cache_home.mkdir()
    mine.mkdir(mode=0o700)
    folder = cache_home / "effects"
    if chained:
        planted = tmp_path / "planted"
        planted.symlink_to(mine)
        folder.symlink_to(planted)
        other = _owned_by_another(monkeypatch, planted)
        why = f"it leads to {planted}, a link that belongs to another user (uid {other})"
    else:
        folder.symlink_to(mine)
        other = _owned_by_another(monkeypatch, folder)
        why = f"it is a link that belongs to another user (uid {other})"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    result = invoke("list")
    assert (result.exit_code, result.stderr) == (
        0,
        f"effects: not using the cache folder {folder}: {why}\n",
    )
    assert list(mine.iterdir()) == []  # nothing written through the link
    (mine / store.file_name("guide", bundled_key())).write_text("keep")
    cleared = invoke("cache", "clear")
    assert (cleared.exit_code, cleared.stderr) == (
        4,
        f"effects: will not clear the cache folder {folder}: {why}\n",
    )
    assert [path.read_text() for path in mine.iterdir()] == ["keep"]


@pytest.mark.posix
def test_the_users_own_link_to_a_folder_of_theirs_is_the_cache_folder(tmp_path: Path) -> None:
    cache_home, mine = tmp_path / "home", tmp_path / "elsewhere"
    cache_home.mkdir()
    mine.mkdir(mode=0o700)
    (cache_home / "effects").symlink_to(mine)
    result = run("list", cache_home=cache_home)
    assert (result.returncode, result.stderr) == (0, "")
    assert store.file_name("guide", bundled_key()) in [path.name for path in mine.iterdir()]


@pytest.mark.posix
def test_cache_files_and_the_folders_made_for_them_are_private(tmp_path: Path) -> None:
    home = tmp_path / "new" / "cache"
    guide = tmp_path / "private.yaml"
    guide.write_text(SMALL_GUIDE.replace("\n    ", "\n").lstrip(), encoding="utf-8")
    guide.chmod(0o600)
    old = os.umask(0o022)
    try:
        result = run("--guide", str(guide), "search", "gardens", cache_home=home)
    finally:
        os.umask(old)
    assert (result.returncode, result.stderr) == (0, "")
    modes = {
        str(path.relative_to(tmp_path)): stat.S_IMODE(path.stat().st_mode)
        for path in [home, home / "effects", *sorted((home / "effects").iterdir())]
    }
    assert modes == {
        "new/cache": 0o700,
        "new/cache/effects": 0o700,
        **{
            f"new/cache/effects/{kind}-{name}": 0o600
            for kind, name in (path.name.split("-", 1) for path in (home / "effects").iterdir())
        },
    }
    assert len(modes) == 4  # a guide and an index


@pytest.mark.posix
def test_a_cache_file_others_can_read_is_not_used_and_is_rewritten_private(
    invoke: Invoke,
) -> None:
    records.write(bundled_key(), PLANTED)
    path = cache.cache_folder() / records.file_name(bundled_key())
    path.chmod(0o644)  # as earlier versions wrote them
    result = invoke("list")
    assert result.stdout.startswith(" 1  Building and Strengthening")  # not the planted one
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with path.open("wb") as file:
        file.truncate(64 * 1024**3)  # 64 GB of nothing, on no disk


def _folder(path: Path) -> None:
    path.mkdir()


def _link_to_a_good_file(path: Path) -> None:
    run("list", cache_home=path.parent.parent)  # a cache file as effects writes it
    good = path.with_name("elsewhere")
    path.rename(good)
    path.symlink_to(good)


@pytest.mark.linux
@pytest.mark.parametrize(
    "plant",
    [_fifo, _link_to_dev_zero, _sparse, _folder, _link_to_a_good_file],
    ids=lambda f: f.__name__[1:],
)
def test_a_special_file_in_place_of_a_cache_file_is_no_cache(tmp_path: Path, plant) -> None:  # type: ignore[no-untyped-def]
    """A FIFO would hang a reader, /dev/zero and a sparse file would fill its memory; a
    link is not followed. Each is "no cache", within a memory limit that reading 64 GB
    (or an endless file) would break."""
    path = guide_file(tmp_path)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    plant(path)
    result = run("list", cache_home=tmp_path, memory=1024**3)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(" 1  Building and Strengthening Social Connections")
