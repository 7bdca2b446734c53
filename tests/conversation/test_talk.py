"""Conversation as people talk: need and place together, follow-ups, corrections, places anywhere."""

from __future__ import annotations

import pytest

from bot.conversation.dialogue import step
from bot.conversation.state import ANSWERED, ASK_NEED, ASK_WHERE, CLARIFY, State
from tests.conftest import paris
from tests.conversation.helpers import button, read, talk, text
from tests.fixtures import knowledge_of

TUESDAY = paris("2026-12-01T10:00")


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    return knowledge_of(tmp_path_factory.mktemp("territory"))










@pytest.mark.parametrize("message, need, where", [
    ("caf tilleuls", "caf", "Les Tilleuls"),
    ("chomage 99000", "emploi", "Villetest (99000)"),
    ("j'ai besoin d'aide pour la caf je suis aux tilleuls", "caf", "Les Tilleuls"),
    ("impots le moulin", "impots", "Le Moulin"),
    ("retraite au moulinn", "retraite", "Le Moulin"),
], ids=["need then quartier", "need and postcode", "a sentence with both", "two-word quartier",
        "mistyped quartier"])
def test_need_and_place_in_one_message_answer_at_once(k, message, need, where):
    state, replies = talk(k, text(message))
    assert state.step == ANSWERED and state.need == need and state.where == where
    assert "Où êtes-vous" not in read(replies)
    assert replies[0].pin is not None


@pytest.fixture
def answered(k):
    state, _ = talk(k, text("caf"), button("q:tilleuls"))
    return state


@pytest.mark.parametrize("message, expected", [
    ("et à quelle heure ça ouvre ?", "Prochaines ouvertures de Maison des services des Tilleuls"),
    ("c'est ouvert quand", "Prochaines ouvertures"),
    ("c'est où ?", "1 place des Tilleuls"),
    ("l'adresse svp", "1 place des Tilleuls"),
    ("quel est le numéro", "05 00 00 00 10"),
    ("ok", "Très bien"),
    ("👍", "Très bien"),
    ("d'accord merci", "Avec plaisir"),
    ("merci", "Avec plaisir"),
    ("non", "Que voulez-vous changer"),
], ids=["hours", "hours again", "where", "address", "phone", "ok", "thumbs up", "thanks", "merci", "no"])
def test_follow_ups_in_context(k, answered, message, expected):
    _, replies = step(answered, text(message), TUESDAY, k)
    assert expected in read(replies)
    assert "Je n'ai pas compris" not in read(replies)
    assert all(r.buttons for r in replies[-1:])


def test_address_follow_up_pins_the_place(k, answered):
    _, replies = step(answered, text("c'est où"), TUESDAY, k)
    assert replies[0].pin is not None and replies[0].pin.name == "Maison des services des Tilleuls"


def test_correction_of_the_need_is_said_back(k, answered):
    state, replies = step(answered, text("non attends c'est pour les impôts"), TUESDAY, k)
    assert state.need == "impots"
    assert replies[0].text == "C'est noté : Impôts."
    assert "Pour : Impôts" in replies[1].text


def test_correction_of_the_place_is_said_back(k, answered):
    state, replies = step(answered, text("non je suis au moulin"), paris("2026-12-03T10:15"), k)
    assert state.where == "Le Moulin"
    assert replies[0].text == "C'est noté : Le Moulin."
    assert "Pour : CAF" in replies[1].text


def test_a_quartier_during_a_clarifying_question_is_a_place(k):
    state = State(step=CLARIFY, candidates=("energie", "logement"))
    state, replies = step(state, text("le moulin"), TUESDAY, k)
    assert state.step == CLARIFY and state.where == "Le Moulin" and state.need is None
    assert replies[0].text.startswith("C'est noté : Le Moulin. Je ne suis pas sûr d'avoir compris")
    state, replies = step(state, button("n:logement"), TUESDAY, k)
    assert state.step == ANSWERED and "Centre social du Moulin" in replies[0].text


def test_a_place_alone_first(k):
    state, replies = talk(k, text("les tilleuls"))
    assert state.step == ASK_NEED and "C'est noté : Les Tilleuls" in replies[0].text


