"""API layer: the Flask blueprint for JSON endpoints, feeds and exports."""
