"""Layout layer: the accessibility statement, in the form GOV.UK recommends for public sector sites."""

from __future__ import annotations

from dash import html

LAST_REVIEWED = "26 November 2026"


def build_accessibility_page() -> html.Div:
    """The accessibility statement (WCAG 2.2 AA; Public Sector Bodies Accessibility Regulations 2018)."""
    section = lambda title, *body: [html.H2(title, className="h4 mt-4"), *body]  # noqa: E731
    return html.Div(
        [
            html.H1("Accessibility statement for the London commissioned services explorer", className="h2"),
            html.P(
                "This statement applies to the London commissioned services explorer, which shows the "
                "services that the Mayor's Office for Policing and Crime (MOPAC) and the Violence "
                "Reduction Unit (VRU) commission, their funding and their performance."
            ),
            html.P("We want as many people as possible to be able to use this website. For example, you should be able to:"),
            html.Ul(
                [
                    html.Li("zoom in up to 400% without the text spilling off the screen"),
                    html.Li("navigate most of the website using just a keyboard"),
                    html.Li("find services without using the map: the list beside it has every service on it"),
                    html.Li("read every chart as a table as well"),
                    html.Li("listen to most of the website using a screen reader"),
                ]
            ),
            *section(
                "How accessible this website is",
                html.P("We know some parts of this website are not fully accessible:"),
                html.Ul(
                    [
                        html.Li("the map cannot be dragged with a keyboard; use the zoom buttons, the borough "
                                "filter and the list instead"),
                        html.Li("some charts rely on hovering for their exact figures; the same figures are in "
                                "the tables below them"),
                    ]
                ),
            ),
            *section(
                "Feedback and contact information",
                html.P(
                    "If you need information on this website in a different format, or you find a problem "
                    "not listed on this page, use the \u2018Report a change\u2019 form on any service page or "
                    "contact the Mayor's Office for Policing and Crime. We'll consider your request and get "
                    "back to you in 10 working days."
                ),
            ),
            *section(
                "Enforcement procedure",
                html.P(
                    [
                        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
                        "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. "
                        "If you're not happy with how we respond to your complaint, contact the ",
                        html.A("Equality Advisory and Support Service (EASS)", href="https://www.equalityadvisoryservice.com/"),
                        ".",
                    ]
                ),
            ),
            *section(
                "Technical information about this website's accessibility",
                html.P(
                    "We are committed to making this website accessible, in accordance with the Public Sector "
                    "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
                ),
                html.H3("Compliance status", className="h5"),
                html.P(
                    "This website is partially compliant with the Web Content Accessibility Guidelines version "
                    "2.2 AA standard, due to the non-compliances listed below."
                ),
                html.H3("Non-accessible content", className="h5"),
                html.P(
                    "The map is an addition to the list, not a replacement: panning it needs a mouse or touch "
                    "(WCAG 2.1.1 Keyboard). Everything on the map is also in the list and the tables."
                ),
            ),
            *section(
                "How we tested this website",
                html.P(
                    "Every page is checked automatically with axe-core against the WCAG 2.2 A and AA rules in "
                    "our browser tests, and a keyboard-only test finds a service by postcode and a funding "
                    "opportunity without a mouse."
                ),
            ),
            *section(
                "Preparation of this accessibility statement",
                html.P(f"This statement was prepared on {LAST_REVIEWED}. It was last reviewed on {LAST_REVIEWED}."),
            ),
        ],
        className="prose",
    )
