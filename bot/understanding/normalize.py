"""Turn what residents type on a phone into comparable words.

Lowercase, accents stripped, apostrophes and elisions split, letters repeated for emphasis
squeezed ("aideeee"), and the SMS spellings residents use expanded ("jcherche" → "je cherche").
Arabic script is kept, with its spelling variants folded (hamza forms, ta marbuta, alef
maqsura, short vowels, tatweel) and Arabic-Indic digits read as digits. Invisible format
characters (zero-width spaces, bidi controls) are dropped: pasted text carries them inside words.
The same function runs on admins' phrasings at load and on each message, so both meet halfway.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# SMS and chat spellings → plain words. Only unambiguous forms: a wrong expansion costs more
# than a missed one, which fuzzy matching may still catch.
SMS: dict[str, str] = {
    "jai": "j ai", "jsuis": "je suis", "chui": "je suis", "chuis": "je suis", "jsui": "je suis",
    "jveux": "je veux", "jvoudrais": "je voudrais", "jpeux": "je peux", "jsais": "je sais",
    "jcherche": "je cherche", "jcherch": "je cherche", "jarrive": "j arrive", "jaimerais": "j aimerais",
    "jcomprends": "je comprends", "jcomprend": "je comprends", "jtrouve": "je trouve",
    "jdois": "je dois", "jme": "je me", "jne": "je ne", "jpense": "je pense",
    "cmt": "comment", "cmnt": "comment", "koman": "comment", "commen": "comment",
    "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi", "pourkoi": "pourquoi",
    "stp": "s il te plait", "svp": "s il vous plait", "bcp": "beaucoup", "tt": "tout",
    "ke": "que", "koi": "quoi", "kel": "quel", "kelle": "quelle", "ki": "qui", "kan": "quand",
    "qd": "quand", "ya": "il y a", "yen": "il y en", "mtn": "maintenant", "mnt": "maintenant",
    "pr": "pour", "ds": "dans", "vs": "vous", "ns": "nous", "tjs": "toujours", "tjrs": "toujours",
    "dmd": "demande", "dde": "demande", "rdv": "rendez vous", "rdz": "rendez vous",
    "qqn": "quelqu un", "qqun": "quelqu un", "qlq": "quelque", "qq": "quelque", "qqch": "quelque chose",
    "auj": "aujourd hui", "ajd": "aujourd hui", "aujourdhui": "aujourd hui", "dem1": "demain",
    "c": "c est", "g": "j ai", "jsp": "je sais pas", "chai": "je sais", "sa": "ca",
    "oqp": "occupe", "pb": "probleme", "pbm": "probleme", "prob": "probleme", "pblm": "probleme",
    "msg": "message", "tel": "telephone", "tph": "telephone", "tele": "telephone",
    "doc": "document", "docs": "documents", "infos": "informations", "info": "information",
    "mdr": "", "lol": "", "ptdr": "", "svpp": "s il vous plait", "plz": "please", "pls": "please",
    "nn": "non", "ouai": "oui", "ouais": "oui", "wi": "oui", "dac": "d accord", "dacc": "d accord",
    "daccord": "d accord", "okk": "ok", "okay": "ok", "quelquun": "quelqu un", "quelqun": "quelqu un",
    "aucune": "aucun",
}

# Words that carry no need on their own; dropped before fuzzy scoring (aliases still see them).
# As written here; STOPWORDS below holds them as messages are read.
_STOPWORDS_WRITTEN = frozenset("""
a ai as au aux avec avoir c ca ce ces cet cette chez comme comment d dans de des du elle en est et
etre eu fait faire il ils j je l la le les leur lui m ma mais me mes moi mon n ne ni nos notre nous
on ou par pas peu peux plus pour pourquoi puis qu que quel quelle quoi qui s sa se ses si son sont
sur t ta te tes toi ton tu un une va vais vous veux voudrais voudrait y est suis es sommes etes
svp stp plait merci bonjour beaucoup tres trop bien besoin aide aider aidez probleme problemes
quand depuis encore deja toujours jamais rien tout tous toute toutes autre autres alors donc car
the i my me to a an of for is are do does can you please want need with and or in on at it
il y il hui aujourd demain hier matin soir fois ok oui non savoir sais sait comprends arrive
marche fonctionne moyen possible faut falloir dois doit mettre trouver cherche chercher
demande demander ici la-bas maintenant vite urgent urgente madame monsieur
dont don have has get how what where when there this that we our your be was am im s
dyal dyali dyalna f fi m3a w bghit bgha ana wach chi kifach fin mn lia liya 3la had hadi chno
3ndi 3andi ma3ndi ma3andi ma3ndich ma3andich bach kan kayn kayna
في من على إلى الى عن مع هذا هذه هاد ديال ديالي و ما لا أنا انا واش شي بغيت أريد اريد كيفاش كيف
فين أين اين شنو عندي عنديش ليا لي باش
""".split())

_DOCTOR_BEFORE = frozenset({"a", "my", "your", "his", "her", "our", "their", "see", "family"})
_ELISION = re.compile(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’`´‘]")
_NON_WORD = re.compile(r"[\W_]+")
# A letter typed three times or more is emphasis, in either alphabet: « aideeee », « بزاااف ».
_REPEAT = re.compile(r"([a-z\u0621-\u064a])\1{2,}")
# Arabic letters written several ways for one word; after NFKD has split off the hamza. Maghrebi
# writing adds letters for sounds Arabic lacks ("گ"/"ڭ" for g, "ڤ" for v, "پ" for p: « الكارط گريز »),
# and Persian keyboards type their own kaf and yeh: each is read as the nearest Arabic letter.
_ARABIC = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None, "٪": "%", "گ": "ك", "ڭ": "ك", "ک": "ك", "ی": "ي",
                         "ڤ": "ف", "ڥ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز"})
_DIGITS = str.maketrans({chr(0x660 + i): str(i) for i in range(10)} | {chr(0x6F0 + i): str(i) for i in range(10)})


def fold(text: str) -> str:
    """Lowercase without accents, ligatures spelled out, Arabic variants folded."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return kept.translate(_ARABIC).translate(_DIGITS)


