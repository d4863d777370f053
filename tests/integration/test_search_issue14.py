"""Issue 14 on the sample register: every word searched, thesaurus, ranking by fit then place,
audience, ended services, and what the search understood in the API and the CLI cache."""

from __future__ import annotations

import pytest

from explorer.services.search import SearchIndex, ended_line, search_index
from explorer.services.search.building import what_it_does
from explorer.services.search.model import BAND_NEARBY
from explorer.services.snapshot import SnapshotProvider

RESTRICTED = {"people-who-harm", "professionals"}


@pytest.fixture(scope="module")
def index(sample_db, geography):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(sample_db))
    yield SearchIndex(SnapshotProvider(store, geography).current(), geography)
    store.dispose()


def ids(result, n=None):
    return [i.service.id for i in result.items[:n]]


def _reads_as(index, query, topic, borough, *, found=True):
    """The query is read as the topic and as the borough named (None: no place), and (``found``)
    says no message: it found services, not only the nearest elsewhere."""
    result = index.search(query, limit=3)
    assert topic in result.understood.terms and not (found and result.message), result.summary
    location = result.understood.location
    assert (location.borough_code if location else None) == (
        None if borough is None else next(b.code for b in index.snapshot.boroughs if b.name == borough))
    return result


@pytest.mark.parametrize(
    "query, expected",
    [
        ("counselling", "svc-rape-crisis-south-london"),
        ("counsellor", "svc-rape-crisis-south-london"),
        ("advocacy", "svc-catch-hate-crime"),
        ("helpline", "svc-stalking-threat-assessment-centre"),
        ("my partner hits me", "svc-solace-refuges-sample"),
        ("help for my son", "svc-london-violence-exploitation-support"),
        ("ISVA", "svc-london-havens"),
        ("someone is following me", "svc-stalking-threat-assessment-centre"),
    ],
)
def test_words_from_descriptions_and_the_thesaurus_find_services(index, query, expected):
    result = index.search(query)
    assert result.total and expected in ids(result, 10), (result.summary, ids(result, 10))


def test_stalking_puts_the_stalking_centre_first(index):
    assert ids(index.search("stalking"))[0] == "svc-stalking-threat-assessment-centre"


def test_victim_of_crime_puts_the_victim_and_witness_service_in_the_top_three(index):
    assert "svc-london-victim-witness-service" in ids(index.search("victim of crime"), 3)


@pytest.mark.parametrize(
    "name",
    ["London Victim and Witness Service", "Stalking Threat Assessment Centre", "The Havens", "VESS",
     "London Gang Exit", "Rape Crisis South London", "MyEnds Croydon"],
)
def test_a_service_named_by_the_query_comes_first_even_if_pan_london_or_ended(index, name):
    result = index.search(name)
    assert result.items and result.items[0].named, (name, ids(result, 3))
    assert name.lower().removeprefix("the ") in result.items[0].service.name.lower()


def test_domestic_abuse_peckham_puts_services_for_people_who_harm_last(index):
    result = index.search("domestic abuse Peckham")
    audiences = [i.service.audience for i in result.items]
    assert audiences[0] not in RESTRICTED and audiences[1] not in RESTRICTED
    first_restricted = next((n for n, a in enumerate(audiences) if a in RESTRICTED), len(audiences))
    assert all(a in RESTRICTED for a in audiences[first_restricted:])


def test_naming_the_audience_puts_it_first(index):
    result = index.search("domestic abuse perpetrator")
    assert result.understood.audience == "people-who-harm"
    assert result.items[0].service.audience == "people-who-harm"


def test_fit_comes_before_place_and_nearby_services_of_other_boroughs_are_labelled(index):
    result = index.search("county lines Southwark")
    assert result.understood.location.borough_code == "E09000028"
    assert all(i.place_note for i in result.items if i.band == 2)
    assert all(not i.place_note for i in result.items if i.band != 2)
    assert result.items[0].service.id == "svc-london-violence-exploitation-support"  # the best fit, pan-London


@pytest.mark.parametrize("abbreviation", ["IDVA", "DV", "VAWG", "DA"])
def test_abbreviations_are_understood(index, abbreviation):
    result = index.search(abbreviation)
    assert "Violence against women and girls" in result.summary
    assert result.items and all("vawg" in i.service.term_ids for i in result.items[:5])


def test_ended_services_are_hidden_counted_and_shown_on_request(index):
    hidden = index.search("domestic abuse")
    assert hidden.ended_count >= 1 and all(not i.ended for i in hidden.items)
    assert ended_line(hidden).startswith(f"{hidden.ended_count} ended service")
    shown = index.search("domestic abuse", include_ended=True)
    assert shown.total == hidden.total + hidden.ended_count
    assert sum(i.ended for i in shown.items) == hidden.ended_count
    assert ended_line(shown) == ""
    # active services still come first
    flags = [i.ended for i in shown.items]
    assert flags == sorted(flags)


def test_n15_is_haringey_not_hackney(index):
    location = index.search("N15 youth").understood.location
    assert (location.label, location.borough_code) == ("N15", "E09000014")


def test_typos_are_corrected_against_the_registers_words_and_said(index):
    result = index.search("counceling")
    assert ("counceling", "counselling") in result.understood.corrections
    assert "counceling" in result.summary and result.total


@pytest.mark.parametrize("query, wanted", [("witness at court", "London Victim and Witness Service"),
                                           ("counselling in prison", None), ("abuse at home", None),
                                           ("violence in schools", None)])
def test_a_topic_after_at_or_in_is_read_as_a_topic_not_a_missing_place(index, query, wanted):
    """"at court", "in prison": words the register uses are a topic, so the search answers instead
    of saying it could not find a London place called "court"."""
    result = index.search(query, limit=10)
    assert not result.message and result.total and result.understood.location is None
    assert result.understood.unmatched_place == ""
    if wanted:
        assert wanted in [i.service.name for i in result.items[:3]]


@pytest.mark.parametrize("query, topic", [("domestic abuse near me", "vawg"), ("rape crisis in London", "sexual-violence"),
                                          ("domestic abuse in my area", "vawg")])
def test_near_me_or_in_london_names_no_place_and_the_topic_is_answered(index, query, topic):
    result = index.search(query)
    assert not result.message and result.total and result.understood.location is None
    assert topic in result.understood.terms and not result.understood.unmatched_words


def test_an_ordinary_word_after_at_is_no_missing_place(index):
    result = index.search("support at night")  # the register has no "night": nothing, but no lost place
    assert result.understood.unmatched_place == "" and "London place" not in result.message


@pytest.mark.parametrize("query, place", [("help in Camdon", "camdon"), ("help near Zzyzx", "zzyzx"),
                                          ("youth at Camdon", "camdon")])
def test_an_unknown_word_after_in_is_still_a_place_not_found(index, query, place):
    """A misspelt London place, or an unknown one with nothing else to search for, is asked again."""
    result = index.search(query)
    assert result.total == 0 and result.understood.unmatched_place == place
    assert f"could not find a London place called \u2018{place}\u2019" in result.message


@pytest.mark.parametrize("query, place, topic", [("youth near Zzyzx", "zzyzx", "youth-violence"),
                                                 ("family want force me marry man in Pakistan", "pakistan", "vawg")])
def test_a_place_london_does_not_have_answers_the_topic_across_london_and_says_so(index, query, place, topic):
    """"in Pakistan" found nothing for a woman facing forced marriage: the topic is now answered
    London-wide, and the line says the place is not one London has."""
    result = index.search(query)
    assert result.total and not result.message and topic in result.understood.terms
    assert result.understood.unmatched_place == "" and result.understood.place_not_found == place
    assert f"across London (\u2018{place}\u2019 is not a London place we know)" in result.summary


@pytest.mark.parametrize("query, word", [("eating disorder", "eating"), ("panic button", "button"),
                                         ("victm care Kamdem", "kamdem")])
def test_a_typo_is_never_corrected_to_a_places_name(index, query, word):
    """The register's text names places ("Ealing", "Sutton", "Camden"), but a word the place
    reading did not take is not one: "eating" is not Ealing."""
    places = {p for p in index.place_vocabulary.processed if " " not in p}
    assert {"ealing", "sutton", "camden"} <= index._word_set & places  # the register does use them
    understood = index.search(query).understood
    assert not [c for c in understood.corrections if c[1] in places]
    assert word in understood.unmatched_words and understood.location is None


@pytest.mark.parametrize("query, word", [("lost my brother to knife crime", "brother"),
                                         ("someone posted photos", "posted")])
def test_a_correction_keeps_the_first_letter(index, query, word):
    """"brother" is not "other" and "posted" is not "hosted": a correction keeps the word's first
    letter (the register has the other words, so the old correction made them)."""
    assert {"other", "hosted"} <= index._word_set
    understood = index.search(query).understood
    assert not [c for c in understood.corrections if c[0] == word]
    assert ("counceling", "counselling") in index.search("counceling").understood.corrections


@pytest.mark.parametrize("query, word", [("black women domestic abuse", "black"), ("raped at a party", "party"),
                                         ("trauma healing", "healing")])
def test_a_word_of_ordinary_english_is_not_corrected_to_another(index, query, word):
    """"black" is within the cutoff of "back", "party" of "part", "healing" of "helping" (all words
    the register uses), but each is a different word: it is left as a word not used."""
    assert word in index._common_words
    understood = index.search(query).understood
    assert not [c for c in understood.corrections if c[0] == word]


@pytest.mark.parametrize("query, corrected", [("youth program", ("program", "programme")),
                                              ("community center", ("center", "centre")),
                                              ("antisocial behavior", ("behavior", "behaviour"))])
def test_an_american_spelling_is_still_corrected(index, query, corrected):
    assert corrected[0] in index._common_words  # common words, corrected as spelling variants
    assert corrected in index.search(query).understood.corrections


def test_a_word_meaningful_only_in_a_phrase_is_not_searched_alone(index):
    """"after" matched every description that says "after"; "after school" is still a phrase."""
    result = index.search("help after burglary Barnet", limit=3)
    assert "after" not in result.understood.words
    assert result.items[0].service.name == "London Victim and Witness Service"
    assert "early-intervention" in index.search("after school club").understood.terms


@pytest.mark.parametrize("query", ["drug dealing", "trauma healing"])
def test_a_word_that_differs_from_a_place_in_its_first_letter_is_not_that_place(index, query):
    """"dealing" and "healing" are within the place cutoff of Ealing, but begin with another letter."""
    assert index.search(query).understood.location is None
    assert index.search("youth club Ealling").understood.location.label == "Ealing"


@pytest.mark.parametrize("query, borough", [
    ("IDVA service LBTH", "Tower Hamlets"), ("RBKC hate crime support", "Kensington and Chelsea"),
    ("probation help H&F", "Hammersmith and Fulham"), ("K&C youth violence referral", "Kensington and Chelsea"),
    ("RBG victim support referral", "Greenwich"), ("county lines referral LBBD", "Barking and Dagenham"),
])
def test_a_borough_named_as_its_council_writes_it_is_that_borough(index, query, borough):
    location = index.search(query).understood.location
    assert location is not None and location.kind == "borough", query
    assert location.label == borough


def test_of_two_places_one_that_names_a_charity_is_not_where(index):
    """St Giles is a place in Camden and St Giles Trust a charity; Ponders End is only a place."""
    understood = index.search("st giles sos project, nephew in fights with a gang from Ponders End").understood
    assert understood.location.label == "Ponders End"
    assert "reducing-reoffending" in understood.terms
    assert index.search("youth club st giles").understood.location.label == "St Giles"  # alone, still the place


@pytest.mark.parametrize("query, wanted", [
    ("since my brother went inside people keep throwing stuff at our windows late at night. Dagenham", "community-safety"),
    ("Partner serving 6 years. Our son was arrested with drugs on him and police say he's a county lines victim",
     "exploitation"),
    ("support for my 12 year old after her dad was jailed for abusing her, she thinks it's her fault. Bromley",
     "vawg"),
])
def test_someone_elses_sentence_gives_way_to_what_else_is_said(index, query, wanted):
    """A background row ("went inside", "is serving", "was jailed") tells why the need arose; its
    topic, reducing reoffending, is read only when nothing else gives one."""
    understood = index.search(query).understood
    assert wanted in understood.terms
    assert "reducing-reoffending" not in understood.terms
    alone = index.search("my brother went inside last month").understood
    assert alone.terms == ("reducing-reoffending",)


@pytest.mark.parametrize("query, first", [
    ("lads in Bexleyheath shouted racist stuff at my daughter at the bus stop", "hate-crime"),
    ("neighbours shout racist stuff at my kids every time they play out, Erith", "hate-crime"),
    ("neighbour harassment, not racial just nasty", "community-safety"),  # denied: no motive
])
def test_a_motive_named_leads_the_topics_unless_denied(index, query, first):
    assert index.search(query).understood.terms[0] == first


@pytest.mark.parametrize("query", ["okay google domestic abuse help", "hey siri domestic abuse help"])
def test_a_voice_assistants_wake_words_are_not_searched(index, query):
    understood = index.search(query).understood
    assert understood.terms == ("vawg",) and understood.words == () and understood.unmatched_words == ()


def test_drink_driving_does_not_find_the_drive_perpetrator_programme(index):
    """"Driving" and "Drive" share Snowball's stem; the programme for people who harm is no answer to it."""
    ids = [i.service.id for i in index.search("lost my licence for drink driving, Twickenham", limit=10).items]
    assert "svc-da-perpetrator-2025-2027" not in ids


@pytest.mark.parametrize("query, label, borough", [
    ("help after a burglary Leicester Sq", "Leicester Square", "Westminster"),
    ("crack addiction help Kings X", "King's Cross", "Camden"),
    ("spiked at a bar by Clapham Jct", "Clapham Junction", "Wandsworth"),
    ("phone robbed on Tottenham Court Road", "Tottenham Court Road", "Camden"),  # not Tottenham, Haringey
    ("assaulted off Tott Ct Rd", "Tott Ct Rd", "Camden"),
    ("boxing club nr Elephant", "Elephant", "Southwark"),
])
def test_a_place_written_in_shorthand_is_found(index, query, label, borough):
    location = index.search(query).understood.location
    assert location is not None and location.label == label, query
    assert index.snapshot.borough_name(location.borough_code) == borough


def _place_read(index, query: str) -> str | None:
    """The label of the place a query is read as, or None."""
    location = index.search(query).understood.location
    return location.label if location else None


@pytest.mark.parametrize("query, label", [
    ("alcohol service for a man from our temple", None),  # a place of worship, not Temple (City)
    ("alcohol service near Temple", "Temple"),
    ("attacked leaving our Soho drop in", "Soho"),  # written with a capital: the place
    ("foster daughter wants to meet her. Wimbledon", "Wimbledon"),  # "her" is no possessive here
])
def test_a_common_word_after_our_or_my_is_the_thing_not_a_place_of_that_name(index, query, label):
    assert _place_read(index, query) == label, query


@pytest.mark.parametrize("query, label", [
    ("a man groped me on the tube at Bank and I can't stop thinking about it", "Bank Station"),
    ("assaulted by a passenger near Bank, now i have to go to court as a witness", "Bank Station"),
    ("mugged near Bank station", "Bank Station"),
    ("scammed by someone pretending to be my bank", None),  # the bank
    ("robbed at the bank", None),
    ("my nan got scammed by someone pretending to be the bank she lives in Orpington", "Orpington"),
    ("fight on the Bank holiday in Croydon", "Croydon"),
])
def test_bank_is_the_station_only_where_written_as_a_name(index, query, label):
    assert _place_read(index, query) == label, query


@pytest.mark.parametrize("query, label", [
    ("someone took an upskirt photo of me on the Victoria line", None),
    ("pickpocketed on the Piccadilly line and lost everything, who helps victims", None),
    ("groped on the Jubilee line at Stratford", "Stratford"),
    ("robbed near Victoria station", "Victoria Station"),
])
def test_a_tube_line_is_no_place(index, query, label):
    assert _place_read(index, query) == label, query


def test_a_tube_line_is_not_searched_as_a_word(index):
    """"line" alone ("the Victoria line") is a weak word: searched, it put a children's service
    first for an adult's "upskirt photo ... on the Victoria line"; "county lines" is still read."""
    understood = index.search("someone took an upskirt photo of me on the Victoria line").understood
    assert understood.terms == ("sexual-violence",) and "line" not in understood.words + understood.unmatched_words
    assert "exploitation" in index.search("county lines Lambeth").understood.terms


@pytest.mark.parametrize("query, label", [
    ("my ex lives in Enfield and keeps turning up at my flat in Tottenham, need domestic abuse support near me",
     "Tottenham"),
    ("raped after a night out in Shoreditch, I live in Walthamstow. where can i get counselling near where i live",
     "Walthamstow"),
    ("honour based abuse from my brothers in Southall, I've moved to Hayes and need help there", "Hayes"),
    ("friend was spiked and sexually assaulted in Brixton, she lives in Catford, what support is there near her",
     "Catford"),
    ("we're a gay couple, neighbours in Bexleyheath keep shouting slurs, thinking of moving to Greenwich but need "
     "help now", "Bexleyheath"),  # moving is not yet living there
    ("I live in Peckham and need help with my son", "Peckham"),
    # (round 60: where someone else is, when the help is for them or they are told of first)
    ("nan in Streatham had her identity stolen and bank emptied. I live in Tooting. who helps her", "Streatham"),
    ("my disabled brother in Tooting gets called names and pushed in the street, I live in Wimbledon", "Tooting"),
    ("son is 16, lives with me in Hornsey, police found him in Islington with drugs twice", "Hornsey"),
    # (a place where someone works yields to another)
    ("after school clubs for teenagers in Mitcham, I work in Tooting", "Mitcham"),
    ("someone keeps setting bins on fire on our estate in Canning Town, my husband works in Greenwich",
     "Canning Town"),
    ("I work in Soho but live in Lewisham, need counselling near home", "Lewisham"),
    # (round 65: rehoused to a place; a place where help was had before yields)
    ("my lad had a detached youth worker in Deptford but we got rehoused to Eltham, he's already had a knife "
     "pulled on him", "Eltham"),
    ("islamophobic attack on my dad in Kingston, we had support in Tower Hamlets years ago", "Kingston upon Thames"),
])
def test_of_two_places_the_one_where_the_person_lives_is_the_place(index, query, label):
    assert _place_read(index, query) == label, query


@pytest.mark.parametrize("query, borough", [
    ("13 yr old keeps going missing and coming back with train tickets to Southend", None),
    ("my brother got nicked with drugs in Southend and says he owes people money, we're from Walthamstow",
     "Waltham Forest"),
])
def test_southend_is_the_town_in_essex_not_a_london_place(index, query, borough):
    """Every Southend in the kept unseen queries is Southend-on-Sea, where county lines run; the
    gazetteer's Lewisham neighbourhood of the name was removed."""
    result = index.search(query)
    location = result.understood.location
    assert (index.snapshot.borough_name(location.borough_code) if location else None) == borough
    assert "exploitation" in result.understood.terms


@pytest.mark.parametrize("query, label", [
    ("I'm trans and got abuse outside Fulham Broadway last night, new to the city", "Fulham Broadway"),
    ("work in the city cant stop doing coke need help", "City of London"),  # the only place named
    ("drinking way too much after work, work in the city near moorgate", "Moorgate"),
])
def test_the_city_yields_to_another_place_named_beside_it(index, query, label):
    assert _place_read(index, query) == label, query


@pytest.mark.parametrize("query", ["where can I get help if my husband beats me", "how do I report a crime"])
def test_question_words_are_not_searched_for(index, query):
    """"where", "can", "how", "do" matched every description that says "you can"."""
    understood = index.search(query).understood
    assert not {"where", "can", "how", "do", "if"} & set(understood.words + understood.unmatched_words)


@pytest.mark.parametrize("query, topic", [
    ("where can I get help if my husband beats me", "vawg"), ("I was attacked on the bus", "victims-witnesses"),
    ("my car was broken into Ealing", "victims-witnesses"), ("someone posted nude photos of me", "sexual-violence"),
    ("cuckooing", "exploitation"), ("female genital mutilation", "vawg"), ("victim of fraud", "victims-witnesses"),
    ("i need a safe place to stay tonight", "vawg"), ("drug dealing near my flat", "exploitation"),
])
def test_residents_words_that_found_nothing_now_find_their_topic(index, query, topic):
    result = index.search(query, limit=10)
    assert result.total and not result.message and topic in result.understood.terms


def test_i_hurt_my_partner_is_someone_who_harms_not_a_victim(index):
    result = index.search("I hurt my partner and want to change", limit=3)
    assert result.understood.audience == "people-who-harm"
    assert result.items[0].service.audience == "people-who-harm"
    assert index.search("my partner hits me").understood.audience == "victims-survivors"


@pytest.mark.parametrize(("query", "topic"), [
    ("called the n word on the bus home from probation", "hate-crime"),
    ("will an ISVA still help me if I've got a criminal record", "sexual-violence"),
    ("drug treatment while on probation, my PO says I'll be recalled if I test positive again", "substance-misuse"),
])
def test_a_harm_done_to_someone_on_probation_is_help_for_them_not_for_people_who_harm(index, query, topic):
    result = index.search(query, limit=3)
    assert result.understood.terms[0] == topic and result.understood.audience not in RESTRICTED, result.summary
    assert result.items and all(i.service.audience not in RESTRICTED for i in result.items), ids(result)
    assert any(topic in i.service.term_ids for i in result.items), ids(result)


def test_a_row_about_the_harm_they_do_keeps_help_for_people_who_harm_first(index):
    # (the lead, vawg, is in the row that names the audience: help to stop, not help as a victim)
    result = index.search("I hit my partner and I'm on probation, I want to change", limit=3)
    assert result.understood.audience == "people-who-harm" and result.understood.terms[0] == "vawg"
    assert result.items[0].service.audience == "people-who-harm"


@pytest.mark.parametrize("query, lead", [
    ("Just found out on facebook my ex is out. Nobody from probation rang me. N17", "vawg"),
    ("burglar released and lives on the same estate as me thornton heath", "victims-witnesses"),
    ("he was convicted of raping me and now hes in a cat d open prison, nobody explains anything", "sexual-violence"),
    # ("groomer" is a word of its own, not corrected to the register's "groomed" before the release is read)
    ("groomer of my 13 year old released on licence, Croydon", "exploitation"),
])
def test_a_release_told_by_the_one_it_harmed_is_help_for_victims_not_for_people_leaving_prison(index, query, lead):
    result = index.search(query, limit=3)
    assert "reducing-reoffending" not in result.understood.terms, result.summary
    assert result.understood.audience != "people-who-harm"
    assert lead in result.items[0].service.term_ids, ids(result)
    assert result.items[0].service.audience != "people-who-harm"


def test_a_prisoners_family_asking_for_help_for_him_still_gets_help_for_people_leaving_prison(index):
    result = index.search("my son gets out of prison next month, how do we stop him going back to it", limit=3)
    assert result.understood.terms[0] == "reducing-reoffending", result.summary
    assert "reducing-reoffending" in result.items[0].service.term_ids


@pytest.mark.parametrize("query", [
    "the pastor wants to do a deliverance on my daughter, Croydon",
    "exorcism of a child at church, Lewisham",
    "pastor told us our 6 year old is a witch, Thornton Heath",
])
def test_a_child_called_a_witch_or_possessed_is_abuse_linked_to_faith_for_early_help(index, query):
    result = index.search(query, limit=3)
    assert result.understood.terms[0] == "early-intervention", result.summary
    assert "early-intervention" in result.items[0].service.term_ids, ids(result)


def test_deliverance_is_met_as_written_never_by_a_delivery(index):
    # ("deliverer" has its stem: the row names an audience, so it is met by the word itself)
    words = "my son is a deliverer for older boys, delivering parcels".split()
    assert all(m.entry.phrase != "deliverance" for m in index.thesaurus.match(words, index.analyzer.stem))
    words = "they want to do deliverance on him".split()
    assert any(m.entry.phrase == "deliverance" for m in index.thesaurus.match(words, index.analyzer.stem))


@pytest.mark.parametrize("query", [
    "my daughter is 15 and has a 'boyfriend' who is 25, he buys her vodka and drives her about. Bexleyheath",
    "my 13 year old has a 'boyfriend' in his 20s who waits for her outside Morden Library",
])
def test_a_child_with_a_much_older_boyfriend_is_read_as_exploitation_first(index, query):
    result = index.search(query, limit=3)
    assert result.understood.terms[0] == "exploitation", result.summary
    # (the partner and the ages were read: "in his 20s" is no word left unused)
    assert {"boyfriend", "20s", "25"}.isdisjoint(result.understood.unmatched_words)
    assert result.items and "exploitation" in result.items[0].service.term_ids, ids(result)


@pytest.mark.parametrize("query", ["drug dealing near my flat", "youth club near my house"])
def test_near_my_home_names_no_place(index, query):
    result = index.search(query)
    assert result.understood.location is None and result.understood.unmatched_place == ""
    assert result.total and not result.message


@pytest.mark.parametrize("query, place, term", [
    ("I live in Peckham and need help with my son", "Peckham", "early-intervention"),
    ("my son is involved in county lines Lambeth", "Lambeth", "exploitation"),
    ("i live in lewisham my boyfriend hits me", "Lewisham", "vawg"),
])
def test_words_after_the_place_are_still_the_topic(index, query, place, term):
    """What follows "in <place>" was all taken as the place, so "county lines" or "my son" after
    it were dropped."""
    understood = index.search(query).understood
    assert understood.location.label == place and term in understood.terms


def test_a_second_places_name_is_not_a_topic_word(index):
    understood = index.search("domestic abuse Westminster W2").understood
    assert understood.location.label == "W2" and "westminster" not in understood.words
    assert "westminster" in understood.ignored_words


@pytest.mark.parametrize("query, topic, borough", [
    ("my freind got shanked in brixton need someone to talk to", "victims-witnesses", "Lambeth"),
    ("ma bruv keeps carryin a blade im scared for him", "youth-violence", None),
    ("postcode beef stratford help", "youth-violence", "Newham"),
    ("neighbours flat taken over by dealers, hes vulnerable hounslow", "exploitation", "Hounslow"),
    ("nail bar worker passport taken help forest gate", "exploitation", "Newham"),
    ("someone touched me on the tube what can i do", "sexual-violence", None),
    ("my hijab was pulled on the bus today", "hate-crime", None),
    ("racial harrasment on my street east ham", "hate-crime", "Newham"),
    ("resettlement help after pentonville release", "reducing-reoffending", "Islington"),
    ("i got a record n cant get work help", "reducing-reoffending", None),
    ("my son smokes weed every day and is getting paranoid", "substance-misuse", None),
    ("need to leave him safely without him knowing SE15", "vawg", "Southwark"),
    ("street lights broken and muggings near our road sutton", "community-safety", "Sutton"),
])
def test_residents_words_from_an_unseen_set_find_their_topic_and_borough(index, query, topic, borough):
    """Queries written for this by someone who had not seen the thesaurus (slang, typos, whole
    sentences); each found nothing or the wrong topic before the rows and weak words added for them."""
    result = _reads_as(index, query, topic, borough)
    assert topic in result.items[0].service.term_ids, [i.service.name for i in result.items]


@pytest.mark.parametrize("query, topic, borough", [
    ("man touch me in bus without permission where I report", "sexual-violence", None),
    ("girl in my class was rape, how I help her", "sexual-violence", None),
    ("my boyfriend keeps checking my phone and wont let me see my friends is that abuse i live in walthamstow",
     "vawg", "Waltham Forest"),
    ("my boss take my passport and no pay me, work in car wash", "exploitation", None),
    ("family want force me marry man in Pakistan help", "vawg", None),
    ("my husband want stop hitting, where he can get course", "vawg", None),
    ("neighbour say bad words about my religion every day", "hate-crime", None),
    ("somebody break my door and steal everything Wembley", "victims-witnesses", "Brent"),
    ("victim support N 15", "victims-witnesses", "Haringey"),
    ("DVPP Lewisham", "vawg", "Lewisham"),
    ("MAPPA", "reducing-reoffending", None),
    ("detox", "substance-misuse", None),
])
def test_a_second_unseen_set_learners_voice_and_professionals(index, query, topic, borough):
    """From 150 more queries written unseen (voice, English learners, one word, questions, landmarks,
    professionals' jargon); each found nothing or the wrong topic before. "in bus without
    permission ..." and "in my class ..." were read as places not found."""
    _reads_as(index, query, topic, borough)


@pytest.mark.parametrize("query", ["my cousin got zorbed blorf in stratford", "qwxzv Camden"])
def test_words_no_service_uses_with_a_place_give_the_places_services_and_say_so(index, query):
    """Only words the register never uses, and a place, found nothing ("friend got shot in
    edmonton ..." before "shot" was in the thesaurus); now the place's services, and the line
    says which words no service mentions."""
    result = index.search(query)
    understood = result.understood
    assert result.total and not result.message and understood.location is not None
    assert understood.words_left_out and not understood.unmatched_words
    assert "every service there: no service mentions" in result.summary
    assert index.search("asdfgh").total == 0  # (no place: still nothing, and the helplines)


#: Queries from held-out sets written unseen, each read as its topic, with no message, and as its
#: borough (None: no place). What each set was, and how it scored before changes for it:
#: 3: From 120 more queries written unseen, measured before any change for them (65 % right topic
#:   and borough), then read with rows of two parts and more words.
#: 4: From 120 more written unseen (68 % right before changes for them). "in the form" and "in
#:   restaurant Queensway" were places not found, and found nothing (Queensway is now in the
#:   gazetteer).
#: 5: From 150 more written unseen (73 % right before changes for them, 52 % before this
#:   session).
#: 6: From 150 more written unseen (76 % right before changes for them, 55 % before this
#:   session).
#: 7: From 150 more written unseen (77 % right before changes for them, 56 % before this
#:   session).
#: 13: From 150 more written unseen as varied as real life (86 % right before changes for them,
#:   82 % before this session).
#: 14: From the last 150 written unseen, a public site's mix (88 % right before changes for them,
#:   75 % before this session).
#: 15: From 150 more written unseen as a public site's mix (83 % right before changes for them):
#:   a street's short form ("Liverpool St", "Old Kent Rd"), and rows for what residents wrote.
#: 16: From 150 more written unseen by people who find the site hard to use: learners of English,
#:   voice dictation, formal older writers, teenagers (80 % right before changes for them).
#: 17: From 150 more written unseen as a month of a public site, a third of them with two
#:   problems at once: 88 % right before changes for them, the first set to measure one of each
#:   topic first.
#: 19: From 150 more written unseen as a public site's mix, half of them short (89 % right before
#:   changes for them, 95 % counting what the page names elsewhere).
#: 20: From 150 more written unseen as typed on a phone at night, in a hurry or frightened (87 %
#:   right before changes for them, 96 % counting what the page names elsewhere).
READ_SETS = [
    (3, "husband locked me in the house again, im in CR0", "vawg", "Croydon"),
    (3, "my mums new fella smashes things and shouts at her were in walthamstow", "vawg", "Waltham Forest"),
    (3, "friend got shot in edmonton, what support is there for us", "youth-violence", "Enfield"),
    (3, "lil bro from deptford been sent OT to shot", "exploitation", "Lewisham"),
    (3, "man messaging my 12 yr old on roblox asking for pics", "exploitation", None),
    (3, "someone left bacon on the mosque door in tooting", "hate-crime", "Wandsworth"),
    (3, "im trans and get harassed on the overground most days", "hate-crime", None),
    (3, "just got out need housing W10", "reducing-reoffending", "Kensington and Chelsea"),
    (3, "where can i get naloxone camden town", "substance-misuse", "Camden"),
    (3, "shed broke into twice bikes nicked orpington", "victims-witnesses", "Bromley"),
    (3, "man flashed me on the train at clapham junction", "sexual-violence", "Wandsworth"),
    (3, "my manager pressured me into sex, office is near liverpool street", "sexual-violence", "City of London"),
    (4, "compensation CICA help filling in the form", "victims-witnesses", None),
    (4, "boss keep my passport i work no money in restaurant Queensway", "exploitation", "Westminster"),
    (4, "worried my niece will be cut when she goes on holiday this summer", "vawg", None),
    (4, "man exposed himself to me on the central line at leyton", "sexual-violence", "Waltham Forest"),
    (4, "they threw eggs at our gurdwara in hounslow, i am on the committee", "hate-crime", "Hounslow"),
    (4, "my 15 yr old is doing balloons every weekend", "substance-misuse", None),
    (4, "motorbikes racing round the estate at 2am W12", "community-safety", "Hammersmith and Fulham"),
    (5, "me and my boyfriend got attacked for holding hands in Clapham", "hate-crime", "Lambeth"),
    (5, "son skipping school and hanging round Ladbroke Grove all day", "early-intervention", "Kensington and Chelsea"),
    (5, "my son is in drill videos and im scared hes gonna get hurt", "youth-violence", None),
    (5, "tagged and on curfew, need help with housing in Croydon", "reducing-reoffending", "Croydon"),
    (5, "someone stole my identity and took out loans in my name, Purley", "victims-witnesses", "Croydon"),
    (5, "kids throwing fireworks at cars on our road", "community-safety", None),
    (6, "mother in law and husband wont let me leave the house Southall", "vawg", "Ealing"),
    (6, "my daughter's partner shoves her about but she wont report it, Ealing Broadway", "vawg", "Ealing"),
    (6, "man yelled at me about my turban on Hounslow high street", "hate-crime", "Hounslow"),
    (6, "A&E keeps seeing the same lad with stab wounds, who do we refer to, Royal London",
     "youth-violence", "Tower Hamlets"),
    (6, "through the gate mentoring", "reducing-reoffending", None),
    (6, "fly tipping and fires behind the shops Erith", "community-safety", "Bexley"),
    (7, "husband says hell get me deported if i go to police, on spouse visa, Hayes", "vawg", "Hillingdon"),
    (7, "man rubbed himself against me on the northern line at balham", "sexual-violence", "Wandsworth"),
    (7, "polish builder beaten up and told to go home", "hate-crime", None),
    (7, "old conviction stopping me getting work, disclosure advice Enfield", "reducing-reoffending", "Enfield"),
    (7, "woman spat at me and shouted racist stuff on the 53 bus Old Kent Road", "hate-crime", "Southwark"),
    (7, "giving evidence next month scared of seeing him at Snaresbrook", "victims-witnesses", "Redbridge"),
    (13, "phone snatched by moped riders in leicester square now scared to go out", "victims-witnesses", "Westminster"),
    (13, "through the gate services belmarsh", "reducing-reoffending", "Greenwich"),
    (13, "my brother just came out of jail and has nowhere to go hes sofa surfing", "reducing-reoffending", None),
    (13, "my mates girlfriend is 16 and shes being made to sleep with his friends for money", "exploitation", None),
    (13, "free half term activities for my 9 and 12 year old in stockwell", "early-intervention", "Lambeth"),
    (14, "Im a nurse at the Whittington, a patient has injuries that look like DV and her partner wont leave "
     "her side", "vawg", "Islington"),
    (14, "my son takes my pension and shouts at me and pushed me last week, i am 78 and live with him", "vawg", None),
    (14, "my daughter is 15 and has an older boyfriend who is 24, he picks her up in his car from school",
     "exploitation", None),
    (14, "ex prisoner mentoring Brixton", "reducing-reoffending", "Lambeth"),
    (15, "spiked in a bar near liverpool st station", "vawg", "City of London"),
    (15, "phone pickpocketed on the old kent rd", "victims-witnesses", "Southwark"),
    (15, "trafficed to the uk and need help croydon", "exploitation", "Croydon"),
    (15, "my daughter is 15 and says a boy forced himself on her at a party in Woolwich",
     "sexual-violence", "Greenwich"),
    (15, "nitrous oxide canisters all over the park E10", "community-safety", "Waltham Forest"),
    (15, "my brother got jumped and now he wants revenge hes 16, we live in Northolt", "youth-violence", "Ealing"),
    (15, "womens support after prison southwark", "reducing-reoffending", "Southwark"),
    (16, "I am a transgender woman and have been repeatedly abused on the street in Angel; whom should I "
     "approach?", "hate-crime", "Islington"),
    (16, "called names for being eastern european in Ealing Broadway", "hate-crime", "Ealing"),
    (16, "my son using laughing gas every day pimlico", "substance-misuse", "Westminster"),
    (16, "my boy start to steal and lie he is 10 we live in plumstead", "early-intervention", "Greenwich"),
    (17, "the older ones at the chicken shop in Plumstead tell the little kids to carry bags for them",
     "exploitation", "Greenwich"),
    (17, "my nephew keeps getting chased by boys from the other postcode we live in hackney",
     "youth-violence", "Hackney"),
    (17, "people drinking and fighting outside the offy on rye lane every weekend", "community-safety", "Southwark"),
    (17, "My son has autism and the kids on our estate in Greenford film him and call him names, then put it "
     "online", "hate-crime", "Ealing"),
    (19, "a guy on my course at uni in uxbridge keeps sending me explict pics i never asked for",
     "sexual-violence", "Hillingdon"),
    (19, "I'm registered blind and someone took my bag at Lewisham station, can anyone help me sort things out",
     "victims-witnesses", "Lewisham"),
    (19, "aggresive begging kingston", "community-safety", "Kingston upon Thames"),
    (20, "older guys picking up 14 yr old girls outside school in cars west drayton", "exploitation", "Hillingdon"),
    (20, "ppl spit at me and say go back to ur country romford", "hate-crime", "Havering"),
    (20, "my partner just came out of pentonville and hes strugglin", "reducing-reoffending", "Islington"),
    (20, "youth club in Pentonville", "youth-violence", "Islington"),  # the area, not the prison
]


