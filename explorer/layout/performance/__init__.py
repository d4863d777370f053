"""Layout layer: the performance screens, one module per screen.

``service`` draws a service page's performance panels, ``portfolio`` the performance page and its
measure detail, ``vru`` the VRU dashboard on that page, ``report`` the six-monthly report. Shared
pieces (badges, money, tables, charts) are in :mod:`explorer.layout.components`.
"""

from explorer.layout.components import rag_badge, sample_badge
from explorer.layout.performance.portfolio import (
    PerformanceView,
    build_measure_detail,
    build_performance_page,
    build_performance_view,
)
from explorer.layout.performance.report import build_report_page
from explorer.layout.performance.service import (
    build_service_performance,
    build_service_performance_block,
)
from explorer.layout.performance.vru import reach_breaks

__all__ = [
    "PerformanceView",
    "build_measure_detail",
    "build_performance_page",
    "build_performance_view",
    "build_report_page",
    "build_service_performance",
    "build_service_performance_block",
    "rag_badge",
    "reach_breaks",
    "sample_badge",
]
