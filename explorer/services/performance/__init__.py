"""Services layer: the performance read model, one module per screen.

``service`` (one service's ratings, spend, reach and cost per person), ``portfolio`` (every service
at a glance), ``vru`` (the dashboard's aggregates and published programme figures) and ``report``
(the six-monthly report). Everything is computed from one snapshot and a date passed in by the
caller; nothing reads the clock or the store.
"""

from explorer.services.performance.portfolio import (  # noqa: F401
    ENDING_SOON_MONTHS,
    FILTER_KEYS,
    FilterOptions,
    Portfolio,
    PortfolioFilters,
    filter_options,
    portfolio,
)
from explorer.services.performance.report import (  # noqa: F401
    REPORT_RULES,
    Report,
    ReportRow,
    data_version,
    default_report_half,
    report_half_years,
    six_monthly_report,
)
from explorer.services.performance.service import (  # noqa: F401
    PUBLISHED,
    SAMPLE,
    BoroughReach,
    CostPerPerson,
    Figure,
    MeasureView,
    PerformanceIndex,
    ServicePerformance,
    SpendLine,
    build_index,
    cost_per_person,
    float_or_none,
    int_or_none,
    measure_view,
    reach_by_borough,
    reporting_period,
    running_in,
    service_performance,
)
from explorer.services.performance.vru import (  # noqa: F401
    DASHBOARD_QUARTERS,
    ProgrammeReach,
    PublishedOutcome,
    RatingsInPeriod,
    ReachSummary,
    dashboard_window,
    load_published_outcomes,
    ratings_over_time,
    reach_summary,
)