@pytest.mark.parametrize("set_number, query, topic, borough", READ_SETS)
def test_the_unseen_sets_read_as_their_topic_and_borough(index, set_number, query, topic, borough):
    _reads_as(index, query, topic, borough)


def test_who_the_help_is_for_gives_its_topics_only_when_nothing_else_does(index):
    """"my son" read as youth work put youth services above the topic ("my son was murdered");
    alone it still finds help for parents ("help for my son")."""
    understood = index.search("my son was murdered, need support for the family").understood
    assert understood.terms[0] == "victims-witnesses" and understood.audience == "parents-families"
    assert "youth-violence" not in understood.terms
    assert set(index.search("help for my son").understood.terms) == {"early-intervention", "youth-violence"}


@pytest.mark.parametrize("query, weak", [
    ("IDVA referral Hackney", "referral"), ("hate crime against chinese students", "against"),
    ("mentoring for 14 yr old at risk peckham", "14"), ("cyber fraud help for older people orpington", "people"),
])
def test_filler_words_and_numbers_are_not_searched_alone(index, query, weak):
    """"referral" put the Pupil Referral Unit first for "IDVA referral Hackney"; "against" and the
    age's "14" and "old" were searched as words, and "against" left a hate crime query with nothing."""
    result = index.search(query, limit=3)
    assert weak in result.understood.ignored_words and weak not in result.understood.words
    assert result.total
    if weak == "referral":
        assert "Pupil Referral" not in result.items[0].service.name


def test_a_search_with_a_topic_lists_only_services_matching_a_topic(index):
    """"safely" is in a youth service's description: matching it alone once tied with matching
    domestic abuse, which the query is about, then ranked below it; now it is not listed, and
    the other words rank the services that match the topic."""
    result = index.search("need to leave him safely SE15", limit=50)
    assert result.items and all("vawg" in i.service.term_ids for i in result.items)
    others = [i.service.id for i in index.search("safely SE15", limit=50).items if "vawg" not in i.service.term_ids]
    assert others and not set(others) & set(ids(result))  # (services matching only "safely")


@pytest.mark.parametrize("query, place", [
    ("youth club ilfrod", "Ilford"), ("domestic abuse camdne", "Camden"), ("knife crime sutotn", "Sutton"),
    ("help in barnte", "Barnet"), ("DV ealnig", "Ealing"),
])
def test_a_place_with_two_letters_swapped_is_found(index, query, place):
    """A swap costs a six-letter name 83 against the place cutoff of 85: "ilfrod" found nothing."""
    result = index.search(query)
    assert result.understood.location.label == place and not result.message


@pytest.mark.parametrize("query", ["youth club acotn", "knife crime Tooting tinaed"])
def test_a_swap_is_not_undone_in_a_short_word_or_into_no_place(index, query):
    understood = index.search(query).understood
    assert understood.location is None or understood.location.label == "Tooting"


@pytest.mark.parametrize("query, label, borough, also", [
    ("child criminal exploitation support hayes", "Hayes", "Hillingdon", ["Bromley"]),
    ("youth club Hayes Bromley", "Hayes", "Bromley", []),
    ("youth club in Hayes, Bromley", "Hayes", "Bromley", []),
    ("Bromley Hayes knife crime", "Hayes", "Bromley", []),
    ("domestic abuse Plaistow", "Plaistow", "Newham", ["Bromley"]),
    ("knife crime Belmont Sutton", "Belmont", "Sutton", []),
])
def test_a_place_name_of_two_boroughs_means_the_larger_unless_the_borough_is_named(index, query, label, borough, also):
    """"Hayes" read as the Bromley village, not the Hillingdon town; now the larger by default,
    the other said to exist, and the borough's name next to it chooses."""
    understood = index.search(query).understood
    names = {b.code: b.name for b in index.snapshot.boroughs}
    assert understood.location.label == label and names[understood.location.borough_code] == borough
    assert [names[o.location.borough_code] for o in understood.also_places] == also
    assert [o.borough for o in understood.also_places] == also
    assert not ({"bromley", "sutton"} & set(understood.ignored_words + understood.words))
    for other in understood.also_places:  # its search finds it, and says nothing more
        again = index.search(other.query).understood
        assert names[again.location.borough_code] == other.borough and again.also_places == ()


@pytest.mark.parametrize("query, label, borough", [
    ("drunk people harassing customers outside my shop on North End Croydon", "Croydon", "Croydon"),
    ("ex prisoner trying to go straight, live off South Street Romford", "Romford", "Havering"),
    ("brother out of pentonville next week, coming to stay with me in Leyton, st giles or someone?", "Leyton",
     "Waltham Forest"),  # (St Giles, a charity's name, is no town)
    ("youth club Hayes Bromley", "Hayes", "Bromley"),  # (a shared name and its borough: the place)
])
def test_a_street_named_like_a_place_then_its_town_is_the_town(index, query, label, borough):
    """"North End" is a Bexley neighbourhood and Croydon's high street; "South Street" a Bromley
    hamlet and a street in Romford: the town after it is the place, and the street's words are no topic."""
    understood = index.search(query).understood
    names = {b.code: b.name for b in index.snapshot.boroughs}
    assert understood.location.label == label and names[understood.location.borough_code] == borough
    assert not ({"north", "end", "south", "street"} & set(understood.ignored_words + understood.words
                                                          + understood.unmatched_words))


@pytest.mark.parametrize("query, label, borough", [
    ("Golden Lane estate EC1Y younger kids being paid to deliver packages", "Golden Lane Estate", "City of London"),
    ("they're making my son keep drugs in our flat, Grahame Park estate NW9", "Grahame Park", "Barnet"),
    ("knife crime Peckham SE15", "Peckham", "Southwark"),
    ("knife crime SE15", "SE15", "Southwark"),
    ("knife crime Peckham SE1", "SE1", "Southwark"),  # (Peckham is not in SE1: the district)
])
def test_a_place_named_with_its_postcode_district_is_the_place(index, query, label, borough):
    """EC1Y is mostly Islington, but the Golden Lane Estate in it is the City's: the place is the
    more exact, and the district's code is no word left unread."""
    understood = index.search(query).understood
    names = {b.code: b.name for b in index.snapshot.boroughs}
    assert understood.location.label == label and names[understood.location.borough_code] == borough
    assert not [w for w in understood.unmatched_words if w[:2] in ("ec", "nw", "se")]


@pytest.mark.parametrize("query, topic, outside", [
    ("moved from Croydon up to Leeds to get away from my ex but the threats havent stopped, who can help me up here",
     "vawg", "leeds"),
    ("my nan lives in Basildon, kids keep setting fires on her road. I'm in Barking, who does she call there",
     "community-safety", "basildon"),
    ("son 12 going off the rails since we moved from Southwark to Basildon, any early help in Essex",
     "early-intervention", "basildon"),
    ("domestic abuse help in Liverpool", "vawg", "liverpool"),  # (not Liverpool Street)
])
def test_a_person_outside_london_is_answered_london_wide_and_told(index, query, topic, outside):
    """"Moved from Croydon up to Leeds ... who can help me up here" was read as Croydon, and "in
    Liverpool" as Liverpool Street: where the person is, or asks for help, is outside London, so the
    services are London-wide and the page says the place is none London has."""
    result = index.search(query)
    understood = result.understood
    assert understood.location is None and understood.place_not_found == outside and understood.place_outside
    assert topic in understood.terms and result.items
    assert f"across London (\u2018{outside}\u2019 is outside London)" in result.summary
    assert not {"croydon", "barking", "southwark"} & set(understood.words)


@pytest.mark.parametrize("query, label", [
    ("police found my son in norwich selling drugs, we live in ponders end", "Ponders End"),
    ("I'm his nan, I live in Margate. My grandson in Thornton Heath has started carrying a knife", "Thornton Heath"),
    ("ex offender programmes westminster for my son, i live in glasgow", "Westminster"),
    ("I live in Bromley, Kent and my ex keeps calling", "Bromley"),
    ("knife crime liverpool st", "Liverpool Street"),
])
def test_a_place_outside_london_named_in_passing_leaves_the_london_place(index, query, label):
    """Where the writer lives outside London, or where something happened there, the London place
    the help is for is still the place."""
    assert index.search(query).understood.location.label == label


def test_a_place_outside_london_alone_is_said_to_be_outside_london(index):
    assert "\u2018oxford\u2019 is outside London" in index.search("help in Oxford").message


def test_a_sample_records_note_is_not_read_by_the_search(index):
    """The sample register's notes ("Sample record: the VRU funds up to 15 councils ... Funding after
    March 2026 is not published") say which figures are assumed, not what a service does: "got
    out in March ... because of my record" listed twelve Robbery Response teams first, and "is that
    police or council" matched "councils"."""
    assert what_it_does("Youth workers meet young people. Sample record: funding after March 2026 is "
                        "not published.") == "Youth workers meet young people."
    assert what_it_does("No note here.") == "No note here."
    top = index.search("got out in march and can't get a job anywhere because of my record", limit=3).items
    assert not [i for i in top if i.service.id.startswith("svc-robbery-response")]


# -- the CLI's cached index ------------------------------------------------------------------------



def _store_and_cache(sample_db, tmp_path):
    """A copy of the sample store, and a cache folder of its own with the reference caches linked in
    (no search index), so the index ``explorer search`` keeps stays with the test."""
    import shutil

    from explorer.settings import ROOT

    db = tmp_path / "store.db"
    shutil.copy(sample_db, db)
    cache = tmp_path / "cache"
    cache.mkdir()
    for f in (ROOT / "data" / "cache").iterdir():
        if f.is_file() and not f.name.startswith("search-index-"):
            (cache / f.name).symlink_to(f)
    return db, cache


def test_the_cli_index_is_kept_per_version_and_rebuilt_after_a_publish(sample_db, tmp_path, monkeypatch):
    from explorer.services import search_cache
    from explorer.settings import ROOT, Settings
    from explorer.store.store import Store, sqlite_url

    db, cache = _store_and_cache(sample_db, tmp_path)
    settings = Settings(database_url=sqlite_url(db), data_dir=ROOT / "data", cache_dir=cache)
    built, cached = search_cache.load_or_build(settings)
    assert not cached and len(list(cache.glob("search-index-*"))) == 1
    again, cached = search_cache.load_or_build(settings)
    assert cached and again.snapshot.version_key == built.snapshot.version_key
    assert ids(again.search("stalking")) == ids(built.search("stalking"))
    assert ids(again.search("N15 youth")) == ids(built.search("N15 youth"))
    store = Store.open(sqlite_url(db))
    store.rollback(store.versions("crime")[0].id)
    store.dispose()
    after, cached = search_cache.load_or_build(settings)
    assert not cached and after.snapshot.version_key > built.snapshot.version_key
    assert len(list(cache.glob("search-index-*"))) == 1


def test_the_cli_search_from_the_cache_loads_no_store_records_or_index_builder(sample_db, tmp_path):
    """``explorer search`` with the index cached imports neither SQLAlchemy and Alembic (the store),
    pydantic (the record models), bm25s (the index builder) nor pandas: its time is the search's."""
    import os
    import subprocess
    import sys

    from explorer.services import search_cache
    from explorer.settings import ROOT, Settings
    from explorer.store.store import sqlite_url

    db, cache = _store_and_cache(sample_db, tmp_path)
    search_cache.load_or_build(Settings(database_url=sqlite_url(db), data_dir=ROOT / "data", cache_dir=cache))
    heavy = ("sqlalchemy", "alembic", "pydantic", "bm25s", "pandas", "geopandas", "dash", "flask")
    script = ("import sys; from explorer.cli import main; code = main(['search', 'stalking Hackney']); "
              f"print('LOADED', sorted(m for m in {heavy!r} if m in sys.modules), code)")
    env = {**os.environ, "EXPLORER_DATABASE_URL": sqlite_url(db), "EXPLORER_CACHE_DIR": str(cache),
           "EXPLORER_DATA_DIR": str(ROOT / "data")}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    assert "Stalking" in out
    assert out.strip().splitlines()[-1] == "LOADED [] 0"


def test_a_search_with_no_word_it_can_use_says_so_and_points_to_helplines(sample_settings):
    """"suicide" is no service the register holds: the line says nothing matched it (it said "all
    services" over an empty list), and the page points to the national helplines."""
    from explorer.app import create_app

    app = create_app(sample_settings)
    index = search_index(app.server.config["EXPLORER_PROVIDER"])
    result = index.search("suicide")
    assert result.total == 0 and result.summary == "Showing: no match for \u201csuicide\u201d"
    body = app.server.test_client().get("/?q=suicide").get_data(as_text=True)
    assert 'href="tel:116123"' in body and 'href="/staying-safe#helplines"' in body
    assert 'id="fp-helplines"' in app.server.test_client().get("/staying-safe").get_data(as_text=True)  # (assets/first_paint.js scrolls to it)
    assert 'href="tel:116123"' not in app.server.test_client().get("/?q=stalking").get_data(as_text=True)


def test_a_weak_word_is_not_used_but_does_not_empty_the_result(index):
    """"station" after a place is not searched for, and unlike a word no service uses it does not
    leave the search with nothing."""
    result = index.search("support near Peckham Rye station")
    assert result.total and result.understood.location.label == "Peckham Rye"
    assert result.understood.ignored_words == ("station",) and not result.understood.unmatched_words


def test_home_and_work_do_not_outrank_the_topic(index):
    """"someone keeps following me home from work": the stalking service first, not services whose
    text says "home" or "work"."""
    result = index.search("someone keeps following me home from work", limit=3)
    assert result.items[0].service.name.startswith("Stalking Threat Assessment Centre")
    assert index.search("racially abused at work", limit=1).items[0].service.name.startswith("CATCH")


@pytest.mark.parametrize("query, topic, borough", [
    ("I come to London for work but the boss take my passport and not pay me, I am in Harlesden", "exploitation", "Brent"),
    ("granddaughter 14 keeps getting into cars with men outside school in Hounslow", "exploitation", "Hounslow"),
    ("found a bag of white powder in my 16 year olds room, who can I talk to in Sutton", "substance-misuse", "Sutton"),
    ("my mum lives alone in Bexleyheath, kids keep knocking on her door and throwing eggs at the windows",
     "community-safety", "Bexley"),
    ("my grandson is 7 and he said an older boy at his after school club made him do things, we're in Mitcham",
     "sexual-violence", "Merton"),
])
def test_an_eighth_unseen_set(index, query, topic, borough):
    """From 150 more written unseen (89 % right before changes for them). Where no service of the
    topic covers the place (no drugs service covers Sutton), the page lists the nearest elsewhere."""
    result = index.search(query, limit=3)
    assert topic in result.understood.terms, result.summary
    assert result.understood.location.borough_code == next(b.code for b in index.snapshot.boroughs if b.name == borough)
    shown = result.items or index.nearest_elsewhere(result)
    assert shown and all(topic in i.service.term_ids for i in shown[:1]), [i.service.id for i in shown]


@pytest.mark.parametrize("query, not_topic", [
    ("my family are making me marry my cousin", "early-intervention"),
    ("scared my daughter will be cut when we visit family this summer Tottenham", "early-intervention"),
])
def test_a_word_for_who_the_help_is_for_gives_no_topic_beside_what_it_is_about(index, query, not_topic):
    """"family" is the families service area's word, but beside forced marriage or FGM it says who
    is involved, not what help is wanted; alone it still means family support."""
    assert not_topic not in index.search(query).understood.terms
    assert index.search("help for families Lewisham").understood.terms == ("early-intervention",)
    assert index.search("family therapy we keep fighting with our teenage son").understood.terms[0] == "early-intervention"


@pytest.mark.parametrize("query", ["my son is going down the wrong path", "he is going down the wrong road"])
def test_a_common_word_is_not_a_misspelt_place(index, query):
    """"down" is one letter from Downe (Bromley), but a word of ordinary English is not taken for a
    misspelt place; the place's own name still is a place."""
    assert index.search(query).understood.location is None
    assert index.search("youth club Downe").understood.location.label == "Downe"
    assert index.search("youth club Peckam").understood.location.label == "Peckham"


@pytest.mark.parametrize("query, place", [("victm care Camdem", "Camden"), ("youth club Hackmey", "Hackney")])
def test_a_place_with_a_key_beside_the_one_meant_is_found(index, query, place):
    """n and m sit side by side: "Camdem" scores below the place cutoff against "Camden" (it was
    asked again, "could not find a London place"). The place reading finds it; the word corrector
    still never turns a word into a place's name."""
    understood = index.search(query).understood
    assert understood.location.label == place and place.lower() not in {c[1] for c in understood.corrections}


def test_a_common_word_after_at_is_not_a_misspelt_place(index):
    """"… on Green St shouting at people what can be done": the text after "at" is read as a place
    first, and "done" is one letter from Downe (Bromley). A common word there is no more a misspelt
    place than anywhere else, so the whole text is read and finds Green Street (Newham); a place
    that is all the text after "in" is still found however close to a word it is."""
    query = "groups hanging round the shops on Green St shouting at people what can be done"
    understood = index.search(query).understood
    assert (understood.location.label, understood.location.borough_code) == ("Green Street", "E09000025")
    assert index.search("youth club in downe").understood.location.label == "Downe"


def test_a_common_surname_one_letter_from_a_borough_is_the_borough(index):
    """"Barnett" is a common English word (a surname) but the borough's name is known to all; a
    common word one letter from a neighbourhood is not taken for it ("down" is not Downe)."""
    assert index.search("parentng Barnett").understood.location.label == "Barnet"
    # but not two letters out: "having" is not Havering
    assert index.search("child saw a stabbing and is having nightmares").understood.location is None
    assert index.search("youth club haverin").understood.location.label == "Havering"


STORY = ("I was sexually abused by my uncle from when I was about 8 until I was 12. I'm 30 now and it's "
         "really affecting my relationship and my sleep. I live in Ilford and I think I'm finally ready to "
         "talk to someone.")


def test_a_story_of_a_few_sentences_is_read_and_an_overlong_text_is_asked_again(index):
    """The search box takes 500 characters, but the search read only 200 and answered a person
    telling what happened to them with "That search is too long" (29 of 150 in the ninth unseen
    set). Up to 500 it is read; beyond, the message still says so."""
    from explorer.domain.query import MAX_QUERY_LENGTH

    assert len(STORY) > 200 and MAX_QUERY_LENGTH == 500
    result = _reads_as(index, STORY, "sexual-violence", "Redbridge")
    assert "sexual-violence" in result.items[0].service.term_ids
    too_long = index.search("help " * 101)
    assert too_long.total == 0 and "too long" in too_long.message


def test_a_place_named_earlier_than_a_clause_after_the_last_in_is_found(index):
    """"… a primary school in Barking and we have children who come in hungry … heading down the
    wrong path": the text after the last "in" is a clause whose words hold no place's name at its
    start, so "down" is not Downe; the whole text is read and finds Barking."""
    query = ("I'm a teaching assistant at a primary school in Barking and we have a few children who come in "
             "hungry, anxious and angry every day. We're worried they're heading down the wrong path.")
    assert index.search(query).understood.location.borough_code == "E09000002"  # Barking and Dagenham
    assert index.search("I live in Peckham and need help with my son").understood.location.label == "Peckham"


@pytest.mark.parametrize("query, topic, borough", [
    ("my sister's boyfriend checks her phone, won't let her see us and she has bruises she won't explain", "vawg", None),
    ("I can hear the couple next door screaming and things being smashed most nights, I live in Morden", "vawg", "Merton"),
    ("scared to go to college cos of beef with boys from the next area, im in thornton heath", "youth-violence", "Croydon"),
    ("I am a Jewish gentleman of 81 and someone has painted offensive graffiti on my front door in Golders Green.",
     "hate-crime", "Barnet"),
    ("My son is 14 and keeps going missing for days at a time. When he comes back he has new trainers and two phones "
     "and won't tell us where he's been. We live in Catford and I am desperate.", "exploitation", "Lewisham"),
])
def test_a_ninth_unseen_set(index, query, topic, borough):
    """From 150 more written unseen, many of them whole stories (77 % right before changes for them)."""
    result = _reads_as(index, query, topic, borough)
    assert any(topic in i.service.term_ids for i in result.items[:3]), ids(result)


def test_a_long_query_quoted_in_the_no_match_message_is_cut_between_words(index):
    """The message quoted the first 60 characters, cutting "Sutton" to "Sutt"; it now stops at a
    word and says it was shortened."""
    result = index.search("found a bag of white powder in my sons room who can I talk to in Sutton")
    assert result.total == 0
    assert "\u2018found a bag of white powder in my sons room who can I talk\u2026\u2019 in Sutton" in result.message
    assert "\u2018asdfgh\u2019" in index.search("asdfgh").message


@pytest.mark.parametrize("query, borough", [
    ("lots of phone snatching around campus, any safety walk scheme for students at Goldsmiths", "Lewisham"),
    ("raped at a party by someone on my course at LSE, I need to talk to someone", "Westminster"),
    ("people shouting at me near Euston because I look Chinese", "Camden"),
    ("hate crime support UCL", "Camden"),
])
def test_universities_and_stations_are_places(index, query, borough):
    """Students name their university or station (a tenth unseen set): each is a landmark at its
    published postcode, in the borough the ONS directory gives. "LSE" is never "else": a common
    word is not a misspelt landmark, and a place keeps its first letter."""
    location = index.search(query).understood.location
    assert location is not None and location.borough_code == next(b.code for b in index.snapshot.boroughs if b.name == borough)
    assert index.search("anyone else help with domestic abuse").understood.location is None


def test_a_place_named_before_a_last_in_that_names_none_is_the_place(index):
    """"agent in Kingston ... makes me work in restaurant for free": what follows the last "in" is
    no place and not close to one, so the place named earlier is taken; with none ("in Pakistan"),
    the search still says it is a place London does not have."""
    result = index.search("student from China, agent in Kingston took my money and makes me work in restaurant for free")
    assert result.understood.location.borough_code == "E09000021" and "exploitation" in result.understood.terms
    assert index.search("family want force me marry man in Pakistan").understood.place_not_found == "pakistan"


@pytest.mark.parametrize("query, topic", [
    ("cab driver, passenger called me a paki and refused to pay, what can i do", "hate-crime"),
    ("kids on my road call me a retard and throw stuff at my mobility scooter", "hate-crime"),
    ("older guy i met on grindr making me sell stuff for him and threatening to out me", "exploitation"),
    ("drug dealing in the stairwells on our estate, my kids can't play outside", "community-safety"),
])
def test_a_tenth_unseen_set(index, query, topic):
    """From 150 more written unseen (disabled people, LGBTQ+ people, migrants, students, workers,
    volunteers; 83 % right before changes for them, 64 % with the code before the session)."""
    assert topic in index.search(query).understood.terms


@pytest.mark.parametrize("query, topic, not_topic", [
    ("my partner is on licence and struggling to stick to it, who can help", "reducing-reoffending", None),
    ("drunks fighting outside the off licence every weekend sutton high st", "community-safety", "reducing-reoffending"),
    ("free football sessions for young people", "early-intervention", None),
    ("man sexually assaulted as a child by football coach, need to talk now im 40", "sexual-violence", "early-intervention"),
])
def test_an_eleventh_unseen_set(index, query, topic, not_topic):
    """From 150 more written unseen as a search log's mix (92 % right before changes for them):
    "on licence" is probation, not the "off licence"; a sport says what is wanted when nothing
    else does, and who or where when something does ("by a football coach")."""
    terms = index.search(query).understood.terms
    assert topic in terms and not_topic not in terms, terms


@pytest.mark.parametrize("query, topic", [
    ("some lads took my phone and punched me outside Stratford station, I can't stop shaking", "victims-witnesses"),
    ("man pressed himself against me on the tube at oxford circus today i froze what do i do", "sexual-violence"),
    ("he's tracking my car and turns up wherever I go, I left him in March", "vawg"),
    ("can I get a non molestation order without a solicitor", "vawg"),
    ("what is the national referral mechanism and can I refer myself", "exploitation"),
    ("my son says he needs to carry something to feel safe on the way to school", "youth-violence"),
])
def test_a_twelfth_unseen_set(index, query, topic):
    """From 150 more written unseen: euphemisms, two problems at once, questions about process,
    help for someone else (77 % right before changes for them, 75 % before this session)."""
    result = index.search(query, limit=3)
    assert topic in result.understood.terms, result.summary
    assert result.items and topic in result.items[0].service.term_ids, ids(result)


def test_someone_grabbing_a_bag_is_theft_not_sexual_assault(index):
    """"someone + grabbed" is a row of two parts for sexual assault; "grabbed my bag" is a theft."""
    terms = index.search("someone grabbed my bag and pushed me over, now I don't want to go out").understood.terms
    assert terms == ("victims-witnesses",)
    assert "sexual-violence" in index.search("a man grabbed me on the bus").understood.terms
    assert "sexual-violence" in index.search("someone filmed me in the changing room").understood.terms


def test_a_street_is_found_by_its_short_form_and_saint_is_not_shortened(index):
    assert index.search("oxford st pickpocket").understood.location.label == "Oxford Street"
    assert index.search("st pancras youth club").understood.location.label == "St Pancras"
    assert index.search("pickpocketed on oxford street").understood.terms == ("victims-witnesses",)


def test_a_word_for_who_someone_is_and_abuse_is_hate_crime_but_not_beside_domestic_abuse(index):
    assert "hate-crime" in index.search("eastern european and called names at work Barking").understood.terms
    assert index.search("lgbt domestic abuse support camden").understood.terms == ("vawg",)


@pytest.mark.parametrize("query", [
    "car broken into again in chingford what can i do",  # victim support and crime prevention
    "ppl on our estate keep calling my autistic son names and filming him",  # no place
    "my freind got shanked in brixton need someone to talk to",
])
def test_a_query_read_as_two_topics_shows_a_service_of_each_in_its_first_three(index, query):
    """The services of one topic all fitted the words better, so the first three were all victim
    support for "car broken into" (crime prevention fourth or later); now the best service of the
    other topic that the place's residents can use takes the third place."""
    result = index.search(query, limit=10)
    first, second = result.understood.terms[:2]
    top = [i.service for i in result.items[:3]]
    assert any(first in s.term_ids for s in top) and any(second in s.term_ids for s in top), [s.id for s in top]
    assert all(i.band != BAND_NEARBY and i.service.status == "active" for i in result.items[:3])
    # the page and the whole order agree, and nothing is lost or repeated
    assert [s.id for s in result.matched[:10]] == [i.service.id for i in result.items]
    assert sorted(s.id for s in result.matched) == sorted({s.id for s in result.matched})


@pytest.mark.parametrize("query", [
    "moped man snatched my phone on Oxford Street, is there any support",  # victim support third
    "taxi driver, nothing on our estate in Chingford for teenagers to do, any youth clubs",
    "residents at our homeless hostel in Shepherds Bush being harassed by kids on bikes every evening",
])
def test_a_query_read_as_three_topics_shows_a_service_of_each_in_its_first_three(index, query):
    """Only the first two topics had a place kept in the first three: "moped man snatched my
    phone" was read as crime prevention, youth violence and victim support, and the services of
    the first two (several tagged with both) filled the first three, victim support eighth or
    later (118 of the kept sets' misses were of this kind, 88 of them now right)."""
    result = index.search(query, limit=10)
    terms = result.understood.terms
    assert len(terms) >= 3, terms
    top = [i.service for i in result.items[:3]]
    for term in terms[:3]:
        assert any(term in s.term_ids for s in top), (term, [s.id for s in top])
    assert [s.id for s in result.matched[:10]] == [i.service.id for i in result.items]


def test_room_for_a_third_topic_is_made_from_a_service_whose_topics_another_listed_shows(index):
    """Making room for a third topic's service, the search gives up first a service whose topics a
    service ranked with it shows (two youth violence and exploitation services), not the only one
    of the first topic that a pick also shows: "dealing and fighting on the church steps" keeps a
    crime prevention service first."""
    result = index.search("vicar in Soho, dealing and fighting on the church steps most nights, who do I contact", limit=3)
    terms = result.understood.terms
    assert terms[0] == "community-safety" and len(terms) >= 3
    assert terms[0] in result.items[0].service.term_ids
    for term in terms[:3]:
        assert any(term in i.service.term_ids for i in result.items), term


@pytest.mark.parametrize("query", [
    "Jewish family in our block on the Stamford Hill estate had their windows smashed",
    "my dads shop in Norbiton had the windows smashed and go back to india sprayed on the shutter",
])
def test_who_someone_is_and_their_windows_or_india_are_read_as_hate_crime(index, query):
    """Neither was read as hate crime (a family and "smashed" read as domestic abuse): a service
    of hate crime came third only through victim support, and left the first three when a third
    topic got a place of its own."""
    result = index.search(query, limit=3)
    assert "hate-crime" in result.understood.terms
    assert any("hate-crime" in i.service.term_ids for i in result.items)


@pytest.mark.parametrize("query, topic", [
    ("fui violada por mi ex pareja, necesito hablar con alguien, Tooting", "sexual-violence"),
    ("meu marido saiu da prisão e precisa de ajuda, Wembley", "reducing-reoffending"),
    ("trata de personas ayuda londres", "exploitation"),
    ("ataque homofóbico en Soho, me golpearon saliendo del bar", "hate-crime"),
    ("mi hermana su esposo le pega, she live in Tottenham, need service that speak spanish", "vawg"),
    ("robo de moto de reparto deliveroo Hackney", "victims-witnesses"),
])
def test_spanish_and_portuguese_words_for_the_topics_are_read(index, query, topic):
    """A set written by Latin American Londoners (round 134) had queries wholly or partly in Spanish
    or Portuguese; none of their words was read (81 % right before its fixes). The thesaurus now
    has the common words of each topic in both languages (accents are folded when the text is
    cleaned: "prisão" is "prisao"). Portuguese "da" is still read as DA (domestic abuse) too."""
    result = index.search(query, limit=3)
    assert topic in result.understood.terms, result.understood.terms
    assert any(topic in i.service.term_ids for i in result.items)


@pytest.mark.parametrize("query, topic", [
    ("kocam beni dövüyor yardım istiyorum tottenham", "vawg"),
    ("ırkçı saldırı nereye bildiririm", "hate-crime"),
    ("cezaevinden çıkan oğlum için yardım", "reducing-reoffending"),
    ("oğlum bıçak taşıyor ne yapabilirim", "youth-violence"),
    ("neighbour keep saying my family dirty turks and put rubbish at our door, romford", "hate-crime"),
])
def test_turkish_words_for_the_topics_are_read(index, query, topic):
    """A set written by Turkish and Kurdish Londoners (round 136) had a tenth of its queries in
    Turkish, none of whose words was read; the dotless i was also dropped when a query was cleaned,
    splitting the word ("ırkçı" was "rkc")."""
    result = index.search(query, limit=3)
    assert topic in result.understood.terms, result.understood.terms
    assert any(topic in i.service.term_ids for i in result.items)


def test_a_query_of_one_topic_or_naming_a_service_keeps_the_keys_order(index):
    one = index.search("domestic abuse Peckham", limit=10)
    ranking = one.matched._ranking
    assert one.matched.indices.tolist() == ranking.chosen[ranking._ranked()].tolist() and ranking.head == ()
    named = index.search("Robbery Response detached youth work", limit=10)  # (two topics, no place)
    assert named.understood.terms == ("victims-witnesses", "youth-violence")
    assert named.items[0].named and named.matched._ranking.head == ()



def test_spiking_is_read_as_sexual_violence_first(index):
    """Spiking was read as violence against women and girls and community safety: a night-time
    safety project came before the sexual assault referral centres for "think I got spiked"."""
    result = index.search("think i got spiked in a club in shoreditch and something happened", limit=3)
    assert result.understood.terms[0] == "sexual-violence"
    assert result.items[0].service.name.startswith("The Havens")


def test_a_brother_threatening_is_not_youth_violence(index):
    """Threats were left out of the row of a young person and a weapon or gang: an adult brother
    threatening over family honour is honour-based abuse."""
    terms = index.search("my family say I'll bring shame if I leave my husband and my brothers have threatened me").understood.terms
    assert terms[0] == "vawg" and "youth-violence" not in terms


@pytest.mark.parametrize("query, corrected", [("yuoth club near Harold Hill", ("yuoth", "youth")),
                                              ("huose broken into", ("huose", "house"))])
def test_two_letters_swapped_in_a_short_word_are_undone(index, query, corrected):
    """A swap costs a five-letter word 80 against the register's word, below the short words'
    cutoff of 88: "yuoth club" found nothing of youth work (from an eighteenth unseen set)."""
    assert corrected in index.search(query).understood.corrections


def test_a_common_word_is_not_read_as_a_swap(index):
    assert not [c for c in index.search("form help Croydon").understood.corrections if c[0] == "form"]


