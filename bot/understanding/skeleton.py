"""How a place's name sounds, in consonants: « الكورونري » and « Couronneries » meet.

Residents who write Arabic write the names of French places in Arabic letters, as they say
them: « سانت إيلوا », « تروا سيتي », « بيلير ». Arabic writes consonants and long vowels, so both
spellings are brought down to their consonants, each letter to the nearest sound both alphabets
share (p and b, v and f, hard g and k, z and s meet; « غ » is the French r, as in « ميغسي »; vowels,
h, w, y and the Arabic long vowels go, after doubled letters are made one: « أسنان » keeps two
n, « Couronneries » one). A French name is read twice: as written and as said, its silent
endings dropped (« Trois-Cités » is said « troi cité »).
"""

from __future__ import annotations

import re

from bot.understanding.normalize import fold, is_arabic

# Applied in this order on a folded Latin name (lowercase, no accents).
_LATIN = tuple((re.compile(a), b) for a, b in (
    (r"[^a-z0-9 ]", " "), (r"ch|sh", "S"), (r"ph", "f"), (r"gn", "n"), (r"qu", "k"), (r"gu(?=[eiy])", "g"),
    (r"g(?=[eiy])", "j"), (r"c(?=[eiy])", "s"), (r"[cqg]", "k"), (r"x", "ks"), (r"z", "s"), (r"p", "b"),
    (r"v", "f"), (r"[ywh]", "a"), (r" ", ""), (r"(.)\1+", r"\1"), (r"[aeiou]", ""),
))  # words joined before doubles are made one, as in Arabic: « les sables » and « لي سابل »
_SILENT = (re.compile(r"(?<=\w)[sxtd]\b"), re.compile(r"(?<=\w)er\b"))  # "trois", "cités", "saint"; "poitier"
_ARABIC_SOUNDS = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "s", "س": "s",
    "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "r", "ف": "f", "ق": "k", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ا": "a", "ح": "a", "ع": "a", "ه": "a", "و": "a", "ي": "a", "ء": "a",
})
# An article or a preposition glued to the name: « الكورونري », « فالكورونري », « فسانت إيلوا » (in
# Saint-Éloi). A one-letter preposition may be the name's own first letter (« بيلير »): both are read.
_ARABIC_ARTICLES = ("وال", "بال", "فال", "لل", "ال")
_ARABIC_PREPOSITIONS = ("ف", "ب", "ل", "و")
_DOUBLE = re.compile(r"(.)\1+")


def latin_skeletons(name: str) -> set[str]:
    """A Latin name's consonants, as written and as said."""
    text = fold(name)
    said = text
    for pattern in _SILENT:
        said = pattern.sub("", said)
    return {s for s in (_latin(text), _latin(said)) if s}


def _latin(text: str) -> str:
    for pattern, repl in _LATIN:
        text = pattern.sub(repl, text)
    return text


def arabic_skeletons(words: list[str]) -> set[str]:
    """The skeletons of words in Arabic letters, with and without a glued one-letter preposition."""
    found = {arabic_skeleton(words)}
    first = words[0] if words else ""
    if first[:1] in _ARABIC_PREPOSITIONS and len(first) >= 4:
        found.add(arabic_skeleton([first[1:], *words[1:]]))
    return found - {""}


def arabic_skeleton(words: list[str]) -> str:
    """The consonants of words written in Arabic letters (digits kept: « 3 سيتي »); "" when a
    word is in neither alphabet."""
    out = []
    for word in words:
        if is_arabic(word):
            for article in _ARABIC_ARTICLES:
                if word.startswith(article) and len(word) - len(article) >= 3:
                    word = word[len(article):]
                    break
            word = word.translate(_ARABIC_SOUNDS)
            if not word.isascii():
                return ""  # a letter without a Latin sound: not a name we can compare
            out.append(word)
        elif word.isdigit():
            out.append(word)
        else:
            return ""
    return _DOUBLE.sub(r"\1", "".join(out)).replace("a", "")
