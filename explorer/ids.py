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