def test_a_place_of_worship_says_where_not_what(index):
    """"church", "mosque" ... gave hate crime wherever they were named (an eighteenth unseen set):
    they are context rows now, and give it only when nothing else in the query gives a topic."""
    church = index.search("Our church in Plumstead has a member who says her husband won't let her see her "
                          "family or have any money of her own")
    assert church.understood.terms == ("vawg",)
    assert "hate-crime" not in index.search("imam asking advice lad at our mosque being recruited to move drugs "
                                            "Whitechapel").understood.terms
    assert index.search("mosque Whitechapel").understood.terms == ("hate-crime",)
    # a row of two parts still reads the attack on it, though the place's own row gives way
    assert index.search("they threw eggs at our gurdwara in hounslow").understood.terms[0] == "hate-crime"


@pytest.mark.parametrize("query", [
    "family support group when loved one on drugs in croydon", "car broken into again in chingford",
    "my son using laughing gas every day and fighting in hanwell", "knife crime and drugs Lambeth",
    "domestic abuse Peckham", "drug treatment Hackney", "heroin rehab RM9",
])
def test_the_uncovered_topics_are_those_a_search_of_the_topic_alone_finds_nothing_for(index, query):
    """SearchResult.uncovered is read from the services the search chose (no second search): it
    must agree with searching each of the first two topics alone."""
    from explorer.services.search import Filters

    result = index.search(query)
    terms = result.understood.terms[:2]
    expected = tuple(t for t in terms if not index.search(query, Filters(areas=(t,))).total) \
        if result.total and result.understood.location and len(result.understood.terms) >= 2 else ()
    assert result.uncovered == expected


def test_a_prison_s_name_is_a_place_and_a_topic_only_when_nothing_else_is(index):
    assert "reducing-reoffending" in index.search("husband just came out of pentonville").understood.terms
    assert "reducing-reoffending" not in index.search("youth club in Pentonville").understood.terms


def _first_three_show(index, query, topic, borough):
    """Read as the topic and borough, and a service of the topic among the first three or, with
    none of it covering the place, among the nearest elsewhere that the page names (in the list
    when nothing covers the place, or in the line for a topic nothing covers)."""
    result = _reads_as(index, query, topic, borough, found=False)
    shown = [*(result.items[:3] or index.nearest_elsewhere(result)),
             *(i for gap in index.topics_elsewhere(result) for i in gap.nearest)]
    assert any(topic in i.service.term_ids for i in shown), [i.service.id for i in shown]


