"""The snapshot provider with a new publish: in a worker of a pre-forking server it keeps its version and
asks the master (once); the master builds; out of one, it builds itself; and a new version lets every
object of the old one go (its cycles too, though the heap is frozen)."""

from __future__ import annotations

import gc
import weakref

import pytest

from explorer.prefork import MasterReload
from explorer.services.snapshot import SnapshotProvider


class _Cycle:
    def __init__(self, version: int):
        self.version = version
        self.me = self


def _republish(store) -> int:
    return store.publish("lcpf", store.read_version(store.current_versions()["lcpf"]), source="test republish")


def test_a_worker_keeps_its_version_and_asks_the_master_once(sample_store, geography):
    provider = SnapshotProvider(sample_store, geography, check_interval=0)
    before = provider.current()
    sent = []
    provider.serve_forked(MasterReload(-1, send=lambda: sent.append(1)))  # -1: the master is another process
    new = _republish(sample_store)
    assert provider.current() is before and provider.current() is before
    assert sent == [1]  # asked once, however many requests saw the new version
    assert provider.rebuild_in_master() == new  # what the master does on the reload
    assert provider.current().version_key == new
    assert provider.rebuild_in_master() is None  # a second reload for the same version builds nothing
    assert sent == [1]


def test_out_of_a_pre_forking_server_a_provider_builds_the_new_version_itself(sample_store, geography):
    provider = SnapshotProvider(sample_store, geography, check_interval=0)
    provider.current()
    new = _republish(sample_store)
    assert provider.current().version_key == new


def test_a_new_version_lets_the_old_ones_objects_go_cycles_and_all(sample_store, geography):
    provider = SnapshotProvider(sample_store, geography, check_interval=0)
    kept, derived = [], []

    def cyclic(snapshot):
        value = _Cycle(snapshot.version_key)
        kept.append(weakref.ref(value))
        return value

    provider.keep("cyclic", cyclic)
    provider.derived("other", lambda s: derived.append(weakref.ref(_Cycle(0))) or derived[-1]())
    gc.collect()
    gc.freeze()  # as explorer.app.freeze_heap does at start
    try:
        for _ in range(2):
            _republish(sample_store)
            provider.current()
        gc.collect()
        assert [ref() is None for ref in kept] == [True, True, False]
        assert derived[0]() is None  # a value derived from an old version is not kept either
        assert provider.derived("cyclic", cyclic).version == provider.current().version_key
    finally:
        gc.unfreeze()


def test_when_the_masters_build_fails_the_workers_build_the_version_themselves(sample_store, geography,
                                                                               monkeypatch):
    provider = SnapshotProvider(sample_store, geography, check_interval=0)
    provider.current()
    provider.serve_forked(MasterReload(-1, send=lambda: None))
    new = _republish(sample_store)

    def down(*_args, **_kwargs):
        raise OSError("database away")

    with monkeypatch.context() as patch:
        patch.setattr(sample_store, "read_current", down)
        with pytest.raises(OSError, match="database away"):
            provider.rebuild_in_master()
    # a worker forked from that master holds no version: it builds the newest one on its first request
    assert provider.current().version_key == new
