"""The WSGI entry point for production servers: ``gunicorn 'explorer.wsgi:server'``.

The app is built from the environment's settings. With the repository's ``gunicorn.conf.py``
(``preload_app``) it is built once in the master and the workers are forked from it, sharing its
memory; each new published version is built by the master too, which then replaces its workers with
fresh forks (:mod:`explorer.prefork`). Without it each worker builds its own app and rebuilds each new
version itself. Either way all share the store, and a new published version is noticed within
``EXPLORER_CHECK_INTERVAL`` seconds.
"""

from explorer.app import create_app

app = create_app()
server = app.server
#: The app's snapshot provider (gunicorn.conf.py's hooks drive it in the master and the workers).
provider = server.config["EXPLORER_PROVIDER"]