# Stopwords as messages are read: « على » and « إلى » are folded to « علي » and « الي ».
STOPWORDS = frozenset(fold(w) for w in _STOPWORDS_WRITTEN)


def tokens(text: str) -> list[str]:
    """Normalised words of a message, stopwords kept (aliases may contain them)."""
    return list(_tokens(text))


@lru_cache(maxsize=512)  # one message is read by several parts of a turn (danger, places, need)
def _tokens(text: str) -> tuple[str, ...]:
    text = fold(text)
    text = _ELISION.sub(r"\1 ", text)
    text = _NON_WORD.sub(" ", text)
    text = _REPEAT.sub(r"\1", text)
    out: list[str] = []
    for word in text.split():
        expanded = SMS.get(word)
        if word == "doc" and out and out[-1] in _DOCTOR_BEFORE:
            expanded = "doctor"  # English « a doc », « my doc »: the French « un doc » is a document
        if expanded is None and len(word) > 3 and word[0] == "j" and word[1] not in "aeiouy" \
                and word[1] != word[2] and not any(c.isdigit() for c in word):
            # "jcherche", "jtrouve": the e of "je" swallowed. Not Darija's « jddi » (my grandfather)
            # nor « jmi3 »: no French word starts with a doubled consonant, and digits are Arabic letters.
            expanded = "je " + word[1:]
        out.extend(_singular(w) for w in (expanded if expanded is not None else word).split())
    return tuple(_without_broken_work(out))


# « my computer doesn't work » says a thing is broken, not that someone wants a job: « work » was
# emploi's word there. Said of a person (« my husband doesn't work », « i'm not working ») it is
# about a job, and kept.
_NOT_FUNCTIONING = (("doesnt",), ("does", "not"), ("doesn", "t"), ("isnt",), ("is", "not"), ("isn", "t"),
                    ("s", "not"))
