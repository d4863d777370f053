"""Layout layer: the "Exit this page" control every page carries, and the page on staying safe online.

The exit follows the GOV.UK Design System's exit-this-page component: a visible button (a real link,
so it works without script), and the Shift key pressed three times; the script in
``assets/resident.js`` replaces this page with a neutral site (``location.replace``) so Back does
not return to it.
"""

from __future__ import annotations

from dash import html

from explorer import ids

#: Where "Exit this page" goes: a neutral, everyday site (GOV.UK's component uses BBC Weather).
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"

#: National helplines, free and open day and night unless stated (as published by each service).
HELPLINES = (
    ("National Domestic Abuse Helpline (Refuge)", "0808 2000 247", "free, 24 hours, for women",
     "https://www.nationaldahelpline.org.uk/"),
    ("Men's Advice Line", "0808 8010 327", "free, for men experiencing domestic abuse",
     "https://mensadviceline.org.uk/"),
    ("Galop LGBT+ Domestic Abuse Helpline", "0800 999 5428", "free, for LGBT+ people",
     "https://galop.org.uk/"),
    ("Rape Crisis 24/7 Support Line", "0808 500 2222", "free, 24 hours, for anyone 16 or over",
     "https://247sexualabusesupport.org.uk/"),
    ("Victim Support Supportline", "0808 168 9111", "free, 24 hours, for victims of any crime",
     "https://www.victimsupport.org.uk/"),
    ("Childline", "0800 1111", "free, 24 hours, for children and young people",
     "https://www.childline.org.uk/"),
    ("Samaritans", "116 123", "free, 24 hours, for anyone who needs to talk",
     "https://www.samaritans.org/"),
)


def build_exit_this_page(exit_url: str = DEFAULT_EXIT_URL) -> html.Div:
    """The "Exit this page" button, with how to use Shift for people on a keyboard."""
    return html.Div(
        [
            html.A(
                [html.Span("Emergency", className="visually-hidden"), " Exit this page"],
                href=exit_url,
                id=ids.EXIT_PAGE,
                className="exit-this-page__button",
                rel="nofollow noreferrer",
                **{"data-exit-url": exit_url},
            ),
            html.Span("Or press Shift 3 times to leave quickly.", className="exit-this-page__hint"),
        ],
        className="exit-this-page",
    )


def build_staying_safe_page() -> html.Div:
    """How to cover your tracks, and the national helplines."""
    return html.Div(
        [
            html.H1("Staying safe online", className="h2"),
            html.P([html.Strong("If you are in danger now, call 999."),
                    " If you cannot speak, call 999, listen, and then press 55 when asked."],
                   className="danger-line"),
            html.P("Someone may be able to see which websites you have visited. These steps make it "
                   "harder; none of them is certain, so use a device the other person cannot get to if you can."),
            html.H2("Leave this site quickly", className="h4"),
            html.P("Use the \u201cExit this page\u201d button at the top of every page, or press the Shift key "
                   "3 times. This site is replaced by a weather page and the Back button will not bring it back."),
            html.H2("Cover your tracks", className="h4"),
            html.Ul(
                [
                    html.Li("Use a private or incognito window: the browser keeps no history of it once you close it."),
                    html.Li("Or delete this site from your browsing history: open your browser's history, find the "
                            "pages you want to remove and delete only those, as clearing everything can look unusual."),
                    html.Li("Check saved searches and suggestions: search engines and your phone's keyboard may "
                            "remember what you typed."),
                    html.Li("Check shared accounts: a Google, Apple or Microsoft account may keep your history on "
                            "every device where it is signed in."),
                    html.Li("Calls you make appear in your phone's call log; you can delete single calls from it."),
                ]
            ),
            html.H2("National helplines", className="h4", id="helplines"),
            html.Ul(
                [
                    html.Li([html.Strong(name), f" ({note}): ",
                             html.A(f"call {number}", href="tel:" + number.replace(" ", "")),
                             " \u00b7 ", html.A("website", href=url, rel="noopener noreferrer")])
                    for name, number, note, url in HELPLINES
                ],
                className="helplines",
            ),
            html.P(["To find help near you, ", html.A("search the services MOPAC and the VRU pay for", href="/"),
                    "."]),
        ]
    )
