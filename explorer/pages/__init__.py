"""Pages layer: a page's URL parameters become a view model (a small frozen dataclass), one module per page."""
