"""Builds ``data/reference/common_words.txt``: the common English words (Zipf frequency 3 or more,
about once in a million words), lower case, letters only, one a line.

The search uses the list so that a word of ordinary English is not "corrected" to a different
word the register happens to use ("black" is not "back", "party" not "part"), while a spelling
variant still is ("counseling", "behavior"). Run it again only to refresh the list:

    pip install "wordfreq>=3.1" && python scripts/build_common_words.py

Source: wordfreq 3.1 (Robyn Speer), English "small" list, whose data is under the Creative
Commons Attribution-ShareAlike 4.0 licence (see data/reference/PROVENANCE.md).
"""

from __future__ import annotations

import re
from pathlib import Path

ZIPF_FLOOR = 3.0  # once in a million words
OUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "common_words.txt"
HEADER = (
    "# Common English words (Zipf frequency >= 3.0), from wordfreq 3.1's English list by Robyn Speer,\n"
    "# CC BY-SA 4.0; built by scripts/build_common_words.py. One word a line.\n"
)


def main() -> int:
    from wordfreq import get_frequency_dict

    floor = 10 ** (ZIPF_FLOOR - 9)  # Zipf = log10(frequency per billion words)
    words = sorted(w for w, f in get_frequency_dict("en", wordlist="small").items()
                   if f >= floor and re.fullmatch(r"[a-z]{2,}", w))
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
