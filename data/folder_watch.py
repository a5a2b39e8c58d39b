"""A wake-up when the SQLite store's files are written (Linux inotify), so a terminal need
not poll ``PRAGMA data_version`` several times a second to follow the others.

inotify reports every ``write()`` to a file in a watched folder. A commit by any process
writes the write-ahead log (``x.db-wal``) and, with the store's checkpoint after every
commit, then the main file (``x.db``) — that second write comes after the commit is
visible to readers, so a check woken by it finds the change. Moving, replacing or deleting
the file is reported too. Writes through ``mmap`` (the ``-shm`` index) are not, and a
network file system may report nothing: a watch is a hint that makes a check come sooner,
never the only way a change is found (the caller still checks now and then).

No inotify (another system, the limit of watches reached): ``FolderWatch.open`` is None.
"""

from __future__ import annotations

import os
import struct
from typing import Any

# <sys/inotify.h>
IN_MODIFY = 0x002
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_Q_OVERFLOW = 0x4000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC
WATCHED = (IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
           | IN_DELETE_SELF | IN_MOVE_SELF)
ABOUT_THE_FOLDER = IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW  # no name: always news
HEADER = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of name

_libc: Any = None


def _inotify() -> Any:
    global _libc
    if _libc is None:
        import ctypes  # only when a SQLite store is followed (not at start-up)

        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.inotify_init1  # noqa: B018  (raises AttributeError where there is none)
    return _libc


class FolderWatch:
    """Events in one folder about a few file names; ``fileno()`` is readable when there
    are some, ``news()`` reads them all and says whether one was about those names."""

    def __init__(self, fd: int, names: frozenset[bytes]) -> None:
        self._fd, self.names = fd, names

    @classmethod
    def open(cls, path: str, suffixes: tuple[str, ...] = ("", "-wal", "-journal")) -> FolderWatch | None:
        """A watch of the folder of ``path`` for it and its ``suffixes``; None without inotify."""
        folder, name = os.path.split(os.path.abspath(path))
        try:
            libc = _inotify()
        except (OSError, AttributeError):
            return None
        fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            return None
        if libc.inotify_add_watch(fd, os.fsencode(folder), WATCHED) < 0:
            os.close(fd)
            return None
        return cls(fd, frozenset(os.fsencode(name + suffix) for suffix in suffixes))

    def fileno(self) -> int:
        return self._fd

    def news(self) -> bool:
        """Read every event so far; True when one concerns the watched files (or the folder)."""
        found = False
        while True:
            try:
                data = os.read(self._fd, 64 * 1024)
            except BlockingIOError:
                return found
            except OSError:
                return True  # the watch is broken: let the caller look
            if not data:
                return found
            offset = 0
            while offset + HEADER.size <= len(data):
                _, mask, _, length = HEADER.unpack_from(data, offset)
                name = data[offset + HEADER.size:offset + HEADER.size + length].rstrip(b"\0")
                offset += HEADER.size + length
                if mask & ABOUT_THE_FOLDER or name in self.names:
                    found = True

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
