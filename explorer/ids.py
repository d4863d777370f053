"""Component ids: every id the layout and the callbacks share lives here, once."""

URL = "url"
PAGE = "page"
SAMPLE_BANNER = "sample-banner"

# Explorer (home)
BOROUGH_SELECT = "borough-select"
RESULT_SUMMARY = "result-summary"
SERVICE_LIST = "service-list"
MAP = "map"
BOROUGH_LAYER = "borough-layer"
SERVICE_LAYER = "service-layer"
SERVICE_CARD = "service-card"  # pattern id: {"type": SERVICE_CARD, "index": service_id}

# Performance (/performance, /performance/report, the service page's performance panels)
PERF_COMMISSIONER = "perf-commissioner"
PERF_PROGRAMME = "perf-programme"
PERF_BOROUGH = "perf-borough"
PERF_AREA = "perf-area"
PERF_PERIOD = "perf-period"
PERF_RESULTS = "perf-results"
PERF_TABLE = "perf-table"
PERF_REACH_MAP = "perf-reach-map"
PERF_REACH_LAYER = "perf-reach-layer"
PERF_MEASURE_PICK = "perf-measure-pick"
PERF_MEASURE_DETAIL = "perf-measure-detail"
PERF_PRINT = "perf-print"
PERF_PRINT_DONE = "perf-print-done"
SERVICE_PERFORMANCE = "service-performance"
SERVICE_SPEND_CHART = "service-spend-chart"
