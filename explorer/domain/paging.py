"""Domain layer: cutting a list of results into pages, and saying where the reader is in words."""

from __future__ import annotations

from dataclasses import dataclass

#: Results on one page of the explorer's list.
PAGE_SIZE = 20


@dataclass(frozen=True)
class PageWindow:
    """One page of ``total`` results: 1-based ``page`` of ``pages``, items ``start`` (0-based) to ``end``."""

    page: int
    pages: int
    start: int
    end: int
    total: int

    @property
    def words(self) -> str:
        """Where the reader is, for people and screen readers: ``Showing 21–40 of 70``."""
        if self.total == 0:
            return "No services to show"
        return f"Showing {self.start + 1}\u2013{self.end} of {self.total}"


def parse_page(value: str | int | None) -> int:
    """A page number from the address: anything that is not a whole number from 1 up is page 1."""
    try:
        page = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return page if page >= 1 else 1


def page_window(total: int, page: int, size: int = PAGE_SIZE) -> PageWindow:
    """The window for ``page`` (past the last page means the last page)."""
    if size < 1:
        raise ValueError(f"page size must be 1 or more, not {size}")
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    start = (page - 1) * size
    return PageWindow(page=page, pages=pages, start=start, end=min(total, start + size), total=total)
