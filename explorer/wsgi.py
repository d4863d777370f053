"""The WSGI entry point for production servers: ``gunicorn 'explorer.wsgi:server'``.

The app is built from the environment's settings. With the repository's ``gunicorn.conf.py``
(``preload_app``) it is built once in the master and the workers are forked from it, sharing its
memory; without it each worker builds its own. All share the store, and each worker picks up a new
published version within ``EXPLORER_CHECK_INTERVAL`` seconds.
"""

from explorer.app import create_app

app = create_app()
server = app.server
