"""One slip of a finger undone: neighbouring letters swapped, or a key beside the one meant."""

from __future__ import annotations

from explorer.domain.slips import KEY_NEIGHBOURS, slips, swaps


def test_a_key_has_the_keys_beside_it_on_its_row():
    assert KEY_NEIGHBOURS["n"] == "bm" and KEY_NEIGHBOURS["q"] == "w" and KEY_NEIGHBOURS["l"] == "k"
    assert all(len(v) in (1, 2) for v in KEY_NEIGHBOURS.values()) and len(KEY_NEIGHBOURS) == 26


def test_slips_undo_a_swap_or_a_neighbouring_key_never_the_first_letter():
    found = list(slips("camdem"))
    assert "camden" in found and "cadmem" in found  # (a key beside "m"; a swap)
    assert "ilford" in slips("ilfrod")
    assert all(candidate[0] == "c" for candidate in found)
    assert found.index("cadmem") < found.index("camden")  # swaps first, in a fixed order
    assert list(slips("a")) == []


def test_swaps_are_the_neighbouring_letters_swapped_back_and_come_first_among_slips():
    assert list(swaps("yuoth")) == ["youth", "yutoh", "yuoht"]
    assert "youth" in swaps("yuoth") and "yuoth" not in swaps("yuoth")  # never the word itself
    assert list(slips("yuoth"))[:3] == list(swaps("yuoth"))
    assert list(swaps("aab")) == ["aba"]  # the first letter stays; two same letters are no swap