#: Queries from the held-out sets written unseen in eight rounds of three (sets 21 to 44, sessions
#: on 30 Nov), each answered wrongly before its round's changes. The share of each set right before
#: them: 21 local place names on a council's site 86 %; 22 what happened described without naming
#: it, or for someone else, half on a phone 72 %; 23 a month of a public site's searches 87 %;
#: 24 signs and situations without the problem's name 79 %; 25 a mix across all 33 boroughs 89 %;
#: 26 older residents, parents, learners of English, people in crisis 86 %; 27 shaken, a day after
#: it happened 87 %; 28 front-line workers referring someone 86 %; 29 young people of 12 to 24 81 %;
#: 30 an ordinary week, a third very short 90 %; 31 London's many communities 83 %; 32 worries and
#: signs, not names 82 %; 33 an ordinary mix 87 %; 34 asking for a kind of support 88 %; 35 voice
#: dictation and hurried typing 82 %; then a sixth round: 36 an ordinary mix 92 %; 37 written for
#: someone else 87 %; 38 people harmed, or who harmed and want to change, about themselves 88 %;
#: and a seventh: 39 an ordinary mix 91 %; 40 late at night or at a hard moment 86 %; 41 outer
#: London's places named the local way 89 %; and an eighth: 42 hurried text-speak on a phone 87 %;
#: 43 professionals and volunteers looking where to refer someone 85 %; 44 places named by a postcode
#: district, street, market, shopping centre, station or landmark 82 %; and a ninth: 45 an ordinary
#: mix 88 %; 46 parents, grandparents and carers worried about a child 81 %; 47 learners of English 85 %;
#: and a tenth, three ordinary mixes: 48 91 %, 49 (many short searches) 91 %, 50 (as to a helpline's
#: web form) 89 %; and an eleventh, three more ordinary mixes: 51 88 %, 52 (as in a search log) 91 %,
#: 53 (in a sentence or two, without the specialist words) 89 %; and a twelfth: 54 87 %, 55 (a month of a
#: public site's search box) 92 %, 56 (as to a neighbour) 90 %; and a thirteenth: 57 91 %, 58 (terse to
#: chatty, angry or worried) 91 %, 59 (a recent situation, rarely named) 88 %; and a fourteenth (a later
#: session, the sets kept in benchmarks/relevance/unseen): 60 an ordinary week 92 %, 61 (describing rather
#: than naming, small slips) 89 %, 62 (a month of a council page's searches) 93 %; and a fifteenth: 63 a week
#: of a site's searches 95 %, 64 (help for someone close) 92 %, 65 (places named the local way) 90 %; and a
#: sixteenth: 66 a month of a site's searches 92 %, 67 (what happened, without the specialist words) 89 %,
#: 68 (very short to longer) 93 %; and a seventeenth: 69 a week of a help site's searches 93 %, 70 (quick on a
#: phone or careful) 93 %, 71 (a season of a borough site's searches) 92 %; and an eighteenth: 72 a fortnight
#: of a help site's searches 95 %, 73 (as to a friend) 93 %, 74 (a borough directory's search log) 93 %; and a
#: nineteenth: 75 a month of a help site's searches 92 %, 76 (situations in their own words) 90 %, 77 (places
#: named as locals do) 92 %; and a twentieth: 78 an ordinary mix 92 %, 79 hurried text-speak 94 %, 80 learners
#: of English 87 %; and a twenty-first: 81 an ordinary mix 93 %, 82 professionals referring someone 93 %,
#: 83 places named the uncommon way 89 %; and a twenty-second: 84 parents and carers worried about a
#: child 89 %, 85 people frightened right now 90 %, 86 a month of a council directory's search box 93 %;
#: and a twenty-third: 87 young people of 12 to 24 93 %, 88 London's many communities 94 %, 89 an ordinary
#: fortnight 94 %.
LATER_SETS = [
    (21, "arrested for possession can i get sent to treatment instead Acton", "substance-misuse", "Ealing"),
    (21, "nos canisters and boy racers Southall Broadway", "community-safety", "Ealing"),
    (21, "someone keeps messaging me from fake accounts and knows where i live", "vawg", None),
    (22, "lesbian couple in our block keep getting rubbish n nasty notes pushed thru the letterbox islington",
     "hate-crime", "Islington"),
    (22, "I hear him screaming at her and things smashing every night in the flat above, she never goes out "
     "alone. Homerton", "vawg", "Hackney"),
    (22, "my friends bf put a tracker on her car and goes mad if shes 5 mins late home peckham", "vawg", "Southwark"),
    (22, "something happened at a party last nite and i cant remember, think i was drugged, im near clapham "
     "junction", "sexual-violence", "Wandsworth"),
    (22, "Housing officer: tenant just out of Pentonville needs support to stay out of trouble, he lives in "
     "Holloway", "reducing-reoffending", "Islington"),
    (22, "coach here, one of my 15 yr olds suddenly has cash n older lads wait for him outside the ground "
     "edmonton", "exploitation", "Enfield"),
    (22, "summer hols coming and worried my two will be bored on the estate all day, any free stuff for kids "
     "in stratford", "early-intervention", "Newham"),
    (22, "Carjacked at a red light in Ealing with the kids in the back, they're still having nightmares",
     "victims-witnesses", "Ealing"),
    (23, "man follows me home from penge east station most nights", "vawg", "Bromley"),
    (23, "I have to give evidence at the Old Bailey next month and I am terrified",
     "victims-witnesses", "City of London"),
    (23, "son 15 being made to hold drugs for older boys tottenham", "exploitation", "Haringey"),
    (23, "I am a grandmother raising my two grandsons in West Drayton and would be grateful for advice on what "
     "support is available", "early-intervention", "Hillingdon"),
    (23, "My elderly mother was defrauded by telephone scammers in Beckenham. Is there support available for "
     "her?", "victims-witnesses", "Bromley"),
    (24, "someone keeps setting fire to the bins behind our block in Tottenham", "community-safety", "Haringey"),
    (24, "underpass by Seven Sisters is pitch black and ppl get robbed there, lights been broken for months",
     "community-safety", "Haringey"),
    (24, "where can I learn how to deal with my teenagers tantrums near wembley", "early-intervention", "Brent"),
    (24, "neighbours keep writing things on our door because we're polish, Dagenham",
     "hate-crime", "Barking and Dagenham"),
    (24, "man on the bus kept telling me to take off my niqab and go home", "hate-crime", None),
    (24, "my daughter told me her ex forced her to have sex, shes 17, Harrow", "sexual-violence", "Harrow"),
    (24, "nurse in A&E at St Thomas', patient says a date assaulted her last night, where can she go for an "
     "exam", "sexual-violence", "Lambeth"),
    (24, "caretaker, hear a woman screaming in one of the flats most nights and she wont open the door", "vawg", None),
    (24, "i have a record and cant get a job anywhere, I want to change, Acton", "reducing-reoffending", "Ealing"),
    (25, "alley behind the shops has no lights and people keep getting mugged, Carshalton",
     "community-safety", "Sutton"),
    (25, "kids throwing stones at buses in Northolt", "community-safety", "Ealing"),
    (25, "is Kingston town centre safe at night", "community-safety", "Kingston upon Thames"),
    (25, "15 year old picked up by police miles out of London with drugs on him, we live in Deptford",
     "exploitation", "Lewisham"),
    (25, "phone snatching by cyclists around Bank station", "victims-witnesses", "City of London"),
    (26, "gang of teens keep ringing my doorbell and running off and now they've scratched my car, Orpington",
     "community-safety", "Bromley"),
    (26, "I am Polish, people in my block write nasty things on my door because of this, Edmonton",
     "hate-crime", "Enfield"),
    (26, "counselling for man who was abused by his football coach as a boy, Bromley", "sexual-violence", "Bromley"),
    (26, "just finished rehab, need aftercare so I don't go back to using, Islington", "substance-misuse", "Islington"),
    (27, "boys making my son keep stuff at our house for them hes scared to say no", "exploitation", None),
    (27, "someone wrote p*ki on our front door last night dagenham", "hate-crime", "Barking and Dagenham"),
    (27, "someone tore off my niqab at whitechapel market", "hate-crime", "Tower Hamlets"),
    (27, "doing unpaid work and need a mentor to keep me on track walworth", "reducing-reoffending", "Southwark"),
    (27, "how do i get my boy out of a gang before he gets killed downham", "youth-violence", "Lewisham"),
    (28, "CAMHS waiting list is a year, anything else for my anxious 12yo in Bexleyheath",
     "early-intervention", "Bexley"),
    (28, "pharmacist: woman in for emergency contraception says she was attacked last night, where do I send "
     "her, Streatham", "sexual-violence", "Lambeth"),
    (28, "ED: patient reporting sexual assault, needs forensic exam, which Haven is nearest to St George's",
     "sexual-violence", "Wandsworth"),
    (28, "A&E: woman with injuries says she fell, suspect DV, hospital IDVA at King George", "vawg", "Redbridge"),
    (28, "pastor: two lads from our church killed this year, want to do something with the young people, "
     "Thornton Heath", "youth-violence", "Croydon"),
    (29, "im 15 and keep bunking, think im gonna get kicked out, wembley", "early-intervention", "Brent"),
    (29, "they took my bank card n are moving money thru my account, mile end", "exploitation", "Tower Hamlets"),
    (29, "some guy i met on snap keeps asking for pics n says he'll leak them if i stop, im 14", "exploitation", None),
    (29, "just come out of YOI and back in croydon, need help finding work", "reducing-reoffending", "Croydon"),
    (29, "want to say sorry to the person i hurt, is there a way, enfield", "reducing-reoffending", "Enfield"),
    (29, "smoking zoots every day and cant stop, getting proper paro, walthamstow",
     "substance-misuse", "Waltham Forest"),
    (29, "ppl dealing openly by the shops on broadway market and nobody does nothing", "community-safety", "Hackney"),
    (30, "mopeds tearing round Angell Town estate", "community-safety", "Lambeth"),
    (30, "how to make our street safer", "community-safety", None),
    (30, "A man I went on one date with keeps turning up outside my work in Marylebone.", "vawg", "Westminster"),
    (30, "lads blocking the shop doorways Dagenham Heathway", "community-safety", "Barking and Dagenham"),
    (31, "Polish family told go home, tyres slashed twice, Hammersmith", "hate-crime", "Hammersmith and Fulham"),
    (31, "Somali mum, son chew khat and smoke skunk all day, now paranoid, Hounslow", "substance-misuse", "Hounslow"),
    (31, "Nigerian girl brought over to do housework for a family in Croydon, she doesn't go school",
     "exploitation", "Croydon"),
    (31, "four burglaries on our road in Ilford, me and my Romanian neighbours want to start a street watch",
     "community-safety", "Redbridge"),
    (31, "community worker, Bangladeshi young men using heroin in stairwells Brick Lane, where to refer",
     "substance-misuse", "Tower Hamlets"),
    (32, "client at the salon had marks on her neck and whispered she cant go home, Wembley", "vawg", "Brent"),
    (32, "neighbours teen daughter says her step dad comes into her room at night, Ruislip",
     "sexual-violence", "Hillingdon"),
    (32, "woke up at a friends house and think something happened while i was asleep dont know what to do "
     "Stockwell", "sexual-violence", "Lambeth"),
    (32, "husband hides bottles all over the house and lost his job, the kids are noticing", "substance-misuse", None),
    (32, "little one is 6 and hitting other kids, teacher says the family might need some help",
     "early-intervention", None),
    (32, "colleague always going to the toilet and coming back sniffing and jittery, office on Fleet Street",
     "substance-misuse", "City of London"),
    (33, "think my 15 year old is being used to carry drugs out of London we live in Woolwich",
     "exploitation", "Greenwich"),
    (33, "boys on bikes recruiting year 8s outside the school gates brixton", "exploitation", "Lambeth"),
    (33, "neighbours keep leaving bacon on my door because im muslim walthamstow", "hate-crime", "Waltham Forest"),
    (33, "me and my girlfriend got followed and called dykes in camden town", "hate-crime", "Camden"),
    (33, "being catcalled and followed on kingsland road every night", "vawg", "Hackney"),
    (33, "phone snatched on upper street and bruised my wrist anyone to talk to", "victims-witnesses", "Islington"),
    (33, "how do i get cctv put up on my street", "community-safety", None),
    (34, "want lighting and cameras put in the alley behind our houses in Walthamstow, who deals with that",
     "community-safety", "Waltham Forest"),
    (34, "positive male role model for a boy with no dad around, we're in Harlesden", "early-intervention", "Brent"),
    (34, "I keep shoplifting and getting caught, live near Victoria, is there support to stop",
     "reducing-reoffending", "Westminster"),
    (35, "he strangled me during an argument and i dont know if i should report it", "vawg", None),
    (35, "nice crime in our area is out of control what are they doing for the kids", "youth-violence", None),
    (35, "boys on mopeds outside the school in walthamstow offering year sevens money to run errands",
     "exploitation", "Waltham Forest"),
    (35, "got caught with possession and they said i could do a course instead of being charged in merton",
     "substance-misuse", "Merton"),
    (35, "my fifteen year old came home stoned again is there a young peoples drug worker in greenwich",
     "substance-misuse", "Greenwich"),
    (35, "someone stole my car and the police havent rang back who can help me finchley",
     "victims-witnesses", "Barnet"),
    (36, "spate of car break-ins on our road in Muswell Hill, how do we start a neighbourhood watch",
     "community-safety", "Haringey"),
    (36, "phone snatched by a moped on Cheapside, what do I do now", "victims-witnesses", "City of London"),
    (36, "street lights out in the alley off Golborne Road, women don't feel safe walking through",
     "community-safety", "Kensington and Chelsea"),
    (37, "helping my gran complain about shouting and banging from the flat above her in Poplar",
     "community-safety", "Tower Hamlets"),
    (37, "man on the tube told my mum to take her headscarf off, how do we report it", "hate-crime", None),
    (38, "a man online got me to send pics and now he's making me meet people, I'm 14", "exploitation", None),
    (38, "stuck in a trap house in Catford, phone taken, how do I get help without getting hurt", "exploitation",
     "Lewisham"),
    (38, "I'm 16 and something happened at a sleepover and I haven't told anyone", "sexual-violence", None),
    (38, "my cousin was killed in Lambeth last year and now my friends want to ride out", "youth-violence",
     "Lambeth"),
    (38, "I grew up in care and now I'm a young mum in Woolwich scared of repeating it all",
     "early-intervention", "Greenwich"),
    (39, "groped by a senior colleague at our office in the Square Mile", "sexual-violence", "City of London"),
    (39, "kids on the estate in Welling keep tormenting my autistic son", "hate-crime", "Bexley"),
    (39, "someone online keeps asking my 13 year old for pictures and wants to meet her", "exploitation", None),
    (41, "car meets at Fullwell Cross every weekend revving engines till 2am", "community-safety", "Redbridge"),
    (40, "getting called a f*ggot at work every day, where do i report it", "hate-crime", None),
    (40, "neighbours in Dagenham keep leaving notes saying we don't belong here and they scratched our car",
     "hate-crime", "Barking and Dagenham"),
    (40, "19, just finished my youth sentence, want to turn it round, Brixton", "reducing-reoffending", "Lambeth"),
    (40, "he's outside my flat right now, I blocked him everywhere and he won't stop, Hornsey", "vawg", "Haringey"),
    (40, "fraudsters took everything from my business, I haven't slept in days", "victims-witnesses", None),
    (40, "found a machete under my son's bed", "youth-violence", None),
    (40, "my 15 year old got slashed on the face in Leyton and won't talk to anyone", "youth-violence",
     "Waltham Forest"),
    (42, "neighbours on my street call me the n word n bang on my door, orpington", "hate-crime", "Bromley"),
    (42, "saw someone get stabbed in brixton n now im scared to go out", "victims-witnesses", "Lambeth"),
    (42, "lost my brother to murder, family falling apart, were in walthamstow", "victims-witnesses",
     "Waltham Forest"),
    (42, "how can i stop my 11 year old going down the wrong path", "early-intervention", None),
    (42, "hit and run on Romford Road E7, driver never caught", "victims-witnesses", "Newham"),
    (43, "year 7 in Harrow anxious after moving up and lashing out in class, any transition support",
     "early-intervention", "Harrow"),
    (43, "family on Caledonian Road needs moving after son was threatened with a knife", "youth-violence",
     "Islington"),
    (44, "girl in my daughter's class being passed around by a group of men, near St Anns shopping centre",
     "exploitation", "Harrow"),
    (44, "getting a job with a record round the Liberty centre", "reducing-reoffending", "Havering"),
    (44, "done my sentence, need help with housing and benefits, staying by Church Street market",
     "reducing-reoffending", "Westminster"),
    (44, "finished my community sentence, want help to keep away from the old crowd in Palmers Green",
     "reducing-reoffending", "Enfield"),
    (45, "assaulted at a party in Ealing last month, not sure I want to go to police", "sexual-violence", "Ealing"),
    (45, "told to go back to my own country by a man in Feltham", "hate-crime", "Hounslow"),
    (45, "graffiti and broken glass everywhere near Edmonton Green station, not feel safe", "community-safety",
     "Enfield"),
    (46, "my 17 year old got a caution for robbery, is there a course to stop him doing it again",
     "reducing-reoffending", None),
    (46, "granddaughter 19 was assaulted on a night out in Shoreditch, where can she get checked over",
     "sexual-violence", "Hackney"),
    (46, "child saw a stabbing and is having nightmares", "victims-witnesses", None),
    (46, "Jewish grandchildren harassed walking to school in Stamford Hill", "hate-crime", "Hackney"),
    (46, "my 20 year old got punched for holding his boyfriend's hand in Camden Town", "hate-crime", "Camden"),
    (46, "my daughter is 15 and her boyfriend is 24, he's making her go to other men's houses", "exploitation", None),
    (46, "daughter 16 is with a man who won't let her see her friends, Hounslow", "vawg", "Hounslow"),
    (46, "lad we care for keeps getting picked up by police in other cities, Islington social services",
     "exploitation", "Islington"),
    (47, "my stepson deliver packets for someone he dont know, he is very scared, Tooting", "exploitation",
     "Wandsworth"),
    (47, "someone leave pig head near our masjid East Ham, ya Allah", "hate-crime", "Newham"),
    (47, "taxi driver refuse me and my guide dog and shout bad words, Richmond", "hate-crime", "Richmond upon Thames"),
    (47, "my son come home with cut face, he not say who, he scared go school", "youth-violence", None),
    (48, "I was brought to London and forced into sex work, how do I get out", "exploitation", None),
    (48, "did 3 years, out now and struggling not to go back to my old ways", "reducing-reoffending", None),
    (49, "lost my son to a stabbing in ponders end, need support for the family", "victims-witnesses", "Enfield"),
    (49, "my daughter is 15 and her boyfriend is 24, he gives her weed and money. Dagenham", "exploitation",
     "Barking and Dagenham"),
    (50, "his friend was killed and im scared my son is next, becontree", "youth-violence", "Barking and Dagenham"),
    (50, "my son is Black and got chased by men shouting racist stuff near Chislehurst", "hate-crime", "Bromley"),
    (50, "I left him but he uses the kids to get at me and the court stuff is wearing me down", "vawg", None),
    (51, "support for kids being criminally exploited in islington", "exploitation", "Islington"),
    (51, "my ex is sharing private photos of me online", "vawg", None),
    (51, "a boy from our estate in Stockwell is being used as a runner and he's only 12", "exploitation", "Lambeth"),
    (52, "knocked off my bike by a driver who drove off, Fulham", "victims-witnesses", "Hammersmith and Fulham"),
    (52, "anti social neighbours making our life hell", "community-safety", None),
    (52, "ebike riders on the pavement harassing ppl in Wood Green", "community-safety", "Haringey"),
    (53, "neighbours keep having rows and chucking stuff off balconies in Thornton Heath", "community-safety",
     "Croydon"),
    (53, "year 7 girl in Greenwich getting into trouble, teachers say she's going off the rails",
     "early-intervention", "Greenwich"),
    (53, "student attacked in her halls near Mile End, how do I support her", "sexual-violence", "Tower Hamlets"),
    (54, "mentoring for young people leaving custody", "reducing-reoffending", None),
    (54, "15 year old found in another town with drugs on him, think hes being used, we live in Edmonton",
     "exploitation", "Enfield"),
    (55, "how do we get more police walking up and down Walworth Road", "community-safety", "Southwark"),
    (55, "been in trouble for fighting and want to change before I get sent down. Brixton", "reducing-reoffending",
     "Lambeth"),
    (56, "my dad wears a turban and a man pushed him and told him to go home, Wembley", "hate-crime", "Brent"),
    (56, "lad on our estate in Stonebridge keeps getting beaten up because he 'lost' drugs he was holding for "
         "someone", "exploitation", "Brent"),
    (57, "attacked because Im black, walking home in Kensal Rise", "hate-crime", "Brent"),
    (57, "a man put his hand up my daughter's skirt on the bus in Hornchurch, who can help her", "sexual-violence",
     "Havering"),
    (58, "being threatened so i wont testify Bermondsey", "victims-witnesses", "Southwark"),
    (58, "scared to walk home from the bus stop at night, area getting worse and worse", "community-safety", None),
    (59, "support after crash caused by drunk driver Hillingdon", "victims-witnesses", "Hillingdon"),
    (59, "Polish shop in Acton had go home sprayed across the shutters", "hate-crime", "Ealing"),
    (59, "group of teenagers in balaclavas attacked my son outside Barking station", "youth-violence",
     "Barking and Dagenham"),
    (60, "older boys using my nephew to hold drugs, he's 13, Camden Town", "exploitation", "Camden"),
    (60, "drug dealing outside my block every night Walworth", "community-safety", "Southwark"),
    (61, "he pushed me again last nite. i dont want police involved just someone to talk to. wembley", "vawg", "Brent"),
    (61, "my nephew got slashed outside school and now his friends want to get the boys back", "youth-violence", None),
    (61, "my cousins 14 yr old from Peckham got picked up by police in Kent with drugs, someone sent him there",
     "exploitation", "Southwark"),
    (61, "13 yr old excluded and now hanging round with olders in Wealdstone, comes home with money and cuts",
     "exploitation", "Harrow"),
    (61, "a man told my mum to go back to her country and knocked her trolley over in Eltham", "hate-crime",
     "Greenwich"),
    (61, "stickers with nazi symbols appearing all over Chingford", "hate-crime", "Waltham Forest"),
    (61, "bins set on fire and rubbish dumped on the Winstanley estate", "community-safety", "Wandsworth"),
    (61, "man in our road keeps shouting at everyone and smashing wing mirrors, Cheam", "community-safety", "Sutton"),
    (62, "Cambridge Road estate young people stabbing support", "youth-violence", "Kingston upon Thames"),
    (62, "polish kids being picked on at school in Morden because of where theyre from", "hate-crime", "Merton"),
    (62, "drug dealing outside the chicken shop on Hoe Street", "community-safety", "Waltham Forest"),
    (63, "vandalism on my car again, third time this month", "community-safety", None),
    (64, "my 15 yo is holding stuff for older boys on Stonebridge estate", "exploitation", "Brent"),
    (64, "neighbours dealing drugs from the flat below, people in and out all night. Edmonton", "community-safety",
     "Enfield"),
    (65, "islamophobic abuse on the train into Moorgate every morning", "hate-crime", "City of London"),
    (65, "son's been caught vandalising, he's 12, want to nip it in the bud before it gets worse, Ruislip",
     "early-intervention", "Hillingdon"),
    (65, "motorbikes racing round the Andover estate all night", "community-safety", "Islington"),
    (65, "people dealing in the alley behind Rye Lane", "community-safety", "Southwark"),
    (66, "someone i used to go out with keeps messaging me from new accounts every single day", "vawg", None),
    (66, "youth activities barbican", "early-intervention", "City of London"),
    (66, "rowdy groups drinking by the river in richmond every weekend, who deals with this", "community-safety",
     "Richmond upon Thames"),
    (67, "my date wouldn't stop when i said no. it was months ago but i still can't sleep. wimbledon",
     "sexual-violence", "Merton"),
    (67, "my daughter is being threatened by a group of older girls, they said they'd cut her face",
     "youth-violence", None),
    (67, "men hanging round the chicken shop in Wood Green getting young kids to sell weed for them",
     "exploitation", "Haringey"),
    (67, "kids from our estate in Poplar being sent out of London with drugs", "exploitation", "Tower Hamlets"),
    (67, "girl in care keeps getting picked up by cars late at night, Islington", "exploitation", "Islington"),
    (67, "doing community service in Kensington and want something to keep me on track after",
     "reducing-reoffending", "Kensington and Chelsea"),
    (67, "programmes for men who want to stop committing crime", "reducing-reoffending", None),
    (68, "youth centre Chelsea", "early-intervention", "Kensington and Chelsea"),
    (68, "people dealing drugs outside my block in Peckham every night", "community-safety", "Southwark"),
    (70, "rainbow flag ripped down again and f*gs written on our door, shepherds bush", "hate-crime",
     "Hammersmith and Fulham"),
    (70, "desistance programme young adults", "reducing-reoffending", None),
    (70, "don't feel safe walking across Highbury Fields at night anymore", "community-safety", "Islington"),
    (70, "people shooting up in the alley behind our house in Wealdstone, who do I report it to", "community-safety",
     "Harrow"),
    (71, "lads at college keep calling me slurs and threatening me cos im bi, what can i do", "hate-crime", None),
    (71, "kerb crawling and sex workers on our street every night Ilford", "community-safety", "Redbridge"),
    (72, "older lads using kids from the chicken shop on Walworth Road to deliver stuff", "exploitation", "Southwark"),
    (73, "my daughter was attacked by a group of girls from her school and they filmed it, we're in Dagenham",
     "youth-violence", "Barking and Dagenham"),
    (74, "neighbour from hell keeps banging on my door at 3am", "community-safety", None),
    (66, "just done 3 years, back in barking now and need help with everything", "reducing-reoffending",
     "Barking and Dagenham"),
    (71, "just did 3 years, dont wanna go back, need help sorting my life out. ladbroke grove",
     "reducing-reoffending", "Kensington and Chelsea"),
    (75, "my brother gets out next week and is coming to live with us in Enfield, what help is there for him",
     "reducing-reoffending", "Enfield"),
    (75, "activities for 10-14 year olds in Sutton to keep them busy", "early-intervention", "Sutton"),
    (75, "people dealing and using in the stairwell Church Street estate", "community-safety", "Westminster"),
    (75, "loads of burglaries on our road in Beckenham what's being done about it", "community-safety", "Bromley"),
    (76, "he smashed up the kitchen last night in front of the kids, I need to get out safely", "vawg", None),
    (76, "robbed at knifepoint at a cashpoint on Bishopsgate, still can't stop shaking", "victims-witnesses",
     "City of London"),
    (76, "girl in my class has a boyfriend who's 25 and he makes her go to parties with his mates",
     "exploitation", None),
    (76, "my nephew was taken to a flat in Feltham and made to bag up drugs", "exploitation", "Hounslow"),
    (76, "kids on the estate keep throwing eggs at our door and shouting because we're Polish, Harold Hill",
     "hate-crime", "Havering"),
    (76, "lads on mopeds doing wheelies and intimidating people on Cally Road", "community-safety", "Islington"),
    (76, "someone keeps smashing the bus shelter and tagging our walls, Shepherd's Bush", "community-safety",
     "Hammersmith and Fulham"),
    (76, "people knocking at the flat next door all hours, pretty sure it's a drug house, Ladbroke Grove",
     "community-safety", "Kensington and Chelsea"),
    (77, "youth violence project north ken", "youth-violence", "Kensington and Chelsea"),
    (77, "noise and drug dealing from a flat on the World's End estate", "community-safety", "Kensington and Chelsea"),
    (78, "ive got a tag and want to sort my life out", "reducing-reoffending", None),
    (78, "my 11 year old keeps getting sent out of class and answers back at home, i dont know what to do",
     "early-intervention", None),
    (79, "ppl comin n goin from the flat next door all nite think its a crack den, kentish town", "community-safety",
     "Camden"),
    (79, "dealers on bikes outside my kids school in notting hill", "community-safety", "Kensington and Chelsea"),
    (80, "man I was with before send me message 100 times in day and wait outside my house in Sutton", "vawg",
     "Sutton"),
    (80, "my friend she was drunk and man take her home and did sex when she sleep", "sexual-violence", None),
    (80, "attack on me in Morden near the station, i have injury, who i speak for support not medical",
     "victims-witnesses", "Merton"),
    (80, "man take my bag with knife in Catford, i am ok but still shaking", "victims-witnesses", "Lewisham"),
    (80, "I do crime before, now I want stop but friends pull me back", "reducing-reoffending", None),
    (80, "young man 19, I do robbery before and have tag now, want to do something good, Camberwell",
     "reducing-reoffending", "Southwark"),
    (80, "people sell drugs in front my building every day, police not come, Somers Town", "community-safety",
     "Camden"),
    (80, "group of teen sit outside shop and scare customers, Battersea", "community-safety", "Wandsworth"),
    (81, "my dad is coming out after 6 years, how do we help him not go back", "reducing-reoffending", None),
    (81, "my brother was stabbed to death where do families get support", "victims-witnesses", None),
    (82, "client being stalked by ex, keeps turning up at her hostel off Harrow Road. need stalking advocacy",
     "vawg", "Westminster"),
    (82, "trans service user verbally abused on the bus over and over, hate crime advocacy", "hate-crime", None),
    (83, "homophobic attack outside a bar on Old Compton Street", "hate-crime", "Westminster"),
    (83, "free drug treatment near Ridley Road", "substance-misuse", "Hackney"),
    (83, "after school clubs to keep kids off the streets near Chrisp Street", "early-intervention", "Tower Hamlets"),
    (83, "son is 12 and hanging round with older boys and coming home late. Colliers Wood", "early-intervention",
     "Merton"),
    (83, "youth club queens crescent", "early-intervention", "Camden"),
    (83, "antisocial behaviour lisson green estate", "community-safety", "Westminster"),
    (72, "i did 3 years for robbery and dont want to go back, wood green", "reducing-reoffending", "Haringey"),
    (84, "what happens at the haven if i take my daughter, shes 16 and it happened last night", "sexual-violence",
     None),
    (84, "im a foster carer and i think older lads are selling my teenage girl for sex, Bromley", "exploitation",
     "Bromley"),
    (84, "my 13 yr old has money he cant explain and an older lad picks him up from school in a car. Chingford",
     "exploitation", "Waltham Forest"),
    (84, "my daughter did 6 months for robbery, shes out now and her old friends keep calling, Camberwell",
     "reducing-reoffending", "Southwark"),
    (84, "after school clubs to keep my grandson off the streets", "early-intervention", None),
    (84, "loud parties and threats from next door, my kids cant sleep", "community-safety", None),
    (85, "need a refuge tonite me n 2 kids have to get away from streatham", "vawg", "Lambeth"),
    (85, "son got arrested out of london with drugs on him he says someone made him", "exploitation", None),
    (85, "they wrote go home on our car again in eltham were scared", "hate-crime", "Greenwich"),
    (85, "friend overdosed last night in stratford hes alive but he needs proper help", "substance-misuse", "Newham"),
    (85, "crime on my street is getting worse who do i talk to", "community-safety", None),
    (86, "street drinking marble arch", "community-safety", "Westminster"),
    (87, "man online keeps sending me money and asking to meet up, im 14", "exploitation", None),
    (87, "someone offered me 500 quid to take a bag up to norfolk from orpington", "exploitation", "Bromley"),
    (87, "stuff to do in the holidays for 12 year olds barnet", "early-intervention", "Barnet"),
    (88, "boys from Grahame Park give my son £50 to take a bag to Southend", "exploitation", "Barnet"),
    # Round 24 (sets 90 older Londoners and their carers, 91 English as an additional language, 92 places
    # named by a street, station, park or school): the queries its fixes answer.
    (90, "dad 83 got a whatsapp pretending to be his grandson on a new phone and sent 2k. he is mortified. support?",
     "victims-witnesses", None),
    (90, "A lady rang saying my grandson had been arrested and needed bail money, then a courier came to collect "
     "it. Now I realise it was a con. Chelsea", "victims-witnesses", "Kensington and Chelsea"),
    (90, "People make fun of my walking frame and my speech and call me names outside the shops in Tolworth",
     "hate-crime", "Kingston upon Thames"),
    (90, "anti-Irish remarks from the neighbour for years, I'm 82, Archway", "hate-crime", "Islington"),
    (90, "support for families of older drinkers", "substance-misuse", None),
    (91, "someone put something in my drink in Soho and I wake up dont remember nothing. I think he do something "
     "to me", "sexual-violence", "Westminster"),
    (91, "I come to UK with promise of job but now they make me work and sleep in the restaurant, Neasden",
     "exploitation", "Brent"),
    (91, "girls in the nail salon I think they are not free, they live upstairs and never go out, Lewisham high "
     "street", "exploitation", "Lewisham"),
    (91, "group of man call me n word and push me outside the station in Streatham", "hate-crime", "Lambeth"),
    (91, "my daughter 12 talk back, smoke with older girls, I am scared she go wrong way. Chelsea",
     "early-intervention", "Kensington and Chelsea"),
    (92, "counselling for abuse that happened when i was a kid", "sexual-violence", None),
    (92, "house was broken into while we were on holiday, kids scared to sleep. We're just off Northcote Road",
     "victims-witnesses", "Wandsworth"),
    (92, "my nephew keeps getting into fights after school at Lilian Baylis, scared he'll get properly hurt",
     "youth-violence", "Lambeth"),
    (92, "my son wears a patka and got attacked after school near Uxbridge station", "hate-crime", "Hillingdon"),
    (92, "people dealing in Danson Park in broad daylight", "community-safety", "Bexley"),
    # Round 25 (sets 93 bystanders and witnesses, 94 what happened without the crime's name, 95 typed fast
    # on a phone): the queries its fixes answer.
    (93, "colleague keeps coming in with bruises and says she walked into a door, I don't believe her. We work in "
     "Croydon", "vawg", "Croydon"),
    (93, "lady in the flat below me, I hear thumps and crying most weekends. Sutton", "vawg", "Sutton"),
    (93, "my godson is 10 and has been caught nicking from shops with older kids, what help is there for the family, "
     "Walthamstow", "early-intervention", "Waltham Forest"),
    (93, "saw a man passed out with a needle in his arm in London Fields, is there a drug service I can point him "
     "to", "substance-misuse", "Hackney"),
    (94, "I get a knot in my stomach every time I hear his key in the door", "vawg", None),
    (94, "I'm a teacher in White City and a year 7 boy is going downhill fast, where can we send "
     "him", "early-intervention", "Hammersmith and Fulham"),
    (94, "a lady brought me from Nigeria promising school but I clean her house all day and I am not allowed out. "
     "Neasden", "exploitation", "Brent"),
    (94, "boys from Catford and Downham keep going at each other and my 15 year old is stuck in the "
     "middle", "youth-violence", "Lewisham"),
    (94, "cant stop shaking since the party on saturday. he was on top of me and i couldnt move. "
     "catford", "sexual-violence", "Lewisham"),
    (94, "he kept going when I said stop. near the uni in Kingston", "sexual-violence", "Kingston upon Thames"),
    (94, "it happened 3 days ago. do i need to get checked somewhere before i shower", "sexual-violence", None),
    (94, "man pulled a knife and took my wallet on Streatham High Road, I can't stop replaying "
     "it", "victims-witnesses", "Lambeth"),
    (94, "my cousin is 16 and keeps posting videos threatening people from another area. he's going to end up "
     "dead", "youth-violence", None),
    (94, "my husband's friend got into bed with me when I was drunk", "sexual-violence", None),
    (94, "my son gets picked up at 2am by cars and comes back with clothes he can't afford. "
     "holloway", "exploitation", "Islington"),
    (94, "my son says his football coach in Greenford showed him his private parts and told him to keep it a "
     "secret", "sexual-violence", "Ealing"),
    (94, "online seller took my money and blocked me, I don't know what to do", "victims-witnesses", None),
    (94, "people selling drugs in the stairwell of our block on the Mozart "
     "estate", "community-safety", "Westminster"),
    (94, "the family opposite keep kicking footballs at my windows and laugh when I say "
     "anything", "community-safety", None),
    (95, "drug dealing in the alley behind my house fulhm", "community-safety", "Hammersmith and Fulham"),
    (95, "stabbing near my sons school canning twon what support", "youth-violence", "Newham"),
    # Round 26 (sets 96 men and boys, 97 LGBTQ+ Londoners, 98 disabled Londoners and their carers): the
    # queries its fixes answer.
    (97, "cant stop using tina after weekends, Vauxhall", "substance-misuse", "Lambeth"),
    (97, "glassed in a pub in Bromley and the guy is still walking around, need "
     "support", "victims-witnesses", "Bromley"),
    (97, "keep missing work after chill outs, need help stopping before i lose everything, Canary "
     "Wharf", "substance-misuse", "Tower Hamlets"),
    (97, "kids on my estate shout tr*nny at me every time I go out, New Cross", "hate-crime", "Lewisham"),
    (97, "landlord's son calls me and my husband queers and scratched our car, Wimbledon", "hate-crime", "Merton"),
    (97, "my partner's started slamming and i don't recognise him anymore", "substance-misuse", None),
    (97, "neighbours keep writing f*g on our door, Harold Hill", "hate-crime", "Havering"),
    (97, "someone used my details to take out loans after i got catfished, Wembley "
     "Park", "victims-witnesses", "Brent"),
    (97, "young trans lad sofa surfing round Soho, someone's giving him a place to stay in return for "
     "favours", "exploitation", "Westminster"),
    (98, "being targeted on the bus because of my tourettes", "hate-crime", None),
    (98, "carer been taking money out of my dad's purse, he's blind. what do I do, we're in "
     "Eltham", "victims-witnesses", "Greenwich"),
    (98, "liaison and diversion autism", "reducing-reoffending", None),
    (98, "neighbours put a note through my door saying get the spastic out, I'm scared, "
     "Feltham", "hate-crime", "Hounslow"),
    (98, "teenagers filmed me having a seizure and posted it laughing at me, Carshalton", "hate-crime", "Sutton"),
    # Round 27 (sets 99 outer London, 100 students and young adults, 101 people who serve the public and
    # want somewhere to send someone): the queries its fixes answer.
    (100, "19 and just started remembering stuff my old football coach did when i was 11, who do i talk "
     "to", "sexual-violence", None),
    (100, "bar job in South Ken, everyone does lines after shift and now i cant "
     "stop", "substance-misuse", "Kensington and Chelsea"),
    (100, "guy from hinge wont stop turning up at my work after ONE date", "vawg", None),
    (100, "my mate says she woke up with a lad from our course on top of her. how do i support "
     "her", "sexual-violence", None),
    (100, "my younger brother got caught shoplifting at 13, any programmes before it gets worse? "
     "Sutton", "early-intervention", "Sutton"),
    (101, "caretaker on the Pepys estate, loads of kids with nothing to do in the holidays, any activities for "
     "them", "early-intervention", "Lewisham"),
    (101, "cleaner at our gym gets about 40 texts an hour off her fella demanding photos of where she is. where can "
     "she get advice in Sutton", "vawg", "Sutton"),
    (101, "football coach in Kentish Town, one of my players keeps disappearing for days and came back with a cut "
     "hand saying he was 'working out of town'", "exploitation", "Camden"),
    (101, "lady comes into the shop every day always rushing back because he times her. she whispered to me she's "
     "scared of him", "vawg", None),
    (101, "vicar in Norbiton, an afghan family we help were told to get out of the country and had their windows put "
     "in", "hate-crime", "Kingston upon Thames"),
    # Round 28 (sets 102 kinship and foster carers, 103 visitors and newcomers, 104 two or three problems
    # at once, one of them the help asked for): the queries its fixes answer.
    (102, "he's 15 and says he carries one for protection. nan here. what do I do", "youth-violence", None),
    (102, "help for families of prisoners islington raising grandchildren", "reducing-reoffending", "Islington"),
    (102, "my nephew came from abroad to live with us and I think the man who brought him over is making him work "
     "for nothing", "exploitation", None),
    (102, "the boys I foster are asylum seekers and people shout go home at them in "
     "Dagenham", "hate-crime", "Barking and Dagenham"),
    (103, "attacked for being Muslim after Friday prayers near East London Mosque", "hate-crime", "Tower Hamlets"),
    (103, "car broken into outside the Natural History Museum, all our luggage "
     "gone", "victims-witnesses", "Kensington and Chelsea"),
    (103, "got a seasonal job on the South Bank near the London Eye, my boyfriend works there too and says he'll "
     "hurt me if I leave him", "vawg", "Lambeth"),
    (103, "my flatmate at uni near Waterloo drinks every day and got arrested last "
     "week", "substance-misuse", "Lambeth"),
    (103, "on a student visa and a man offered to pay my rent if i hold parcels for him in "
     "Whitechapel", "exploitation", "Tower Hamlets"),
    (103, "people in my student halls in Stratford keep having parties at 4am and threatening us when we "
     "complain", "community-safety", "Newham"),
    (103, "sexually assaulted at a gig at Alexandra Palace last weekend and haven't told "
     "anyone", "sexual-violence", "Haringey"),
    (104, "parenting course please. my 9 year old is out of control, his brother is in a young offenders and I've "
     "got 3 others", "early-intervention", None),
    # Round 29 (sets 105 faith and community leaders, 106 places in shorthand: "Kings X", "Tott Ct Rd",
    # "nr Elephant"; 107 out at night and on the move): the queries its fixes answer.
    (105, "someone threw stones at our mandir in Croydon during Diwali", "hate-crime", "Croydon"),
    (105, "our community group wants to mentor people after custody. who do we partner "
     "with", "reducing-reoffending", None),
    (105, "alcohol service that can work with a tamil speaking man from our temple", "substance-misuse", None),
    (105, "our temple youth wing wants to start mentoring primary school kids. any "
     "programmes to link with", "early-intervention", None),
    (106, "my ex keeps turning up outside my flat on Rye Ln, need domestic abuse help", "vawg", "Southwark"),
    (106, "ex wont stop ringing my office nr Bank stn, 60 missed calls today", "vawg", "City of London"),
    (106, "was sexually assaulted after a night out off Tott Ct Rd, need to talk to "
     "someone", "sexual-violence", "Camden"),
    (106, "friend got spiked at a bar by Clapham Jct and thinks something happened to "
     "her", "sexual-violence", "Wandsworth"),
    (106, "phone snatched outside Leicester Sq stn, still shaken up", "victims-witnesses", "Westminster"),
    (106, "postcode beef, my son cant go to Wood Grn anymore", "youth-violence", "Haringey"),
    (106, "antisemitic graffiti on our door Golders Grn", "hate-crime", "Barnet"),
    (106, "just done 3 yrs, need a mentor to keep me straight, Romford", "reducing-reoffending", "Havering"),
    (106, "crack addiction help Kings X", "substance-misuse", "Camden"),
    (106, "drug service Shep Bush", "substance-misuse", "Hammersmith and Fulham"),
    (106, "boxing club with mentoring for young ppl nr Elephant", "early-intervention", "Southwark"),
    (106, "someone dealing from the flat below us on Grahame Pk estate", "community-safety", "Barnet"),
    (106, "he smashed my phone and locked me in the bedroom last night. E17 4", "vawg", "Waltham Forest"),
    (106, "free activities for a 14yo in Sidcup", "early-intervention", "Bexley"),
    (107, "my dad got knocked out walking home from his shift by Barking station. who "
     "helps the family", "victims-witnesses", "Barking and Dagenham"),
    (107, "someone watched me at the cashpoint in Harrow then took my card off me. who do "
     "i speak to", "victims-witnesses", "Harrow"),
    (107, "my 13 year old keeps sneaking out at night to hang around Orpington "
     "station", "early-intervention", "Bromley"),
    (107, "my 14 yr old got brought home by police from a house party in Wallington. dont "
     "know what to do", "early-intervention", "Sutton"),
    # Round 30 (sets 108 people asking about their own behaviour, 109 complaints from residents who
    # got nowhere, 110 spoken into a phone's voice search): the queries its fixes answer.
    (108, "i've been told i'm the problem neighbour and could get an injunction. where can "
     "i get help to calm things down", "community-safety", None),
    (108, "noisy parties next door every weekend, Fulham, who do i complain "
     "to", "community-safety", "Hammersmith and Fulham"),
    (109, "my husband keeps getting recalled for tiny things, is there any organisation in "
     "Haringey that actually helps them stay out", "reducing-reoffending", "Haringey"),
    (109, "my probation officer has changed 4 times in a year and nobody will help me get "
     "work with a record. Lewisham", "reducing-reoffending", "Lewisham"),
    (109, "youth workers in Bethnal Green used to be everywhere, now theres nothing and my "
     "daughter is drifting", "early-intervention", "Tower Hamlets"),
    (110, "my sister is being forced to get married abroad who can help in south hall", "vawg", "Ealing"),
    (110, "people are using the empty flat next door as a drug den in E 14", "community-safety", "Tower Hamlets"),
    (110, "there's been loads of crime in Neasden lately who do i report it to", "community-safety", "Brent"),
    # Round 31 (sets 111 organisations half-remembered, 112 London street and youth slang, 113 boroughs
    # as councils write them: LBTH, RBKC, H&F): the queries its fixes answer.
    (111, "brother out of pentonville next week, coming to stay with me in Leyton, st "
     "giles or someone?", "reducing-reoffending", "Waltham Forest"),
    (111, "cranstoun arrest referral", "substance-misuse", None),
    (111, "neighbours shout racist stuff at my kids every time they play out, Erith", "hate-crime", "Bexley"),
    (111, "st giles sos project, nephew keeps getting in fights with a gang from Ponders "
     "End", "youth-violence", "Enfield"),
    (112, "got jacked for my phone and creps outside Ilford station, im shook to go out "
     "now", "victims-witnesses", "Redbridge"),
    (112, "got rinsed buying a ps5 off some guy online, lost £400, who helps with "
     "that", "victims-witnesses", None),
    (112, "just came home after doing 3 years bird, need help finding work and staying off "
     "road", "reducing-reoffending", None),
    (112, "they took my bro's phone and ID and told him he works for them now, he's shook", "exploitation", None),
    (113, "ASB team LBHF - neighbour threatening and noisy every night", "community-safety", "Hammersmith and Fulham"),
    (113, "IDVA service LBTH - who do I refer to for a high risk DA case", "vawg", "Tower Hamlets"),
    (113, "LBTH modern slavery support for adults", "exploitation", "Tower Hamlets"),
    (113, "LBTH youth violence support for a boy in Weavers ward at risk after his friend "
     "was stabbed", "youth-violence", "Tower Hamlets"),
    (113, "RBG child exploitation referral pathway", "exploitation", "Greenwich"),
    (113, "RBG victim support referral", "victims-witnesses", "Greenwich"),
    (113, "RBKC hate crime support", "hate-crime", "Kensington and Chelsea"),
    (113, "client on probation wants help finding work, H&F", "reducing-reoffending", "Hammersmith and Fulham"),
    (113, "county lines referral LBBD - 15 year old with repeat missing "
     "episodes", "exploitation", "Barking and Dagenham"),
    (113, "forced marriage concern for a yr 11 pupil, LBBD referral route?", "vawg", "Barking and Dagenham"),
    (113, "historic sexual abuse support for a resident in LBWF, not wanting to report to "
     "police", "sexual-violence", "Waltham Forest"),
    (113, "prison leaver resettlement service LBTH", "reducing-reoffending", "Tower Hamlets"),
    (113, "tenant in Wormholt has disclosed coercive control by her ex, what DA service "
     "does H&F commission", "vawg", "Hammersmith and Fulham"),
    (113, "victim support service commissioned by LBHF for burglary "
     "victims", "victims-witnesses", "Hammersmith and Fulham"),
    (113, "who holds the domestic abuse contract for RBKC now? need to refer a "
     "tenant", "vawg", "Kensington and Chelsea"),
    (113, "who is the commissioned substance misuse provider in RBKC", "substance-misuse", "Kensington and Chelsea"),
    # Round 32 (sets 114 an ordinary mix, 115 on behalf of someone with a particular need, 116 two to
    # four words): the queries its fixes answer.
    (114, "can i get checked and have evidence kept without going to the police", "sexual-violence", None),
    (114, "ex wont stop ringing from different numbers since i left him, kentish town", "vawg", "Camden"),
    (114, "woke up with no clothes on after a date in kingston pls help", "sexual-violence", "Kingston upon Thames"),
    (115, "elderly neighbour with alzheimers had a bogus builder take £4000 off her, "
     "Orpington", "victims-witnesses", "Bromley"),
    (115, "my 15 year old with autism was given a phone by older lads and told to drop off "
     "parcels in Sutton", "exploitation", "Sutton"),
    (116, "forced labour Barking", "exploitation", "Barking and Dagenham"),
    # Round 33 (sets 117 how help works, 118 harm online and through phones, 119 a word of the family's
    # language): the queries its fixes answer.
    (118, "help for people who have looked at illegal images online and want to stop", "reducing-reoffending", None),
    (118, "my 15yo sent pics to someone on instagram, now they want money or theyll share "
     "them. Ruislip", "exploitation", "Hillingdon"),
    (118, "someone pretended to be my son on whatsapp and dad (80) sent them money. "
     "Upminster", "victims-witnesses", "Havering"),
    (119, "boys smoking and pissing in our stairwell on Lancaster West estate, aunty can't "
     "even get up the stairs", "community-safety", "Kensington and Chelsea"),
    (119, "done 3 stretches, 40 now, want to change properly this time. hermano says "
     "there's programmes", "reducing-reoffending", None),
    (119, "my ah ma got pushed and called 'virus' at the market in Chinatown", "hate-crime", "Westminster"),
    (119, "reported the same ASB like 10 times on the Phipps Bridge estate and nothing "
     "happens, can we ask for a review? bruv it's every night", "community-safety", "Merton"),
    # Round 34 (sets 120 long after the event, 121 in the police and court process, 122 harm in a
    # community's own words): the queries its fixes answer.
    (120, "domestic servitude for 5 yrs, now in a safe house in Redbridge, need longer "
     "term help", "exploitation", "Redbridge"),
    (121, "DVPO ran out after 28 days and hes back at the house. Enfield", "vawg", "Enfield"),
    (121, "closure order hearing at Stratford magistrates for the flat next door, can "
     "residents go", "community-safety", "Newham"),
    (121, "criminal behaviour order for man harassing shops on Holloway Road", "community-safety", "Islington"),
    (121, "domestic abuse case at Thames Magistrates next week, is there an IDVA who can "
     "come to court with me", "vawg", "Tower Hamlets"),
    (121, "husband out on tag after Thameside, he wants support to stay straight this "
     "time", "reducing-reoffending", "Greenwich"),
    (121, "triage scheme after first arrest 13yo Brent", "early-intervention", "Brent"),
    (121, "was on remand for 6 months, case got dropped, but i know i need to change. who "
     "helps people like me", "reducing-reoffending", None),
    (122, "elders at the gurdwara told me to go back to my husband and not bring shame on "
     "the family. i cant. Hounslow", "vawg", "Hounslow"),
    (122, "romanian builders live in the van and the boss keeps their ID cards, wallington", "exploitation", "Sutton"),
    (122, "the pastor abused me when i was a teenager at church in peckham. want to speak "
     "to someone confidentially", "sexual-violence", "Southwark"),
    # Round 36 (sets 126 an ordinary mix, 127 people at work who are not specialists, 128 new to
    # London), and the kept sets' queries its fixes also answer.
    (127, "i drive buses and got assaulted by a passenger near Bank, now i have to go to court as a "
     "witness and dont know what to expect", "victims-witnesses", "City of London"),
    (127, "someone stole my client's identity and used it to run up debts, she feels violated and "
     "doesnt know where to turn", "victims-witnesses", None),
    (127, "boy in year 7 gets picked up from school every day by a car full of older lads, Surbiton",
     "exploitation", "Kingston upon Thames"),
    (128, "I'm trans and got abuse outside Fulham Broadway last night, new to the city", "hate-crime",
     "Hammersmith and Fulham"),
    (64, "a man groped me on the tube at Bank and I can't stop thinking about it", "sexual-violence",
     "City of London"),
    (73, "had my bag stolen with my laptop in it at a bar near Bank. who do i speak to for support",
     "victims-witnesses", "City of London"),
    (99, "cocaine habit getting out of hand, work near Bank, need confidential help", "substance-misuse",
     "City of London"),
    (100, "saw a guy get glassed outside a bar near Bank, police want a statement and im nervous",
     "victims-witnesses", "City of London"),
    (114, "pickpocketed at Bank on my way to work, lost everything, feel stupid", "victims-witnesses",
     "City of London"),
    (108, "older boys keep picking my little brother up from school in a car, Wembley", "exploitation", "Brent"),
    (112, "my 13 yr old keeps getting picked up outside school by older mandem in a car, Hayes",
     "exploitation", "Hillingdon"),
    # Round 37 (sets 129 an ordinary mix, 130 words from the news and social media, 131 spelt as
    # they sound): the queries its fixes answer.
    (130, "is what happened to me what they call stealthing? he took the condom off without telling me",
     "sexual-violence", None),
    (130, "all the me too stuff has brought back what my uncle did to me as a kid, want to talk to "
     "someone in Hounslow", "sexual-violence", "Hounslow"),
    (130, "read the Everyone's Invited testimonies and the same thing happened at my school. I'm 19 now, "
     "in Barnet", "sexual-violence", "Barnet"),
    (130, "people shouting go home at my shop in Upton Park after the riots coverage", "hate-crime", "Newham"),
    (130, "someone keeps kicking our front door at night, we've got it all on the Ring doorbell like "
     "those tiktoks", "community-safety", None),
    (131, "woke up and he was havin sex with me i never said yes Woolwich", "sexual-violence", "Greenwich"),
    (131, "young girl being pimped out from a hostel in Paddington", "exploitation", "Westminster"),
    (131, "got beat up for being gay in Vauxhall", "hate-crime", "Lambeth"),
    (131, "anti semitic abuse Golders green", "hate-crime", "Barnet"),
    (62, "activities for kids on the Golden Lane estate", "early-intervention", "City of London"),
    (90, "Police say my father on the Golden Lane estate was a victim of courier fraud and lost £20,000. "
     "Is there any support service for him?", "victims-witnesses", "City of London"),
    (103, "got mugged near the Tower of London, lost my passport and cards", "victims-witnesses", "Tower Hamlets"),
    (113, "MARAC referral Lewisham, client lives in Rushey Green", "vawg", "Lewisham"),
    (113, "K&C serious youth violence referral, young person lives in Golborne", "youth-violence",
     "Kensington and Chelsea"),
    (113, "disabled tenant in Figge's Marsh being called names and targeted by kids on the estate",
     "hate-crime", "Merton"),
    # Round 38 (sets 132 an ordinary mix, 133 whole questions as to a chatbot, 134 describing the
    # person who harms), and the kept sets' queries its fixes also answer.
    (132, "someone at a party had sex with me when i was too drunk to say no. im a student in Kingston "
     "and dont know who to tell", "sexual-violence", "Kingston upon Thames"),
    (134, "my mum's husband takes her bank card off her and tells her what she's allowed to wear", "vawg", None),
    (134, "guy I met on an app had sex with me when I was too drunk to say no, at his flat in Shoreditch",
     "sexual-violence", "Hackney"),
    (134, "my son's new friends have loads of cash and expensive trainers and he gets calls at 3am",
     "exploitation", None),
    (134, "men in a black BMW keep picking my son up outside school in Barkingside", "exploitation", "Redbridge"),
    (134, "my daughter's 'boyfriend' is 24 and passing her round his mates, she's 15", "exploitation", None),
    (134, "a guy with loads of followers on snap is getting kids from my school in Lewisham to run parcels",
     "exploitation", "Lewisham"),
    (134, "a man on the Overground screamed at my mum to go back to her own country", "hate-crime", None),
    (134, "man downstairs in Leytonstone plays music till 3am and threatened me when I knocked",
     "community-safety", "Waltham Forest"),
    (62, "my 14 year old has new trainers, 2 phones and keeps going to Southend. we live in Dagenham",
     "exploitation", "Barking and Dagenham"),
    (97, "young people at the LGBT youth group I run in Lewisham are being paid to run parcels", "exploitation",
     "Lewisham"),
    (100, "my brother got nicked with drugs in Southend and says he owes people money, we're from Walthamstow",
     "exploitation", "Waltham Forest"),
    (127, "lad at the football club says older boys made him take a bag out to Southend, i think it's county "
     "lines. Dagenham", "exploitation", "Barking and Dagenham"),
    (96, "13 yr old keeps going missing and coming back with train tickets to Southend", "exploitation", None),
    # Round 39 (sets 135 an ordinary mix, 136 two places in one query, 137 harm and help in sport and
    # leisure): the queries its fixes answer.
    (135, 'My grandson is 10 and getting in with the wrong crowd. Where can we get help before it gets '
     'worse?', 'early-intervention', None),
    (136, 'my ex lives in Enfield and keeps turning up at my flat in Tottenham, need domestic abuse '
     'support near me', 'vawg', 'Haringey'),
    (136, 'work in Canary Wharf, live in Barking. partner checks my phone and takes all my wages. want '
     'someone to talk to near home', 'vawg', 'Barking and Dagenham'),
    (136, 'my daughter is being pressured to marry a cousin. we live in Forest Gate, the relatives '
     'arranging it are in Ilford', 'vawg', 'Newham'),
    (136, 'in a refuge in Morden now, the abuse happened in Wandsworth, need ongoing support where I am',
     'vawg', 'Merton'),
    (136, "honour based abuse from my brothers in Southall, I've moved to Hayes and need help there",
     'vawg', 'Hillingdon'),
    (136, 'raped after a night out in Shoreditch, I live in Walthamstow. where can i get counselling near '
     'where i live', 'sexual-violence', 'Waltham Forest'),
    (136, "sexual assault at a party in Camden, I'm a student living in Holloway and need someone to talk "
     'to near my flat', 'sexual-violence', 'Islington'),
    (136, 'friend was spiked and sexually assaulted in Brixton, she lives in Catford, what support is '
     'there near her', 'sexual-violence', 'Lewisham'),
    (136, 'punched by a customer at the shop I work at in Kentish Town. I live in Archway, want help near '
     'home', 'victims-witnesses', 'Islington'),
    (136, 'trans woman, get harassed walking through Soho to work, I live in Vauxhall and want support '
     'near where I live', 'hate-crime', 'Lambeth'),
    (137, 'wheelchair basketball player spat at and called names at the bus stop outside Westway sports '
     'centre', 'hate-crime', 'Kensington and Chelsea'),
    (137, 'brother is using steroids from the gym and getting aggressive, where can he get help to come '
     'off', 'substance-misuse', None),
    (137, 'people drinking and smashing bottles on the basketball courts at Lordship Rec',
     'community-safety', 'Haringey'),
    (137, 'our football club pavilion keeps getting vandalised, Barking', 'community-safety', 'Barking and Dagenham'),
    (137, 'dealers sitting on the benches by the outdoor gym in Clissold Park', 'community-safety', 'Hackney'),
    # Round 40 (sets 138 an ordinary mix, 139 parenting forums' shorthand, 140 help without the
    # authorities), and a kept set's query its fixes also answer.
    (138, "lost my husband when a driver hit him, the driver's been charged and I need support through the trial",
     'victims-witnesses', None),
    (139, "DP shoved me into the wall in front of DS3 last night. first time it's been physical. don't "
     'know who to ring',
     'vawg', None),
    (139, "found an airtag taped under my car, pretty sure it's exP. Kentish Town", 'vawg', 'Camden'),
    (139, "DB keeps reoffending, shoplifting, in and out of Thameside. we're at the end of our tether. Poplar",
     'reducing-reoffending', 'Tower Hamlets'),
    (139, "pretty sure it's a crack house next door, people in and out all night, DC scared. Kensal Town",
     'community-safety', 'Kensington and Chelsea'),
    (105, 'people injecting in our church doorway in Earls Court. who do we report it to',
     'community-safety', 'Kensington and Chelsea'),
    # Round 41 (sets 141 an ordinary mix, 142 insecure and shared housing, 143 public transport): the
    # queries its fixes answer.
    (141, "im 16 and they say i have to keep running for them or they'll hurt my mum", 'exploitation', None),
    (141, 'GHB use getting out of control', 'substance-misuse', None),
    (141, 'men drinking and weeing in our doorway every night near Archway', 'community-safety', 'Islington'),
    (142, "we're the only black family on our landing in Hornchurch and someone left a noose on our door handle",
     'hate-crime', 'Havering'),
    (142, 'Night shelter volunteer here. One of our guests wants to get onto a script - who takes self '
     'referrals in Westminster?',
     'substance-misuse', 'Westminster'),
    (142, 'someone keeps banging on my door at 3am, temporary accommodation in Selhurst',
     'community-safety', 'Croydon'),
    (143, 'sexually assaulted on the N29 night bus dont know who to talk to', 'sexual-violence', None),
    (143, 'someone took an upskirt photo of me on the Victoria line', 'sexual-violence', None),
    (143, 'pickpocketed on the Piccadilly line and lost everything, who helps victims', 'victims-witnesses', None),
    (143, 'police found my 15yo at Sutton station with a burner phone and hundreds of pounds',
     'exploitation', 'Sutton'),
    (143, 'bus driver wouldnt put the ramp down and called me a cripple', 'hate-crime', None),
    (143, 'im trans and got harassed by a group shouting slurs on the Victoria line, everyone just laughed',
     'hate-crime', None),
    (143, 'people shouting and pissing at the night bus stop outside my flat on Holloway Road',
     'community-safety', 'Islington'),
    (143, 'noisy drunks at the taxi rank by Hendon Central every weekend', 'community-safety', 'Barnet'),
    # Round 42 (sets 144 an ordinary mix, 145 a translation app's English, 146 events and occasions):
    # the queries its fixes answer.
    (145, 'Thieves entered in my flat in Palmers Green during the night, my children are very scared now. '
     'Is there emotional support?',
     'victims-witnesses', 'Enfield'),
    (145, 'A man threatened my father, Sikh taxi driver, because of his turban. Hounslow', 'hate-crime', 'Hounslow'),
    (146, 'my ex followed me round Winter Wonderland and keeps messaging me off new numbers', 'vawg', 'Westminster'),
    (146, 'stranger grabbed and kissed me at the christmas market on the Southbank and the police did nothing',
     'sexual-violence', 'Lambeth'),
    (146, 'fight after the Arsenal game outside the Emirates, my 15 yr old got hit with a bottle and now '
     'he wants revenge',
     'youth-violence', 'Islington'),
    (146, 'my 15 year old disappeared over the summer holidays and came back with new clothes and two phones. Romford',
     'exploitation', 'Havering'),
    (146, 'my 14 yo is always going to festivals with men in their 20s who buy her stuff', 'exploitation', None),
    (146, 'nos canisters everywhere and people dealing in Victoria Park after festival weekend',
     'community-safety', 'Tower Hamlets'),
    # Round 43 (sets 147 an ordinary mix, 148 the words of official letters, 149 asking whether it
    # counts), and a kept set's query its fixes also answer.
    (147, 'my friend woke up at a party and thinks someone did something to her while she was out of it. '
     "we're in Kingston what do we do",
     'sexual-violence', 'Kingston upon Thames'),
    (147, "women don't feel safe walking through Gladstone Park after dark", 'community-safety', 'Brent'),
    (148, 'my solicitor said I can get a special measures meeting before the trial, what is that',
     'victims-witnesses', None),
    (148, 'released on licence next month from HMP Wandsworth, need support when I get back to Lewisham',
     'reducing-reoffending', 'Lewisham'),
    (148, 'police say my son can do out of court diversion for the theft instead of going to court, Richmond',
     'reducing-reoffending', 'Richmond upon Thames'),
    (148, 'finally off my IPP licence, want help staying out, Surbiton',
     'reducing-reoffending', 'Kingston upon Thames'),
    (149, 'stepson is 12 and rude and aggressive at home, is it just hormones or should we get support? Fulham',
     'early-intervention', 'Hammersmith and Fulham'),
    (134, "my stepson's dad fills his head with rubbish about me and now he's stealing money from my purse, he's 10",
     'early-intervention', None),
    # Round 44 (sets 150 an ordinary mix, 151 children of 9 to 13 writing for themselves, 152 angry
    # and swearing): the queries its fixes answer.
    (150, '17 and on a referal order, what support is there in Bexley', 'reducing-reoffending', 'Bexley'),
    (151, 'where can me and my mum go to be safe from my dad in catford', 'vawg', 'Lewisham'),
    (151, 'my uncle does things to me at night and says its our secret', 'sexual-violence', None),
    (151, 'my mate is getting threats on snap saying they will ride on him. northumberland park',
     'youth-violence', 'Haringey'),
    (151, 'a man on fortnite keeps saying he loves me and wants to meet up', 'exploitation', None),
    (151, 'a girl in my class has a 20 year old boyfriend who buys her vapes and drives her places',
     'exploitation', None),
    (151, 'the lady next door has kids working in her house all day and they never go to school. east ham',
     'exploitation', 'Newham'),
    (151, 'can people who did crimes get help to stop? my dad in notting hill',
     'reducing-reoffending', 'Kensington and Chelsea'),
    (151, 'my mum says im naughty and she cant cope with me anymore', 'early-intervention', None),
    (151, 'free dance classes for 11 year olds in lisson grove', 'early-intervention', 'Westminster'),
    (152, "North Ken, lads off the estate are using my 13 yr old to hold their stash. he thinks they're "
     "his mates. I'm at breaking point",
     'exploitation', 'Kensington and Chelsea'),
    # Round 45 (sets 153 an ordinary mix, 154 both harmed and involved in harm, 155 full of numbers
    # and times): the queries its fixes answer.
    (153, "we're the only black family on our street in Bexley and someone set our bins on fire again",
     'hate-crime', 'Bexley'),
    (154, "I sell for them but they beat me up when I come back short. I'm 16. who can help me get out",
     'exploitation', None),
    (154, 'I was brought to the UK and made to look after plants in a cannabis house. got caught and '
     'charged and nobody listens that I was forced',
     'exploitation', None),
    (154, 'my son is 9 and stole from a shop with his friends, police brought him home. we are in '
     "Southall, I don't want him becoming a criminal",
     'early-intervention', 'Ealing'),
    # Round 46 (sets 156 an ordinary mix, 157 typed as into a web search engine, 158 a phone's
    # autocorrect and slips): the queries its fixes answer.
    (156, 'restaurant in chinatown, customers keep making covid comments and threats at my staff',
     'hate-crime', 'Westminster'),
    (156, 'people using drugs in the alley behind my house kentish town', 'community-safety', 'Camden'),
    (156, 'dealers on the corner of my road every night N7', 'community-safety', 'Islington'),
    (158, 'got grouped on the tube at Bank yesterday, who do i tell and can i get support',
     'sexual-violence', 'City of London'),
    (158, 'car jacked on Ripple Road in Barking, still cant sleep weeks later',
     'victims-witnesses', 'Barking and Dagenham'),
    (158, 'homophone attack leaving a club in Vauxhall last night', 'hate-crime', 'Lambeth'),
    (158, 'a man pulled my hijack off on the bus in Whitechapel', 'hate-crime', 'Tower Hamlets'),
    (158, 'parenthood classes for dads Wandsworth', 'early-intervention', 'Wandsworth'),
    (158, 'drug leaders outside the chicken shop on Rye Lane every night', 'community-safety', 'Southwark'),
    # Round 47 (sets 159 an ordinary mix, 160 dialects of Britain and Ireland, 161 hashtags and emoji):
    # the queries its fixes answer.
    (159, "she's 16 and has a 'boyfriend' who's 25 and keeps moving her between flats", 'exploitation', None),
    (160, "got battered walking home from the pub in Hornchurch, they never caught him and I'm nervous "
     "going out now",
     'victims-witnesses', 'Havering'),
    (160, "someone's using my boy to carry drugs up to Swansea, we live in Camden now, what do we do mun",
     'exploitation', 'Camden'),
    (160, 'got community payback at court in Barking, what happens now and can anyone help me not end up '
     'back there',
     'reducing-reoffending', 'Barking and Dagenham'),
    (161, "told to 'go back to your country' and shoved while waiting for the 38 #DalstonJunction",
     'hate-crime', 'Hackney'),
    # Round 48 (sets 162 an ordinary mix, 163 plain words, as from people who find reading and writing
    # hard, 164 case notes' shorthand): the queries its fixes answer.
    (163, 'where do you go to get checked after a man hurt you in a sex way', 'sexual-violence', None),
    (163, 'i got beat up last week. i cant sleep. i need someone to talk to', 'victims-witnesses', None),
    (163, 'big boys beat my son up and said they will come back for him. Woolwich', 'youth-violence', 'Greenwich'),
    (163, 'a man says he is my boyfriend but he makes me go with other men for money', 'exploitation', None),
    (163, 'my friend uses my flat for drugs now and his mates come round. I cant say no. Deptford',
     'exploitation', 'Lewisham'),
    (163, 'people laugh at me and call me the r word on the bus', 'hate-crime', None),
    (163, 'people at the day centre say nasty things about my skin colour', 'hate-crime', None),
    (163, 'i did a crime before. i want to get a job and be good now', 'reducing-reoffending', None),
    (163, 'i hit people when i get angry. the court said i have to go on a course. Holloway',
     'reducing-reoffending', 'Islington'),
    (164, 'yr 6 transition support for anxious boy, Bethnal Green', 'early-intervention', 'Tower Hamlets'),
    # Round 49 (sets 165 an ordinary mix, 166 the whole story at length, 167 euphemism and shame): the
    # queries its fixes answer.
    (165, "I did 18 months, out now in Walthamstow and don't want to go back to my old life",
     'reducing-reoffending', 'Waltham Forest'),
    (167, "worried my niece is being taken abroad this summer for 'the ceremony' the "
     'aunties keep talking about',
     'vawg', None),
    (167, "he's not violent as such but I walk on eggshells the whole time. Rayners Lane", 'vawg', 'Harrow'),
    (167, 'where do you go after a night out goes wrong and someone took advantage', 'sexual-violence', None),
    (167, "my friend got pulled into the bushes on Tooting Common. she won't say what he "
     "did but she can't stop washing",
     'sexual-violence', 'Wandsworth'),
    (167, 'if you were too drunk to say yes does it still count? want to talk to someone '
     'near Woolwich',
     'sexual-violence', 'Greenwich'),
    (167, 'my dad was taken from us by someone, the trial is next year and the family is '
     'falling apart',
     'victims-witnesses', None),
    (167, 'lost a lot of money to someone I met online, embarrassed to even say it. '
     'Twickenham',
     'victims-witnesses', 'Richmond upon Thames'),
    (167, "phone taken off me by two lads on a moped on Holloway Road and I'm not "
     'sleeping',
     'victims-witnesses', 'Islington'),
    (167, "house was done over while we slept and the kids won't sleep in their own rooms "
     'now. Ruislip',
     'victims-witnesses', 'Hillingdon'),
    (167, "the lady who cleans next door never goes out and I don't think she's paid. "
     'someone else holds her papers',
     'exploitation', None),
    (167, 'neighbours keep telling us to go back where we came from and someone scratched '
     'our car. Erith',
     'hate-crime', 'Bexley'),
    (167, 'people have been shouting things at us because of our faith since the news', 'hate-crime', None),
    (167, 'got called the p word and shoved at the bus stop in Hounslow', 'hate-crime', 'Hounslow'),
    (167, "I've been in a bit of trouble with the law and I want to get back on track. "
     'Hammersmith',
     'reducing-reoffending', 'Hammersmith and Fulham'),
    (167, 'just finished a stretch. need help finding work and keeping my head down in '
     'Walthamstow',
     'reducing-reoffending', 'Waltham Forest'),
    (167, "my partner's just come out after doing time and doesn't know where to start. "
     'Morden',
     'reducing-reoffending', 'Merton'),
    (167, "brother's on the brown again, we want him in treatment not prison. Homerton", 'substance-misuse', 'Hackney'),
    (167, 'how do I get someone help with the white stuff before he ends up in serious '
     'trouble',
     'substance-misuse', None),
    (167, "there's a house on our road everyone knows about. cars pull up for two minutes "
     'then go. Beckton',
     'community-safety', 'Newham'),
    # Round 50 (sets 168 an ordinary mix, 169 American and Canadian English, 170 euphemism and shame
    # again): the queries its fixes answer.
    (168, 'got called a p*** and shoved outside the shop in Eltham', 'hate-crime', 'Greenwich'),
    (169, 'how do I get a protective order against my husband in England', 'vawg', None),
    (169, "was molested as a kid back in Ohio, now living in Ealing and it's all "
     'coming back up. who can i talk to',
     'sexual-violence', 'Ealing'),
    (169, 'jobs for felons uk', 'reducing-reoffending', None),
    (169, 'is Tottenham safe to live? moving from Toronto', 'community-safety', 'Haringey'),
    (170, "someone 'helped' me at the cash machine and then emptied my account. I "
     'feel like such an idiot. Hounslow',
     'victims-witnesses', 'Hounslow'),
    (170, "worried about my grandson, always looking over his shoulder and he's got "
     'something tucked in his waistband',
     'youth-violence', None),
    (170, 'more graffiti on the shul and my kids are scared to wear their kippot '
     'walking to school. Golders Green',
     'hate-crime', 'Barnet'),
    (170, 'man on the tube told me to go back where I came from and followed me off '
     'at Whitechapel',
     'hate-crime', 'Tower Hamlets'),
    (170, 'my brother keeps getting locked up for the same stuff. he needs someone to '
     'help him break the cycle. Poplar',
     'reducing-reoffending', 'Tower Hamlets'),
    (170, 'neighbour keeps blocking my drive and swearing at me when I ask him to '
     'move, Pinner',
     'community-safety', 'Harrow'),
    # Round 51 (sets 171 an ordinary mix, 172 words disguised as on social media, 173 teenagers of 15
    # to 17): the queries its fixes answer.
    (172, "he says he'll unalive himself if i leave and then smashes up the flat. "
     'Surbiton',
     'vawg', 'Kingston upon Thames'),
    (172, "got SA'd at a party last weekend, where can i get checked without going to police", 'sexual-violence', None),
    (172, 'was s3xually @ssaulted on the night bus in Hammersmith', 'sexual-violence', 'Hammersmith and Fulham'),
    (172, "uncle SA'd me when i was 10 and my family don't believe me, Harrow", 'sexual-violence', 'Harrow'),
    (172, 'support for men who were r@ped', 'sexual-violence', None),
    (172, 'support for families after someone was m*rdered', 'victims-witnesses', None),
    (172, "mum got r0bbed on the bus in Stratford and now won't go out", 'victims-witnesses', 'Newham'),
    (172, 'romance sc@m took all my savings and i feel so stupid', 'victims-witnesses', None),
    (172, "found a sh*nk in my daughter's school bag", 'youth-violence', None),
    (172, 'g@ng exit support for 17 year olds', 'youth-violence', None),
    (172, 'le$bian couple getting abuse from the people upstairs, Charlton', 'hate-crime', 'Greenwich'),
    (172, 'r@cist graffiti on our front door in Harold Hill', 'hate-crime', 'Havering'),
    (172, 'g@y bashing support Soho', 'hate-crime', 'Westminster'),
    (172, 'h0mophobic attack outside a bar in Vauxhall', 'hate-crime', 'Lambeth'),
    (172, 'they keep calling my dad a t3rrorist because of his beard, Hounslow West', 'hate-crime', 'Hounslow'),
    (172, 'c0nvicted of a violent offence, want help with my anger so it never '
     'happens again',
     'reducing-reoffending', None),
    (172, 'ch3msex support', 'substance-misuse', None),
    (172, "youth project near World's End estate", 'early-intervention', 'Kensington and Chelsea'),
    (172, 'how do i report d3aling from the flat opposite me', 'community-safety', None),
    (173, 'man are saying theyre gonna wet me up over a girl. im 16, Bow', 'youth-violence', 'Tower Hamlets'),
    (173, 'what does going OT mean. some man asked me to go norfolk for a week and '
     'said its easy money',
     'exploitation', None),
    (173, 'what happens after you finish a DTO, is there any support', 'reducing-reoffending', None),
    # Round 52 (sets 174 an ordinary mix, 175 what happened, never its name, 176 older relatives): the
    # queries its fixes answer.
    (174, 'street drinkers on the kings road every afternoon', 'community-safety', 'Kensington and Chelsea'),
    (175, 'guy from an app kept going after i said stop, it was 3 days ago in '
     'Kingston, is it too late to get checked',
     'sexual-violence', 'Kingston upon Thames'),
    (175, 'had one drink in a bar at Clapham Junction and next thing I was in a '
     'strangers flat, woke up sore and bleeding',
     'sexual-violence', 'Wandsworth'),
    (175, 'gp at my old practice in Penge felt my breasts when I went in about a cough', 'sexual-violence', 'Bromley'),
    (175, 'sent all my savings to a man I met online who said he was a soldier '
     'abroad, I live in Teddington',
     'victims-witnesses', 'Richmond upon Thames'),
    (175, 'someone keeps scratching the cars on our street in Wimbledon, 6 done this '
     'week',
     'community-safety', 'Merton'),
    (175, "the flat next door has people in and out all night and there's been "
     'fighting on the landing, Chingford',
     'community-safety', 'Waltham Forest'),
    (176, 'My niece works in the City and a colleague she once went out with will not '
     'leave her be, he waits for her at Liverpool Street every evening',
     'vawg', 'City of London'),
    (176, 'counselling for my sister who was interfered with as a child by a family '
     'friend, it has all come back to her now',
     'sexual-violence', None),
    (176, "my great niece has a 'boyfriend' of 24 who gives her the drink and takes "
     'her to parties in flats. She is 15.',
     'exploitation', None),
    # Round 53 (sets 177 an ordinary mix, 178 how it has affected them, 179 money, debts and work): the
    # queries its fixes answer.
    (178, 'cant sleep, jump at every noise since i left him. need someone to talk to '
     'about the abuse, walthamstow',
     'vawg', 'Waltham Forest'),
    (178, 'flashbacks of him choking me. hes out on bail now and i cant breathe '
     'thinking about it. Tottenham',
     'vawg', 'Haringey'),
    (178, 'feel like im going mad, he says i imagine things and moves my stuff around '
     'then laughs at me. barking',
     'vawg', 'Barking and Dagenham'),
    (178, 'self medicating with street valium since the attack, need help getting off it', 'substance-misuse', None),
    (179, "left him and now he's stopped paying the rent on purpose and keeps ringing "
     'my mum at her work. Catford',
     'vawg', 'Lewisham'),
    (179, 'mum is 82, a rogue builder took £6k off her for a roof he never fixed and '
     "now she won't answer the door. Twickenham",
     'victims-witnesses', 'Richmond upon Thames'),
    # Round 54 (sets 180 an ordinary mix, 181 saying what it is not, 182 harm in families beyond
    # partners): the queries its fixes answer.
    (181, "not a boyfriend, he's 28 and she's 14 and he gives her vodka and lifts "
     'everywhere. Sidcup',
     'exploitation', 'Bexley'),
    (182, 'my aunts new husband keeps groping me at family gatherings, Wealdstone', 'sexual-violence', 'Harrow'),
    (182, 'my sister is 14 and has a 22 year old boyfriend who gives her vodka and '
     'lifts everywhere, Hounslow',
     'exploitation', 'Hounslow'),
    (182, "someone keeps ringing my nan's bell at night and running off, she lives "
     'alone in Archway',
     'community-safety', 'Islington'),
    # Round 55 (sets 183 an ordinary mix, 184 people who sell sex, 185 what a professional told them to
    # look for): the queries its fixes answer.
    (184, 'brought to the UK for a job, now forced to see men every day. I want out. Newham', 'exploitation', 'Newham'),
    (184, 'neighbour keeps filming everyone who comes to my door and posting it on '
     'facebook, Beckenham',
     'community-safety', 'Bromley'),
    (184, 'partner keeps all my money from the parlour, I have to ask him for bus fare. N15', 'vawg', 'Haringey'),
    (184, 'support for kids with a parent in prison, her dad is inside. Enfield', 'early-intervention', 'Enfield'),
    # Round 56 (sets 186 an ordinary mix, 187 people seeking asylum and refugees, 188 asking for a
    # friend): the queries its fixes answer.
    (186, 'my son just did 18 months and hes back in Plumstead with the same '
     'crowd',
     'reducing-reoffending', 'Greenwich'),
    (187, 'security guard at asylum hotel asking women for sex in exchange for extra food', 'sexual-violence', None),
    (187, 'fake immigration lawyer took £2000 from me and disappear. Southall', 'victims-witnesses', 'Ealing'),
    (188, "my mate woke up at someone's house in Tooting and thinks something "
     'happened without her consent',
     'sexual-violence', 'Wandsworth'),
    (188, "my friend's son carries a blade because he says everyone in Norwood "
     'Junction does',
     'youth-violence', 'Croydon'),
    # Round 57 (sets 189 an ordinary mix, 190 texting as to friends, 191 two places in one query again):
    # the queries its fixes answer.
    (191, "moved from Tottenham to Enfield to get away from my ex husband and he's "
     'already found out where I am',
     'vawg', 'Enfield'),
    (191, 'got a record and want to turn things round, moved from Peckham to Lewisham '
     'to get away from the old crowd',
     'reducing-reoffending', 'Lewisham'),
    (191, 'we moved from Wood Green to Enfield Town and the kids are struggling, the '
     'eldest keeps getting in trouble at school',
     'early-intervention', 'Enfield'),
    (191, 'worried my 12 year old is going off the rails since we moved from Chelsea '
     'to Fulham',
     'early-intervention', 'Hammersmith and Fulham'),
    # Round 58 (sets 192 an ordinary mix, 193 Deaf Londoners writing BSL's English, 194 euphemism and
    # shame, written a third time): the queries its fixes answer.
    (193, 'people on bus laugh copy my signing, film me. again and again Dalston',
     'hate-crime', 'Hackney'),
    (193, "man push me off train, say 'learn talk properly' because I sign. Clapham"
     ' Junction',
     'hate-crime', 'Wandsworth'),
    (194, 'my husband gets very cross and I have to be careful what I say. Is there'
     ' someone who helps with that sort of thing',
     'vawg', None),
    (194, "my brothers say I've brought shame on the family and made it clear what "
     'happens if I carry on seeing him. Ilford',
     'vawg', 'Redbridge'),
    (194, "he's not violent as such, he just decides everything. money, who I see, "
     'what I wear',
     'vawg', None),
    (194, "asking for a friend, her husband gets rough with her when he's had a "
     'drink. Croydon',
     'vawg', 'Croydon'),
    (194, 'went back to a guys flat after a night out in shoreditch and things went'
     ' further than i wanted',
     'sexual-violence', 'Hackney'),
    (194, 'counselling for things that happened to me as a child, of a private '
     'nature. Richmond',
     'sexual-violence', 'Richmond upon Thames'),
    (194, 'lost a lot of my savings to a man I met online. too embarrassed to tell '
     'my children',
     'victims-witnesses', None),
    (194, 'got a bit of a kicking walking home from the pub, probably nothing but I'
     ' keep going over it. Wealdstone',
     'victims-witnesses', 'Harrow'),
    (194, "customer went for me at work in the shop and I've not been right since. "
     'Wembley',
     'victims-witnesses', 'Brent'),
    (194, 'support for families after a loved one was taken by violence, Peckham',
     'victims-witnesses', 'Southwark'),
    (194, "my lad is already getting lippy with the police and he's only 11. "
     'Northumberland Park',
     'early-intervention', 'Haringey'),
    (194, "neighbour has taken a dislike to us and it's getting a bit much",
     'community-safety', None),
    (194, "house next door has turned into a bit of a party house and there've been"
     ' scuffles outside. New Malden',
     'community-safety', 'Kingston upon Thames'),
    # Round 60 (sets 198 an ordinary mix, 199 two places in one query, written a third time, 200 what
    # happened, never its name, a third time): the queries its fixes answer.
    (199, 'work in Canary Wharf, live in Romford. my ex keeps sitting outside my '
     'house in his car at night',
     'vawg', 'Havering'),
    (199, 'forced marriage - my cousin in Southall is being taken abroad this '
     "summer and doesnt want to go. I'm in Hounslow, who helps her",
     'vawg', 'Ealing'),
    (199, "mum's in Bexleyheath and dad hits her. i live in Greenwich. how do i get"
     ' her help near her',
     'vawg', 'Bexley'),
    (199, "dad in Pinner lost £4k to a phone scam and is really shaken. I'm in "
     'Wembley, who can support him',
     'victims-witnesses', 'Harrow'),
    (199, 'elderly aunt in Cheam got conned out of her savings by fake builders, '
     "I'm in Croydon. victim support for her?",
     'victims-witnesses', 'Sutton'),
    (199, 'nan in Streatham had her identity stolen and bank emptied. I live in '
     'Tooting. who helps her',
     'victims-witnesses', 'Lambeth'),
    (199, "nephew in Tottenham is carrying a knife, I'm in Edmonton. scared for him",
     'youth-violence', 'Haringey'),
    (199, 'my grandson in Walworth has been slashed. I live in Mitcham but want to '
     'find him help where he is',
     'youth-violence', 'Southwark'),
    (199, "antisemitic graffiti sprayed on my dad's house in Golders Green. I'm in "
     'Hackney. who can help him',
     'hate-crime', 'Barnet'),
    (199, "my brother in Barnes is drinking himself to death, I'm in Fulham. "
     'alcohol help for him',
     'substance-misuse', 'Richmond upon Thames'),
    (199, 'nephew in Canning Town starting to go off the rails. I live in '
     'Leytonstone, is there mentoring near him',
     'early-intervention', 'Newham'),
    (200, 'a man got himself out in front of me and my daughter in the park in '
     'Mitcham',
     'sexual-violence', 'Merton'),
    (200, "two lads I knew held me down after a party and I still can't sleep. "
     'Deptford',
     'sexual-violence', 'Lewisham'),
    (200, 'my 15yo has two phones, one I never bought her, and goes quiet every '
     'time it rings',
     'exploitation', None),
    (200, 'did my time for selling, got out last week, got nothing and no one. '
     'tottenham',
     'reducing-reoffending', 'Haringey'),
    # Round 61 (sets 201 an ordinary mix, 202 people who look after homes and buildings, 203 relatives
    # outside London): the queries its fixes answer.
    (202, 'landlord here. my tenant in Bexleyheath moved to get away from her ex '
     'and now notes and flowers from him are being left on her doorstep',
     'vawg', 'Bexley'),
    (203, "teen nephew in Northolt hanging round with a group who carry blades, I'm"
     ' in Reading',
     'youth-violence', 'Ealing'),
    (203, 'my nephew in Hornchurch says he owes money to older boys and has to '
     "'work it off'. I'm in Cambridge",
     'exploitation', 'Havering'),
    (203, "my brother in Hammersmith is on spice and keeps getting arrested, I'm in"
     ' Swansea',
     'substance-misuse', 'Hammersmith and Fulham'),
    # Round 63 (sets 207 an ordinary mix, 208 the armed forces and their families, 209 the words of
    # modern dating and online life): the queries its fixes answer.
    (208, "he's been discharged and moved back in with me in Tottenham and I'm "
     'frightened of him again',
     'vawg', 'Haringey'),
    (209, 'is it gaslighting if he tells me i imagined him pushing me down the '
     'stairs',
     'vawg', None),
    (209, 'matched on hinge, met him in Soho for drinks and he did things i didnt '
     'consent to back at his. where do i even go',
     'sexual-violence', 'Westminster'),
    (209, "our road's whatsapp is full of red flags about a guy trying car doors at"
     ' night, who do we report to',
     'community-safety', None),
    # Round 65 (sets 213 an ordinary mix, 214 the practical side of what happened, 215 help had
    # before, looked for where they are now): the queries its fixes answer.
    (214, 'leaving my partner, want to move out of Battersea without him finding '
     'out where, who helps with that',
     'vawg', 'Wandsworth'),
    (214, 'son has a court date for possession with intent but older lads forced '
     'him into it. who can explain that to the court? Harold Hill',
     'exploitation', 'Havering'),
    (214, "intercom on our block's broken and people keep getting in to use and "
     'sleep in the stairs, Holloway',
     'community-safety', 'Islington'),
    (214, 'parties every weekend next door in Hampstead, tried talking to them, '
     'where next',
     'community-safety', 'Camden'),
    (215, 'used to see a DV caseworker at the one stop shop in Tower Hamlets and '
     "now I've been rehoused to Barkingside",
     'vawg', 'Redbridge'),
    (215, 'my lad had a detached youth worker in Deptford but we got rehoused to '
     "Eltham, he's already had a knife pulled on him",
     'youth-violence', 'Greenwich'),
    (215, 'islamophobic attack on my dad in Kingston, we had support in Tower '
     'Hamlets years ago',
     'hate-crime', 'Kingston upon Thames'),
    (215, 'my husband had a great key worker in HMP Wandsworth, now released to '
     'Islington and has nothing',
     'reducing-reoffending', 'Islington'),
    # Round 66 (sets 216 an ordinary mix, 217 children asking for a parent or the family, 218 two
    # places in one query, a fourth time): the queries its fixes answer.
    (218, 'sexual assault counselling haringey? it happened years ago when i lived '
     'in enfield but its only hitting me now',
     'sexual-violence', 'Haringey'),
    (218, 'mum is 80 and got scammed out of her savings over the phone at her house'
     " in Orpington, I'm in Greenwich, who can visit her",
     'victims-witnesses', 'Bromley'),
    (218, "Son was stabbed outside a chicken shop in Shepherd's Bush. We live off "
     'Ladbroke Grove. Hospital mentioned a youth worker scheme, is there one '
     'where we live?',
     'youth-violence', 'Kensington and Chelsea'),
    (218, "antisemitic graffiti on my dad's shop in Golders Green, I live in "
     'Stamford Hill, how do we report it and get support for him',
     'hate-crime', 'Barnet'),
    (218, 'lesbian couple, homophobic abuse from neighbours in Stoke Newington, '
     'never had this when we lived in Camden',
     'hate-crime', 'Hackney'),
    (218, "drug dealing outside my nan's block in Streatham, I live in Mitcham",
     'community-safety', 'Lambeth'),
    (218, 'feel unsafe walking home from Wembley Park station, I work late in '
     'Marylebone',
     'community-safety', 'Brent'),
    (218, 'car vandalised again on our estate in Hammersmith, never happened when '
     'we lived in Kensington',
     'community-safety', 'Hammersmith and Fulham'),
    (218, "my gran lives off Ilford Lane and says there's dealing outside her door "
     "every day, I'm in Whitechapel",
     'community-safety', 'Redbridge'),
    # Round 67 (sets 219 an ordinary mix, 220 a pet or an animal in the story, 221 harm by someone with
    # power over them): the queries its fixes answer.
    (220, 'he threatens to drown the kittens if i tell anyone what he does to me',
     'vawg', None),
    (221, "youth pastor had sex with me when I was 15, I'm ready to report it now. "
     'Tottenham',
     'sexual-violence', 'Haringey'),
    (221, 'security guard in the Uxbridge shopping centre follows me round every '
     'time because I wear a hijab',
     'hate-crime', 'Hillingdon'),
    (223, 'Golden Lane estate EC1Y younger kids being paid to deliver packages',
     'exploitation', 'City of London'),
    (223, "they're making my son keep drugs in our flat, Grahame Park estate NW9",
     'exploitation', 'Barnet'),
    (223, 'done 3 stints for shoplifting and want to stop for good, 44 Sutton High '
     'Street SM1',
     'reducing-reoffending', 'Sutton'),
    (223, 'ex prisoner trying to go straight, live off South Street Romford',
     'reducing-reoffending', 'Havering'),
    (223, 'summer activities for my boys 11 and 13, were on King Street Southall '
     'UB2',
     'early-intervention', 'Ealing'),
    (223, 'my 9 year old has started swearing at teachers and running off, we live '
     "at 15 Queen's Crescent NW5",
     'early-intervention', 'Camden'),
    (223, 'drunk people harassing customers outside my shop on North End Croydon',
     'community-safety', 'Croydon'),
    (224, 'pre-inquest review letter came about my sons death, can someone sit with '
     'me and explain it',
     'victims-witnesses', None),
    (224, "my brother's memorial flowers keep getting trashed outside the flats in "
     'Woolwich',
     'community-safety', 'Greenwich'),
    (227, "I'm a carer and a client's son grabbed me and tried to kiss me when I "
     'was alone in the flat, Sutton',
     'sexual-violence', 'Sutton'),
    (227, 'bartender headbutted by a customer at closing in Kingston, broken nose, '
     'anxious about going back',
     'victims-witnesses', 'Kingston upon Thames'),
    (230, 'my sister in Harold Hill wont leave her husband, he checks her phone and '
     'takes her wages. im in Lewisham but she needs someone local to her',
     'vawg', 'Havering'),
    (230, 'sexual abuse by my step dad when i lived in Enfield. moved to Glasgow '
     'years ago, any counselling up here or online',
     'sexual-violence', None),
    (230, 'victim of investment fraud, I work in Canary Wharf but live in '
     'Sevenoaks, need help near home',
     'victims-witnesses', None),
    (230, 'hes 16, moved from Peckham to Dartford with his dad, still posting drill '
     'about peckham boys. help in Kent?',
     'youth-violence', None),
    (230, 'my husband comes out of Belmarsh soon, we moved from Woolwich to Swanley '
     'while he was inside. want support in Kent',
     'reducing-reoffending', None),
    (230, 'on licence, moved from Walworth to Hastings and probation there is '
     'useless. any London charity that works remotely?',
     'reducing-reoffending', None),
    (230, "my brother in Luton is on crack and stealing, I'm in Stratford. what's "
     'there for him in Luton',
     'substance-misuse', None),
    (230, 'i live in Tower Hamlets but my allotment in Hackney keeps getting '
     'vandalised',
     'community-safety', 'Hackney'),
    (232, 'Kingston hospital ED - non fatal strangulation disclosure 28F by '
     'partner, doesnt want police. what support is there',
     'vawg', 'Kingston upon Thames'),
    (232, 'dentist: pt jaw broken in random attack at Barking station, struggling '
     'since',
     'victims-witnesses', 'Barking and Dagenham'),
    (232, 'paramedic: 14yo punched and slashed outside school in Plumstead, mum '
     'asking who can help him',
     'youth-violence', 'Greenwich'),
    (232, 'LD pt targeted by local kids calling him names and throwing eggs at '
     'window, Gascoigne estate',
     'hate-crime', 'Barking and Dagenham'),
    (232, 'MH worker: client with schizophrenia being taunted on his estate because '
     'of his illness',
     'hate-crime', None),
    (232, 'dentist - pt teeth wrecked from meth use, asked me about help to quit, '
     'Stockwell',
     'substance-misuse', 'Lambeth'),
    (232, 'practice manager - youths harassing staff and patients outside surgery, '
     'Wood Green',
     'community-safety', 'Haringey'),
    (235, 'day centre worker. one of our ladies says her husband makes her sleep in '
     'the kitchen if she wets the bed, Bexleyheath',
     'vawg', 'Bexley'),
    (235, 'older neighbour with memory problems had her purse taken by a '
     'distraction thief on Chiswick High Road',
     'victims-witnesses', 'Hounslow'),
    (236, 'osman warning given to my boy threat to life what do we do now Plaistow',
     'youth-violence', 'Newham'),
    (236, "police offered triage for my 13yo's first offence what does it involve. "
     'Mitcham',
     'early-intervention', 'Merton'),
    (236, 'CBO breached again, man on our landing still threatening people, '
     'Battersea',
     'community-safety', 'Wandsworth'),
    (237, 'my 10yo has started stealing and lying, what help is there',
     'early-intervention', None),
    (238, "my husband gets upset if I see my sister so I've just stopped going. is "
     'that normal',
     'vawg', None),
    (238, 'things are a bit difficult at home, he looks after all the money and I '
     'have to ask for bus fare',
     'vawg', None),
    (238, 'someone I stopped seeing months ago keeps sending flowers and somehow '
     'knows my new address, Tooting',
     'vawg', 'Wandsworth'),
    (238, 'think my drink was tampered with in Dalston and then things happened I '
     "didn't want",
     'sexual-violence', 'Hackney'),
    (238, 'someone on the estate asked my son to hold onto something and now he '
     "can't say no to them",
     'exploitation', None),
    (238, 'someone wrote something on our front door about where we come from. '
     'Dagenham',
     'hate-crime', 'Barking and Dagenham'),
    (238, "tag comes off next week and im scared I'll mess it up, wood green",
     'reducing-reoffending', 'Haringey'),
    (238, "I gave evidence against someone and now I'm worried about bumping into "
     'his family, Southgate',
     'victims-witnesses', 'Enfield'),
    (239, 'guy on the Northern line got handsy on my commute, classic Tuesday. '
     'should I report it or is that just London',
     'sexual-violence', None),
    (239, "relative brought a girl over from Nigeria to 'help with the kids', she's "
     'about 16, works all day, no school. Beckton',
     'exploitation', 'Newham'),
    (239, 'we run a chinese takeaway in Chingford, customers keep coughing at us '
     "and saying 'virus'. five stars for originality",
     'hate-crime', 'Waltham Forest'),
    (239, "served my time for GBH but the anger's still there. would like a course "
     'or something before I do something silly again. Penge',
     'reducing-reoffending', 'Bromley'),
    (239, 'group of lads sit on my wall every night and hassle anyone who walks '
     'past, including my 80 year old mum',
     'community-safety', None),
    (241, 'I said no and he kept going anyway. guy I matched with on an app. it was '
     '3 days ago, can i still get checked',
     'sexual-violence', None),
    (241, "coach at my son's football club in Yiewsley used to make the boys shower "
     "with him. my son has only just told me, he's 20 now",
     'sexual-violence', 'Hillingdon'),
    (241, 'my drink tasted funny in a bar in Vauxhall, next thing I woke up in a '
     "strangers flat and I'm sore",
     'sexual-violence', 'Lambeth'),
    (241, "his older brother was killed and people keep telling my son he's next, "
     'how do I keep him safe. Battersea',
     'youth-violence', 'Wandsworth'),
    (241, 'a 40 year old man buys my niece vapes and alcohol and drives her about. '
     "she's 14 and thinks he's her boyfriend. Hounslow",
     'exploitation', 'Hounslow'),
    (241, "got out in march and can't get a job anywhere because of my record",
     'reducing-reoffending', None),
    (241, "somewhere for my 15 yr old to go in the evenings near the World's End "
     'estate',
     'early-intervention', 'Kensington and Chelsea'),
    (241, 'next door plays music till 4am and when I knocked he threatened me. '
     'Fulham',
     'community-safety', 'Hammersmith and Fulham'),
    (244, "my daughter's ex keeps driving past her flat in Sutton at all hours "
     'revving and beeping the horn',
     'vawg', 'Sutton'),
    (244, 'my 13 y/o keeps getting stopped by police on Portobello Road with his '
     "mates, he's not bad but he's heading that way",
     'early-intervention', 'Kensington and Chelsea'),
    (245, "my flatmate in Archway was assaulted at a house party in Finchley, she's "
     'not coping, where can she go',
     'sexual-violence', 'Islington'),
    (245, 'my nan in Mill Hill got conned out of thousands by fake builders, I live '
     'over in Walthamstow, who can go and see her',
     'victims-witnesses', 'Barnet'),
    (245, 'drug dealers have taken over my brothers flat in Kentish Town, hes '
     "vulnerable and cant say no. I'm in Holloway",
     'exploitation', 'Camden'),
    (245, 'antisemitic graffiti sprayed on our synagogue in Stamford Hill again. '
     "I'm the caretaker, I live in Edmonton",
     'hate-crime', 'Hackney'),
    (245, 'our polish shop in uxbridge had the window put through with a note '
     'saying go home, we live in harrow. support for the shop?',
     'hate-crime', 'Hillingdon'),
    (245, 'since we moved from Kentish Town to High Barnet my 12yo has been staying '
     'out late and being rude, want help before it gets worse',
     'early-intervention', 'Barnet'),
    (245, 'drug dealing every night on the stairwell of my block in Holloway. '
     'landlord is based in Hackney and does nothing',
     'community-safety', 'Islington'),
    (247, 'my older cousin has been coming in my room at night since i was 11 and '
     'hes the only one who helps with mum. Penge',
     'sexual-violence', 'Bromley'),
    (247, 'a man keeps giving my brother phones and telling him to keep them on all '
     "night, mum's in hospital and i look after him",
     'exploitation', None),
    (247, 'im 22 and just done 8 months, need to sort my life out for my little '
     'sister. west croydon',
     'reducing-reoffending', 'Croydon'),
    (248, 'ex keeps running up debt on our joint account to punish me for leaving '
     'him E17',
     'vawg', 'Waltham Forest'),
    (248, "my daughter's partner has her bank cards and she has to ask him for bus "
     'fare, Surbiton',
     'vawg', 'Kingston upon Thames'),
    (248, 'flatmate said I could skip rent if I slept with him, I said no and he '
     'did it anyway. Shepherds Bush',
     'sexual-violence', 'Hammersmith and Fulham'),
    (248, 'lasting power of attorney abuse mums savings gone Pinner',
     'victims-witnesses', 'Harrow'),
    (248, 'my sister is trans and our uncle she rents from keeps deadnaming her, '
     'kept her deposit and threatened her, Walworth',
     'hate-crime', 'Southwark'),
    (248, "lads my son hangs out with take money off him because he's gay, say he "
     'owes them for keeping quiet and threaten to out him to the family',
     'hate-crime', None),
    (248, 'im 19 and got a youth order for letting money through my account, want '
     'to keep out of trouble',
     'reducing-reoffending', None),
    (248, 'our lodger left owing rent and now his mates turn up at night banging '
     'and shouting in the street, Morden',
     'community-safety', 'Merton'),
    (249, 'referral for a 15 year old going country',
     'exploitation', None),
    (250, "12 yr old came back from contact with a PS5 and AirPods, says a 'friend' "
     'from the park gave them. Carshalton',
     'exploitation', 'Sutton'),
    (251, 'kids had stones thrown at them walking to shul in Golders Green',
     'hate-crime', 'Barnet'),
    (253, 'men slow down in their cars and beep at me every night walking home from '
     'Carshalton station',
     'vawg', 'Sutton'),
    (253, 'someone stole my purse on the bus near Wembley and now theyre using my '
     'cards',
     'victims-witnesses', 'Brent'),
    (253, "phone grabbed out of my hand outside St Paul's while I was on a call to "
     'my mum',
     'victims-witnesses', 'City of London'),
    (253, 'man at the chicken shop on Green Street gives free food to schoolgirls '
     'and asks for their snapchats',
     'exploitation', 'Newham'),
    (253, 'woman dropped off in a van to beg outside Tesco in Richmond every day, I '
     'think someone is controlling her',
     'exploitation', 'Richmond upon Thames'),
    (253, 'my son is 13 and thinks Andrew Tate is right about women. where can I '
     'get help',
     'early-intervention', None),
    (254, 'think i was raped after my drink got spiked at a club in smithfield on '
     'saturday',
     'sexual-violence', 'City of London'),
    (254, 'antisemitic graffiti sprayed on an office building on London Wall',
     'hate-crime', 'City of London'),
    (254, "work nights at a club in Smithfield and im on ket most weekends, it's "
     'getting out of hand',
     'substance-misuse', 'City of London'),
    (254, 'youth club in Portsoken for my son',
     'early-intervention', 'City of London'),
    (256, 'went to visit my husband at the Scrubs and a man pulled at my hijab and '
     'called me a terrorist at the bus stop on Du Cane Road',
     'hate-crime', 'Hammersmith and Fulham'),
    (256, 'support groups for kids with a parent in jail Haringey',
     'early-intervention', 'Haringey'),
    (256, "a neighbour is telling everyone my son is a nonce which isn't true and "
     'people have started threatening us. Bedfont',
     'community-safety', 'Hounslow'),
    (257, "someone from my sixth form made deepfake porn of me and it's being "
     'shared, Wimbledon',
     'sexual-violence', 'Merton'),
    (257, 'someone hacked my snap and used it to con my mates out of money, I feel '
     'sick about it',
     'victims-witnesses', None),
    (257, "diss track about my nephew's area got 100k views and now they're saying "
     "they're coming for him, Peckham",
     'youth-violence', 'Southwark'),
    (258, 'girl in my year is being passed round older boys for money, Enfield. '
     'what do i do',
     'exploitation', 'Enfield'),
    (260, 'partner on licence, his mates keep ringing my 16yo and she says she has '
     "to 'do runs' or they'll hurt her dad",
     'exploitation', None),
    (260, 'after my wife died I moved to a flat in Colindale and someone keeps '
     'posting anti-Jewish leaflets through my door',
     'hate-crime', 'Barnet'),
    (260, 'support group for children of prisoners, their dad got sent down last '
     'month, my twins are 7',
     'early-intervention', None),
    (262,
     'who do i report drug dealing in the stairwells of Balfron Tower to',
     'community-safety',
     'Tower Hamlets'),
    (262,
     'strangers getting into our block on the Edward Woods estate and taking drugs in the bin room, '
     'residents are scared to go down there',
     'community-safety',
     'Hammersmith and Fulham'),
    (262,
     'neighbour on the Beaumont estate leaves threatening notes on my door and plays music till 4am',
     'community-safety',
     'Waltham Forest'),
    (262,
     'feel unsafe walking back through the Shrublands estate at night, street lights out and men '
     'dealing by the garages',
     'community-safety',
     'Croydon'),
    (262,
     'postcode thing between Stonebridge and Church End, my son cant even go to the shop',
     'youth-violence',
     'Brent'),
    (262,
     "lads from the Alton estate keep getting into knife fights, my son's friends are involved and I'm "
     "scared he's next",
     'youth-violence',
     'Wandsworth'),
    (262,
     'my boy wears a stab vest to school, says its because of the boys from the Fieldway',
     'youth-violence',
     'Croydon'),
    (262,
     'the old man below me on the Silchester estate has had young lads from out of town staying and '
     "selling from his flat, I think he's being cuckooed",
     'exploitation',
     'Kensington and Chelsea'),
    (263, 'violence reduction support young travellers Hornchurch', 'youth-violence', 'Havering'),
    (263,
     'young lad from the Stable Way site being used to sell weed round Latimer Road',
     'exploitation',
     'Kensington and Chelsea'),
    (263,
     'kids shouting gyppo at my children on the way to school in Uxbridge',
     'hate-crime',
     'Hillingdon'),
    (263, 'someone wrote burn the pikeys on the wall by our site', 'hate-crime', None),
    (263, 'someone keeps slashing the tyres on our vans every week', 'community-safety', None),
    (264,
     'notes saying go home keep getting pushed through our door in Welling',
     'hate-crime',
     'Bexley'),
    (265,
     'he hit me in front of everyone in Valentines Park and no one did anything. where do I get help',
     'vawg',
     'Redbridge'),
    (265,
     'friend told me on a walk round Plashet Park her family are sending her abroad to marry someone '
     "she's never met",
     'vawg',
     'Newham'),
    (265,
     'need to get away from my partner, the only time im on my own is walking round the park',
     'vawg',
     None),
    (265, 'my ex sits in his car by Harrow Lodge Park watching my flat all night', 'vawg', 'Havering'),
    (265,
     "my friend was assaulted walking home through Beckenham Place Park after a party. she won't go to "
     'police but needs support',
     'sexual-violence',
     'Lewisham'),
    (265,
     'teenage girl says some boys forced her to do sexual stuff in Sunny Hill Park',
     'sexual-violence',
     'Barnet'),
    (265,
     'guy masturbating in his car in the car park at Fairlop Waters when we walk the dog',
     'sexual-violence',
     'Redbridge'),
    (265, 'indecent exposure by the playground at Canons Park', 'sexual-violence', 'Harrow'),
    (266, 'smart recovery meetings', 'substance-misuse', None),
    (268,
     'teacher at Mulberry School for Girls - worried a year 10 is being taken abroad to get married '
     'over the summer',
     'vawg',
     'Tower Hamlets'),
    (268,
     'my sons dad turns up drunk at Rooks Heath at pick up and screams at me, staff had to call the '
     'police last week',
     'vawg',
     'Harrow'),
    (268,
     'a mum at the Chace school gates told me her husband locks her in the house. how do I help her',
     'vawg',
     'Enfield'),
    (268,
     "I was raped at a house party by someone from Brampton Manor sixth form and I haven't told anyone",
     'sexual-violence',
     'Newham'),
    (268,
     'my son has just told us a teacher at Cardinal Pole abused him when he was in year 8, it was '
     'years ago',
     'sexual-violence',
     'Hackney'),
    (268, 'ISVA for a 16 yr old girl, Fortismere', 'sexual-violence', 'Haringey'),
    (268,
     'my daughter is at Burntwood and was sexually assaulted on the way home by boys from Ernest Bevin',
     'sexual-violence',
     'Wandsworth'),
    (268,
     'boy from Drapers Academy been missing 3 days and was found in Norfolk - county lines?',
     'exploitation',
     'Havering'),
    (271,
     'I think I was raped after a night out, woke up on a bench near Barts hospital. what do i do',
     'sexual-violence',
     'City of London'),
    (271,
     'older man kept rubbing up against me in the pool at the London Aquatics Centre, is that sexual '
     'assault',
     'sexual-violence',
     'Newham'),
    (271,
     'attacked on the bus outside Chase Farm Hospital, need someone to talk to',
     'victims-witnesses',
     'Enfield'),
    (271,
     '14 year old found in Margate with drugs on him, we live near Clissold Leisure Centre, police '
     'said county lines',
     'exploitation',
     'Hackney'),
    (271,
     'nephew owes older boys he met at Kingfisher Leisure Centre money and now they make him deliver '
     'packages',
     'exploitation',
     'Kingston upon Thames'),
    (271, 'my wife had her hijab pulled off outside Finsbury Park Mosque', 'hate-crime', 'Islington'),
    (271,
     "prison leaver, the imam at Regent's Park Mosque said there's a through the gate charity, what's "
     'it called',
     'reducing-reoffending',
     'Westminster'),
    (271, 'crack addiction help near the British Library', 'substance-misuse', 'Camden'),
    (272,
     'he logs into my banking app and the nest cam and then tells me what I bought and who came round',
     'vawg',
     None),
    (272,
     'someone cloned my whatsapp and asked everyone in my contacts for money. I feel so violated',
     'victims-witnesses',
     None),
    (274, 'domestic violence support near Tally Ho Corner', 'vawg', 'Barnet'),
    (274,
     'ex turned up at the school gates on Headstone Drive even tho he has a non molestation order',
     'vawg',
     'Harrow'),
    (274,
     'stranger dragged me into an alley off Powis Street and assaulted me. police have it but i cant '
     'sleep',
     'sexual-violence',
     'Greenwich'),
    (274,
     "house burgled while we were away, we're on a road just off Ballards Lane. kids too scared to "
     'sleep',
     'victims-witnesses',
     'Barnet'),
    (274,
     'attacked walking home down Askew Road last night, need someone to talk to',
     'victims-witnesses',
     'Hammersmith and Fulham'),
    (274,
     'nail bar on Morning Lane, the girls look scared and never seem to leave',
     'exploitation',
     'Hackney'),
    (274,
     'learning disabled brother gets called names and has his money taken by lads on Botwell Lane',
     'hate-crime',
     'Hillingdon'),
    (277,
     "I have a stall on Chapel Market and my partner says he'll kill me if I leave him",
     'vawg',
     'Islington'),
    (277,
     'security guard at a shopping centre in Croydon, a woman keeps coming in to hide from her '
     'husband, which service can help her',
     'vawg',
     'Croydon'),
    (277,
     'nurse taking codeine from work to get through shifts, need confidential help',
     'substance-misuse',
     None),
    (277, 'lads keep kicking my shop door and running off, Eltham', 'community-safety', 'Greenwich'),
    (278,
     "my sister's husband takes all her money, the only time she gets out is to do the shopping at "
     'Edmonton Green market. how can I help her',
     'vawg',
     'Enfield'),
    (278,
     'worried about a girl who works on a stall at Chapel Market, shes 16 and says her family are '
     'sending her abroad to get married',
     'vawg',
     'Islington'),
    (278,
     "mum was robbed at the cashpoint outside Asda Crossharbour, now she won't leave the flat",
     'victims-witnesses',
     'Tower Hamlets'),
    (278,
     'moped rider snatched my phone outside One New Change, cant stop shaking every time i hear a bike',
     'victims-witnesses',
     'City of London'),
    (278,
     'my nephew is scared to go into Harrow because of postcode stuff with boys who hang around St '
     "George's",
     'youth-violence',
     'Harrow'),
    (278,
     'my little brother is holding stuff for a man he met at Surrey Street market',
     'exploitation',
     'Croydon'),
    (278,
     "man came up to my son outside Sainsbury's Savacentre Colliers Wood offering him £200 to drop off "
     'parcels',
     'exploitation',
     'Merton'),
    (278,
     'guys in their 20s at the Ealing Broadway Centre chatting up year 9 girls and giving them vapes '
     'and money',
     'exploitation',
     'Ealing'),
    (280,
     "my ex from sixth form found out which halls I'm in at Imperial and keeps leaving letters and "
     'flowers at reception',
     'vawg',
     'Kensington and Chelsea'),
    (280,
     "someone broke into my room in halls at White City and took everything, now I can't sleep there",
     'victims-witnesses',
     'Hammersmith and Fulham'),
    (280,
     'someone pretending to be the home office took £2k off me, im an international student in Wembley',
     'victims-witnesses',
     'Brent'),
    (280,
     'group of teenagers with knives chasing each other across the avery hill campus',
     'youth-violence',
     'Greenwich'),
    (280,
     "someone on snapchat keeps sending my 14 year old brother money to do 'jobs' for them",
     'exploitation',
     None),
    (280,
     'got called a terrorist and had my hijab pulled on the bus home from middlesex uni',
     'hate-crime',
     'Barnet'),
    (281,
     "concierge here, a resident's ex keeps waitin in the lobby for her when she gets home from work. "
     "she's terrified of him",
     'vawg',
     None),
    (281,
     'tenant keeps getting notes and flowers left at her door from a man she blocked months ago. he '
     'knows which flat she lives in',
     'vawg',
     None),
    (281,
     "housing officer Sutton, elderly tenant's flat being used as a base by a drug line, she's too "
     'scared to say no',
     'exploitation',
     'Sutton'),
    (281,
     'housing officer in Noel Park, mum says her 13yo has been angry all the time since his brother '
     'got sent down, could he get a mentor',
     'early-intervention',
     'Haringey'),
    (281,
     'tenant in Whitton is a nightmare, banging on walls, shouting threats at everyone in the block',
     'community-safety',
     'Richmond upon Thames'),
    (283,
     'rabbi, a young woman cleaning for a family in our community seems to be kept there against her '
     'will',
     'exploitation',
     None),
    (283,
     'buddhist monk from our vihara verbally abused in the street in Chiswick',
     'hate-crime',
     'Hounslow'),
    (283, 'lead stolen off our church roof again, Beckenham', 'community-safety', 'Bromley'),
    (284,
     "owner of the boxing gym makes the lads collect money for him and they're scared to leave",
     'exploitation',
     None),
    (284, "monkey chants at my lad's u12 match in Welling", 'hate-crime', 'Bexley'),
    (286, 'domestic abuse support in rum ford', 'vawg', 'Havering'),
    (286, "Is there like a women's group for domestic violence near i'll ford", 'vawg', 'Redbridge'),
    (286, 'is there a sark like a sexual assault centre in green itch', 'sexual-violence', 'Greenwich'),
    (286, "my nephew's being groomed to sell drugs in debt ford", 'exploitation', 'Lewisham'),
    (286,
     "my son came back from like margate with bruises and cash and he won't say where he got it we're "
     'in wool itch',
     'exploitation',
     'Greenwich'),
    (286,
     "my dad's in a wheelchair and teenagers keep abusing him about it in shepherds push",
     'hate-crime',
     'Hammersmith and Fulham'),
    (286,
     'after school clubs for teenagers in be con tree',
     'early-intervention',
     'Barking and Dagenham'),
    (287,
     "my sister lives in one of the flats on Greenland Dock and her husband won't let her see any of "
     "us. I think he's controlling her",
     'vawg',
     'Southwark'),
    (287,
     'sexual abuse by my stepdad when I was a kid, we lived on a houseboat on Cheyne Walk, never told '
     'anyone',
     'sexual-violence',
     'Kensington and Chelsea'),
    (287,
     'think I was spiked on a river cruise from Embankment pier and then raped, dont remember '
     'everything',
     'sexual-violence',
     'Westminster'),
    (287,
     'man exposed himself then attacked me at Woodberry Wetlands, i cant stop shaking',
     'sexual-violence',
     'Hackney'),
    (287,
     "bike taken off me at knifepoint on the Lee towpath by Pickett's Lock, scared to go out now",
     'victims-witnesses',
     'Enfield'),
    (287,
     'older men giving my 14yo money and trainers, she hangs around the marina at Chelsea Harbour',
     'exploitation',
     'Hammersmith and Fulham'),
    (287, 'someone painted a swastika on our narrowboat at Stonebridge Lock', 'hate-crime', 'Haringey'),
    (287,
     'homophobic attack outside the riverside pub at Strand on the Green',
     'hate-crime',
     'Hounslow'),
    (289,
     'people dealing outside our pharmacy on Roman Road, staff afraid to open up in the morning',
     'community-safety',
     'Tower Hamlets'),
    (290, 'he says sorry every time then does it again. how do I get out', 'vawg', None),
    (290,
     "on the bus home again today a man said he'd kill 'people like me' because I'm gay",
     'hate-crime',
     None),
    (291,
     "People sleeping and using drugs in the stairwell of my block in Somers Town. I'm scared to come home.",
     'community-safety',
     'Camden'),
    (291,
     'my grandson is coming out of Feltham young offenders soon and coming home to Tooting, what help is there for him',
     'reducing-reoffending',
     'Wandsworth'),
    (292,
     'punter found my instagram and wont stop messaging me, i work behind the bar on Clapham High St and he knows my rota',
     'vawg',
     'Lambeth'),
    (292,
     'doorman in soho. bloke dragged his girlfriend out by the arm, she told me hes always like this at home. where do i point her',
     'vawg',
     'Westminster'),
    (292,
     'romford town centre after midnight is like a warzone, who do we talk to',
     'community-safety',
     'Havering'),
    (293,
     'the guy next door admitted he loses it with his girlfriend and wants to stop, is there a course for men like him in Harrow',
     'vawg',
     'Harrow'),
    (293,
     'neighbours daughter got beaten by her brothers for having a boyfriend, they say she shamed the family',
     'vawg',
     None),
    (293,
     'different young boys going in and out of the flat opposite at all hours, some look about 13 with rucksacks',
     'exploitation',
     None),
    (293,
     'the family next door keep calling us p*kis and telling us to go home, collier row',
     'hate-crime',
     'Havering'),
    (293,
     'nothing for the kids on the Gascoigne estate to do in the holidays so they just hang around, any after school clubs',
     'early-intervention',
     'Barking and Dagenham'),
    (294, 'had my bag taken in a bar near bank station', 'victims-witnesses', 'City of London'),
    (294, 'husband in wandsworth prison, support for families', 'reducing-reoffending', 'Wandsworth'),
    (295,
     'gf bites and scratches me when we row. im 6ft and 15 stone so no one would believe me anyway. enfield',
     'vawg',
     'Enfield'),
    (296,
     'my 12 yr old had his scooter taken off him by older boys in mile end park, hes not been out since',
     'victims-witnesses',
     'Tower Hamlets'),
    (297,
     'i get angry with my girlfriend and i dont want to end up like my dad. is there a course for men in croydon',
     'vawg',
     'Croydon'),
    (298,
     'my sisters husband keeps her supplied with coke to keep her under his thumb. Barking',
     'vawg',
     'Barking and Dagenham'),
    (298,
     'someone took out loans in my name when i was on the crack and out of it, how do i sort it',
     'victims-witnesses',
     None),
    (298, 'kids running bags out of my block in canning town, theyre like 12', 'exploitation', 'Newham'),
    (298, 'stay and play groups that wont judge me for being on a script', 'early-intervention', None),
    (298,
     'social worker in richmond mentioned a family group conference. what is it? im in recovery and scared of losing them',
     'early-intervention',
     'Richmond upon Thames'),
    (299, 'special guardianship support enfield', 'early-intervention', 'Enfield'),
    (299,
     "is there a residents group for people worried about crime round here, I'm a grandad raising two little ones",
     'community-safety',
     None),
    (300,
     'im 17 and i carry because i dont feel safe. need to talk to someone who isnt police',
     'youth-violence',
     None),
    (300,
     'Neighbour in our block in Poplar, we hear her screaming most nights and there are little kids in the flat. What do I do?',
     'vawg',
     'Tower Hamlets'),
    (302,
     "are street pastors free? don't feel safe in Romford town centre on a friday night",
     'community-safety',
     'Havering'),
    (304, 'builder took £4k for our kitchen before christmas and vanished. Sutton', 'victims-witnesses', 'Sutton'),
    (304,
     "think my son's been sent out country over the summer holidays, he says he's 'working'. we're in eltham",
     'exploitation',
     'Greenwich'),
    (304,
     'people keep pulling down our hanukkah lights and wrote something on the door. golders green',
     'hate-crime',
     'Barnet'),
    (304,
     "help for families, can't afford to visit my husband in prison over christmas",
     'reducing-reoffending',
     None),
    (304, 'bangers going off at 2am every night in october, edmonton', 'community-safety', 'Enfield'),
    (305, 'how to report a man from plenty of fish who keeps ringing me from different numbers', 'vawg', None),
    (305,
     'my son is gay and some boys at school made a fake profile to set him up and humiliate him, Sutton',
     'hate-crime',
     'Sutton'),
    (306, "he's out on bail and keeps ringing me from withheld numbers", 'vawg', None),
    (306,
     'my husband gets released from HMP Brixton on friday and comes home to Peckham, what support is there for him',
     'reducing-reoffending',
     'Southwark'),
    (307,
     "stuff going missing from mum's flat in Ealing since the new carers started, jewellery and cash from her tin",
     'victims-witnesses',
     'Ealing'),
    (307,
     'patients son called me a monkey and told me to go back to africa, manager says its part of the job. Whittington hospital',
     'hate-crime',
     'Islington'),
    (307,
     'people using my aunts front garden as a toilet after the pub shuts, Acton',
     'community-safety',
     'Ealing'),
    (309,
     'My son is in Feltham YOI and I want to find support for when he comes home to Southall',
     'reducing-reoffending',
     'Ealing'),
    (309,
     'I am 81 and I no longer feel safe going out in the evening in Hendon. Is there anyone who can advise?',
     'community-safety',
     'Barnet'),
    (311, 'worried about my twin sister her fella has cut her off from all of us', 'vawg', None),
    (311, 'support for families when your brother is in prison', 'reducing-reoffending', None),
    (311,
     'im 15 and look after my brothers because mum works nights, is there anything for us in bermondsey',
     'early-intervention',
     'Southwark'),
    (311,
     'my little brother is 11 and keeps saying he wants to be a roadman, stonebridge',
     'early-intervention',
     'Brent'),
    (312,
     'Hear shouting and a woman crying most nights through the wall, flat in Kentish Town. what should i do',
     'vawg',
     'Camden'),
    (312,
     "my son is being bullied at school in Carshalton and doesn't want to go in anymore",
     'early-intervention',
     'Sutton'),
    (313,
     'third operation encompass notification this term for the same child, mum keeps letting him back, what can we actually offer her in Bexley',
     'vawg',
     'Bexley'),
    (313,
     "Ukrainian family at our school getting abuse from neighbours about where they're from",
     'hate-crime',
     None),
    (313, 'charity that helps kids visit their dad in prison', 'reducing-reoffending', None),
    (313,
     'TA at a primary in Roehampton - boy in my class keeps running out and throwing chairs, is there anything for the family?',
     'early-intervention',
     'Wandsworth'),
    (313,
     'e scooters riding through the playground after hours and smashing things, Bexleyheath',
     'community-safety',
     'Bexley'),
    (314,
     'hes turned the heating off again and hides the bank card so i cant top up the meter, me and the kids sitting in coats. Barking',
     'vawg',
     'Barking and Dagenham'),
    (314,
     'kids climbing the walls, no garden, its dark at 4, anything free after school in tooting',
     'early-intervention',
     'Wandsworth'),
    (314,
     'high street feels rough once the shops shut at 5, groups hanging about, wood green',
     'community-safety',
     'Haringey'),
    (315,
     'is there a course for men who want to stop being aggressive to their partner? bexleyheath area',
     'vawg',
     'Bexley'),
    (315,
     'im 16 and people are after me because of where i live, scared to go to college in barking',
     'youth-violence',
     'Barking and Dagenham'),
    (315,
     'the walkway by latimer road station is so dark, i dont feel safe coming home',
     'community-safety',
     'Kensington and Chelsea'),
    (316,
     'support for a child whose dad is in prison, shes 9 and acting out at brownies',
     'early-intervention',
     None),
    (317,
     'live in landlord keeps reading my post and wont let me have friends round, now hes texting me at 3am asking where i am',
     'vawg',
     None),
    (317,
     'landlord tried to get into bed with me last night, he lives downstairs. Streatham',
     'sexual-violence',
     'Lambeth'),
    (317,
     'paid a deposit for a room in Bow and the landlord doesnt exist. lost £900',
     'victims-witnesses',
     'Tower Hamlets'),
    (317, 'im nonbinary and the guy in the room next door keeps threatening me. Brighton', 'hate-crime', None),
    (318,
     "lads offering kids at my sons school £50 to 'take a bag' somewhere. hornchurch",
     'exploitation',
     'Havering'),
    (318,
     'the girl next door is 15 and gets dropped home at 3am by different men in nice cars. kentish town',
     'exploitation',
     'Camden'),
    (319,
     'same bloke on a bike has followed me 3 mornings in a row round vicky park, changed my times and hes still there',
     'vawg',
     'Tower Hamlets'),
    (319,
     'Saw a man drag a woman by the arm into a car outside the Sainsburys in Wealdstone while I was out with the dog, she looked terrified',
     'vawg',
     'Harrow'),
    (319,
     "my sister wont come on our sunday walks anymore since her fella started checking her phone and her location. we're in Sutton",
     'vawg',
     'Sutton'),
    (319,
     'someone took photos up my shorts on the treadmill at my gym in croydon, staff didnt do anything',
     'sexual-violence',
     'Croydon'),
    (319,
     'kids on bikes doing drop offs by the park gates every evening in Leytonstone, none of them older than 12',
     'exploitation',
     'Waltham Forest'),
    (319,
     'my son keeps going missing and coming back with new trainers and cash, he used to do valentines parkrun with me every week',
     'exploitation',
     'Redbridge'),
    (319,
     'workers sleeping in the back of a van at a building site near Canary Wharf, they looked scared when I jogged past',
     'exploitation',
     'Tower Hamlets'),
    (319,
     'teenage girl sat in a car with different men most mornings in the tesco car park. feels wrong',
     'exploitation',
     None),
    (319,
     'boys from my sons year are being sent to carry stuff out to Kent, i see them at the station when i run past',
     'exploitation',
     None),
    (319, 'was running in a pride top through soho and a group of men threatened me', 'hate-crime', 'Westminster'),
    (319,
     'a man did monkey noises at my son at Crystal Palace parkrun, nobody said anything',
     'hate-crime',
     'Bromley'),
    (319,
     'tents and people shouting in the subway by Archway station, walk through it every night from the gym',
     'community-safety',
     'Islington'),
    (319,
     'at junior parkrun in Greenwich Park one little boy always comes on his own and seems hungry, worried about home',
     'early-intervention',
     'Greenwich'),
    (321, 'family mediation me and my teenager keep fighting', 'early-intervention', None),
    (321, 'men hanging about in the park near my kids primary, stoke newington', 'community-safety', 'Hackney'),
    (321, 'is leytonstone safe to move to', 'community-safety', 'Waltham Forest'),
    (322,
     "keep getting messages from a man i met on the ward, he found out where i live in sutton and i'm scared to open the curtains",
     'vawg',
     'Sutton'),
    (322,
     'sexually assaulted by another patient at the maudsley, who do i talk to thats not the ward staff',
     'sexual-violence',
     'Southwark'),
    (322,
     "my neighbour is really unwell mentally and there are loads of different people going in and out of his flat at all hours, i think they're using him. Canning Town",
     'exploitation',
     'Newham'),
    (322,
     'my mate with schizo is getting mugged off by the olders on his block, they use his place for trapping. N15',
     'exploitation',
     'Haringey'),
    (322,
     'kids on my estate shout psycho at me and throw stuff at my window because they know i was sectioned. poplar',
     'hate-crime',
     'Tower Hamlets'),
    (322,
     "neighbour keeps calling me a nutter and putting notes through my door about my 'mental problems'. eltham",
     'hate-crime',
     'Greenwich'),
    (322,
     'i have agoraphobia and the lads outside keep shouting freak and schizo through my letterbox',
     'hate-crime',
     None),
    (322,
     "Client with a personality disorder is being targeted by neighbours for being 'mental', they've scratched it on her door. Morden",
     'hate-crime',
     'Merton'),
    (323, 'someone keeps letting my tyres down outside the house', 'community-safety', None),
    (323,
     'courier, a customer keeps ordering stuff so i deliver and then messages my personal number, now hes found out where i live',
     'vawg',
     None),
    (323,
     'im a carer and one of my male clients exposes himself every visit and the agency dont care',
     'sexual-violence',
     None),
    (324,
     "Our boy is 11 and starts secondary in Walthamstow in September. He was in trouble a lot in year 6 and I'm scared it'll get worse",
     'early-intervention',
     'Waltham Forest'),
    (325,
     'someone keeps smashing the glass on my barbershop front, 3rd time this year, tottenham. feels like nobody cares',
     'community-safety',
     'Haringey'),
    (325,
     'people sleeping in the bin store behind our shops and leaving a mess, hounslow west',
     'community-safety',
     'Hounslow'),
    (325, 'is there a shopwatch or business crime scheme in kingston', 'community-safety', 'Kingston upon Thames'),
    (325,
     'one of my staff got punched by a customer over a refund in our croydon branch, how do we support her',
     'victims-witnesses',
     'Croydon'),
    (325,
     'barbers in enfield town, guy threatened us with a bottle, my staff are traumatised',
     'victims-witnesses',
     'Enfield'),
    (325, 'support for shop workers who get abused', 'victims-witnesses', None),
    (325,
     'the lad who robbed my shop is getting out soon, is there a programme to stop him doing it again',
     'reducing-reoffending',
     None),
    (326,
     'man on the train mocked my prosthetic leg and then followed me off at harrow on the hill',
     'hate-crime',
     'Harrow'),
    (326,
     'trans woman and a wheelchair user. a neighbour on my road in Fulham keeps misgendering me loudly and blocking the pavement so i cant get past',
     'hate-crime',
     'Hammersmith and Fulham'),
    (326,
     'Someone stole my blue badge off the windscreen in Wimbledon. Who helps with this?',
     'victims-witnesses',
     'Merton'),
    (326,
     "someone is using my identity to claim benefits and I'm blind so I cant check the letters easily, Enfield",
     'victims-witnesses',
     'Enfield'),
    (326, 'my husband hides my white cane when we argue so i cant leave the house', 'vawg', None),
    (326,
     "my boyfriend set up my phone because I'm blind and now he reads everything and tells me who I can talk to. Stoke Newington",
     'vawg',
     'Hackney'),
    (326,
     "my partner won't let me go to my appointments at Moorfields on my own and keeps saying I'm useless, I don't know if this counts as abuse",
     'vawg',
     'Islington'),
    (326,
     'my boyfriend makes me have sex when im in pain from my condition and i cant move away from him',
     'sexual-violence',
     None),
    (326,
     'someone keeps parking across my dropped kerb and when i asked him to move he threatened me',
     'community-safety',
     None),
    (327, 'girls group for teenage girls north kensington', 'early-intervention', 'Kensington and Chelsea'),
    (328,
     'Heads up all - 2 vans done on our road in Upminster last night, all tools gone. Who do we report to apart from 101? #Upminster',
     'victims-witnesses',
     'Havering'),
    (330, 'bought a car online that didnt exist lost £4k. im in Luton', 'victims-witnesses', None),
    (330,
     'elderly neighbour let a man in who said he was from the water board and he took her cash',
     'victims-witnesses',
     None),
    (330, 'someone paid my son to use his bank account and now its frozen', 'exploitation', None),
    (330, 'mentor for a young offender', 'reducing-reoffending', None),
    (332,
     "I'm 84 and in sheltered housing in Eltham, young men keep pressing all the buzzers after midnight and shouting through the intercom",
     'community-safety',
     'Greenwich'),
    (332,
     'someone keeps letting strangers in the main door of our sheltered scheme, people sleeping in the laundry room. Camberwell. I am 80 and live alone',
     'community-safety',
     'Southwark'),
    (332,
     'I am 76 and now afraid to walk through Ravenscourt Park since the lights went',
     'community-safety',
     'Hammersmith and Fulham'),
    (332,
     'He threw a cup at me again last night. 73. we have a couples flat in sheltered housing in Bethnal Green. i cant go to my daughters she has no room',
     'vawg',
     'Tower Hamlets'),
    (332,
     "a lad I met in the park comes to my flat and has started asking to keep a bag here. He's kind to me but I'm not daft. Uxbridge",
     'exploitation',
     'Hillingdon'),
    (333, 'all my friends are carrying now and i feel like i need one too', 'youth-violence', None),
    (333,
     'people dealing openly by the shops on Well Street and the police never come',
     'community-safety',
     'Hackney'),
    (334,
     "relatives are planning a 'conversion' trip abroad for my nephew, hes 15, Hackney. who do i tell",
     'vawg',
     'Hackney'),
    (334, 'lgbt youth group for 13 year old walthamstow', 'early-intervention', 'Waltham Forest'),
    (334,
     'grandparent raising a trans grandchild, need support, Hammersmith',
     'early-intervention',
     'Hammersmith and Fulham'),
    (334,
     "we live on the Barbican and my son has nobody his age who's like him. any lgbt youth groups nearby",
     'early-intervention',
     'City of London'),
    (335,
     'chinese student at our pantry got punched near russell square and called covid names',
     'hate-crime',
     'Camden'),
    (335,
     "parenting support for a mum at our baby bank in dagenham, she's struggling with her toddler and shouting a lot",
     'early-intervention',
     'Barking and Dagenham'),
    (335,
     '19 year old mum at our baby bank, no family around, struggling with the baby. any support',
     'early-intervention',
     None),
    (336, 'cars doing donuts in the car park on purley way every weekend', 'community-safety', 'Croydon'),
    (337,
     'visiting my best friend in the Royal Free, her boyfriend pushed her down the stairs and shes telling the doctors she fell. what do i do',
     'vawg',
     'Camden'),
    (337, 'domestic abuse advocate at north mid?', 'vawg', 'Enfield'),
    (337, 'waiting at uch with my flatmate she was raped by a guy she met on an app', 'sexual-violence', 'Camden'),
    (337,
     'doctors found injuries and now my 12 year old has told them his uncle has been touching him. we are in the Evelina',
     'sexual-violence',
     'Lambeth'),
    (337,
     'a girl came into A&E at North Mid with older men, staff said exploitation, I am her aunt. who can help',
     'exploitation',
     'Enfield'),
    (337,
     "Staying with my daughter in Great Ormond St. She's 13 and we found messages from a man online asking her for pictures",
     'exploitation',
     'Camden'),
    (337,
     'partner came out of Pentonville last week with nowhere to live, got beaten up sleeping rough, now in UCH. how do we stop him ending up back inside',
     'reducing-reoffending',
     'Camden'),
    (337,
     'my brother got hurt in prison and is in the Royal London under guard. is there support for prisoners families in Tower Hamlets',
     'reducing-reoffending',
     'Tower Hamlets'),
    (338,
     'Steward at the Valley here. Found a girl crying in the car park saying her boyfriend had just hit her. What can I point her to',
     'vawg',
     'Greenwich'),
    (338, 'bought fake tickets for the final off a facebook page and lost £400', 'victims-witnesses', None),
    (338,
     'think the lads selling scarves outside the ground are being forced, same van drops them off and picks them up every game. white hart lane',
     'exploitation',
     'Haringey'),
    (338,
     'me and my boyfriend got homophobic abuse in a pub near plough lane, he got shoved',
     'hate-crime',
     'Merton'),
    (338, 'fans pissing in our front garden every matchday, drayton park', 'community-safety', 'Islington'),
    (338,
     'away fans smashing bottles on our street after every game at the valley, floyd road',
     'community-safety',
     'Greenwich'),
    (338, 'dealing going on outside the chippy near brisbane road', 'community-safety', 'Waltham Forest'),
    (338,
     "Drunk fans outside the pubs on the way to Craven Cottage every weekend, doesn't feel safe walking past with my kids",
     'community-safety',
     'Hammersmith and Fulham'),
    (340,
     'he hid my pill and wouldnt use anything, now im pregnant and he says im trapped with him',
     'vawg',
     None),
    (340,
     'husband has a tag and were expecting our first, he cant get work because of his record',
     'reducing-reoffending',
     None),
    (340,
     'dad with a record, been out 3 months, struggling not to slip back with a new baby and no money, harlesden',
     'reducing-reoffending',
     'Brent'),
    (340,
     'stay at home dad feeling isolated, any dads groups in Richmond',
     'early-intervention',
     'Richmond upon Thames'),
    (341,
     "woman from our road was sexually assaulted near Mountsfield Park, she's asked me to help find someone she can talk to",
     'sexual-violence',
     'Lewisham'),
    (341,
     'upstairs neighbour flashing at kids from his balcony in Kingston',
     'sexual-violence',
     'Kingston upon Thames'),
    (342,
     "my daughter is 15 and has a 'boyfriend' who is 25, he buys her vodka and drives her about. Bexleyheath",
     'exploitation',
     'Bexley'),
    (342,
     'group of lads outside the chicken shop in Plumstead giving everyone grief',
     'community-safety',
     'Greenwich'),
    (343,
     "counselling for mum - CSA survivor, it's affecting how she parents, Bromley",
     'sexual-violence',
     'Bromley'),
    (343, 'support for non-offending parent after CSA disclosure', 'sexual-violence', None),
    (344,
     "promoter keeps texting me at 3am since i turned him down, says i'll never get booked again",
     'vawg',
     None),
    (344,
     'understudy in a show on the strand, the director forced himself on me in the dressing room and im scared ill lose the part if i say anything',
     'sexual-violence',
     'Westminster'),
    (344,
     'gallery assistant on Cork Street, a man smashed the window and took two paintings and now they want me to give evidence',
     'victims-witnesses',
     'Westminster'),
    (344, 'free youth theatre tower hamlets', 'early-intervention', 'Tower Hamlets'),
    (345,
     'work in a shop in plaistow and got held up with a knife, cant stop thinking about it',
     'victims-witnesses',
     'Newham'),
    (346, 'woke up in my tent in lincolns inn fields with a man on top of me', 'sexual-violence', 'Camden'),
    (346, 'man on the N29 put his hand down my trousers while i was asleep', 'sexual-violence', None),
    (346,
     'i saw a man get kicked to death near Embankment and police want me as a witness but i got no address',
     'victims-witnesses',
     'Westminster'),
    (346,
     'my benefits got took out by someone who had my card and pin, sleeping rough in Sutton',
     'victims-witnesses',
     'Sutton'),
    (346,
     'they took over my flat in Plaistow selling crack out of it so now im sleeping on the street cos i cant go back',
     'exploitation',
     'Newham'),
    (346,
     'sleeping in my car at Morden station car park and people keep banging on the windows at night',
     'community-safety',
     'Merton'),
    (349,
     'meter reader. went into a flat in Edmonton today and the woman was locked in the back bedroom, he had the key on him. what do i do',
     'vawg',
     'Enfield'),
    (349,
     'female courier, bloke at a drop in Holloway keeps making comments about my body and today tried to get me to come inside',
     'vawg',
     'Islington'),
    (349,
     'im a postie and my own mum fell for one of those fake missed delivery texts, lost £600, who helps her',
     'victims-witnesses',
     None),
    (350,
     'nanny Dalston parents fight every night, dad pinned mum against the wall and the kids saw it',
     'vawg',
     'Hackney'),
    (350,
     'carer in Bexleyheath, clients son cornered me in the kitchen and put his hand up my top',
     'sexual-violence',
     'Bexley'),
    (350,
     'my client in Ealing keeps getting letters saying shes won a lottery and she keeps sending them money',
     'victims-witnesses',
     'Ealing'),
    (350,
     'cleaner in Stratford, another girl on our team says the man who brought her here takes all her money and keeps her ID',
     'exploitation',
     'Newham'),
    (350,
     'filipina nanny, teenagers in battersea park shout ching chong at me and the kids i look after',
     'hate-crime',
     'Wandsworth'),
    (351,
     "my 10yo is getting into fights at primary and I'm worried where its heading. Edmonton",
     'early-intervention',
     'Enfield'),
    (352,
     'bought a ps5 off facebook marketplace, met the guy outside walthamstow central and the box had bricks in it',
     'victims-witnesses',
     'Waltham Forest'),
    (352,
     'paid a deposit on gumtree for a car in romford seller has now blocked me what do i do',
     'victims-witnesses',
     'Havering'),
    (352, 'sold my bike on gumtree, the guy asked for a test ride and never came back', 'victims-witnesses', None),
    (352,
     'bought concert tickets off someone on a facebook group and they were fake, lost £300',
     'victims-witnesses',
     None),
    (352, 'paid for a puppy from a gumtree ad in essex and the seller just vanished', 'victims-witnesses', None),
    (352, 'lost 2k on a fake rolex bought off marketplace dont know where to turn', 'victims-witnesses', None),
    (352, 'is it safe to meet a buyer at night outside leytonstone station', 'community-safety', 'Waltham Forest'),
    (352,
     'where is a safe place to do a facebook marketplace handover in enfield town',
     'community-safety',
     'Enfield'),
    (352, 'do police stations let you do marketplace swaps in the front', 'community-safety', None),
    (352, 'scared to give my address out to ebay buyers collecting, i live alone', 'community-safety', None),
    (352, 'safe trade spot woolwich?', 'community-safety', 'Greenwich'),
    (352,
     'Pimlico resident. vinted parcels keep getting nicked off doorsteps on our road',
     'community-safety',
     'Westminster'),
    (352,
     'man who bought my sofa on marketplace keeps texting asking me out and turned up at my door again in streatham',
     'vawg',
     'Lambeth'),
    (352, 'vinted buyer sending creepy messages about my body after i sold him leggings', 'vawg', None),
    (352,
     'marketplace seller sent me pics of himself i did not ask for after i asked about the table',
     'vawg',
     None),
    (352,
     'guy on ebay said he doesnt deal with jews and then found out my address, golders green',
     'hate-crime',
     'Barnet'),
    (353,
     "landlord texts me all hours calling me babe and says he'll knock money off the rent if I'm 'nice' to him",
     'vawg',
     None),
    (353,
     'letting agent from the viewing keeps messaging me on whatsapp and has found out where i work. Croydon',
     'vawg',
     'Croydon'),
    (353,
     'letting agent is putting young foreign women in the flat above a massage place in Soho, they never leave',
     'exploitation',
     'Westminster'),
    (353,
     'cannabis smell coming into my room 24/7 from the tenant next door, gives me headaches. Gants Hill',
     'community-safety',
     'Redbridge'),
    (355,
     '8 year old in my sons class said an adult at home does things to him that he isnt allowed to tell about',
     'sexual-violence',
     None),
    (355,
     'someone shouted go back to your country at me and my kids outside the school in Penge',
     'hate-crime',
     'Bromley'),
    (355, 'mosque next to my kids school had pork left on the steps, whitechapel', 'hate-crime', 'Tower Hamlets'),
    (355, 'mums group for women whose partners are in prison Islington', 'reducing-reoffending', 'Islington'),
    (356, 'Drive project which London boroughs are signed up', 'vawg', None),
    (356, 'GPS tagging of knife crime offenders programme evaluation', 'reducing-reoffending', None),
    (356, 'alcohol abstinence monitoring tags MOPAC', 'reducing-reoffending', None),
    (356, 'women diverted from custody programme hammersmith', 'reducing-reoffending', 'Hammersmith and Fulham'),
    (358,
     "my great aunt has sent 15k to a man she met on facebook who says he's an american soldier. she won't listen to us",
     'victims-witnesses',
     None),
    (358,
     'nanny clicked a link in a text about a parcel and now her account is empty. Acton',
     'victims-witnesses',
     'Ealing'),
    (358,
     "old man getting doorstep sellers every week and spending thousands, it's my grandad near wembley park",
     'victims-witnesses',
     'Brent'),
    (358,
     "my cousin takes nans pension every week and won't let her go to the bank on her own. tottenham",
     'vawg',
     'Haringey'),
    (358, 'my aunt left her husband at 58 and is sofa surfing at friends, where does she get help', 'vawg', None),
    (358,
     "My nan says she doesn't feel safe on her road in Leytonstone anymore",
     'community-safety',
     'Waltham Forest'),
    (359, 'someone put my face on snap saying im a target. live in harlesden', 'youth-violence', 'Brent'),
    (359, 'scared to go college in hackney cos of postcode ting', 'youth-violence', 'Hackney'),
    (359, 'anyone help lads stop carrying', 'youth-violence', None),
    (359, 'bouncer battered me outside a club in brighton', 'victims-witnesses', None),
    (359, 'plug keeps sending me to hastings cant say no', 'exploitation', None),
    (359, 'im from vietnam, was locked in a house growing weed in bexleyheath, got out', 'exploitation', 'Bexley'),
    (359, 'stopped and searched 4 times this month in brixton is that allowed', 'community-safety', 'Lambeth'),
    (359,
     'i lose it with my missus when im jealous, course for blokes in barking',
     'vawg',
     'Barking and Dagenham'),
    (359,
     'arrested for domestic and on bail, want to change, dont want to lose my daughter. croydon',
     'vawg',
     'Croydon'),
    (359, 'got kicked out of college, anything to do in the day in streatham', 'early-intervention', 'Lambeth'),
    (359, 'my younger bro needs someone to look up to thats not on road, penge', 'early-intervention', 'Bromley'),
    (360, 'not safe round camden market at night anymore', 'community-safety', 'Camden'),
    (361, 'cars blocking our drive all night for the takeaway next door', 'community-safety', None),
    (361,
     'the 24hr shop near me in bethnal green is a magnet for trouble, people hanging about outside all night',
     'community-safety',
     'Tower Hamlets'),
    (361, 'can residents get a pubs licence reviewed its ruining our lives', 'community-safety', None),
    (361, 'what can residents do about a problem pub', 'community-safety', None),
    (361,
     "The guy who runs the late night shop under my flat keeps making comments and always knows when I get home. It's getting scary. Acton",
     'vawg',
     'Ealing'),
    (361,
     'my mates boyfriend drinks in the pub under their flat in enfield town then comes up and takes it out on her',
     'vawg',
     'Enfield'),
    (361,
     'card got skimmed at the cash machine outside the 24 hour shop in wembley, lost £800',
     'victims-witnesses',
     'Brent'),
    (362,
     'our shop in Bexleyheath got ram raided last night, the staff are in bits. what support is there for us',
     'victims-witnesses',
     'Bexley'),
    (362,
     'heard gunshots on the pembury estate last night, is it safe to let the kids play outside',
     'community-safety',
     'Hackney'),
    (362,
     'my 8 year old saw the armed police raid next door in hounslow and now hes wetting the bed again, where do i get help',
     'early-intervention',
     'Hounslow'),
    (362, 'how do I talk to my children about a murder that happened on our road', 'early-intervention', None),
    (362,
     'my 17 yr old was charged over the stabbing in morden, what happens to him, is there any programme so he doesnt do it again',
     'reducing-reoffending',
     'Merton'),
    (364, 'rapist released need counselling urgently camden', 'sexual-violence', 'Camden'),
    (364,
     'he was convicted of raping me and now hes in a cat d open prison, im in bristol and nobody explains anything',
     'sexual-violence',
     None),
    (364,
     'how do i object to the parole board releasing the man who stabbed my husband',
     'victims-witnesses',
     None),
    (365,
     'Found out my new partner has a restraining order from his ex. What do I do? Lewisham',
     'vawg',
     'Lewisham'),
    (365,
     'he was lovely at first now everything is my fault. 3 months in. where can I talk to someone',
     'vawg',
     None),
    (365, 'new boyfriend filmed us having sex without asking me', 'sexual-violence', None),
    (365,
     'tinder date stole my phone and card in a bar by liverpool street',
     'victims-witnesses',
     'City of London'),
    (366, 'abused at boarding school in the 80s, who do I talk to', 'sexual-violence', None),
    (367,
     'someone keeps ringing the hotel reception asking for my room number, i think its him. Earls Court',
     'vawg',
     'Kensington and Chelsea'),
    (367,
     "the landlord of the bed and breakfast in Southall says he'll sort my room out if im nice to him",
     'sexual-violence',
     'Ealing'),
    (367,
     'someone used my ID to take out loans while i was sleeping rough, now in a hostel in Edmonton',
     'victims-witnesses',
     'Enfield'),
    (367,
     'council moved us from lewisham to croydon and my son is from the wrong area now, hes getting threatened',
     'youth-violence',
     'Croydon'),
    (367,
     'girls from the refuge getting approached outside Tooting station by a woman offering modelling work',
     'exploitation',
     'Wandsworth'),
    (367,
     'the B&B manager treats us different because we are Roma and now the other residents threaten us too',
     'hate-crime',
     None),
    (367,
     'kids school is 2 hours from the hotel the council put us in, the youngest is falling behind',
     'early-intervention',
     None),
    (367, 'dont feel safe in the area they put us in. Woolwich', 'community-safety', 'Greenwich'),
    (368,
     'hotel receptionist on nights near Paddington, a guest has come back 4 times asking what time I finish and now hes found me on instagram',
     'vawg',
     'Westminster'),
    (368,
     'colleague on the night shift keeps messaging me and waiting by my locker, management say its just banter',
     'vawg',
     None),
    (368,
     'he smashed my phone so i cant call him from work and now he says im cheating on nights. work at amazon in dartford',
     'vawg',
     None),
    (368,
     'kitchen porter on nights with me works 7 nights a week and says he gets no money, someone else takes it',
     'exploitation',
     None),
    (369,
     'my brother has learning difficulties and some lads are using his flat in barking to sell from',
     'exploitation',
     'Barking and Dagenham'),
    (369, 'my grandson is 10 and already in trouble with the police', 'early-intervention', None),
    (370,
     'my husband knows he bullies me and says he wants to change, is there a course for men like that?',
     'vawg',
     None),
    (370,
     'my daughter told me at christmas her stepfather abused her as a teenager. I had no idea. How do I help her and myself',
     'sexual-violence',
     None),
    (370,
     "my father is 88 and keeps getting letters saying he's won a prize, he's sent them money twice. I'm in Dartford, he's in Welling",
     'victims-witnesses',
     'Bexley'),
    (370,
     "a young man moved in to help me after my fall and now his friends are here all hours and I can't get them out, Erith",
     'exploitation',
     'Bexley'),
    (370,
     'my mum has dementia and wears a sari, the kids on the bus call her names and pull at her scarf. Wembley',
     'hate-crime',
     'Brent'),
    (370,
     'Irish and 79 and a man at my local keeps on about bombers every time I go in. Archway',
     'hate-crime',
     'Islington'),
    (371,
     'ex partner keep coming to my flat in Woolwich, he knows I have no recourse and says nobody will help me',
     'vawg',
     'Greenwich'),
    (371,
     'immigration adviser in Alperton took £3000 for my visa extension and disappeared',
     'victims-witnesses',
     'Brent'),
    (371,
     'Fake job offer took money for certificate of sponsorship. lost £8000, who can help me?',
     'victims-witnesses',
     None),
    (371,
     'indian student attacked near Ilford Lane, the man said you people take our jobs',
     'hate-crime',
     'Redbridge'),
    (371,
     'is Thornton Heath safe area to live, moving there on skilled worker visa with family',
     'community-safety',
     'Croydon'),
    (372,
     'my mate told me her landlord made her sleep with him instead of rent. shes in Tottenham. what can she do',
     'sexual-violence',
     'Haringey'),
    (372,
     'worried girls from care are being taken to parties at a flat near Bethnal Green',
     'exploitation',
     'Tower Hamlets'),
    (373, 'found a knuckle duster in my 15yr olds jacket pocket', 'youth-violence', None),
    (373,
     'son keeps going to southend saying hes visiting a friend but hes 15 and comes back with hundreds of pounds',
     'exploitation',
     None),
    (373,
     'lads took my boys airpods and trainers at wimbledon station, police gave a crime number what now',
     'victims-witnesses',
     'Merton'),
    (373, 'how do i talk to my son about gangs', 'early-intervention', None),
    (374,
     "moved him from Peckham to Sutton to get him away and there's no services here that know anything about gangs",
     'youth-violence',
     'Sutton'),
    (376,
     'kicked out at 17 and a man is giving me a room if i sell for him, brockley',
     'exploitation',
     'Lewisham'),
    (376, 'constant fights outside the chicken shop under my flat in holloway', 'community-safety', 'Islington'),
    (376, 'safe spaces in soho at night if i need to get away from someone', 'community-safety', 'Westminster'),
    (377,
     'he took out phone contracts and a credit card on me when we were together now hes messaging me on insta demanding i pay his debts',
     'vawg',
     None),
    (377, 'how do you report a loan shark anonymously, new addington', 'victims-witnesses', 'Croydon'),
    (377, 'illegal money lender threatening me what can i do', 'victims-witnesses', None),
    (379,
     'someone nicked my mobility scooter out the bike store on the Lincoln estate',
     'victims-witnesses',
     'Tower Hamlets'),
    (379, 'men keep catcalling and following girls through the Mardyke', 'vawg', 'Havering'),
    (379, 'raped at a party on the Market estate, never told anyone', 'sexual-violence', 'Islington'),
    (380,
     'fireworks being thrown at cars outside Lister school every evening this week',
     'community-safety',
     'Newham'),
    (380,
     "my son was stabbed and he's in barts, he's 17, what support is there for him when he comes out",
     'youth-violence',
     'City of London'),
    (380,
     'im a witness in a court case about an assault outside vale farm sports centre and im scared of going to court',
     'victims-witnesses',
     'Brent'),
    (380, 'men shouting sexual stuff at us girls outside mulberry school every morning', 'vawg', 'Tower Hamlets'),
    (380,
     "I've been told I have to do a course about how i treat my partner. I live by Harrow leisure centre",
     'vawg',
     'Harrow'),
    (380,
     "abused by a youth leader at church when I was 12, I'm 40 now and it's all coming back",
     'sexual-violence',
     None),
    (380,
     'support for a teenager who was sexually assaulted, they sent us home from mayday',
     'sexual-violence',
     'Croydon'),
    (380, 'london kids being sent up to norwich to sell, one of them is my nephew', 'exploitation', None),
    (380,
     'men living in the garage behind the church, they work on building sites and never get paid',
     'exploitation',
     None),
    (380, 'pigs head left outside baitul futuh', 'hate-crime', 'Merton'),
    (381,
     "I can hear the lady next door being beaten most weekends, we're on the Pembury estate. I'm scared to get involved but I can't keep ignoring it",
     'vawg',
     'Hackney'),
    (381,
     'someone keeps putting dog mess through our letterbox since we put up a pride flag, walthamstow',
     'hate-crime',
     'Waltham Forest'),
    (381,
     'tag came off last week, what is there in Redbridge to keep me on track',
     'reducing-reoffending',
     'Redbridge'),
    (382,
     "my wife has alzheimers and a male resident at the nursing home got into her bed. the home says its 'just dementia'. Carshalton",
     'sexual-violence',
     'Sutton'),
    (382,
     'mum has dementia and the builder who did her roof has had £9000 off her for work he never finished, Bexleyheath',
     'victims-witnesses',
     'Bexley'),
    (382,
     'elderly dad dementia doorstep crime, men keep coming round offering to do the drive and charging thousands. Orpington',
     'victims-witnesses',
     'Bromley'),
    (382,
     'husband with early onset alzheimers has signed up to loads of subscriptions and a fake crypto investment, who do we report it to',
     'victims-witnesses',
     None),
    (382,
     'dad has dementia and the lodger has basically taken over his house, made him sleep in the front room and has people round all hours. streatham',
     'exploitation',
     'Lambeth'),
    (382,
     "My husband has early dementia and some men from his old job keep picking him up to 'help out' on building sites. He comes back exhausted and never gets paid. Ponders End",
     'exploitation',
     'Enfield'),
    (382,
     'my husband has korsakoffs and keeps breaking his bail conditions because he forgets, Teddington',
     'reducing-reoffending',
     'Richmond upon Thames'),
    (383, 'szukam pomocy po polsku, partner mnie bije, londyn', 'vawg', None),
    (383,
     'my cousin came from poland for a job and they took his documents, he sleeps in a garage in enfield. is there polish charity',
     'exploitation',
     'Enfield'),
    (383,
     'hong kong family moved to twickenham, kids keep getting told go back to china in the street',
     'hate-crime',
     'Richmond upon Thames'),
    (384,
     'hear the woman next door screaming and him smashing things most nights, E17, what should i do',
     'vawg',
     'Waltham Forest'),
    (384, 'done 3 yrs, out now, tryna stay out of trouble. tottenham', 'reducing-reoffending', 'Haringey'),
    (385,
     'Foster carer. Young person placed with me is on a YRO with a tag. Is there any mentoring for kids on youth rehabilitation orders in Bexley?',
     'reducing-reoffending',
     'Bexley'),
    (385,
     "My son was charged with criminal damage at his school in Hounslow, court is in 3 weeks. He's never been in trouble before",
     'reducing-reoffending',
     'Hounslow'),
    (385, 'youth court gave me a parenting order what does it involve', 'early-intervention', None),
    (385,
     'my son was robbed at knifepoint in deptford and then HE got arrested when he went back to get his phone',
     'victims-witnesses',
     'Lewisham'),
    (386,
     'our corner shop in Forest Gate was ransacked overnight. my husband has not slept in three days',
     'victims-witnesses',
     'Newham'),
    (386,
     'burglers took my late wifes jewellery. hendon. cant face sleeping in our room',
     'victims-witnesses',
     'Barnet'),
    (386,
     "my fence was kicked in and the plants pulled up again. Upminster. I'm 74 and I feel like a prisoner",
     'community-safety',
     'Havering'),
    (386, 'my ex stole my moped so i cant get to work and says i can have it back if i see him', 'vawg', None),
    (386, 'halal butchers targeted again, brick through the window, Kingsbury', 'hate-crime', 'Brent'),
    (387, "my dads shop window was smashed and 'go home' written on it, east ham", 'hate-crime', 'Newham'),
    (387,
     'Moroccan family on Golborne Road getting abuse shouted at us, kids are scared',
     'hate-crime',
     'Kensington and Chelsea'),
    (388,
     'i think my mum is going to take me to egypt to get cut, my older sister had it done. i live in Wembley please help',
     'vawg',
     'Brent'),
    (388,
     'my little brother was abused at the madrassa back home before we moved here, hes 15 now and angry all the time',
     'sexual-violence',
     None),
    (388,
     'paid an agent on Green Street £3000 for my mums visa and flights and he disappeared. i feel so stupid',
     'victims-witnesses',
     'Newham'),
    (388,
     'someone offered my 16 year old brother a free holiday in Spain if he brings a bag back',
     'exploitation',
     None),
    (388, 'going abroad for a month, how do i get someone to keep an eye on my house', 'community-safety', None),
    (389,
     'post office counter in eltham, old gentleman sending money by western union for the 3rd time this week, says its for his grandson in canada and he was shaking. who do i contact',
     'victims-witnesses',
     'Greenwich'),
    (389,
     'lady came to my counter crying, someone emptied her account after a fake HMRC call. what help is there for her',
     'victims-witnesses',
     None),
    (389,
     'cashier at a building society in Epsom, pensioner paid £20k to a builder who knocked on his door and never did the work. support?',
     'victims-witnesses',
     None),
    (389,
     "customer had his pocket picked in the queue at our Cheapside branch, everything gone incl his passport, he's a tourist and doesnt know where to turn",
     'victims-witnesses',
     'City of London'),
    (389,
     'post office Northolt, little girl always comes in alone late at night buying food for her brothers and sisters, mum never around',
     'early-intervention',
     'Ealing'),
    (389,
     'work at a Co-op in Pimlico, a boy about 11 comes in every morning hungry, looks neglected',
     'early-intervention',
     'Westminster'),
    (391,
     'men in cars beep and shout stuff at me and my friends every morning walking to school in catford',
     'vawg',
     'Lewisham'),
    (391,
     "my bfs 'friends' want me to go to birmingham with them to drop off a bag, should i",
     'exploitation',
     None),
    (391, "someone from snapchat said he'd pay me for pics, im 14", 'exploitation', None),
    (391,
     'my ex got out of prison and wants to see our baby, is there support in enfield for dads leaving prison',
     'reducing-reoffending',
     'Enfield'),
    (391,
     'me and my mum argue all the time and she says shes going to put me in care, we live in ruislip',
     'early-intervention',
     'Hillingdon'),
    (391,
     'im 19 and pregnant and my bf left, is there help for young mums in merton',
     'early-intervention',
     'Merton'),
    (391, 'scared to walk through the park in mitcham since all the fights', 'community-safety', 'Merton'),
    (392,
     'how do i get the hedges cut back along the path to Tooting Bec station? people hide in there and my daughter walks it at night',
     'community-safety',
     'Wandsworth'),
    (392, 'alley gating scheme', 'community-safety', None),
    (392, 'too dark in the park', 'community-safety', None),
    (392, 'sanctuary scheme', 'vawg', None),
    (392, 'bleed control kit', 'youth-violence', None),
    (393,
     'my friend works at a restaurant in Wandsworth, they took her documents and she sleeps in the back',
     'exploitation',
     'Wandsworth'),
    (394,
     'volunteer coordinator at the food bank keeps sending me messages late at night and commenting on what i wear, im scared to go back for my shift',
     'vawg',
     None),
    (394,
     'The tutor at my evening art class grabbed me and kissed me in the store cupboard. Kingston',
     'sexual-violence',
     'Kingston upon Thames'),
    (395,
     'called a scrounger and pushed over my blue badge space at the supermarket, Harrow',
     'hate-crime',
     'Harrow'),
    (395,
     'man filmed me at the job centre in Dalston when my stoma bag leaked and security laughed',
     'hate-crime',
     'Hackney'),
    (397,
     'how do i get help for my daughter being bullied at school she wont go in anymore',
     'early-intervention',
     None),
    (397,
     'my kids are travellers and get told to go back to their caravan every day at school, my youngest got hit',
     'hate-crime',
     None),
    (398,
     'Got an email saying they have webcam footage of me and want bitcoin or they send it to my contacts. Is this real? Pensioner, Bromley',
     'victims-witnesses',
     'Bromley'),
    (398,
     "my nan is being blackmailed by a man she met online, he says he'll tell the family about their 'relationship' unless she sends more money",
     'victims-witnesses',
     None),
    (401,
     'pastor told us our 6 year old is a witch and is the reason my husband lost his job. i dont know what to do thornton heath',
     'early-intervention',
     'Croydon'),
    (401,
     'they made my little brother fast for 3 days to drive the spirit out hes 10 (plaistow)',
     'early-intervention',
     'Newham'),
    (401,
     'church elder said my daughter is rebellious because of a spirit and told me to beat it out of her. i dont want to but they keep on at me. Tottenham',
     'early-intervention',
     'Haringey'),
    (401, 'spirit possession child abuse safeguarding advice', 'early-intervention', None),
    (401,
     "the 'prophet' said he had to pray over my body naked to remove the curse. I feel sick. Woolwich",
     'sexual-violence',
     'Greenwich'),
    (401,
     'girl told me she swore a juju oath and has to pay back 30k, shes working out of a flat off edgware road',
     'exploitation',
     'Westminster'),
    (401,
     'left islam and people i used to know are posting my address online calling me an apostate. leytonstone',
     'hate-crime',
     'Waltham Forest'),
    (401,
     'neighbours keep shouting witch at me and leaving dead birds since I started practising paganism. Hornchurch',
     'hate-crime',
     'Havering'),
    (401,
     'men from the local mosque keep threatening me outside my flat since they found out I converted to christianity. Canning Town',
     'hate-crime',
     'Newham'),
    (401, "fake spiritual healer took my gold to 'cleanse' it and disappeared", 'victims-witnesses', None),
    (401, 'online psychic said my family is cursed and took over 8k off me', 'victims-witnesses', None),
    (401,
     'theres a marabout in shepherds bush who takes money to lift curses. he took £900 off my aunt',
     'victims-witnesses',
     'Hammersmith and Fulham'),
    (401, 'people keep preaching at us and filming us on streatham common', 'community-safety', 'Lambeth'),
    (403,
     'courses for ex offenders, i want to train as a dog groomer and leave all that behind',
     'reducing-reoffending',
     None),
    (403,
     'XL bullies roaming loose on the Aylesbury estate again, kids cant play out',
     'community-safety',
     'Southwark'),
    (404,
     'my 8 year old keeps playing with lighters and set fire to his bedroom curtains',
     'early-intervention',
     None),
    (404, 'fire setting intervention for children lewisham', 'early-intervention', 'Lewisham'),
    (406,
     "astrologer on instagram took money to fix my marriage and now says he'll send my photos to my family unless i pay more",
     'victims-witnesses',
     None),
    (406,
     "my dad keeps sending money to a 'prophet' in nigeria over whatsapp, how do we report it, we live in Erith",
     'victims-witnesses',
     'Bexley'),
    (407, 'price on my head on snapchat what do i do im 17', 'youth-violence', None),
    (410, 'my employer calls me monkey and says filipinos are dirty', 'hate-crime', None),
    (410, 'man hit me on the platform at Paddington because I am black', 'hate-crime', 'Westminster'),
    (412,
     'regular turned up drunk and pinned me down, he stopped in the end but i cant stop shaking. Enfield',
     'sexual-violence',
     'Enfield'),
    (412,
     'man said he was police and took my money off me on the street in Ilford, pretty sure he wasnt',
     'victims-witnesses',
     'Redbridge'),
    (412,
     'my friend was beaten by a client in wood green and the police were rude to her, where else can she get support',
     'victims-witnesses',
     'Haringey'),
    (412,
     "there's a girl working at the parlour in Wembley who im sure is under 18, who do I tell without getting us all in trouble",
     'exploitation',
     'Brent'),
    (413, 'barman, got called a f****t and followed after closing in soho', 'hate-crime', 'Westminster'),
    (414, 'ex says he will send my pictures to my family if I dont get back with him', 'vawg', None),
    (415,
     '14 yr old selling weed for older boys to pay back what he lost on bets, uxbridge',
     'exploitation',
     'Hillingdon'),
    (415,
     'daughter 14 taking money from my purse, think shes using my account for online slots. bromley',
     'early-intervention',
     'Bromley'),
    (415,
     'caught my 13 yr old in a bookies on walworth road and they didnt even ID him',
     'early-intervention',
     'Southwark'),
    (417,
     "my grandson lives with me, i'm 67 and he runs rings round me, he's 12. Leyton",
     'early-intervention',
     'Waltham Forest'),
    (418,
     'my dads keep getting eggs thrown at their windows and batty man shouted at them. Plumstead',
     'hate-crime',
     'Greenwich'),
    (418, 'me and my bf got chased out of a kebab shop in stoke newington for kissing', 'hate-crime', 'Hackney'),
    (418,
     'school kids throw stones at me and my wife every time we walk the dog in Dagenham, calling us lezzas',
     'hate-crime',
     'Barking and Dagenham'),
    (418, 'harm reduction for G, how do people dose safely', 'substance-misuse', None),
    (419,
     'man exposed himself to me at my flower stall columbia road sunday morning',
     'sexual-violence',
     'Tower Hamlets'),
    (419, 'bloke paid with a fake payment link on my card reader, lost £600', 'victims-witnesses', None),
    (419, 'two lads on a moped snatched my cash tin at Petticoat Lane', 'victims-witnesses', 'Tower Hamlets'),
    (419, 'getting fake £50 notes at my stall, third this month. who do i report to', 'victims-witnesses', None),
    (419,
     'someone is paying schoolkids to sell weed from behind my stall at broadway market',
     'exploitation',
     'Hackney'),
    (419,
     'friend from north end road market overdosed last week, can i get naloxone to keep on my stall',
     'substance-misuse',
     'Hammersmith and Fulham'),
    (419,
     'after school clubs near chatsworth road so my kids arent sat in the van every evening',
     'early-intervention',
     'Hackney'),
    (419,
     'people using the alley behind strutton ground as a toilet and dealing, traders fed up',
     'community-safety',
     'Westminster'),
    (421,
     'mi hermana su esposo le pega, she live in Tottenham, need service that speak spanish',
     'vawg',
     'Haringey'),
    (421, 'refugio para mujeres london', 'vawg', None),
    (421, 'estupro ajuda mulher brasileira Londres', 'sexual-violence', None),
    (421, 'fui violada por mi ex pareja, necesito hablar con alguien, Tooting', 'sexual-violence', 'Wandsworth'),
    (421, 'robo de moto de reparto deliveroo Hackney', 'victims-witnesses', 'Hackney'),
    (421, 'me robaron en el bus, perdí pasaporte y tarjetas, ayuda', 'victims-witnesses', None),
    (421, 'trata de personas ayuda londres', 'exploitation', None),
    (421, 'ataque homofóbico en Soho, me golpearon saliendo del bar', 'hate-crime', 'Westminster'),
    (421,
     'mi hijo sale de la cárcel, dónde puede conseguir ayuda para no volver a lo mismo',
     'reducing-reoffending',
     None),
    (421, 'meu marido saiu da prisão e precisa de ajuda, Wembley', 'reducing-reoffending', 'Brent'),
    (421, 'alcoholicos anonimos en español london', 'substance-misuse', None),
    (421, 'curso para padres como hablar con hijos adolescentes', 'early-intervention', None),
    (421,
     'escola chamou de novo por causa do comportamento do meu filho, Bayswater',
     'early-intervention',
     'Westminster'),
    (421,
     'vecinos hacen fiesta con música muy alta cada noche y cuando les digo algo me amenazan, Stratford',
     'community-safety',
     'Newham'),
    (421, 'no me siento segura en mi barrio', 'community-safety', None),
    (424,
     'my cousin come from Bulgaria for job, now the men who bring him take all his salary and not let him go, he is somewhere in Barking',
     'exploitation',
     'Barking and Dagenham'),
    (424,
     'my husband was beaten because he speak russian on phone, Kensington High Street',
     'hate-crime',
     'Kensington and Chelsea'),
    (427, 'kocam beni dovuyor yardim istiyorum tottenham', 'vawg', 'Haringey'),
    (427, 'kadin siginma evi londra acil', 'vawg', None),
    (427, 'tecavuz destek hatti londra kadin', 'sexual-violence', None),
    (427, 'cinsel saldiri sonrasi ne yapmaliyim lewisham', 'sexual-violence', 'Lewisham'),
    (427, 'oglum bicak tasiyor ne yapabilirim', 'youth-violence', None),
    (427, 'oglumu uyusturucu satmaya zorluyorlar', 'exploitation', None),
    (427,
     'neighbour keep saying my family dirty turks and put rubbish at our door, romford',
     'hate-crime',
     'Havering'),
    (427, 'irkci saldiri nereye bildiririm', 'hate-crime', None),
    (427, 'cezaevinden cikan oglum icin yardim', 'reducing-reoffending', None),
    (427, 'ben hapisten yeni ciktim sabikam var is bulamiyorum edmonton', 'reducing-reoffending', 'Enfield'),
    (427, 'esrar bagimliligi tedavi londra', 'substance-misuse', None),
    (427, 'cocugum okulda sorun cikariyor ailelere destek var mi enfield', 'early-intervention', 'Enfield'),
    (427,
     'mahallede her gece kavga gurultu, kime sikayet edebilirim, walthamstow',
     'community-safety',
     'Waltham Forest'),
    (430, 'amar zamai amare mare aar taka o dey na, 3 ta bacha, kita kortam', 'vawg', None),
    (430, 'maara pati mane maare chhe, Wembley ma koi madad male?', 'vawg', 'Brent'),
    (430,
     'shaadi ke baad se ghar se bahar nahi jaane dete, phone bhi check karta hai, meri behen se baat bhi nahi karne deta. Yeading',
     'vawg',
     'Hillingdon'),
    (430,
     'mere saath party mein zabardasti hui, Harrow, police ko batau ya nahi samajh nahi aa raha',
     'sexual-violence',
     'Harrow'),
    (430,
     'i clean offices in the City nights, supervisor keep grabbing me and saying dirty things, scared to lose job',
     'sexual-violence',
     'City of London'),
    (430,
     'mari dikri ne party ma koi e drink ma kaik nakhi didhu, pachhi shu thayu ene yaad nathi. Wembley Park',
     'sexual-violence',
     'Brent'),
    (430, 'raat e chor ghore dhukse, amma khub dor paise ekhon ghumaite pare na', 'victims-witnesses', None),
    (430,
     'mere bete ko school ke bahar loot liya, phone aur jacket le gaye, ab woh school jaane se darta hai. Northolt',
     'victims-witnesses',
     'Ealing'),
    (430,
     'amar abba re rastay maarse, matay stitch lagse. Poplar. amra kita kortam',
     'victims-witnesses',
     'Tower Hamlets'),
    (430,
     'domestic worker for family in Kensington, they dont let me leave house, no salary 2 years',
     'exploitation',
     'Kensington and Chelsea'),
    (430, "amar dokan e keu 'go home' likhe gese, Brick Lane", 'hate-crime', 'Tower Hamlets'),
    (430, 'train mein kisi ne mujh par thooka aur gaali di kyunki meri daadhi hai', 'hate-crime', None),
    (430,
     'my son at school in Twickenham other boys call him curry muncher every day',
     'hate-crime',
     'Richmond upon Thames'),
    (430, 'amar zamai protidin nesha kore, tablet khay', 'substance-misuse', None),
    (430, 'daru chhadni hai, kisi ko pata na chale', 'substance-misuse', None),
    (430, 'mere mohalle mein raat ko log sharab pee ke shor karte hain, Sparkhill', 'community-safety', None),
    (431, 'chong toi danh toi. toi o Deptford, co ai noi tieng Viet giup toi khong', 'vawg', 'Lewisham'),
    (431,
     'ppl keep doing slanty eyes at my kids in the park in uxbridge, one time throw stone',
     'hate-crime',
     'Hillingdon'),
    (432,
     "My autistic brother has new 'friends' staying in his flat in Poplar and he's frightened of them",
     'exploitation',
     'Tower Hamlets'),
    (433,
     'my friend she go party in Dalston and somebody put something in drink, she wake up in a flat she dont know and not remember what happen',
     'sexual-violence',
     'Hackney'),
    (433,
     'dozd amad khoonamoon in Finchley, they take everything, my children scared to sleep now',
     'victims-witnesses',
     'Barnet'),
    (433, 'a man in Orpington keep saying refugees go back and kick my door', 'hate-crime', 'Bromley'),
    (433,
     'people film us and shout at the sisters leaving the masjid on friday, Whitechapel Road',
     'hate-crime',
     'Tower Hamlets'),
    (433,
     'walaalkay xabsi ka soo baxay, he want stop the crime but nobody give him chance. Harlesden',
     'reducing-reoffending',
     'Brent'),
    (433, 'ibni smoking hashish every day and sleep all day, ana mish 3arfa a3mel eh', 'substance-misuse', None),
    (434,
     'mi baby fada keep a come by mi yard a night time a bang pon di door, mi have injunction but him nuh care. Brixton',
     'vawg',
     'Lambeth'),
    (434, 'a woman pulled my headwrap on the bus in Orpington and called me names', 'hate-crime', 'Bromley'),
    (434,
     'somebody put banana skin and a note on my car telling us to leave the area, Surbiton',
     'hate-crime',
     'Kingston upon Thames'),
    (435,
     "my girl is 14 and has a 'boyfriend' 10 yrs older who buys her everything, lewisham",
     'exploitation',
     'Lewisham'),
    (436,
     'eggs thrown from a car at chassidishe boys walking home from cheder, Amhurst Park, 3rd time this month',
     'hate-crime',
     'Hackney'),
    (436,
     "neighbour shouts 'hitler should of finished the job' over the fence when my kids are in the garden, edgware",
     'hate-crime',
     'Barnet'),
    (436, 'mezuzah ripped off our front door twice now', 'hate-crime', None),
    (436, 'uber driver saw my yarmulke and made me get out, Swiss Cottage', 'hate-crime', 'Camden'),
    (436,
     'group of teenagers knocked my husbands shtreimel off on shabbos and laughed, upper clapton',
     'hate-crime',
     'Hackney'),
    (436, 'on yom tov people threw stones at our sukkah from the street', 'hate-crime', None),
    (436, 'woman pulled my sheitel off at Finchley Road station and everyone laughed', 'hate-crime', 'Camden'),
    (436,
     'boys from the estate throwing water balloons at the girls school bus and shouting yahudi, stamford hill',
     'hate-crime',
     'Hackney'),
    (436,
     "i saw a man screaming jewish scum at a frum woman with a buggy on the bus at Golders Green. I'm a witness what do i do",
     'hate-crime',
     'Barnet'),
    (436,
     'my sisters husband keeps all the money, she has to ask him for every pound for food, and the rebbetzin just says shalom bayis. they live in stamford hill',
     'vawg',
     'Hackney'),
    (436,
     'Everyone keeps telling me shalom bayis but he pushes me and screams at the children. I need someone outside the community to talk to',
     'vawg',
     None),
    (436,
     'fake tzedakah collectors came to the door collecting for a kallah and took my card details',
     'victims-witnesses',
     None),
    (436,
     'gang of kids on bikes taking phones off teenagers at knifepoint, stoke newington church st',
     'youth-violence',
     'Hackney'),
    (436,
     'every kiddush turns into whisky and then more at home. not sure if i have a problem',
     'substance-misuse',
     None),
    (436,
     'teenager refusing to go to school (Hasmonean), we dont know what to do',
     'early-intervention',
     'Barnet'),
    (437,
     'english fella on my road keeps calling me a jock c*nt and keyed my car, Carshalton',
     'hate-crime',
     'Sutton'),
    (438,
     'abuse in church as a boy, Ealing parish, is there a group for people like me',
     'sexual-violence',
     'Ealing'),
    (439, 'burri im me rrah, kam 2 femije, familja ime eshte ne Prishtine, ku te shkoj?', 'vawg', None),
    (439,
     'shefi me preku ne restorant ku punoj ne Soho, i dont know if i can tell police',
     'sexual-violence',
     'Westminster'),
    (439,
     "mia figlia 19 anni dice che il suo ex l'ha forzata. we live Hammersmith dove andare",
     'sexual-violence',
     'Hammersmith and Fulham'),
    (439,
     'vjedhje ne shtepi Ilford, policia erdhi por tani kemi frike te flejme',
     'victims-witnesses',
     'Redbridge'),
    (439, 'neighbour call us dirty albanians and spit on my car', 'hate-crime', None),
    (439, 'someone put note ALBANIANS OUT in my letterbox. Erith', 'hate-crime', 'Bexley'),
    (439,
     'serbian guys beat my brother outside pub in Fulham because he is albanian',
     'hate-crime',
     'Hammersmith and Fulham'),
    (439,
     'kids at my daughter school in Morden call her dirty greek every day, school do nothing',
     'hate-crime',
     'Merton'),
    (439, 'my brother vgike apo ti fylaki last week, need job and house', 'reducing-reoffending', None),
    (439, 'djali doli nga burgu, ku mund te gjeje pune? Newham', 'reducing-reoffending', 'Newham'),
    (439, 'vajza ime u perjashtua nga shkolla, Ilford, what happen next', 'early-intervention', 'Redbridge'),
    (439, 'non mi sento sicura tornare a casa la sera a Elephant and Castle', 'community-safety', 'Southwark'),
    (439,
     'nuk ndihem e sigurt ne Valence Park, Dagenham, djem te rinj pine dhe bertasin',
     'community-safety',
     'Barking and Dagenham'),
    (439, 'gente che spaccia sotto casa mia a Holloway tutte le sere', 'community-safety', 'Islington'),
    (440,
     'i was drunk and i dont remember, i woke up at his flat and i think something happened. i dont want to be blamed for drinking',
     'sexual-violence',
     None),
    (440,
     'i fought back when someone tried to rob me in woolwich and now hes made a complaint against me',
     'victims-witnesses',
     'Greenwich'),
]


