"""Pages layer: a page's URL parameters become a small frozen view model, built from the snapshot.

One module per page (home/search, service, funding, performance, LCPF, data, embed). Layout turns
these view models into components and never sees the snapshot provider or the store; callbacks call
a page function, then a layout function.
"""
