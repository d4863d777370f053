"""Unit tests: where the person is when a query names two places (explorer.domain.home_place)."""

from __future__ import annotations

import pytest

from explorer.domain.home_place import (
    asked_in,
    asks_there,
    at_work,
    home_split,
    home_splits,
    in_passing,
    in_the_past,
    moved_away,
)
from explorer.domain.query import split_query


@pytest.mark.parametrize("text, topic, place", [
    ("my ex lives in Enfield and keeps turning up at my flat in Tottenham, need support near me",
     "my ex lives in enfield and keeps turning up at my flat", "tottenham need support"),  # ("near me": nowhere)
    ("youth club near where I live in Peckham", "youth club near where i live", "peckham"),
    ("released on licence from HMP Wandsworth, need support when I get back to Lewisham",
     "released on licence from hmp wandsworth need support when i get back", "lewisham"),
    ("I work in Soho but live in Lewisham, need counselling near home",
     "i work in soho but live", "lewisham need counselling near home"),
    ("honour based abuse from my brothers in Southall, I've moved to Hayes", "honour based abuse from my brothers in "
     "southall i've moved", "hayes"),
    # a move from one place to another: the place moved to
    ("my boys mates keep getting stabbed. we moved from Hackney to Enfield",
     "my boys mates keep getting stabbed we moved from hackney", "enfield"),
    ("moved from Tottenham to Enfield to get away from my ex", "moved from tottenham", "enfield to get away from my ex"),
    ("council moved us from Lewisham to Croydon, my son is getting threatened",     # (whom it moved, then "from")
     "council moved us from lewisham", "croydon my son is getting threatened"),
    ("moved him from Peckham to Sutton to get him away from the gangs",
     "moved him from peckham", "sutton to get him away from the gangs"),
    # a flat that is not theirs is not where they live
    ("we live in Kentish Town and police found him in a flat in Edmonton",
     "we live", "kentish town and police found him in a flat in edmonton"),
    # someone else's home only when the writer gives none of their own
    ("friend was assaulted in Brixton, she lives in Catford, what support is there near her",
     "friend was assaulted in brixton she lives", "catford what support is there near her"),
    # help asked for someone else, where they are: their place, not the writer's
    ("nan in Streatham had her identity stolen. I live in Tooting. who helps her",
     "nan", "streatham had her identity stolen i live in tooting who helps her"),
    ("my brother in Barnes is drinking himself to death, I'm in Fulham. alcohol help for him",
     "my brother", "barnes is drinking himself to death i'm in fulham alcohol help for him"),
    ("graffiti sprayed on my dad's house in Golders Green. I'm in Hackney. who can help him",
     "graffiti sprayed on my dad's house", "golders green i'm in hackney who can help him"),
    ("brother is addicted to crack, lives in Harlesden, I'm in Ealing. how do I get him into treatment",
     "brother is addicted to crack lives", "harlesden i'm in ealing how do i get him into treatment"),
    # (without words asking for them, the writer's own place)
    ("I live in Hayes and my mum in Harrow keeps getting notes through the door",
     "i live", "hayes and my mum in harrow keeps getting notes through the door"),
    # someone's place told first, the writer's own after it as an aside: theirs
    ("my disabled brother in Tooting gets called names and pushed in the street, I live in Wimbledon",
     "my disabled brother", "tooting gets called names and pushed in the street i live in wimbledon"),
    ("my mum in Harrow keeps getting nasty notes through the door. I'm in Hayes",
     "my mum", "harrow keeps getting nasty notes through the door i'm in hayes"),
    # someone's own place, when the help is asked for them; living alone; living off a road
    ("mum is 80 and got scammed at her house in Orpington, I'm in Greenwich, who can visit her",
     "mum is 80 and got scammed at her house", "orpington i'm in greenwich who can visit her"),
    ("antisemitic graffiti on my dad's shop in Golders Green, I live in Stamford Hill",
     "antisemitic graffiti on my dad's shop", "golders green i live in stamford hill"),
    ("my dad's drinking, he lives alone in Chingford, I live in Stratford. where can he get help near him",
     "my dad's drinking he lives alone", "chingford i live in stratford where can he get help near him"),
    # a business of the writer's, where what they ask about happens, before their home
    ("antisocial behaviour outside my shop in Soho every night, I live in Ealing",
     "antisocial behaviour outside my shop", "soho every night i live in ealing"),
    # a neighbour's place told before the writer's own
    ("neighbour in Kingston keeps threatening my dad. I live in Richmond",
     "neighbour", "kingston keeps threatening my dad i live in richmond"),
    # rehoused or released to a place
    ("had a detached youth worker in Deptford but we got rehoused to Eltham",
     "had a detached youth worker in deptford but we got rehoused", "eltham"),
    # where someone lives with the writer
    ("son is 16, lives with me in Hornsey, police found him in Islington with drugs",
     "son is 16 lives with me", "hornsey police found him in islington with drugs"),
])
def test_the_place_after_words_saying_where_someone_lives_is_split_off(text, topic, place):
    home = home_split(split_query(text))
    assert home is not None and home.explicit_place
    assert (home.topic, home.place) == (topic, place)


