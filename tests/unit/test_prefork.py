"""Unit tests: a worker of a pre-forking server asks its master for a new version once per version,
across every worker forked from that master, and builds it itself only when the master never answers."""

from __future__ import annotations

import gc
import os
import weakref

from explorer.prefork import PATIENCE_S, MasterReload, refreeze

NOT_THIS_PROCESS = -1  # the master's pid as seen from a worker: any pid but the caller's


def test_a_worker_asks_once_per_version_and_keeps_serving_meanwhile():
    sent = []
    reload = MasterReload(NOT_THIS_PROCESS, send=lambda: sent.append(1))
    assert reload.asked() == 0
    assert reload.ask(5) is True and len(sent) == 1
    assert reload.ask(5) is True and len(sent) == 1  # the same version again: no second request
    assert reload.ask(4) is True and len(sent) == 1  # an older one (a slower worker): none either
    assert reload.ask(6) is True and len(sent) == 2  # a newer publish: a new request
    assert reload.asked() == 6


def test_workers_forked_from_one_master_send_one_request_between_them():
    read, write = os.pipe()
    reload = MasterReload(send=lambda: os.write(write, b"x"))  # made here: this process is the master
    children = []
    for _ in range(6):
        pid = os.fork()
        if pid == 0:  # a worker: every one sees version 7 at about the same time
            code = 1
            try:
                code = 0 if reload.ask(7) else 1
            finally:
                os._exit(code)  # noqa: SLF001 (a forked child must not run the parent's cleanup)
        children.append(pid)
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    os.close(write)
    requests = b""
    while chunk := os.read(read, 64):
        requests += chunk
    os.close(read)
    assert codes == [0] * 6  # each keeps serving what it has
    assert requests == b"x"  # one request for the six
    assert reload.asked() == 7


def test_the_master_builds_for_itself():
    sent = []
    reload = MasterReload(send=lambda: sent.append(1))
    assert reload.in_master()
    assert reload.ask(3) is False and sent == [] and reload.asked() == 0


def test_a_worker_builds_itself_when_the_master_does_not_answer_in_time():
    now = [100.0]
    sent = []
    reload = MasterReload(NOT_THIS_PROCESS, send=lambda: sent.append(1), clock=lambda: now[0])
    assert reload.ask(3) is True
    now[0] += PATIENCE_S - 1
    assert reload.ask(3) is True
    now[0] += 2
    assert reload.ask(3) is False  # the master's build failed or the request was lost
    assert len(sent) == 1


def test_a_worker_whose_master_is_gone_builds_the_version_itself():
    def gone():
        raise ProcessLookupError("no such process")

    reload = MasterReload(NOT_THIS_PROCESS, send=gone)
    assert reload.ask(2) is False


class _Cycle:
    def __init__(self):
        self.me = self


def test_refreeze_frees_cycles_that_freezing_alone_would_keep():
    kept = _Cycle()
    gone = _Cycle()
    ref = weakref.ref(gone)
    del gone
    gc.freeze()  # freezing with the garbage still there (as a rebuild used to): kept for good
    try:
        gc.collect()
        assert ref() is not None
        refreeze()
        assert ref() is None
        assert kept.me is kept
    finally:
        gc.unfreeze()
