"""A child with an adult partner, told by the two ages (explorer.domain.age_gap)."""

import pytest

from explorer.domain.age_gap import age_words, ages, child_with_adult_partner
from explorer.domain.query import clean


def words(text):
    return clean(text).split()


@pytest.mark.parametrize(("text", "expected"), [
    ("my daughters 15 and her 'boyfriend' is 25", [15, 25]),
    ("my 13 year old has a boyfriend in his 20s", [13, 20]),
    ("my 16 yr old niece has a boyfriend who is 27", [16, 27]),
    ("14yo pt with 'boyfriend' aged 22", [14, 22]),
    ("together 12 years and he is 45", [45]),              # a duration, not an age
    ("flat 12, the 25 bus, year 9", []),                   # a flat, a bus, a school year
    ("lost 20 quid at 11 pm", []),                         # money and a time
    ("she is 15 and we have 3 kids", [15]),                # a count under 10
])
def test_ages_are_read_and_counts_times_and_numbers_of_things_are_not(text, expected):
    assert ages(words(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my 13 year old has a boyfriend in his 20s", {"13", "20s"}),   # a decade is an age after "his"
    ("14yo pt with 'boyfriend' aged 22", {"14yo", "22"}),
    ("the 20s were hard, flat 12", set()),                          # neither alone
])
def test_the_words_read_as_ages_are_named_as_written(text, expected):
    assert age_words(words(text)) == expected


@pytest.mark.parametrize("text", [
    "my daughters 15 and her 'boyfriend' is 25 and keeps giving her ket",
    "my 13 year old has a 'boyfriend' in his 20s who waits for her outside the library",
    "my nephews 'girlfriend' is 30 and hes 15",
    "GP - 14yo pt with 'boyfriend' aged 22, gifts, missing school",
])
def test_a_child_and_a_much_older_partner_is_read(text):
    assert child_with_adult_partner(words(text))


@pytest.mark.parametrize("text", [
    "my daughter is 17 and her boyfriend is 19",                     # two young people
    "my boyfriend is 45 and we have been together 12 years, he hits me",
    "my daughter is 15 and her teacher is 40",                         # no partner named
    "my boyfriend is 25",                                              # one age
    "my 16 year old son has a girlfriend, they are both at college",
])
def test_no_child_and_much_older_partner_is_not_read(text):
    assert not child_with_adult_partner(words(text))
