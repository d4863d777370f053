"""Component ids: every id the layout and the callbacks share lives here, once."""

URL = "url"
PAGE = "page"
#: The query string the page on screen shows; pages write it, one callback mirrors it into the address.
PAGE_STATE = "page-state"
#: The page's <title> and description, for the browser tab on in-page navigation.
PAGE_HEAD = "page-head"
EXIT_PAGE = "exit-page"
RESULT_PAGER = "result-pager"  # pattern id: {"type": RESULT_PAGER, "index": page number}
RESULT_PAGES = "result-pages"
EXPLORER_GRID = "explorer-grid"
NAV_LIST = "nav-list"
RESULTS_VIEW_LIST = "results-view-list"  # the phone's List / Map toggle
RESULTS_VIEW_MAP = "results-view-map"
FILTER_PANEL = "filter-panel"
FILTER_PANEL_SUMMARY = "filter-panel-summary"
SAMPLE_BANNER = "sample-banner"

# Explorer (home)
BOROUGH_SELECT = "borough-select"
RESULT_SUMMARY = "result-summary"
SERVICE_LIST = "service-list"
MAP = "map"
BOROUGH_LAYER = "borough-layer"
SERVICE_LAYER = "service-layer"
SERVICE_CARD = "service-card"  # pattern id: {"type": SERVICE_CARD, "index": service_id}
SEARCH_FORM = "search-form"
SEARCH_INPUT = "search-input"
SEARCH_BUTTON = "search-button"
COMMISSIONER_SELECT = "commissioner-select"
AREA_SELECT = "area-select"
AGE_SELECT = "age-select"
ACCESS_SELECT = "access-select"
SEARCH_MESSAGE = "search-message"
SHOW_AREA = "show-area"  # pattern id: {"type": SHOW_AREA, "index": service_id}
CLEAR_FILTERS = "clear-filters"

# LCPF (/lcpf)
LCPF_YEAR = "lcpf-year"
LCPF_CATEGORY = "lcpf-category"
LCPF_MEASURE = "lcpf-measure"
LCPF_PRESET = "lcpf-preset"  # pattern id: {"type": LCPF_PRESET, "index": preset name}
LCPF_WEIGHT = "lcpf-weight"  # pattern id: {"type": LCPF_WEIGHT, "index": factor}
LCPF_POT = "lcpf-pot"
LCPF_BASIS = "lcpf-basis"
LCPF_SUMMARY = "lcpf-summary"
LCPF_MESSAGES = "lcpf-messages"
LCPF_TOTALS = "lcpf-totals"
LCPF_MAP = "lcpf-map"
LCPF_SCATTER = "lcpf-scatter"
LCPF_TABLE = "lcpf-table"
LCPF_DOWNLOAD = "lcpf-download"

# Funding
FUNDING_SEARCH = "funding-search"
FUNDING_BOROUGH = "funding-borough"
FUNDING_AREA = "funding-area"
FUNDING_APPLICANT = "funding-applicant"
FUNDING_MIN = "funding-min-award"
FUNDING_MAX = "funding-max-award"
FUNDING_STATUS = "funding-status"
FUNDING_SUMMARY = "funding-summary"
FUNDING_LIST = "funding-list"
FUNDING_PAST = "funding-past"
FUNDING_PAST_SUMMARY = "funding-past-summary"
FUNDING_ICS_LINK = "funding-ics-link"
FUNDING_ATOM_LINK = "funding-atom-link"
FUNDING_CARD = "funding-card"  # pattern id: {"type": FUNDING_CARD, "index": opportunity_id}
FUNDING_SERVICE_SECTION = "funding-service-section"

# Embed (/embed) and its builder (/embed/builder)
EMBED_URL = "embed-url"
EMBED_PAGE = "embed-page"
EMBED_SEARCH = "embed-search"
BUILDER_BOROUGH = "builder-borough"
BUILDER_AREAS = "builder-areas"
BUILDER_VIEW = "builder-view"
BUILDER_PREVIEW = "builder-preview"
BUILDER_SNIPPET = "builder-snippet"
BUILDER_COPY = "builder-copy"
DOWNLOADS = "downloads"

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
PERF_REACH_KEY = "perf-reach-key"
PERF_DASHBOARD_INTRO = "perf-dashboard-intro"
PERF_DASHBOARD = "perf-dashboard"
PERF_MEASURE_PICK = "perf-measure-pick"
PERF_MEASURE_DETAIL = "perf-measure-detail"
PERF_PRINT = "perf-print"
PERF_PRINT_DONE = "perf-print-done"
SERVICE_PERFORMANCE = "service-performance"
SERVICE_SPEND_CHART = "service-spend-chart"

# Data page (freshness, downloads, version history) and "report a change" on the service page
DATA_FRESHNESS_SUMMARY = "data-freshness-summary"
DATA_FRESHNESS_COMMISSIONER = "data-freshness-commissioner"
DATA_FRESHNESS_PROVIDER = "data-freshness-provider"
DATA_FRESHNESS_BOROUGH = "data-freshness-borough"
DATA_DOWNLOADS = "data-downloads"
DATA_VERSION_TABLE = "data-version-table"
DATA_VERSION_REPORTS = "data-version-reports"
REPORT_CHANGE_FORM = "report-change-form"
REPORT_CHANGE_SERVICE = "report-change-service"
REPORT_CHANGE_MESSAGE = "report-change-message"
REPORT_CHANGE_CONTACT = "report-change-contact"
REPORT_CHANGE_WEBSITE = "report-change-website"  # the honeypot: hidden from people, filled by bots
REPORT_CHANGE_SUBMIT = "report-change-submit"
REPORT_CHANGE_STATUS = "report-change-status"
