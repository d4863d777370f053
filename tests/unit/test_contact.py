"""Unit tests: contact routes as links, only safe schemes."""

import pytest

from explorer.domain.contact import contact_links, email_href, phone_href, referral_note, website_href


@pytest.mark.parametrize(
    "phone, href",
    [("0808 2000 247", "tel:08082000247"), ("+44 (0)20 7946 0000", "tel:+440207946000"[:0] + "tel:+440207946 0000".replace(" ", "")),
     ("020-7946-0000", "tel:02079460000"), ("999", "tel:999"), ("", None), (None, None), ("call us", None)],
)
def test_phone_href(phone, href):
    assert phone_href(phone) == href


@pytest.mark.parametrize(
    "url, href",
    [("https://www.refuge.org.uk/", "https://www.refuge.org.uk/"), ("http://example.org/a", "http://example.org/a"),
     ("javascript:alert(1)", None), ("data:text/html,hi", None), ("ftp://example.org", None), ("www.example.org", None),
     (None, None)],
)
def test_website_href_only_http(url, href):
    assert website_href(url) == href


@pytest.mark.parametrize("email, href", [("help@example.org", "mailto:help@example.org"), ("not an email", None),
                                         ("a@b", None), ("<x>@y.org", None), (None, None)])
def test_email_href(email, href):
    assert email_href(email) == href


def test_contact_links_phone_first():
    links = contact_links("0808 2000 247", "help@example.org", "https://example.org")
    assert [(l.kind, l.href) for l in links] == [
        ("phone", "tel:08082000247"), ("email", "mailto:help@example.org"), ("website", "https://example.org")
    ]
    assert links[0].label == "Call 0808 2000 247"
    assert contact_links(None, None, "javascript:alert(1)") == ()


def test_referral_note():
    assert "professional" in referral_note("professional-referral")
    assert referral_note("self-referral") == "" and referral_note("both") == ""