@pytest.mark.parametrize("set_number, query, topic, borough", LATER_SETS)
def test_the_later_unseen_sets(index, set_number, query, topic, borough):
    """Read as the topic and borough, with a service of the topic in the first three or among the
    nearest elsewhere that the page names."""
    _first_three_show(index, query, topic, borough)


@pytest.mark.parametrize("query, first", [
    ("trafficking victim support", "exploitation"),
    ("drug dealing outside my block every night Walworth", "community-safety"),
    ("my 11 year old has started hanging around with older kids and lying about where he is", "exploitation"),
    # "estate" says where: what happened there leads
    ("lad on our estate in Stonebridge keeps getting beaten up", "victims-witnesses"),
    # of services that match as widely, one of the first topic, though another fits a few words better
    ("trans woman, get harassed every day walking to Leytonstone station", "hate-crime"),
    ("people dealing openly at the bus stop outside Seven Sisters station every night", "community-safety"),
])
def test_the_first_service_is_of_the_topic_the_page_shows_first(index, query, first):
    """"Showing: Exploitation · Victim support": when services of both fit as well, one of the
    first topic is listed first (the second has one in the first three)."""
    result = index.search(query, limit=3)
    assert result.understood.terms[0] == first, result.summary
    assert first in result.items[0].service.term_ids, [i.service.id for i in result.items]
    if len(result.understood.terms) >= 2:
        second = result.understood.terms[1]
        assert any(second in i.service.term_ids for i in result.items), [i.service.id for i in result.items]


