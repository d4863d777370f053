"""The search thesaurus (data/reference/thesaurus.csv): every row valid, the field's terms there, matching."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from benchmarks.bench_unseen import UNSEEN, read_set
from explorer.domain.query import clean
from explorer.domain.text import Analyzer
from explorer.domain.thesaurus import AUDIENCES, ThesaurusError, parse_thesaurus
from explorer.settings import ROOT

FILE = ROOT / "data" / "reference" / "thesaurus.csv"
TAXONOMY = ROOT / "data" / "sample" / "taxonomy.csv"
HEADER = "phrase,topics,words,audience,kind,source\n"


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.fixture(scope="module")
def topics():
    return {row["id"] for row in csv.DictReader(TAXONOMY.open(encoding="utf-8"))}


@pytest.fixture(scope="module")
def thesaurus(analyzer, topics):
    return parse_thesaurus(FILE.read_text(encoding="utf-8"), topics=topics, stem=analyzer.stem)


def test_every_row_of_the_shipped_thesaurus_is_valid_and_sourced(thesaurus):
    assert len(thesaurus.entries) >= 100
    assert all(e.source for e in thesaurus.entries)
    assert all(e.kind in {"abbreviation", "term", "resident", "context", "motive", "background"} for e in thesaurus.entries)


def test_the_background_rows_tell_of_a_sentence_not_of_leaving_prison(thesaurus):
    """A background row gives way to any other topic, so it says someone went to prison ("went
    inside", "got sent down"); words of leaving it or of one's own sentences ("released", "sent
    down" in "before I get sent down") stay rows of their own kind."""
    background = {clean(e.phrase): e.topics for e in thesaurus.entries if e.background}
    assert {"went inside", "in jail", "got sent down"} <= set(background)
    assert all(topics == ("reducing-reoffending",) for topics in background.values())
    assert not {"sent down", "released", "just got out", "in prison"} & set(background)


def test_the_motive_rows_say_why_and_give_hate_crime(thesaurus):
    """A motive leads the topics whatever else a query says, so only words that name one are motive rows."""
    motive = {clean(e.phrase): e.topics for e in thesaurus.entries if e.motive}
    assert {"racist", "homophobic", "transphobic"} <= set(motive)
    assert all(topics == ("hate-crime",) for topics in motive.values())


def test_the_rows_that_say_who_or_where_are_context_rows_with_topics(thesaurus):
    """Context rows give their topics only when nothing else does (the search's reading): each must
    have topics to give, and the words that say who or where are among them, not what a search is about."""
    context = {clean(e.phrase): e for e in thesaurus.entries if e.context}
    assert {"my son", "my daughter", "kids", "young people", "parents", "family", "families", "after school",
            "football"} <= set(context)
    assert all(e.topics for e in context.values())
    assert not {"domestic abuse", "knife crime", "family support", "youth club", "groomed"} & set(context)


@pytest.mark.parametrize(
    "abbreviation, topic",
    [("DV", "vawg"), ("DA", "vawg"), ("VAWG", "vawg"), ("IDVA", "vawg"), ("ISVA", "sexual-violence"),
     ("CSE", "exploitation"), ("CCE", "exploitation"), ("ASB", "community-safety"), ("YOS", "youth-violence"),
     ("A&E", "youth-violence"), ("CBT", None), ("SARC", "sexual-violence"), ("FGM", "vawg")],
)
def test_the_fields_abbreviations_are_there(thesaurus, analyzer, abbreviation, topic):
    found = thesaurus.match(clean(abbreviation).split(), analyzer.stem)
    assert len(found) == 1, abbreviation
    entry = found[0].entry
    assert (topic in entry.topics) if topic else entry.words, entry


@pytest.mark.parametrize(
    "words, topic, audience",
    [
        ("my partner hits me", "vawg", "victims-survivors"),
        ("my partner hit me", "vawg", "victims-survivors"),
        ("my son is being groomed", "exploitation", "parents-families"),
        ("someone is following me", "vawg", "victims-survivors"),
        ("after school", "early-intervention", "children-young-people"),
        ("help for my son", "early-intervention", "parents-families"),
        ("perpetrator", "vawg", "people-who-harm"),
        ("for professionals", None, "professionals"),
    ],
)
def test_residents_words_map_to_topics_and_audiences(thesaurus, analyzer, words, topic, audience):
    found = thesaurus.match(clean(words).split(), analyzer.stem)
    assert found, words
    entry = found[0].entry
    assert topic is None or topic in entry.topics
    assert entry.audience == audience


def test_the_longest_phrase_wins_and_no_word_is_used_twice(thesaurus, analyzer):
    found = thesaurus.match(clean("my son is being groomed").split(), analyzer.stem)
    assert [m.entry.phrase for m in found] == ["my son is being groomed"]


def test_words_outside_the_thesaurus_match_nothing(thesaurus, analyzer):
    assert thesaurus.match(["havens", "croydon"], analyzer.stem) == []


@pytest.mark.parametrize(
    "row, message",
    [
        ("DV,vawg,domestic abuse,,abbreviation,src\nDV,vawg,x,,term,src\n", "row 3, field phrase: 'DV' repeats row 2"),
        ("knife,knives,knife,,resident,src\n", "row 2, field topics: 'knives' names 'knives'"),
        ("knife,vawg,knife,everyone,resident,src\n", "row 2, field audience: 'everyone' must be empty or one of"),
        ("knife,vawg,knife,,slang,src\n", "row 2, field kind: 'slang' must be one of"),
        ("knife,vawg,knife,,resident,\n", "row 2, field source: '' must say where the term comes from"),
        ("knife,,,,resident,src\n", "row 2, field topics: '' is empty"),
        ("!!!,vawg,,,resident,src\n", "row 2, field phrase: '!!!' must have at least one letter"),
    ],
)
def test_a_bad_row_is_named_with_its_field_value_and_rule(analyzer, topics, row, message):
    with pytest.raises(ThesaurusError) as caught:
        parse_thesaurus(HEADER + row, topics=topics, stem=analyzer.stem)
    assert message in str(caught.value)


def test_a_wrong_header_is_refused(analyzer, topics):
    with pytest.raises(ThesaurusError, match="row 1, header"):
        parse_thesaurus("term,topic\nDV,vawg\n", topics=topics, stem=analyzer.stem)


def test_audiences_have_words_for_people():
    assert set(AUDIENCES) == {"public", "victims-survivors", "people-who-harm", "children-young-people",
                              "parents-families", "professionals"}


def test_stemming_joins_word_forms(analyzer):
    assert analyzer.tokens("counselling") == analyzer.tokens("counselled")
    assert analyzer.tokens("victims") == analyzer.tokens("victim")
    assert analyzer.tokens("stalking") == analyzer.tokens("stalked")


def test_driving_is_not_drive(analyzer):
    """Snowball stems "driving" to "drive"; "drink driving" is not Drive, a perpetrator programme."""
    assert analyzer.tokens("drink driving") != analyzer.tokens("drink drive")
    assert analyzer.tokens("drives") == analyzer.tokens("drive")


@pytest.mark.parametrize("words, topic", [
    ("shanked", "youth-violence"), ("blade", "youth-violence"), ("postcode beef", "youth-violence"),
    ("flat taken over", "exploitation"), ("passport taken", "exploitation"), ("touched me", "sexual-violence"),
    ("hijab", "hate-crime"), ("racial harassment", "hate-crime"), ("released from prison", "reducing-reoffending"),
    ("criminal record", "reducing-reoffending"), ("weed", "substance-misuse"), ("ket", "substance-misuse"),
    ("leave him", "vawg"), ("violent towards me", "vawg"), ("muggings", "victims-witnesses"),
    ("hanging round", "community-safety"), ("exclusion", "early-intervention"),
])
def test_slang_and_residents_sentences_from_an_unseen_set_map_to_topics(thesaurus, analyzer, words, topic):
    found = thesaurus.match(clean(words).split(), analyzer.stem)
    assert found and topic in found[0].entry.topics, words


def test_someone_to_talk_to_means_counselling_without_a_topic(thesaurus, analyzer):
    entry = thesaurus.match(clean("need someone to talk to").split(), analyzer.stem)[0].entry
    assert not entry.topics and "counselling" in entry.words


@pytest.mark.parametrize("words, topic", [
    ("my ex keeps threatening me", "vawg"), ("my stepdad is violent", "vawg"), ("husband pushed me", "vawg"),
    ("older man sending my daughter snapchat messages", "exploitation"),
    ("neighbours playing loud music every night", "community-safety"), ("ex wont stop messaging me", "vawg"),
])
def test_rows_of_two_parts_meet_words_anywhere_in_the_query(thesaurus, analyzer, words, topic):
    """"husband|ex|... + hit|pushed|threatening|..." reads the many ways of saying a partner hurts
    someone without a row for each sentence."""
    found = thesaurus.match(clean(words).split(), analyzer.stem)
    assert topic in {t for m in found for t in m.entry.topics}, words


def test_a_row_of_two_parts_adds_only_a_topic_no_phrase_found(thesaurus, analyzer):
    found = thesaurus.match(clean("my partner hits me").split(), analyzer.stem)
    assert [m.entry.phrase for m in found] == ["my partner hits me"]
    found = thesaurus.match(clean("my daughter gets messages online").split(), analyzer.stem)
    assert {t for m in found for t in m.entry.topics} >= {"exploitation", "early-intervention"}


def test_a_row_with_two_plus_signs_is_refused(analyzer, topics):
    text = HEADER + 'a + b + c,vawg,,,resident,"source"\n'
    with pytest.raises(ThesaurusError, match=r"row 2, field phrase: 'a \+ b \+ c' must be one phrase, or two lists"):
        parse_thesaurus(text, topics=topics, stem=analyzer.stem)


def test_a_phrase_listing_words_without_a_second_part_is_refused(analyzer, topics):
    # ("loan shark|money lender" would be read as one phrase of four words, met by no query)
    text = HEADER + 'loan shark|money lender,victims-witnesses,,,resident,"source"\n'
    with pytest.raises(ThesaurusError, match=r"row 2, field phrase: 'loan shark\|money lender' may list words with"):
        parse_thesaurus(text, topics=topics, stem=analyzer.stem)


def test_a_row_of_two_parts_listing_a_phrase_is_refused(analyzer, topics):
    # (each listed word is met alone: "woke up" would be met by every "up", as in "turning up")
    text = HEADER + 'woke up + naked|stranger,sexual-violence,,,resident,"source"\n'
    with pytest.raises(ThesaurusError, match=r"row 2, field phrase: 'woke up \+ naked\|stranger' lists a phrase"):
        parse_thesaurus(text, topics=topics, stem=analyzer.stem)


@pytest.mark.parametrize("words, topic", [
    ("the driver grabbed me", "sexual-violence"), ("my grandson carries a knife", "youth-violence"),
    ("they shouted at my sister because of her hijab and called her names", "hate-crime"),
    ("someone smashed my van window", "victims-witnesses"),
])
def test_more_rows_of_two_parts(thesaurus, analyzer, words, topic):
    found = thesaurus.match(clean(words).split(), analyzer.stem)
    assert topic in {t for m in found for t in m.entry.topics}, words


def test_a_phrase_met_across_stopwords_wins_over_a_shorter_row():
    """Both lists of keys are tried longest first together: "force me to marry" is the two-word
    row met across "me", not the one-word row "marry" (which was tried first when every full key
    went before every key across stopwords)."""
    analyzer = Analyzer()
    text = (HEADER + 'marry,vawg,marriage,,resident,"s"\n'
            + 'force to marry,vawg,forced marriage,,resident,"s"\n'
            + 'man + forced,sexual-violence,sexual assault,,resident,"s"\n')
    thesaurus = parse_thesaurus(text, topics={"vawg", "sexual-violence"}, stem=analyzer.stem)
    found = thesaurus.match(clean("family want force me marry").split(), analyzer.stem)
    assert [(m.entry.phrase, m.positions) for m in found] == [("force to marry", (2, 4))]
    found = thesaurus.match(clean("i have to marry him").split(), analyzer.stem)
    assert [m.entry.phrase for m in found] == ["marry"]


@pytest.mark.parametrize("words", ["my parents are forcing me to marry", "family want force me marry man in Pakistan",
                                   "they made me marry him"])
def test_forced_marriage_in_residents_words_is_one_row(thesaurus, analyzer, words):
    """Read as forced marriage, not also as "a man forced me" (sexual violence)."""
    found = thesaurus.match(clean(words).split(), analyzer.stem)
    assert any("marry" in m.entry.phrase for m in found if len(m.positions) == 2)
    assert "sexual-violence" not in {t for m in found for t in m.entry.topics}, [m.entry.phrase for m in found]


def test_possession_of_a_knife_is_not_a_drugs_matter(thesaurus, analyzer):
    """"possession" alone read "arrested for possession of a knife" as drugs; only the drugs
    wordings are rows."""
    topics = lambda words: {t for m in thesaurus.match(clean(words).split(), analyzer.stem) for t in m.entry.topics}  # noqa: E731
    assert "substance-misuse" not in topics("arrested for possession of a knife")
    assert "substance-misuse" in topics("got a possession charge last month")
    assert "substance-misuse" in topics("caught with possession of cannabis")


def test_frum_the_text_speak_spelling_of_from_is_not_hate_crime(thesaurus, analyzer):
    """"frum" (observant, Jewish) is a context row, not a word of who someone is in the hate crime
    row of two parts: "frum" is also how many write "from", and "called names by kids frum my
    school" is not antisemitism. Abuse of a frum person is still read by its other words."""
    found = lambda words: [m for m in thesaurus.match(clean(words).split(), analyzer.stem)  # noqa: E731
                           if "hate-crime" in m.entry.topics and not m.entry.context]
    assert found("got called names by kids frum my school") == []
    assert found("a man screaming jewish scum at a frum woman on the bus")


def test_a_phrase_whose_words_across_stopwords_are_all_weak_is_met_only_word_for_word():
    """"did stuff to" across stopwords is "stuff" alone, which would read every "stuff" as the row;
    such a phrase is met only as written. One with a strong word left ("hurt my partner" ->
    "hurt partner") is still met across stopwords."""
    analyzer = Analyzer()
    text = (HEADER + 'did stuff to,sexual-violence,sexual abuse,,resident,"s"\n'
            + 'hurt my partner,vawg,perpetrator,,resident,"s"\n')
    thesaurus = parse_thesaurus(text, topics={"vawg", "sexual-violence"}, stem=analyzer.stem)
    assert not thesaurus.match(clean("is there anyone to talk to about gang stuff").split(), analyzer.stem)
    assert [m.entry.phrase for m in thesaurus.match(clean("he did stuff to him").split(), analyzer.stem)] == ["did stuff to"]
    assert [m.entry.phrase for m in thesaurus.match(clean("i hurt partner").split(), analyzer.stem)] == ["hurt my partner"]


def test_every_row_is_met_by_its_own_phrase(thesaurus, analyzer):
    """A row that another row always meets first is dead: "spiked" (for victims and survivors) was
    never read, because "spiking" has the same stem and came first; 26 rows that repeated another's
    stem were removed. A row naming an audience is matched on the words as written, so it now wins
    over a row met through a stem at the same length."""
    dead = [e.phrase for e in thesaurus.entries if "+" not in e.phrase
            and not any(m.entry is e for m in thesaurus.match(clean(e.phrase).split(), analyzer.stem))]
    assert dead == []


def test_a_row_met_word_for_word_comes_before_one_met_through_a_stem(thesaurus, analyzer):
    found = thesaurus.match(["i", "was", "spiked"], analyzer.stem)
    assert [m.entry.phrase for m in found] == ["spiked"] and found[0].entry.audience == "victims-survivors"
    assert [m.entry.phrase for m in thesaurus.match(["spiking", "help"], analyzer.stem)] == ["spiking"]


def test_a_context_row_does_not_stop_a_row_of_two_parts_from_giving_its_topic(analyzer):
    """A row of two parts adds only a topic no row has found; a context row's topics count only if
    nothing else gives one, so they do not stop it ("threw eggs at our gurdwara" is hate crime)."""
    text = (HEADER + 'gurdwara,hate-crime,religious hate crime,,context,"src"\n'
            + 'eggs,community-safety,antisocial behaviour,,resident,"src"\n'
            + 'gurdwara|mosque + eggs|attacked,hate-crime,hate crime,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"hate-crime", "community-safety"}, stem=analyzer.stem)
    found = [m.entry.phrase for m in thesaurus.match("threw eggs at our gurdwara".split(), analyzer.stem)]
    assert "gurdwara|mosque + eggs|attacked" in found


def test_a_term_of_art_lends_none_of_its_words_to_a_row_of_two_parts(analyzer):
    """A term of two words or more is one name ("drug rehabilitation requirement"): a row of two parts
    cannot take one of its words ("gave" + "drugs"), though it may take a resident's phrase's word."""
    text = (HEADER + 'drug rehabilitation requirement,substance-misuse,treatment,,term,"src"\n'
            + 'drug treatment,substance-misuse,treatment,,resident,"src"\n'
            + 'gave|gives + drugs|weed,exploitation,grooming,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"substance-misuse", "exploitation"}, stem=analyzer.stem)

    def found(query):
        return [m.entry.phrase for m in thesaurus.match(query.split(), analyzer.stem)]

    assert found("court gave me a drug rehabilitation requirement") == ["drug rehabilitation requirement"]
    assert found("he gave me weed and a drug rehabilitation requirement") == [
        "gave|gives + drugs|weed", "drug rehabilitation requirement"]
    assert "gave|gives + drugs|weed" in found("they gave him drug treatment")


def test_a_phrase_naming_no_topic_lends_none_of_its_words_to_a_row_of_two_parts(analyzer):
    """"Deal with" names no topic: it takes the words so that coping is not drug dealing, and a row
    of two parts cannot take them back ("dealing with my mum ... our block")."""
    text = (HEADER + 'deal with,,cope support,,resident,"src"\n'
            + 'dealing|dealers + block|park,community-safety,antisocial behaviour,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"community-safety"}, stem=analyzer.stem)

    def found(query):
        return [m.entry.phrase for m in thesaurus.match(query.split(), analyzer.stem)]

    assert found("dealing with my mum and her dementia in our block") == ["deal with"]
    assert found("people dealing in our block") == ["dealing|dealers + block|park"]


def test_a_row_of_two_parts_whose_topics_are_given_makes_its_first_topic_lead(analyzer):
    """A row of two parts met where earlier rows already gave its topics is not read again, but
    when its words are said together its first topic leads, unless some row already leads with it:
    "dealers" is the street's antisocial behaviour first, "dealers have moved into his flat"
    cuckooing (exploitation) first."""
    text = (HEADER + 'dealers,community-safety;exploitation,drug dealing,,resident,"src"\n'
            + 'dealers + moved|taken,exploitation,cuckooing,,resident,"src"\n'
            + 'groomed,exploitation,grooming,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"community-safety", "exploitation"}, stem=analyzer.stem)

    def read(query):
        matches, leads = thesaurus.read(query.split(), analyzer.stem)
        return [m.entry.phrase for m in matches], leads

    assert read("dealers on the corner") == (["dealers"], ())
    assert read("dealers have taken over his flat") == (["dealers"], ("exploitation",))
    # (too far apart to be said together)
    assert read("dealers on our corner since my brother who is disabled got taken ill") == (["dealers"], ())
    # (a row already leads with exploitation: nothing to promote)
    assert read("groomed by dealers who have taken his flat")[1] == ()
    assert thesaurus.match("dealers have taken over his flat".split(), analyzer.stem) == \
        thesaurus.read("dealers have taken over his flat".split(), analyzer.stem)[0]


def test_a_background_row_of_two_parts_never_leads(analyzer):
    """A circumstance ("my grandson" + "prison") explains a need without being it: when other rows
    already gave its topic, it does not put that topic first ("drug treatment instead of prison?
    my grandson has been arrested for possession" is about drugs first)."""
    text = (HEADER + 'drug treatment,substance-misuse;reducing-reoffending,drug treatment,,resident,"src"\n'
            + 'grandson|son + prison,reducing-reoffending,prisoners families,,background,"src"\n'
            + 'dealers + prison,reducing-reoffending,prison,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"substance-misuse", "reducing-reoffending"}, stem=analyzer.stem)
    assert thesaurus.read("drug treatment instead of prison for my grandson".split(), analyzer.stem)[1] == ()
    # (a row of another kind, said together, still leads)
    assert thesaurus.read("drug treatment for dealers in prison".split(), analyzer.stem)[1] == ("reducing-reoffending",)
    # (with no other row, the background gives its topic)
    assert [m.entry.phrase for m in thesaurus.match("my grandson is in prison".split(), analyzer.stem)] \
        == ["grandson|son + prison"]


def test_a_long_phrase_is_not_met_by_its_one_content_word(analyzer):
    """A phrase of three words or more that comes down to one word without its stopwords is met
    only as written: "did to me as a child" is not every "child" ("child being bullied" is no
    sexual abuse); a two-word phrase still is ("hits me" in "he hit me")."""
    text = (HEADER + 'did to me as a child,sexual-violence,sexual abuse,,resident,"src"\n'
            + 'hits me,vawg,domestic abuse,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"sexual-violence", "vawg"}, stem=analyzer.stem)
    assert thesaurus.match("my child being bullied".split(), analyzer.stem) == []
    assert [m.entry.phrase for m in thesaurus.match("what he did to me as a child".split(), analyzer.stem)] \
        == ["did to me as a child"]
    assert [m.entry.phrase for m in thesaurus.match("he hit me".split(), analyzer.stem)] == ["hits me"]


def test_a_two_word_phrase_is_met_by_one_word_only_when_the_other_is_a_pronoun_or_auxiliary(analyzer):
    """"hits me" is every "hit" and "been killed" every "killed", but a preposition or adverb carries
    meaning: "in laws" is not every "law" ("family law advice" was read as domestic abuse), "broke
    in" not every "broke" ("I'm broke"), "belong here" not "my belongings were stolen" (read as hate
    crime)."""
    text = (HEADER + 'in laws,vawg,domestic abuse,,resident,"src"\n'
            + 'broke in,victims-witnesses,burglary,,resident,"src"\n'
            + 'belong here,hate-crime,racist hate crime,,resident,"src"\n'
            + 'been killed,victims-witnesses,bereaved,,resident,"src"\n')
    thesaurus = parse_thesaurus(text, topics={"vawg", "victims-witnesses", "hate-crime"}, stem=analyzer.stem)
    for query in ("family law advice", "im broke and need help", "my belongings were stolen"):
        assert thesaurus.match(query.split(), analyzer.stem) == [], query
    assert [m.entry.phrase for m in thesaurus.match("my in laws control me".split(), analyzer.stem)] == ["in laws"]
    assert [m.entry.phrase for m in thesaurus.match("someone broke in".split(), analyzer.stem)] == ["broke in"]
    assert [m.entry.phrase for m in thesaurus.match("my brother was killed".split(), analyzer.stem)] \
        == ["been killed"]


def test_a_number_in_a_row_stands_for_any_number(analyzer):
    """"just did 3 years" is met by "just did 10 years"; a number and a weak word are no row without
    the rest ("my 15 years old son" is not a sentence served), and "did 3 years at uni" is not
    "just did 3 years"."""
    text = HEADER + 'just did 3 years,reducing-reoffending,prison leavers,,resident,"src"\n'
    thesaurus = parse_thesaurus(text, topics={"reducing-reoffending"}, stem=analyzer.stem)

    def found(query):
        return [m.entry.phrase for m in thesaurus.match(query.split(), analyzer.stem)]

    assert found("just did 10 years need help") == ["just did 3 years"]
    assert found("my 15 years old son") == []
    assert found("i did 3 years at uni") == []


def _unseen_queries() -> list[list[str]]:
    """The kept unseen sets' queries, cleaned (every set in ``benchmarks/relevance/unseen``)."""
    return [clean(query).split() for path in sorted(UNSEEN.glob("*.csv")) for query, _topic, _borough in read_set(path)]


def test_rows_of_two_parts_found_through_their_index_are_those_found_by_reading_them_all(thesaurus, analyzer):
    """``pair_index`` only skips rows that cannot be met: on every kept unseen query the rows
    found, and their order, are those found by trying every row of two parts."""
    every_pair = dataclasses.replace(thesaurus, pair_index=None)
    queries = _unseen_queries()
    assert len(queries) >= 4000
    differ = [q for q in queries if thesaurus.match(q, analyzer.stem) != every_pair.match(q, analyzer.stem)]
    assert differ == []
    assert any("+" in m.entry.phrase for q in queries for m in thesaurus.match(q, analyzer.stem))  # (pairs met)


def test_a_word_in_no_row_cannot_be_read_by_rows(thesaurus, analyzer):
    stem = analyzer.stem
    assert thesaurus.could_read(["pentonville"], stem) and thesaurus.could_read(["feltham"], stem)
    assert thesaurus.could_read(["17", "years"], stem)  # a number is any number
    assert not thesaurus.could_read(["peckham"], stem) and not thesaurus.could_read(["out", "camden"], stem)
    # never False where rows do read every word: each query's words that rows read
    for words in _unseen_queries():
        read = {i for m in thesaurus.match(words, stem) if m.entry.topics for i in m.positions}
        assert thesaurus.could_read([words[i] for i in sorted(read)], stem), words
