"""Thin Dash callbacks, one module per screen, each with ``register(app, provider)``."""
