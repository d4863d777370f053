"""Unit tests: abbreviations spelled out."""

import pytest

from explorer.domain.glossary import split_abbreviations
from explorer.layout.controls import with_abbreviations


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("LCPF grant", [("LCPF", "London Crime Prevention Fund"), (" grant", None)]),
        ("Two IDVAs and an ISVA.", [("Two ", None), ("IDVAs", "independent domestic violence advisers"),
                                     (" and an ", None), ("ISVA", "independent sexual violence adviser"), (".", None)]),
        ("LCPFX and vrum stay", [("LCPFX and vrum stay", None)]),
        ("", []),
        (None, []),
    ],
)
def test_split_abbreviations(text, pieces):
    assert split_abbreviations(text) == pieces


def test_with_abbreviations_marks_up_abbr_and_keeps_text():
    out = with_abbreviations("<b>VRU</b> work")
    assert out[0] == "<b>" and out[1].title == "Violence Reduction Unit" and out[1].children == "VRU"
    assert out[2] == "</b> work"
