"""gunicorn's settings for the explorer (gunicorn reads ``gunicorn.conf.py`` from the directory it starts
in, so ``make serve-prod``, ``make load`` and the tests that start gunicorn all use it).

The app (reference data, the snapshot of the published register, its search and map indexes) is built
once in the master before the workers are forked (``preload_app``), so the workers share those pages
rather than each building its own copy: at 100,000 services that is most of a worker's memory
(``make bench-start`` measures each worker's RSS and PSS). ``explorer.app.freeze_heap`` has already
moved those objects out of the garbage collector's sight, so a collection in a worker does not write
to (and so copy) the shared pages. Each worker then drops the database connections it inherited
(:func:`post_fork`) and opens its own; a publish after the fork is read by each worker on its own.
"""

preload_app = True


def post_fork(server, worker):  # noqa: ARG001 (gunicorn's hook signature)
    """A forked worker must not use the master's pooled database connections."""
    from explorer.wsgi import app

    app.server.config["EXPLORER_PROVIDER"].after_fork()
