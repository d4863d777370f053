"""Unit tests: the pure parts of reading a query."""

import pytest

from explorer.domain.postcode_in_text import find_postcode
from explorer.domain.query import build_vocabulary, clean, match_spans, split_query
from explorer.domain.spelling import spelling_variants


@pytest.mark.parametrize(
    "text, topic, place, explicit",
    [
        ("domestic abuse support near Peckam", "domestic abuse support", "peckam", True),
        ("knife crime youth Croydon", "knife crime youth croydon", "", False),
        ("help in Tower Hamlets", "help", "tower hamlets", True),
        ("victim support close to SE15 4AB", "victim support", "se15 4ab", True),
        ("needle exchange nr Kingston stn", "needle exchange", "kingston stn", True),  # "nr", as on signs
        ("in", "in", "", False),
        ("", "", "", False),
        ("   ", "", "", False),
        ("Café près de Brixton", "cafe pres de brixton", "", False),
        # no one place: the connector and what follows are left out
        ("domestic abuse near me", "domestic abuse", "", False),
        ("rape crisis in London", "rape crisis", "", False),
        ("youth club in my area", "youth club", "", False),
    ],
)
def test_split_query(text, topic, place, explicit):
    parts = split_query(text)
    assert (parts.topic, parts.place, parts.explicit_place) == (topic, place, explicit)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SE15 4AB", "se15 4ab"),
        ("<script>alert(1)</script>", "script alert 1 script"),
        ("🔪 crime!!", "crime"),
        ("Women & girls", "women and girls"),
        ("Café Crème near Peckam", "cafe creme near peckam"),
        # letters with no accent to take off are written as plain letters, not dropped
        ("ırkçı saldırı, złodziej, Søren, Straße", "irkci saldiri zlodziej soren strasse"),
        ("ＳＥ１５ support", "se15 support"),
        ("Ｗomen ＆ girls", "women and girls"),
        # an apostrophe inside a word stays; quotes round one are not part of it
        ("he 'lost' the drugs, daughter's 'boyfriend'", "he lost the drugs daughter's boyfriend"),
        ("the kids' club ''", "the kids club"),
        # a hashtag's words run together with capitals are split; lower-case ones and other words stay
        ("stabbing #DalstonJunction #knifecrime", "stabbing dalston junction knifecrime"),
        ("#MeToo NewHam", "me too newham"),
        ("#CityofLondon #SE15", "cityof london se15"),
        # a letter written as a digit or symbol between letters is the letter; a postcode keeps its digits
        ("h0mophobic r@cist le$bian v!olent s3xually", "homophobic racist lesbian violent sexually"),
        ("SW1A 1AA EC1V WC2H se154ab n1c 17yo b4 24hr", "sw1a 1aa ec1v wc2h se154ab n1c 17yo b4 24hr"),
        # one star between letters keeps the word whole, a letter short; other stars part words
        ("m*rdered f*ggot p*** f***ing", "mrdered fggot p f ing"),
    ],
)
def test_clean(text, expected):
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("se154ab", "SE15 4AB"),
        ("help near SE15 4", "SE15 4"),
        ("e1 6an please", "E1 6AN"),
        ("n1", "N1"),
        ("knife crime", None),
        ("2024", None),
        # a bus route's number is no district or sector ("N29" would be the sector N2 9)
        ("assaulted on the N29 night bus", None),
        ("the W7 bus to Hanwell", None),
        ("youth club W7", "W7"),
    ],
)
def test_find_postcode(text, expected):
    found = find_postcode(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("man on the N29 put his hand on me", None),       # a night bus: N29 is no district, nor the sector N2 9
    ("gangs in the N15 area", "N15"),                   # a district after "the" is still a district
    ("knife crime the se154", "SE154"),                 # only a night bus's N is read as a route
    ("stabbing N29 night bus", None),
])
def test_a_night_bus_after_the_is_no_postcode(text, expected):
    districts = {"N2", "N15", "SE15"}
    found = find_postcode(text, is_district=districts.__contains__)
    assert (found[0] if found else None) == expected


def test_match_spans_prefers_the_longest_phrase_and_tolerates_typos():
    vocab = build_vocabulary({"tower-hamlets": ["Tower Hamlets"], "tower": ["Tower"], "peckham": ["Peckham"]})
    found = match_spans("youth tower hamlet peckam".split(), vocab, cutoff=85)
    assert [(m.target, m.start, m.end) for m in found] == [("tower-hamlets", 1, 3), ("peckham", 3, 4)]


def test_short_words_must_match_exactly():
    vocab = build_vocabulary({"bow": ["Bow"]})
    assert match_spans(["bob"], vocab, cutoff=85) == []
    assert [m.target for m in match_spans(["bow"], vocab, cutoff=85)] == ["bow"]


def test_two_letters_swapped_in_a_word_of_a_place_are_one_slip():
    vocab = build_vocabulary({"canning-town": ["Canning Town"], "bow-common": ["Bow Common"]})
    # "twon": fuzz.ratio counts a swap as two edits (75, under the cutoff); a person made one slip
    assert [m.target for m in match_spans("stabbing canning twon".split(), vocab, cutoff=85)] == ["canning-town"]
    assert [m.target for m in match_spans("canning tonw".split(), vocab, cutoff=85)] == ["canning-town"]
    # not two swaps, not a swap with the first letter, not in a short word ("bwo" is no "bow")
    assert match_spans("canning wtno".split(), vocab, cutoff=85) == []
    assert match_spans("canning otwn".split(), vocab, cutoff=85) == []
    assert match_spans("bwo common".split(), vocab, cutoff=85) == []