@pytest.mark.parametrize("query, not_topic", [
    ("my belongings were stolen from my car", "hate-crime"),  # not "belong here"
    ("family law advice", "vawg"),  # not "in laws"
    ("im broke and my son is in a gang", "victims-witnesses"),  # not "broke in"
])
def test_a_word_that_needs_its_preposition_is_not_read_without_it(index, query, not_topic):
    assert not_topic not in index.search(query).understood.terms


@pytest.mark.parametrize("query, county_lines", [
    ("my son was picked up by police in Kent with drugs", True),
    ("14 year old from Peckham found in Margate with drugs", True),
    ("moving to reading, need drugs help", False),  # a word, not the town: no row names it
    ("family days out in Kent for kids", False),  # a county alone is no sign
])
def test_a_london_child_found_with_drugs_in_a_county_town_is_county_lines(index, query, county_lines):
    assert ("exploitation" in index.search(query).understood.terms) is county_lines


def test_a_break_in_before_the_place_is_still_read(index):
    """"break in Upminster": the "in" is both the row's and the place's."""
    understood = index.search("break in Upminster need support").understood
    assert understood.location.label == "Upminster" and understood.terms[0] == "victims-witnesses"


def test_a_household_burgled_while_asleep_is_not_read_as_sexual_assault(index):
    """"While I was asleep" is a survivor's words (a row for sexual violence, met across stopwords as
    "while ... asleep"); "someone broke in while we were asleep" is a burglary, and listed Rape
    Crisis first before "while we were asleep" had its own row."""
    result = index.search("someone broke in while we were asleep surbiton kids traumatised")
    assert "sexual-violence" not in result.understood.terms
    assert "victims-witnesses" in result.items[0].service.term_ids
    assert index.search("he touched me while I was asleep").understood.terms == ("sexual-violence",)


