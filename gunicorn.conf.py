"""gunicorn's settings for the explorer (gunicorn reads ``gunicorn.conf.py`` from the directory it starts
in, so ``make serve-prod``, ``make load`` and the tests that start gunicorn all use it).

The app (reference data, the snapshot of the published register, its search and map indexes) is built
once in the master before the workers are forked (``preload_app``), so the workers share those pages
rather than each building its own copy: at 100,000 services that is most of a worker's memory
(``make bench-start`` measures each worker's RSS and PSS). ``explorer.app.freeze_heap`` has already
moved those objects out of the garbage collector's sight, so a collection in a worker does not write
to (and so copy) the shared pages.

A publish reaches the workers the same way (:mod:`explorer.prefork`): a worker that sees a newer version
keeps serving the one it has and asks the master, once per version, to reload (SIGHUP);
:func:`on_reload` builds the new version here in the master, then gunicorn forks new workers that share
it and retires the old ones gracefully (each finishes the requests it holds). So workers change names
(process ids) with each publish. The master holds no database connection across a fork: it closes its
own before forking (:func:`when_ready`, :func:`on_reload`) and each worker opens its own (:func:`post_fork`).
"""

import time

preload_app = True
# gunicorn 24+ runs a control socket in a thread of the master (one path per user, shared by every
# gunicorn of that user): off, so the master that builds versions and forks workers runs no other thread.
control_socket_disable = True


def _provider(server):
    if not server.cfg.preload_app:  # each worker built its own app: nothing to share
        return None
    from explorer.wsgi import provider

    return provider


def when_ready(server):
    """In the master, before the first fork: the workers will ask it for each new version."""
    from explorer.prefork import MasterReload

    provider = _provider(server)
    if provider is not None:
        provider.serve_forked(MasterReload())


#: Requests a new worker answers itself before taking any (see :func:`post_fork`).
WARM_UP = ("/", "/api/v1/services?search=youth+club+Peckham")


def post_fork(server, worker):  # noqa: ARG001 (gunicorn's hook signature)
    """In a new worker: drops the master's pooled database connections (it opens its own), then answers
    a home page and a search itself, so that the first resident it serves does not wait for what a
    process does on its first request (its first writes to the pages it shares with the master)."""
    provider = _provider(server)
    if provider is None:
        return
    provider.after_fork()
    from explorer.wsgi import server as flask_app

    client = flask_app.test_client()
    for path in WARM_UP:
        try:
            client.get(path)
        except Exception:  # noqa: BLE001 (a warm-up only: the worker serves anyway)
            server.log.exception("explorer: warming up a new worker on %s failed", path)


def on_reload(server):
    """In the master on SIGHUP (a worker saw a new version; or an operator's reload): builds the newest
    version here, in the main thread, before gunicorn forks the new workers from this process. A failed
    build is logged and the old version kept (the master must not die): the workers then build the new
    version themselves once they have waited ``explorer.prefork.PATIENCE_S``."""
    provider = _provider(server)
    if provider is None:
        return
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        version = provider.rebuild_in_master()
    except Exception:  # noqa: BLE001 (logged; the master keeps serving the version it has)
        server.log.exception("explorer: building the new version in the master failed")
        return
    if version is not None:
        server.log.info(
            "explorer: built version %s in the master in %.2f s (CPU %.2f s)",
            version, time.perf_counter() - wall, time.process_time() - cpu,
        )