@pytest.mark.parametrize("text", [
    "domestic abuse support in Peckham",  # no words about a home
    "we live in",  # nothing after them
    "I live in Peckham",  # already split there
    "thinking of moving to Greenwich but need help now",  # moving is not yet living there
    "staying with my sister in Bromley. he used to live in Plumstead",  # where he lived once
    "police found him in a flat in Edmonton",  # a flat, not theirs
    "we moved from Hackney ages ago and now the boys from Dalston come to Enfield",  # "moved from" too far
])
def test_no_split_without_a_home_named_or_when_already_split_there(text):
    assert home_split(split_query(text)) is None


def test_every_split_is_offered_the_last_words_first_so_a_reader_can_pass_one_naming_no_place():
    """"live in Romford ... my house in his car": the split after "my house in" comes first, then
    the one after "live in", which the reader takes when nothing after "house in" is a place; a
    split where the text was already split is the text itself."""
    parts = split_query("work in Canary Wharf, live in Romford. my ex keeps sitting outside my house in his car")
    splits = home_splits(parts)
    assert [s.place for s in splits] == ["his car", "romford my ex keeps sitting outside my house in his car"]
    assert splits[0] is parts
    assert home_split(parts) is None


@pytest.mark.parametrize("text, start, expected", [
    ("clubs in mitcham i work in tooting", 6, True),
    ("my husband works in greenwich", 4, True),
    ("job at canary wharf", 2, True),
    ("clubs in mitcham i work in tooting", 2, False),
    ("he works", 1, False),
    ("i work late in marylebone", 4, True),
    ("burgled while i was at work in mayfair flat's in plumstead", 9, False),  # (not across another place)
])
def test_a_place_after_work_in_is_where_someone_works(text, start, expected):
    assert at_work(text.split(), start) is expected


@pytest.mark.parametrize("text, start, expected", [
    ("i used to see a caseworker at the one stop shop in tower hamlets", 11, True),
    ("attack on my dad in kingston we had support in tower hamlets", 9, True),
    ("attack on my dad in kingston we had support in tower hamlets", 5, False),
    ("homophobic abuse from neighbours in stoke newington never had this when we lived in camden", 14, True),
    ("knife crime support in lambeth", 4, False),
])
def test_a_place_where_help_was_had_before_is_in_the_past(text, start, expected):
    assert in_the_past(text.split(), start) is expected
    assert in_passing(text.split(), start) is expected


def test_a_place_of_work_is_named_in_passing():
    assert in_passing("clubs in mitcham i work in tooting".split(), 6)


def test_the_writers_own_windows_are_where_they_are():
    """"stones at my windows in New Addington. my daughter in Bromley says ...": the place after "my
    windows in" is offered first."""
    parts = split_query("kids throwing stones at my windows in New Addington. my daughter in Bromley says call")
    assert home_splits(parts)[0].place == "new addington my daughter in bromley says call"


@pytest.mark.parametrize("text, expected", [
    ("who can help me up here", True),
    ("she wants support down there not in london", True),
    ("who does she call there", True),
    ("want to talk to someone near home", True),
    ("is there any support in croydon", False),  # ("is there": a question, not a place)
    ("what support is there", False),
])
def test_help_asked_for_where_someone_is_away(text, expected):
    assert asks_there(text.split()) is expected


@pytest.mark.parametrize("text, expected", [
    ("moved from croydon up to leeds to get away from my ex", True),
    ("we were relocated to kent by the council", True),
    ("my son came back to enfield", False),
    ("i live in kent", False),
])
def test_a_move_puts_the_person_where_they_moved_to(text, expected):
    parts = split_query(text)
    assert any(moved_away(split) for split in home_splits(parts)) is expected


@pytest.mark.parametrize("text, expected", [
    ("domestic abuse support in kent", True),
    ("what's there for him in luton", True),
    ("anyone in essex", True),
    ("grandson moving back to harlesden i live in kent", False),  # (where the writer lives: not asked for)
    ("domestic abuse", False),
])
def test_help_asked_for_in_the_last_place(text, expected):
    assert asked_in(split_query(text)) is expected


@pytest.mark.parametrize("text, place", [
    ("antisemitic graffiti on our synagogue in stamford hill again i live in edmonton",
     "stamford hill again i live in edmonton"),
    ("our polish shop in uxbridge had the window put through we live in harrow",
     "uxbridge had the window put through we live in harrow"),
    ("did 3 years out now and living at a hostel in kennington my family's in peckham",
     "kennington my family's in peckham"),
    ("drug dealers have taken over my brothers flat in kentish town i'm in holloway",
     "kentish town i'm in holloway"),
    ("my nan in mill hill got conned i live over in walthamstow who can go and see her",
     "mill hill got conned i live over in walthamstow who can go and see her"),
])
def test_where_the_help_is_for_is_offered_first(text, place):
    assert home_splits(split_query(text))[0].place == place


@pytest.mark.parametrize("text, not_first", [
    ("being stalked by a man from my old office in holborn i live in hornsey", "holborn i live in hornsey"),
    ("got treatment through the hostel in camden now got a flat in maida vale", "camden now got a flat in maida vale"),
    ("dealing on the stairwell in holloway landlord is based in hackney", "hackney"),
])
def test_a_place_that_is_not_the_writers_now_is_not_offered_first(text, not_first):
    splits = home_splits(split_query(text))
    assert not splits or splits[0].place != not_first
