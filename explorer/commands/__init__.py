"""The ``explorer`` command's handlers, one module per concern (``explorer/cli.py`` parses and dispatches).

Exit codes: 0 success, 1 rejected or failed (a report says why), 2 usage error or a file that
could not be read at all (past a reading limit: too many columns, JSON nested too deep).
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_UNREADABLE = 2  # the same code as a usage error: the command could not do what was asked


def refuse(message: object, code: int = EXIT_REJECTED) -> int:
    """Prints ``error: message`` on standard error and returns the exit code."""
    print(f"error: {message}", file=sys.stderr)
    return code
