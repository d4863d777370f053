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