@pytest.mark.parametrize("message, expected, not_expected", [
    ("Naintré", "Je ne connais pas « Naintré »", "j'ai besoin de savoir où vous êtes"),
    # Unknown names whose letters may faintly resemble a need's (« Naintré » was once offered as
    # « droit » by the classifier's pieces of words): a name, not a request.
    ("Mignaloux", "Je ne connais pas « Mignaloux »", "Je ne suis pas sûr"),
    ("Jaunay-Marigny", "Je ne connais pas « Jaunay-Marigny »", "Je ne suis pas sûr"),
    ("Vouneuil sous Biard", "Je ne connais pas « Vouneuil sous Biard »", "Je ne suis pas sûr"),
    ("Chasseneuil", "Je ne connais pas « Chasseneuil »", "Je ne suis pas sûr"),
    ("rue des Lilas", "Je ne connais pas « rue des Lilas »", "j'ai besoin"),
    ("je sais pas", "j'ai besoin de savoir où vous êtes", "Je ne connais pas"),
    ("pourquoi ?", "j'ai besoin de savoir où vous êtes", "Je ne connais pas"),
], ids=["a town", "another town", "a hyphenated town", "a town in three words", "a fourth town", "a street",
        "not a place", "a question"])
def test_unknown_place_said_only_for_words_that_look_like_one(k, message, expected, not_expected):
    state, replies = talk(k, text("caf"), text(message))
    assert state.step == ASK_WHERE
    assert expected in read(replies) and not_expected not in read(replies)
    assert "🙋 Parler à quelqu'un" in [b.label for r in replies for b in r.buttons]


def test_a_street_recalling_the_need_already_chosen_is_a_place(k, monkeypatch):
    # « بول فيري » (rue Paul-Ferry) once recalled « بول امبلوا » (Pôle emploi) to the matcher, which
    # offered « emploi » as a button: asking « do you mean work? » of someone who just asked for
    # work makes no sense. Whatever the matcher now makes of it, the need already chosen is no answer.
    from bot.understanding.lexicon import Match
    real = k.matcher.match
    monkeypatch.setattr(k.matcher, "match", lambda t: Match(None, 30.0, (("emploi", 30.0),), lang="ar")
                        if t == "بول فيري" else real(t))
    state, replies = talk(k, text("je cherche un travail"), text("بول فيري"))
    assert state.step == ASK_WHERE and state.need == "emploi"
    assert "« بول فيري »" in read(replies)


def test_the_where_question_offers_a_person(k):
    _, replies = talk(k, text("caf"))
    assert "🙋 Parler à quelqu'un" in [b.label for b in replies[-1].buttons]


def test_need_with_a_request_for_a_person(tmp_path):
    k = knowledge_of(tmp_path, mediators=True)
    state, t_replies = talk(k, text("je veux parler à quelqu'un, la caf m'a coupé les aloc"))
    said = read(t_replies)
    assert "3230" in said and "transmis votre demande à un médiateur" in said
    assert "Où êtes-vous" in t_replies[-1].text and state.need == "caf"
    state, replies = talk(k, text("je veux parler à quelqu'un pour la caf, je suis aux tilleuls"))
    assert state.step == ANSWERED
    assert any(r.text.startswith("📍 Maison des services des Tilleuls") for r in replies)
    assert "transmis votre demande à un médiateur" in read(replies)


@pytest.mark.parametrize("message", ["i need someone to help me with my taxes",
                                     "je voudrais quelqu'un pour m'aider avec mes impôts"])
def test_a_person_asked_for_a_need_in_plain_words(tmp_path, message):
    # « someone » is neither an outright « talk to a person » phrasing nor part of the need: the
    # need is read once the person's words are taken out.
    k = knowledge_of(tmp_path, mediators=True)
    state, replies = talk(k, text(message))
    assert state.need == "impots" and state.step == ASK_WHERE
    assert "médiat" in read(replies).lower() or "mediator" in read(replies).lower()


def test_mediators_away_say_when_they_answer(tmp_path):
    k = knowledge_of(tmp_path, mediators=True)
    _, replies = talk(k, text("je veux parler à un humain"), now=paris("2026-11-29T10:00"))  # Sunday
    assert "ils reviennent mardi à 13h" in read(replies)
    assert "↩ Revenir au bot" in [b.label for r in replies for b in r.buttons]
    _, replies = talk(k, text("je veux parler à un humain"), now=paris("2026-12-01T15:00"))
    assert "Il vous répondra ici, dès que possible" in read(replies)


def test_finding_a_doctor_is_oriented_not_answered_with_a_desk(k):
    state, replies = talk(k, text("je cherche un pédiatre pour mon fils"))
    assert "3646" in read(replies) and "15" in read(replies)
    assert all(r.pin is None for r in replies) and state.need is None


def test_a_city_bus_line_is_not_answered_with_the_services_bus(k):
    _, replies = talk(k, text("le bus 21 il passe quand"))
    assert replies[0].text.startswith("Je ne peux pas vous aider pour ça")
    assert "🚌" not in read(replies)


def test_out_of_scope_is_said_plainly_with_what_the_bot_does(k):
    _, replies = talk(k, text("horaires vitalis"))
    assert replies[0].text.startswith("Je ne peux pas vous aider pour ça")
    assert "Santé" not in read(replies[:1]) or "Pour :" not in read(replies)
