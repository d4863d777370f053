"""Browser test: a service page shows its public contract notice's value and period as published figures, the notice linked."""

from __future__ import annotations

import datetime as dt

from explorer.app import create_app

TODAY = dt.date(2026, 11, 30)
SERVICE = "svc-pan-london-sexual-violence-support"
NOTICE = ("https://github.com/apa999/CFServer1/blob/cfda786f8069d6df8a0d4e7b38beff81e3a36338/"
          "CFServerTests/TestData/TestData.swift#L6362")


def test_the_service_page_shows_the_notices_value_and_period_with_the_notice_linked(dash_duo, sample_settings):
    dash_duo.start_server(create_app(sample_settings, today=lambda: TODAY))
    dash_duo.driver.get(dash_duo.server_url + f"/service/{SERVICE}")
    dash_duo.wait_for_contains_text(".service-contracts", "Published contracts", timeout=20)

    section = dash_duo.find_element(".service-contracts").text
    assert "£65m (estimated value in the tender notice)" in section
    assert "1 May 2025 to 31 Mar 2032" in section
    assert "not sample values" in section and "sample value" not in section.replace("not sample values", "")
    links = [a.get_attribute("href") for a in dash_duo.find_elements(".service-contracts a")]
    assert NOTICE in links

    # "About this service" and the Duration panel show the notice's figures, named as published.
    page = dash_duo.find_element("body").text
    assert "£65m (published: the estimated value in the tender notice in the public contract notice)" in page
    assert "1 May 2025 to 31 Mar 2032 (published: the contract period in the public contract notice)" in page
    duration = dash_duo.find_element("section[aria-labelledby=h-perf-duration]").text
    assert "1 May 2025 to 31 Mar 2032" in duration and "sample value" not in duration
    assert dash_duo.get_logs() == []
