"""A new published version under a pre-forking server (gunicorn with ``preload_app``): the master builds it
and forks fresh workers that share it, rather than each worker building its own copy.

Workers forked from a master that holds the snapshot and its indexes share those pages (about 200 MB
PSS a worker at 100,000 services). A worker that rebuilt a new version itself would hold a private copy
of everything (about 520 MB). So a worker that sees a newer version keeps serving the one it has and
asks the master, once per version across all the workers, to reload (SIGHUP): ``gunicorn.conf.py``'s
``on_reload`` hook builds the new version in the master's main thread, then gunicorn forks new workers
from it and retires the old ones gracefully (each finishes the requests it holds). The master lets the
old version go before building the new one (it serves no request), so the new one reuses that memory
and the heap the workers share does not grow with each publish; a new worker answers a home page and a
search itself before its first request (``gunicorn.conf.py``'s ``post_fork``).

The state the workers share is a few bytes in an unnamed temporary file opened in the master before the
first fork; a POSIX record lock on it (``lockf``: per process, released if its holder dies) makes the
test-and-set of "which version was asked for" atomic across the workers.
"""

from __future__ import annotations

import ctypes
import fcntl
import gc
import os
import signal
import struct
import tempfile
import threading
import time
from typing import Callable

#: The shared record: the newest version a worker asked the master for, and when (``time.monotonic``,
#: one clock for every process on the machine).
_RECORD = struct.Struct("<qd")
#: Seconds a worker keeps serving the old version after asking, before it gives up on the master (a
#: failed or lost reload) and builds the new version itself, as out of a pre-forking server.
PATIENCE_S = 120.0


class MasterReload:
    """Shared by a pre-forking server's master and every worker forked from it (made in the master
    before the first fork).

    Args:
        master_pid: The master's process id (the process that made this object).
        send: Sends the reload request to the master (default: SIGHUP to ``master_pid``).
        clock: Monotonic seconds, the same clock in every process.
        patience: See :data:`PATIENCE_S`.
    """

    def __init__(
        self,
        master_pid: int | None = None,
        *,
        send: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        patience: float = PATIENCE_S,
    ):
        self.master_pid = os.getpid() if master_pid is None else master_pid
        self._send = send or (lambda: os.kill(self.master_pid, signal.SIGHUP))
        self._clock = clock
        self._patience = patience
        self._threads = threading.Lock()  # lockf is per process: threads of one worker take turns here
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open for the life of the server)
        os.pwrite(self._file.fileno(), _RECORD.pack(0, 0.0), 0)

    def in_master(self) -> bool:
        """True in the process that made this object (which builds new versions itself)."""
        return os.getpid() == self.master_pid

    def ask(self, version: int) -> bool:
        """In a worker that sees ``version`` newer than the one it serves: asks the master to build it and
        replace the workers, unless a worker already asked for it (or a newer one). Returns True while
        the worker should keep serving what it has (the master is on it), False when it should build
        the version itself (in the master, or when the master has not answered within the patience)."""
        if self.in_master():
            return False
        fd = self._file.fileno()
        with self._threads:
            fcntl.lockf(fd, fcntl.LOCK_EX)
            try:
                asked, at = _RECORD.unpack(os.pread(fd, _RECORD.size, 0))
                now = self._clock()
                if asked >= version:
                    return now - at < self._patience
                os.pwrite(fd, _RECORD.pack(version, now), 0)
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN)
        try:
            self._send()
        except OSError:  # the master is gone (the worker will be stopped soon): serve the new version meanwhile
            return False
        return True

    def asked(self) -> int:
        """The newest version a worker has asked for (0: none yet)."""
        return _RECORD.unpack(os.pread(self._file.fileno(), _RECORD.size, 0))[0]


def refreeze() -> None:
    """After a new version replaced the old one: lets the cyclic garbage collector see the frozen heap
    again, frees the old version's cyclic garbage, and freezes what is left (see
    :func:`explorer.app.freeze_heap`). Freezing without this first would keep the old version's cycles
    (unreachable, never freed by reference counting) in the permanent generation for good."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _trim()


def _trim() -> None:
    """Hands the C heap's free pages back to the system (glibc's ``malloc_trim``): the old version's
    large blocks (dict tables, tuples of 100,000 entries) leave free pages inside the heap that would
    otherwise stay resident, and be inherited by every worker forked afterwards."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to do
        return
    trim(0)
