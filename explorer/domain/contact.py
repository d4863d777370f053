"""Domain layer: a service's contact routes as links a phone can act on (call, email, open a site),
and who can refer when a person cannot refer themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")

#: Who can refer, when the service takes referrals from professionals only.
PROFESSIONAL_REFERRAL = (
    "You cannot refer yourself. A professional working with you can refer you, for example "
    "a GP, social worker, teacher, the police or a victim support worker."
)
RESIDENT_CHECK = "Call to confirm opening times before you go."


@dataclass(frozen=True)
class ContactLink:
    """One way to get in touch: ``kind`` is phone, email or website."""

    kind: str
    label: str
    href: str


def phone_href(phone: str | None) -> str | None:
    """A ``tel:`` address for a UK phone number as written (``0808 2000 247`` -> ``tel:08082000247``)."""
    if not phone:
        return None
    digits = re.sub(r"[^\d+]", "", phone)
    digits = digits[0] + digits[1:].replace("+", "") if digits else ""
    return f"tel:{digits}" if len(re.sub(r"\D", "", digits)) >= 3 else None


def email_href(email: str | None) -> str | None:
    """A ``mailto:`` address, or None when the text is not an email address."""
    if not email or not EMAIL.match(email.strip()):
        return None
    return "mailto:" + quote(email.strip(), safe="@.+-_")


def website_href(url: str | None) -> str | None:
    """The website's address when it is ``http`` or ``https`` (never ``javascript:`` or ``data:``)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def contact_links(phone: str | None, email: str | None, url: str | None) -> tuple[ContactLink, ...]:
    """The service's contact routes that can be links, phone first (the quickest on a phone)."""
    links = []
    if href := phone_href(phone):
        links.append(ContactLink("phone", f"Call {phone.strip()}", href))
    if href := email_href(email):
        links.append(ContactLink("email", f"Email {email.strip()}", href))
    if href := website_href(url):
        links.append(ContactLink("website", "Website", href))
    return tuple(links)


def referral_note(access: str) -> str:
    """What a person needs to know about getting referred (empty when they can refer themselves)."""
    return PROFESSIONAL_REFERRAL if access == "professional-referral" else ""