def test_words_run_together_match_but_a_stopword_glued_on_does_not():
    vocab = build_vocabulary({"andover": ["Andover"], "walthamstow": ["Walthamstow"]})
    # "waltham stow" is Walthamstow typed apart; "over and over" is not the Andover estate
    assert [m.target for m in match_spans("youth club waltham stow".split(), vocab, cutoff=85)] == ["walthamstow"]
    assert match_spans("abused on the bus over and over".split(), vocab, cutoff=85) == []


def test_a_name_heard_as_two_words_matches_but_not_with_a_weak_word_glued_on():
    vocab = build_vocabulary({"southall": ["Southall"], "barnet": ["Barnet"]})
    # a phone's voice search writes Southall "south hall"; "nail bar next to" is not Barnet
    assert [m.target for m in match_spans("who can help in south hall".split(), vocab, cutoff=85)] == ["southall"]
    assert match_spans("women in the nail bar next to our church".split(), vocab, cutoff=85) == []


@pytest.mark.parametrize("american, british", [
    ("counseling", "counselling"), ("counselor", "counsellor"), ("behavior", "behaviour"), ("neighbor", "neighbour"),
    ("program", "programme"), ("center", "centre"), ("offense", "offence"), ("organization", "organisation"),
    ("analyze", "analyse"), ("catalog", "catalogue"), ("traveled", "travelled"), ("pediatric", "paediatric"),
    ("judgment", "judgement"),
])
def test_spelling_variants_are_one_word_spelt_two_ways(american, british):
    assert spelling_variants(american, british) and spelling_variants(british, american)


@pytest.mark.parametrize("a, b", [("black", "back"), ("party", "part"), ("marry", "mary"), ("healing", "helping"),
                                  ("four", "for"), ("hour", "hor"), ("fire", "fier"), ("wise", "wize"),
                                  ("brother", "other"), ("abuse", "abuse")])
def test_different_words_are_not_spelling_variants(a, b):
    assert not spelling_variants(a, b)


DISTRICTS = {"N15", "N1", "N2", "SE15", "E17", "W2", "N9", "E15", "NW2"}


@pytest.mark.parametrize("text, expected", [
    ("victim support N 15", "N15"), ("youth club SE 15 4", "SE15 4"), ("knife crime e 17", "E17"),
    ("N 1 youth", "N1"), ("my son n 15 year old", None), ("help n 99", None), ("help x 15", None),
    ("need a refuge tonite me n 2 kids", None), ("me n 2 mates got jumped", None), ("me w 2 kids", None),
    ("e 17 kids club", "E17"),
    # a two-letter area spelt out, as a phone's voice search writes it ("S E 15" is SE15, not E15)
    ("hate crime in S E 15", "SE15"), ("s e 15 4 youth", "SE15 4"), ("me n w 2 kids", None),
    ("drug den in s e 15 people coming and going", "SE15"),  # a count only after "n" or "w"
])
def test_a_district_typed_with_a_space_after_its_letters_is_joined(text, expected):
    found = find_postcode(text, lambda label: label.split()[0] in DISTRICTS, lambda label: label in DISTRICTS)
    assert (found[0] if found else None) == expected
    assert find_postcode(text, lambda label: label.split()[0] in DISTRICTS) is None  # (joined only when told)


DISTRICTS_SAID = DISTRICTS | {"CR0", "NW10", "SE22", "E1", "DA6"}


@pytest.mark.parametrize("text, expected", [
    # as a phone's dictation writes a district: its number said as a word
    ("domestic abuse support s e fifteen", "SE15"), ("help for ex offenders in c r zero", "CR0"),
    ("stalking help e seventeen", "E17"), ("victim support n w ten", "NW10"), ("knife crime se twenty two", "SE22"),
    ("drug den next door in s e fifteen people coming and going", "SE15"), ("youth club in n fifteen", "N15"),
    ("youth club in da six", "DA6"),
    # "n", "w" and "da" alone are also "and", "with" and "the"; an age is no district
    ("me n two others got robbed", None), ("me w three mates got jumped", None), ("da two of them hit me", None),
    ("she is e fifteen year old", None), ("my son is fifteen", None), ("twenty two of them in e", None),
])
def test_a_district_said_with_its_number_as_a_word_is_read(text, expected):
    found = find_postcode(text, lambda label: label.split()[0] in DISTRICTS_SAID, lambda label: label in DISTRICTS_SAID)
    assert (found[0] if found else None) == expected
    if expected:  # the span runs to the number's last word
        assert text[found[1]:found[2]].split()[-1] in {"fifteen", "zero", "seventeen", "ten", "two", "six"}


@pytest.mark.parametrize("token, shaped", [
    ("sw1a", True), ("EC1V", True), ("se154", True), ("se154ab", True), ("N15", True),
    ("h0mophobic", False), ("r0bbed", False), ("17yo", False), ("v1olent", False), ("b4", True),
])
def test_a_word_shaped_like_a_postcode_is_known_by_its_shape(token, shaped):
    from explorer.domain.postcode_in_text import postcode_shaped

    assert postcode_shaped(token) is shaped
