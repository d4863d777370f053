"""Layout layer: functions that build Dash components (no callbacks, no data access)."""
