"""Services layer: choosing, searching and ordering funding opportunities for the page and the feeds.

The page, the calendar feed and the Atom feed all read one :class:`FundingQuery` (parsed
from a URL's query string) and call :func:`search_opportunities`, so a shared link, a
subscribed calendar and the screen always agree. Free-text search goes through a
:data:`QueryParser` (text in, topic words and borough codes out), so the services search's
parser can be swapped in without touching anything else. ``query`` reads the query, ``search``
answers it, ``links`` joins opportunities and services; this package hands out their public names.
"""

from explorer.domain.versions import OpportunityChange, content_fingerprint, opportunity_changes  # noqa: F401
from explorer.services.funding.links import *  # noqa: F401,F403
from explorer.services.funding.query import *  # noqa: F401,F403
from explorer.services.funding.search import *  # noqa: F401,F403