_WORK = frozenset({"work", "working"})
_PEOPLE = frozenset({"i", "im", "m", "we", "he", "she", "they", "husband", "wife", "son", "daughter",
                     "mother", "father", "mum", "mom", "dad", "brother", "sister", "partner", "child"})


def _without_broken_work(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if word in _WORK:
            negation = next((n for n in _NOT_FUNCTIONING if tuple(out[-len(n):]) == n), None)
            subject = out[-len(negation) - 1] if negation and len(out) > len(negation) else ""
            if negation and subject not in _PEOPLE:
                continue
        out.append(word)
    return out


# Words that end in s or x in the singular too.
INVARIABLE = frozenset("fils sans dans sous vers chez temps corps pays prix voix choix croix paris "
                       "bus virus jus gens mois fois dos bras repas".split())


def _singular(word: str) -> str:
    """Plural and singular meet: "allocations" → "allocation", "impots" → "impot"."""
    if (word in STOPWORDS or word in INVARIABLE or len(word) < 4 or not word.isalpha()
            or not word.isascii()):
        return word
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if word.endswith("x") and len(word) >= 5:
        return word[:-1]
    return word


def content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and not w.isdigit()]


def normalize(text: str) -> str:
    return " ".join(tokens(text))


# Arabic glues articles and prepositions before a word and pronouns after it: "الكاف",
# "فالمدرسة", "للكاف", "عملي" (my work), "فلوسهم". Taken off, one word matches its forms.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_ARABIC_SUFFIXES = ("كم", "هم", "ها", "نا", "ات", "ي", "ك")  # not "ه": "مدرسة" (folded "مدرسه") is not "مدرس" + "his"


def arabic_stem(word: str) -> str | None:
    """The word without its glued article, preposition and pronoun; None when not Arabic or
    nothing comes off. At least three letters are kept: "ولد" is not "و" + "لد"."""
    if not is_arabic(word):
        return None
    stem = word
    for prefix in _ARABIC_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
            stem = stem[len(prefix):]
            break
    for suffix in _ARABIC_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            break
    return stem if stem != word else None


def arabic_tied(word: str) -> str | None:
    """A word ending in « ة » as it is written before a pronoun: « إقامتي » (my residence permit) is
    « إقامة », « فاتورتي » « فاتورة », « حرارته » « حرارة » (« ة » is folded to « ه »). None when no
    pronoun follows a « ت », or when fewer than three letters would be left."""
    if not is_arabic(word):
        return None
    for suffix in _TIED_SUFFIXES:
        cut = len(word) - len(suffix)
        if word.endswith(suffix) and cut >= 4 and word[cut - 1] == "ت":
            return word[:cut - 1] + "ه"
    return None


# Unlike arabic_stem's, « ه » (his) may follow, since « ت » before it tells « حرارته » from « مدرسه »,
# and Darija's « و » (his); « ات », a plural, never follows a « ت » that stands for « ة ».
_TIED_SUFFIXES = ("كم", "هم", "ها", "نا", "ي", "ه", "ك", "و")


_PERSONS = "انيت"  # a verb's person, before its stem: I (standard, folded « أ »), I (Darija) or we, he, she or you


def arabic_persons(word: str) -> tuple[str, ...]:
    """The same verb in the other persons (« اشتغل », « نشتغل », « يشتغل », « تشتغل »), for a
    word of four letters or more starting with a person's letter; () otherwise."""
    if len(word) < 4 or word[0] not in _PERSONS or not is_arabic(word):
        return ()
    return tuple(p + word[1:] for p in _PERSONS if p != word[0])


def darija_article(word: str) -> str | None:
    """The word without the article Darija glues on in Latin letters (« lcaf », « lflous »), or
    None. At least three letters are kept: « lait » is not « l » + « ait »."""
    if len(word) >= 4 and word[0] == "l" and word[1] not in "aeiouy'" and not is_arabic(word):
        return word[1:]
    return None


def is_arabic(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def has_arabic(text: str) -> bool:
    """Whether any letter of the text is Arabic (searched in C: the emergency rules ask it of
    every message, several times)."""
    return _ARABIC_LETTER.search(text) is not None
