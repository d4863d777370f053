"""Place names run together, for words a phone's dictation split ("rum ford", "i'll ford")."""

from explorer.domain.query import build_vocabulary
from explorer.services.search.places import joined_places


def test_names_are_run_together_without_spaces_or_apostrophes_and_keep_their_phrase():
    vocabulary = build_vocabulary([("Romford", "place:1"), ("Shepherd's Bush", "place:2"), ("the city", "borough:X"),
                                   ("Ilford", "place:3")])
    joined, phrases = joined_places(vocabulary)
    assert dict(zip(joined.phrases, joined.targets)) == {"romford": "place:1", "shepherdsbush": "place:2",
                                                         "ilford": "place:3"}
    assert phrases["shepherdsbush"] == "Shepherd's Bush"  # the gazetteer's phrase, for the homonyms and the page
    assert "thecity" not in phrases  # a vague place is no place run together either
