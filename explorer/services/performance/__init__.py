"""Services layer: the performance read model, one module per screen.

``service`` (one service's ratings, spend, reach and cost per person), ``portfolio`` (every service
at a glance), ``vru`` (the dashboard's aggregates and published programme figures) and ``report``
(the six-monthly report). Everything is computed from one snapshot and a date passed in by the
caller; nothing reads the clock or the store. The package hands out every public name of its
modules, so callers write ``perf.portfolio(...)`` whichever module holds it.
"""

from explorer.services.performance.portfolio import *  # noqa: F401,F403
from explorer.services.performance.report import *  # noqa: F401,F403
from explorer.services.performance.service import *  # noqa: F401,F403
from explorer.services.performance.vru import *  # noqa: F401,F403
