"""A release from prison told by the person it harmed (explorer.domain.release)."""

import pytest

from explorer.domain.query import clean
from explorer.domain.release import victim_of_release


def words(text):
    return clean(text).split()


@pytest.mark.parametrize(("text", "expected"), [
    ("Just found out on facebook my ex is out. Nobody from probation rang me. N17", "vawg"),
    ("ex partner being released from prison can i get an exclusion zone", "vawg"),
    ("released to a hostel in Acton but my abusive ex knows where it is", "vawg"),
    ("he was convicted of raping me and now hes in a cat d open prison", "victims-witnesses"),
    ("sex offender who abused my son being released to a hostel in Southall, will we be told", "sexual-violence"),
    ("groomer of my 13 year old released on licence and living in leyton", "exploitation"),
    ("how do i object to the parole board releasing the man who stabbed my husband", "victims-witnesses"),
    ("burglar released and lives on the same estate as me", "victims-witnesses"),
    ("hes out on licence next week and he knows where i live in dagenham", "victims-witnesses"),
])
def test_a_release_told_by_the_one_harmed_asks_for_help_for_victims(text, expected):
    assert victim_of_release(words(text)) == expected


@pytest.mark.parametrize("text", [
    "my son gets out next week and we want him to stay out of trouble",          # a prisoner's family
    "ex marine on licence, need work and somewhere to go in the day",             # an ex-serviceman
    "ex offender not ex gang, just stupid mistakes, want help with a CV",
    "not a sex offender or anything, conviction for fraud, looking for ex-offender support",
    "my great uncle is a sex offender getting released soon and wants to live with my nan",
    "the lad who robbed my shop is getting out soon, is there a programme to stop him doing it again",
    "the man who assaulted me is being released, does he have to do any course to change his behaviour",
    "woman leaving prison, I was inside for something my ex made me do",          # the writer was released
    "I'm on licence after 5 yrs, my ex won't let me see my daughter",
    "my ex got out of prison and wants to see our baby, is there support for dads leaving prison",
    "courses for ex offenders, i want to train as a dog groomer and leave all that behind",  # a trade
])
def test_a_release_of_the_writer_or_asked_for_the_one_released_to_change_is_not(text):
    assert victim_of_release(words(text)) is None
