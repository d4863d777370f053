"""Pages layer: each address's ``<title>`` and meta description, so shared links and search engines
can tell pages apart (the page's name first, then the site's)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote

from explorer.services.funding import opportunity_by_id
from explorer.services.snapshot import Snapshot

SITE = "London commissioned services explorer"
DESCRIPTION_LENGTH = 155

#: Fixed pages: path -> (name, description).
PAGES = {
    "/": ("Find help near you",
          "Search the services that London's Mayor's Office for Policing and Crime (MOPAC) and Violence "
          "Reduction Unit (VRU) pay for: victim support, domestic abuse, youth violence and more, near you."),
    "/funding": ("Funding opportunities",
                 "Funding that community organisations and boroughs can apply for from MOPAC, the VRU and "
                 "partners: who can apply, how much, and by when."),
    "/performance": ("Performance of commissioned services",
                     "How each MOPAC and VRU commissioned service is doing against its measures (red, amber, "
                     "green), who it helps, where, and for how much money."),
    "/performance/report": ("Six-monthly performance report",
                            "The six-monthly report of MOPAC and VRU commissioned services' performance, "
                            "to print or download as a spreadsheet."),
    "/lcpf": ("London Crime Prevention Fund",
              "How the London Crime Prevention Fund (LCPF) is shared between boroughs, per person and per "
              "crime, inner and outer London, with a formula you can try."),
    "/data": ("Data and downloads",
              "Download the register of MOPAC and VRU commissioned services, see when each was last checked, "
              "and the history of every published version."),
    "/accessibility": ("Accessibility statement",
                       "How accessible the London commissioned services explorer is, and how to report a problem."),
    "/staying-safe": ("Staying safe online",
                      "How to cover your tracks after looking for help, and national helplines open day and "
                      "night for domestic abuse, sexual violence and victims of crime."),
    "/embed/builder": ("Embed the explorer on your site",
                       "Build an embeddable list and map of the services MOPAC and the VRU pay for in your borough."),
}
NOT_FOUND = ("Page not found", "There is no page at this address. Search the services MOPAC and the VRU pay for.")


@dataclass(frozen=True)
class PageHead:
    """A page's title and description."""

    title: str
    description: str

    def as_dict(self) -> dict[str, str]:
        """The head as plain data for the browser (a ``dcc.Store``)."""
        return {"title": self.title, "description": self.description}


def page_head(snapshot: Snapshot, pathname: str | None, search: str | None = "") -> PageHead:
    """The title and description of the page at ``pathname`` with ``search`` as its query."""
    path = (pathname or "/").rstrip("/") or "/"
    query = parse_qs((search or "").lstrip("?"))
    if path == "/" and (query.get("q") or [""])[0].strip():
        text = query["q"][0].strip()[:80]
        return _head(f"{text}: search results", f"Services for \u2018{text}\u2019. " + PAGES["/"][1])
    if path.startswith("/service/"):
        service = snapshot.service(unquote(path.removeprefix("/service/")))
        if service is None:
            return _head(*NOT_FOUND)
        lead = f"{service.name}, run by {service.provider_name}. "
        return _head(service.name, lead + (service.description or ""))
    if path.startswith("/funding/"):
        found = opportunity_by_id(snapshot, unquote(path.removeprefix("/funding/")))
        if found is None:
            return _head(*NOT_FOUND)
        return _head(found.title, f"{found.title}: funding from {found.funder}. " + (found.description or ""))
    if path in PAGES:
        return _head(*PAGES[path])
    return _head(*NOT_FOUND)


def _head(name: str, description: str) -> PageHead:
    text = " ".join(description.split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
    return PageHead(title=f"{name} \u2013 {SITE}", description=text)