def test_a_second_place_that_is_a_thesaurus_row_is_still_read_for_it(index):
    """"just out of Pentonville ... lives in Holloway": Holloway is the place, and Pentonville, a
    second place's name, is no longer dropped as one: it is a prison, read for its row."""
    result = index.search("tenant just out of Pentonville, he lives in Holloway")
    assert result.understood.terms[0] == "reducing-reoffending"
    assert "pentonville" not in result.understood.ignored_words
    assert "camden" in index.search("Bromley Camden youth club").understood.ignored_words


@pytest.mark.parametrize("query", [
    "my son gets out of Feltham next month, where can he get help so he doesn't end up back in",
    "friend leaves Feltham soon, he's 19 and needs help with housing and college",
])
def test_a_place_that_completes_a_row_of_two_parts_is_read_for_it(index, query):
    """Feltham is a place and a young offender institution: "out of" or "leaves" just before it
    completes the row of two parts for leaving prison, so it is read as that too; words further
    away do not ("youth club in Feltham, kids out late" is no prison leaver)."""
    understood = index.search(query).understood
    assert understood.location.label == "Feltham" and "reducing-reoffending" in understood.terms
    assert "reducing-reoffending" not in index.search("youth club in Feltham, kids out late").understood.terms
    # a word that is not a stopword between them ends it: "out overnight. Feltham" is no prison leaver
    assert "reducing-reoffending" not in index.search("keeps her out overnight. Feltham").understood.terms


