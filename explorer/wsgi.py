"""The WSGI entry point for production servers: ``gunicorn 'explorer.wsgi:server'``.

Each worker builds its own app (and snapshot) from the environment's settings; all share the
store, and each picks up a new published version within ``EXPLORER_CHECK_INTERVAL`` seconds.
"""

from explorer.app import create_app

app = create_app()
server = app.server
