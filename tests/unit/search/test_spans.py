"""The word helpers of the search's reading (:mod:`explorer.services.search.spans`)."""

import pytest

from explorer.services.search.spans import words_before


@pytest.mark.parametrize("text, start, expected", [
    ("my son comes out of feltham", 5, ["out", "of"]),  # from the last word that is not a stopword
    ("keeps her out overnight feltham", 4, ["overnight"]),  # "out" is too far back to complete a row
    ("feltham", 0, []),  # nothing before it
    ("out feltham", 1, ["out"]),
    ("he is in the feltham", 4, []),  # only stopwords within reach: nothing to complete a row with
])
def test_words_before_a_place_are_those_that_may_complete_a_row_with_it(text, start, expected):
    assert list(words_before(text.split(), start)) == expected
