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