@pytest.mark.parametrize("query", [
    "my son is in Feltham prison and comes home to Southall next month",
    "My son is in Feltham YOI and I want to find support for when he comes home to Southall",
])
def test_a_prison_named_by_its_town_after_in_is_not_where_the_person_is(index, query):
    """"in Feltham prison" names a prison, and the clause after "in" goes on to the person's home:
    the home is the place (Southall, Ealing), the prison is read for its topic; "in Feltham, kids out
    late" is still Feltham."""
    understood = index.search(query).understood
    assert understood.location.label == "Southall" and understood.terms[0] == "reducing-reoffending"
    understood = index.search("youth club in Feltham and kids out late near the station").understood
    assert understood.location.label == "Feltham"


def test_one_ordinary_word_after_the_last_in_is_no_misspelt_place(index):
    """"won't go in anymore" ends with "in", but "anymore" is an ordinary word, not a misspelt
    Anerley: the place named earlier is the place; a misspelt place after "in" is still read."""
    understood = index.search("my son is being bullied at school in Carshalton and doesn't want to go in "
                              "anymore").understood
    assert understood.location.label == "Carshalton" and understood.terms == ("early-intervention",)
    assert index.search("domestic abuse in anerly").understood.location.label == "Anerley"


@pytest.mark.parametrize("query, place, borough", [
    ("he used to do valentines parkrun with me every week", "Valentines Park", "Redbridge"),
    ("a man did monkey noises at my son at Crystal Palace parkrun", "Crystal Palace Park", "Bromley"),
])
def test_a_parkrun_is_run_in_its_park(index, query, place, borough):
    """A parkrun is named by its park ("Crystal Palace parkrun" is in Crystal Palace Park, Bromley,
    not the neighbourhood, mostly Croydon); "junior parkrun" alone names no place."""
    location = index.search(query).understood.location
    assert (location.label, index.snapshot.borough_name(location.borough_code)) == (place, borough)
    assert index.search("junior parkrun, a little boy always comes on his own").understood.location is None


def test_a_boroughs_own_name_after_our_is_the_borough(index):
    """A common word after "our" is the thing itself ("a man from our temple" is not Temple), but a
    borough's own name is its place even so, capital or none ("in our croydon branch")."""
    understood = index.search("one of my staff got punched by a customer in our croydon branch").understood
    assert understood.location.label == "Croydon"
    assert index.search("a man from our temple keeps shouting at us").understood.location is None


def test_older_boys_say_who_and_give_way_to_what_happened(index):
    """"older boys" is a sign of exploitation only when nothing else says what happened: "an older
    boy ... made him do things" to a child of seven is sexual abuse."""
    assert index.search("older lads waiting for my son after school").understood.terms[0] == "exploitation"
    assert index.search("my grandson is 7 and he said an older boy at his after school club made him do "
                        "things, we're in Mitcham").understood.terms[0] == "sexual-violence"


@pytest.mark.parametrize("query, topic, borough", [
    ("dealing in the stairwell Ocean Estate", "community-safety", "Tower Hamlets"),
    ("groups hanging round the garages behind Chalkhill its intimidating", "community-safety", "Brent"),
    ("15yo found miles away in another town police said drug running we live on the Kingsmead", "exploitation",
     "Hackney"),
])
def test_an_estate_is_found_by_its_name_with_or_without_estate(index, query, topic, borough):
    """Residents name their estate ("on the Kingsmead", "behind Chalkhill"): five estates, parks and
    areas the twenty-first set named are in the gazetteer, each with its published address."""
    _first_three_show(index, query, topic, borough)
    assert index.search("ocean").understood.location is None  # an ordinary word alone is no place


def _placed_in(index, query, borough):
    """The query is read as a place in the borough (a landmark of the gazetteer)."""
    location = index.search(query).understood.location
    assert location is not None and index.snapshot.borough_name(location.borough_code) == borough, location


@pytest.mark.parametrize("query, borough", [
    ("my ex keeps turning up outside my block on the Brandon estate and won't leave me alone", "Southwark"),
    ("grew up on the Ferrier and was abused by a family friend back then", "Greenwich"),
    ("my nephew gets calls on a second phone at all hours, we live on Woodberry Down", "Hackney"),
    ("can hear the woman next door being hit most nights, Lillington Gardens, what can I do", "Westminster"),
    ("teenagers on the Granville Road estate shouting abuse at our orthodox jewish neighbours", "Barnet"),
    ("black family moved onto the Waterloo estate romford and already had the car keyed", "Havering"),
    ("I live on the Middlesex Street estate and my drinking is getting me in trouble", "City of London"),
])
def test_housing_estates_across_london_are_places(index, query, borough):
    """The 262nd set placed its residents by their estate, block or tower: 156 estates are in the
    gazetteer, each in the borough its postcode sector says. An estate whose own name another
    place has ("Waterloo", "Church End") is that estate only with "estate"."""
    _placed_in(index, query, borough)
    assert index.search("cheap hotel near Waterloo").understood.location.label == "Waterloo"


@pytest.mark.parametrize("query, borough", [
    ("he hit me in front of everyone in Valentines Park and no one did anything", "Redbridge"),
    ("mugged at knifepoint on the river path by Canbury Gardens, cant sleep since", "Kingston upon Thames"),
    ("robbed in Lesnes Abbey woods last weekend, who helps victims?", "Bexley"),
    ("after school clubs for 12 yr olds near King George's Park", "Wandsworth"),
    ("car meets and racing round Royal Victoria Dock every friday", "Newham"),
    ("man grabbed me while I was walking the dog in Beckenham Place Park", "Lewisham"),
    ("teen stabbed in Manor Park Sutton, kids at his school scared it'll kick off again", "Sutton"),
    ("youth club Manor Park", "Newham"),
])
def test_parks_commons_and_open_spaces_are_places(index, query, borough):
    """The 265th set placed what happened by a park, common or towpath: 180 open spaces are in the
    gazetteer, each in the borough its postcode says (a park in a sector mostly another borough's,
    as Beckenham Place Park in BR3, at one of its own borough's postcodes). A name shared with
    another place ("Manor Park") is the first listed unless a town or borough comes with it, also
    right after it in a clause ("in Manor Park Sutton, kids at his school ...")."""
    _placed_in(index, query, borough)


@pytest.mark.parametrize("query, borough", [
    ("boys outside Mossbourne keep robbing year 7s for their phones", "Hackney"),
    ("my son in year 10 at Woodside High smokes weed every day", "Haringey"),
    ("fights after college at Newham Sixth Form", "Newham"),
    ("a mum at the Chace school gates told me her husband locks her in the house", "Enfield"),
    ("swastikas sprayed on the wall outside Orleans Park School", "Richmond upon Thames"),
    ("drug treatment referral for a pupil, we're at Acland Burghley", "Camden"),
])
def test_schools_and_colleges_are_places(index, query, borough):
    """The 268th set placed what happened by a school or college: 308 are in the gazetteer, found
    by the name pupils say ("Mossbourne", "Woodside High", "Newham Sixth Form")."""
    _placed_in(index, query, borough)


@pytest.mark.parametrize("query, borough", [
    ("attacked on the bus outside Chase Farm Hospital, need someone to talk to", "Enfield"),
    ("my wife had her hijab pulled off outside Finsbury Park Mosque", "Islington"),
    ("crack addiction help near the British Library", "Camden"),
    ("nephew owes older boys he met at Kingfisher Leisure Centre money", "Kingston upon Thames"),
    ("after school clubs to keep my boy off the street, near the Porchester Centre", "Westminster"),
    ("cars getting broken into at Mount Vernon hospital every week", "Hillingdon"),
])
def test_hospitals_places_of_worship_libraries_and_leisure_centres_are_places(index, query, borough):
    """The 271st set placed what happened by a community building: 60 hospitals, mosques, gurdwaras,
    libraries and leisure centres were added to the gazetteer ("Finsbury Park Mosque" is Islington's,
    where Finsbury Park, the area, is Haringey's)."""
    _placed_in(index, query, borough)


@pytest.mark.parametrize("query, first", [
    ("he logs into my banking app and the nest cam and then tells me what I bought", "vawg"),
    ("someone cloned my whatsapp and asked everyone in my contacts for money", "victims-witnesses"),
])
def test_harm_done_through_devices(index, query, first):
    """The 272nd set: a partner logging into accounts and cameras is controlling behaviour; a cloned
    account used to ask for money is fraud."""
    assert index.search(query).understood.terms[0] == first


@pytest.mark.parametrize("query, label, borough", [
    ("kids throwing stones at buses on Woodgrange Road", "Woodgrange Road", "Newham"),
    ("motorbikes racing up and down Rainham Road South at 2am", "Rainham Road South", "Barking and Dagenham"),
    ("my 11 year old is hanging round Hornsey Road after dark", "Hornsey Road", "Islington"),
    ("counselling for abuse as a child, I live off Uxbridge High Street now", "Uxbridge High Street", "Hillingdon"),
    ("son at Woodside High smokes weed", "Woodside High School", "Haringey"),
])
def test_streets_named_after_a_place_elsewhere_are_their_own(index, query, label, borough):
    """The 274th set placed what happened by a street: a road named after a place in another
    borough is its own place (Rainham Road South is Dagenham's, Hornsey Road Islington's), and a
    high street is not the school of the same town ("Uxbridge High")."""
    location = index.search(query).understood.location
    assert location.label == label
    assert index.snapshot.borough_name(location.borough_code) == borough


def test_a_row_begun_by_the_word_before_the_place_is_read(index):
    """"in recovery" is a row: in "peer support for people in recovery Sidcup" the "in" before the
    place is read with "recovery", not dropped as the word that introduces Sidcup."""
    understood = index.search("peer support for people in recovery Sidcup").understood
    assert understood.terms == ("substance-misuse",)
    assert understood.location.label == "Sidcup"


def test_a_shared_name_is_the_place_in_the_borough_of_another_place_named(index):
    """Church End is in Barnet and in Brent; beside Stonebridge (Brent) it is Brent's."""
    understood = index.search("postcode thing between Stonebridge and Church End, my son cant go to the shop").understood
    assert understood.location.label == "Church End"
    assert index.snapshot.borough_name(understood.location.borough_code) == "Brent"
    alone = index.search("youth club Church End").understood.location
    assert index.snapshot.borough_name(alone.borough_code) == "Barnet"  # the first listed, as before


@pytest.mark.parametrize("query, first", [
    ("kids shouting gyppo at my children on the way to school in Uxbridge", "hate-crime"),
    ("someone wrote burn the pikeys on the wall by our site", "hate-crime"),
    ("someone keeps slashing the tyres on our vans every week", "community-safety"),
    ("recovery cafe Enfield", "substance-misuse"),
    ("violence reduction support young travellers Hornchurch", "youth-violence"),
    ("notes saying go home keep getting pushed through our door in Welling", "hate-crime"),
    ("indecent exposure by the playground at Canons Park", "sexual-violence"),
    ("people having raves and leaving rubbish on Chingford Plain", "community-safety"),
    ("smart recovery meetings", "substance-misuse"),
])
def test_words_gypsies_and_travellers_use_and_meet(index, query, first):
    """The 263rd set, by Gypsy, Roma and Traveller Londoners: the slurs they meet say why a thing
    was done (motive rows), tyres slashed are criminal damage."""
    assert index.search(query).understood.terms[0] == first


@pytest.mark.parametrize("query, topic, borough", [
    ("older men in cars picking up schoolgirls outside the Whitgift Centre", "exploitation", "Croydon"),
    ("boy racers tearing round the car park behind the St Nicholas Centre", "community-safety", "Sutton"),
    ("keep ending up back inside and i actually want to change, live off Electric Avenue", "reducing-reoffending",
     "Lambeth"),
    ("little kids holding packages for dealers around Chrisp Street Market", "exploitation", "Tower Hamlets"),
    ("partner's on probation, anything to help him stay out of prison near The Glades", "reducing-reoffending",
     "Bromley"),
])
def test_shopping_centres_markets_and_landmarks_are_places(index, query, topic, borough):
    """The forty-fourth set named places by their shopping centre, market, street, stadium or
    hospital; 13 of its 150 found no place. Forty-three such places are in the gazetteer, each with its
    published address; a shopping centre is found with or without "Shopping" and by its own name."""
    _first_three_show(index, query, topic, borough)
    assert index.search("kids fighting at the whitgift").understood.location.label == "Whitgift Centre"
    # Edgware Road (Westminster) is not Edgware (Barnet); Edgware alone still is
    assert index.search("youth club near Edgware Road station").understood.location.borough_code == "E09000033"
    assert index.search("youth club Edgware").understood.location.borough_code == "E09000003"
    assert index.search("youth centre Croydon").understood.location.label == "Croydon"


@pytest.mark.parametrize("query, not_topic", [
    ("want to cut back on the drink before I lose my kids, Dagenham", "vawg"),  # "cut" is no FGM
    ("where can I learn how to deal with my teenagers tantrums near wembley", "exploitation"),  # no dealing
    ("something vile left outside the mosque gates this morning in Tooting", "reducing-reoffending"),  # no gate
])
def test_words_that_only_look_like_a_topic_are_not_read_as_it(index, query, not_topic):
    assert not_topic not in index.search(query).understood.terms


@pytest.mark.parametrize("query, borough", [
    ("racially abused at work on portobello road", "Kensington and Chelsea"),
    ("I'm a practice nurse in Clapton and a patient was badly beaten", "Hackney"),
    ("boss keep my passport i work no money in restaurant Queensway", "Westminster"),
    ("gang of lads on mopeds doing wheelies outside the Tesco on Mare Street", "Hackney"),
])
def test_streets_and_areas_residents_name_are_in_the_gazetteer(index, query, borough):
    _placed_in(index, query, borough)


def test_who_someone_is_says_which_topic_leads_but_not_what_happened(index):
    """A word for who someone is ("gay", "wheelchair", "trans") is a context row: alone it is
    hate crime, beside what happened it gives way ("gay guy using chems" is drugs); and when what
    happened includes hate crime, who it happened to puts it first."""
    assert index.search("gay").understood.terms == ("hate-crime",)
    assert "hate-crime" not in index.search("gay guy using chems at weekend parties, Soho").understood.terms
    assert "hate-crime" not in index.search("wheelchair user drinking heavy since accident, caught drink "
                                            "driving, Finchley").understood.terms
    assert index.search("trans woman, people on my estate harass me every day, Hackney").understood.terms[0] \
        == "hate-crime"
    # "my son" says who the help is for, not which topic leads: a mugging is victim support first
    assert index.search("my son was mugged on the way home from school, West Norwood").understood.terms[0] \
        != "early-intervention"


def test_stones_are_not_stoned(index):
    """"stoned" is read only in a phrase ("came home stoned"): its stem is also that of "stones"."""
    assert "substance-misuse" not in index.search("kids throwing stones at buses in Northolt").understood.terms


def test_serving_a_sentence_is_not_any_years_of_something(index):
    """"did 3 years" would read "I did 3 years at uni" as prison time too: only serving or served
    years is; and "slashed" alone (tyres) is no knife attack, "slashed on the face" is."""
    assert "reducing-reoffending" not in index.search("I did 3 years at uni and now need a job").understood.terms
    assert index.search("served 3 years and need a job now, Croydon").understood.terms[0] == "reducing-reoffending"
    assert "youth-violence" not in index.search("Polish family told go home, tyres slashed twice, "
                                                "Hammersmith").understood.terms


@pytest.mark.parametrize("query, topic, not_topic", [
    ("counselling for abuse that happened when i was a kid", "sexual-violence", None),
    ("neighbours shout racist abuse at my kids every day, Erith", "hate-crime", "sexual-violence"),
    ("bullied when i was a kid", "early-intervention", "sexual-violence"),
])
def test_abuse_in_childhood_is_read_from_when_it_happened_not_from_abuse_and_kids(index, query, topic, not_topic):
    """Round 24's row of two parts (abuse and a childhood word) read "racist abuse at my kids" as
    sexual abuse; "when I was a kid" is now a row saying when, giving its topic only when nothing
    else does, and "abused as kids" meets the words as written ("abuse at my kids" is not it)."""
    terms = index.search(query).understood.terms
    assert topic in terms and not_topic not in terms, terms


@pytest.mark.parametrize("query, borough", [
    ("worried about a girl who works on a stall at Chapel Market, shes 16 and says her family are sending her abroad",
     "Islington"),
    ("mum was robbed at the cashpoint outside Asda Crossharbour, now she won't leave the flat", "Tower Hamlets"),
    ("had my watch ripped off my wrist outside Harrods, victim support", "Kensington and Chelsea"),
    ("my little brother is holding stuff for a man he met at Surrey Street market", "Croydon"),
    ("my daughter is bunking school and hanging round the Ealing Broadway shopping centre all day", "Ealing"),
    ("just out of prison, probation says stay away from the Chimes. what else is there to keep me busy",
     "Hillingdon"),
])
def test_shopping_centres_markets_and_big_shops_are_places(index, query, borough):
    """The 278th set placed what happened by a shopping centre, street market or big shop: the ones
    it named are in the gazetteer, each in the borough its postcode says (Harrods at its own
    postcode, SW1X 7XL, in a sector mostly Westminster's; "Ealing Broadway shopping centre" is
    not Bexleyheath's Broadway Shopping Centre)."""
    _placed_in(index, query, borough)


def test_a_shared_name_after_around_is_the_one_in_the_borough_the_text_names_elsewhere(index):
    """A name two boroughs' places share, read after "around", "in" …, is the one in the borough of
    another place the text names anywhere ("scared to go into Harrow ... boys who hang around St
    George's" is Harrow's shopping centre, not Tooting's hospital); named alone it is still the
    first listed."""
    found = index.search("my nephew is scared to go into Harrow because of postcode stuff with boys who hang "
                         "around St George's").understood
    assert (found.location.label, found.location.borough_code) == ("St George's", "E09000015")
    assert found.terms[0] == "youth-violence"
    assert index.search("boys hang around St George's").understood.location.borough_code == "E09000032"
    assert index.search("went to A&E at St George's, Tooting").understood.location.borough_code == "E09000032"


@pytest.mark.parametrize("query, borough", [
    ("alcohol support near guys campus london bridge for a student", "Southwark"),
    ("knife crime london bridge", "Southwark"),
    ("group of teenagers with knives chasing each other across the avery hill campus", "Greenwich"),
    ("got called a terrorist and had my hijab pulled on the bus home from middlesex uni", "Barnet"),
    ("my ex from sixth form found out which halls I'm in at Imperial and keeps leaving letters", "Kensington and Chelsea"),
    ("tenants association Noel Park - kids have nothing to do all summer", "Haringey"),
])
def test_campuses_and_london_bridge_are_places(index, query, borough):
    """The 280th set wrote as students: their campuses are places ("Guy's Campus", "Avery Hill
    Campus", not Bexley's Avery Hill; "Middlesex Uni"; "Imperial"), and so is London Bridge, which
    the gazetteer had only as its station."""
    _placed_in(index, query, borough)


@pytest.mark.parametrize("query, topic", [
    ("someone pretending to be the home office took £2k off me, im an international student in Wembley",
     "victims-witnesses"),
    ("housing officer Sutton, elderly tenant's flat being used as a base by a drug line", "exploitation"),
    ("concierge here, a resident's ex keeps waitin in the lobby for her when she gets home", "vawg"),
    ("someone on snapchat keeps sending my 14 year old brother money to do 'jobs' for them", "exploitation"),
    ("someone broke into my room in halls at White City and took everything", "victims-witnesses"),
    ("nitrous canisters and noise in the car park every night, isle of dogs", "community-safety"),
])
def test_round_87_wordings(index, query, topic):
    """Round 87's rows: a fraud by someone posing as an office, a home used as a drug line's base
    (cuckooing), an ex waiting for someone, 'jobs' for others, a room broken into (not "into my
    room", a row of sexual abuse); "doing nitrous" is a row, "nitrous" alone is not (canisters in a
    car park stay antisocial behaviour)."""
    assert index.search(query).understood.terms[0] == topic


@pytest.mark.parametrize("query, topic", [
    ("buddhist monk from our vihara verbally abused in the street in Chiswick", "hate-crime"),
    ("monkey chants at my lad's u12 match in Welling", "hate-crime"),
    ("lead stolen off our church roof again, Beckenham", "community-safety"),
    ("owner of the boxing gym makes the lads collect money for him and they're scared to leave", "exploitation"),
    ("rabbi, a young woman cleaning for a family in our community seems to be kept there against her will",
     "exploitation"),
])
def test_round_88_wordings(index, query, topic):
    """Round 88 wrote from faith communities and sport: a Buddhist monk or vihara with the words of
    abuse is religious hate crime; chants at a match, lead stripped from a roof, lads made to collect
    money, a cleaner kept in a house (domestic servitude)."""
    assert index.search(query).understood.terms[0] == topic


@pytest.mark.parametrize("query, borough", [
    ("domestic abuse support in rum ford", "Havering"),
    ("Is there like a women's group for domestic violence near i'll ford", "Redbridge"),
    ("is there a sark like a sexual assault centre in green itch", "Greenwich"),
    ("after school clubs for teenagers in be con tree", "Barking and Dagenham"),
    ("my son came back with bruises and cash and he won't say where he got it we're in wool itch", "Greenwich"),
])
def test_a_place_a_phones_dictation_split_into_words_is_read_run_together(index, query, borough):
    """The 286th set was dictated: speech to text writes "Romford" as "rum ford" and "Greenwich"
    as "green itch". When no place is found as written, two or three words right after "in",
    "near", "at" … are read run together ("rumford" is within the place cutoff of Romford)."""
    _placed_in(index, query, borough)


@pytest.mark.parametrize("query", [
    "i've got a record and keep ending up back inside",  # not Barkingside: not after "in", "near" …
    "I take cocaine every weekend now I can not stop, help",  # not Cannon Street
    "Sikh pt abused in car park, turban knocked off, shaken",  # words the register reads: not Cator Park
    "witness service at the magistrates, never been to court before",  # "the …": not Thames Magistrates
])
def test_ordinary_words_run_together_are_no_place(index, query):
    assert index.search(query).understood.location is None


@pytest.mark.parametrize("query, borough", [
    ("my sister lives in one of the flats on Greenland Dock and her husband won't let her see any of us", "Southwark"),
    ("man exposed himself then attacked me at Woodberry Wetlands, i cant stop shaking", "Hackney"),
    ("older men giving my 14yo money and trainers, she hangs around the marina at Chelsea Harbour",
     "Hammersmith and Fulham"),
    ("someone painted a swastika on our narrowboat at Stonebridge Lock", "Haringey"),
    ("drinkers fighting at Hollow Pond every weekend, scary with the kids", "Waltham Forest"),
])
def test_docks_locks_piers_and_waterside_places_are_places(index, query, borough):
    """The 287th set placed what happened by the river and canals: docks, locks, piers, wetlands
    and ponds are in the gazetteer (Chelsea Harbour at its own postcode: SW10 0 is mostly
    Kensington and Chelsea's; Stonebridge Lock is Tottenham's, not Brent's Stonebridge)."""
    _placed_in(index, query, borough)


def test_round_90_wordings_and_roman_road(index):
    """Round 90: apologies after every incident are the cycle of domestic abuse; hostility
    "because I'm gay" is hate crime, ahead of the threat's own topic; Roman Road is Bow's."""
    assert index.search("he says sorry every time then does it again. how do I get out").understood.terms[0] == "vawg"
    assert "hate-crime" in index.search("a man said he'd kill 'people like me' because I'm gay").understood.terms
    _placed_in(index, "people dealing outside our pharmacy on Roman Road, staff afraid to open up", "Tower Hamlets")
