"""Short follow-ups to an answer: "et à quelle heure ça ouvre ?", "c'est où ?", "ok", 👍, "non".

Read only right after an answer, and only in short messages: a longer message is a new request
and goes to the matcher. Each kind lists the words people use, in the bot's languages.
"""

from __future__ import annotations

from bot.understanding.normalize import normalize

HOURS = "hours"
ADDRESS = "address"
PHONE = "phone"
ACK = "ack"
NO = "no"

MAX_WORDS = 8

_EMOJI_ACK = frozenset("👍 👌 ✅ 🙏 🙂 😊 ☺️ ☺ ❤️ ❤ 💪 👏 🤝 😀 😃 😄 😁 🥰 😍 🆗 ✔️ ✔".split())
_ACK = frozenset(normalize(x) for x in (
    "ok", "okay", "oki", "d'accord", "dac", "dacc", "daccord", "oui", "ouais", "super", "parfait",
    "top", "cool", "nickel", "compris", "entendu", "ça marche", "sa marche", "très bien", "bien",
    "vu", "c'est noté", "noté", "génial", "ok super", "ok parfait", "ok d'accord", "ah ok", "oui ok",
    "great", "fine", "good", "alright", "got it", "perfect", "yes",
    "تمام", "واخا", "مزيان", "حسنا", "نعم", "اوكي", "wakha", "waxa", "safi", "mzyan", "mezyan", "iyeh",
))
_NO = frozenset(normalize(x) for x in (
    "non", "nn", "no", "nope", "pas ça", "c'est pas ça", "ce n'est pas ça", "pas bon", "faux",
    "non merci", "لا", "la", "lla", "la2",
))
# Words that make a short message a question about the place just shown.
_KINDS: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    (PHONE, frozenset("numero telephone tel tele phone appeler joindre contacter contact call number "
                      "رقم هاتف تيليفون nmra ra9m raqm tilifon".split()), ()),
    (HOURS, frozenset("heure horaire ouvert ouvre ouverture ferme fermeture quand jour hour "
                      "open opening close closing when ساعه متى وقت يفتح مفتوح امتى فوقاش "
                      "wqt waqt fo9ach fou9ach imta".split()),
     ("a quelle heure", "c est ouvert", "what time")),
    (ADDRESS, frozenset("ou adresse situe trouve itineraire chemin plan carte loin where address "
                        "far route فين اين عنوان fin fine".split()),
     ("c est ou", "comment y aller", "comment aller", "how to get")),
)


def follow_up(text: str) -> str | None:
    """Which follow-up a short message is, or None."""
    stripped = text.strip()
    if stripped and all(ch in _EMOJI_ACK or ch.isspace() or ch == "\ufe0f" for ch in stripped):
        return ACK
    norm = normalize(stripped)
    words = norm.split()
    if not words or len(words) > MAX_WORDS:
        return None
    if norm in _ACK:
        return ACK
    if norm in _NO:
        return NO
    padded = f" {norm} "
    for kind, keys, phrases in _KINDS:
        if any(w in keys for w in words) or any(f" {p} " in padded for p in phrases):
            return kind
    return None
