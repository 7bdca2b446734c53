"""The bot answers in the resident's language: detected, confirmed with a tap, kept, catalogued."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation import texts
from bot.conversation.i18n import LANGUAGES, Message, Translator, extract_messages, missing_messages, translator
from bot.conversation.state import State
from bot.understanding.gazetteer import QUARTIER
from tests.conftest import run_bot
from tests.conversation.helpers import button, labels, read, talk, text
from tests.fixtures import knowledge_of


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    return knowledge_of(tmp_path_factory.mktemp("territory"))


def test_english_from_the_first_message_to_the_place_card(k):
    state, replies = talk(k, text("i am looking for a job"))
    assert state.lang == "en" and not state.lang_chosen
    assert replies[0].text == "🌐 I'll answer you in English."
    assert labels(replies[:1]) == ["Français", "العربية"]  # one tap to change it
    assert "Where are you?" in replies[1].text and "Work, unemployment" in replies[1].text
    state, replies = talk(k, button("q:tilleuls"), state=state)
    card = read(replies)
    assert "📍 Maison des services des Tilleuls" in card  # directory content as written
    assert "For: Work" in card and "in your neighbourhood" in card
    assert "Open now until 12 PM" in card and "12h" not in card  # times as English readers write them
    assert "no appointment needed · free" in card  # the directory's « gratuit », its most common fee
    assert "Another place" in labels(replies) and "Autre lieu" not in labels(replies)


def test_colons_follow_the_language_typography(k):
    # French puts a space before a colon; English and Arabic do not: « Name : 05… » read as a typo.
    state, _ = talk(k, text("i am looking for a job"), button("q:tilleuls"))
    _, replies = talk(k, button("a:human"), state=state)
    assert "☎ Maison des services des Tilleuls: 05" in read(replies) and " : " not in read(replies)
    state, _ = talk(k, text("je cherche un travail"), button("q:tilleuls"))
    _, replies = talk(k, button("a:human"), state=state)
    assert "☎ Maison des services des Tilleuls : 05" in read(replies)


def test_arabic_months_are_the_ones_every_arabic_reader_knows():
    # Morocco's « دجنبر », « غشت » are not read in Algeria, Tunisia, Syria or Sudan; « ديسمبر » is.
    from bot.places.model import Checked
    _ = translator("ar")
    months = [texts.checked_when(Checked(dt.date(2022, m, 1), "month"), _) for m in range(1, 13)]
    assert months[11] == "ديسمبر 2022" and months[7] == "أغسطس 2022" and months[6] == "يوليو 2022"
    assert not {"دجنبر", "نونبر", "شتنبر", "غشت", "يوليوز"} & {m.split()[0] for m in months}


def test_arabic_from_the_first_message_to_the_place_card(k):
    state, replies = talk(k, text("ابحث عن عمل"))
    assert state.lang == "ar"
    assert replies[0].text == "🌐 سأجيبك بالعربية."
    assert "أين أنت؟" in replies[1].text
    state, replies = talk(k, button("q:tilleuls"), state=state)
    card = read(replies)
    assert "Maison des services des Tilleuls" in card and "من أجل: العمل" in card
    assert "حتى 12:00" in card and "12h" not in card and "مجاني" in card and "gratuit" not in card
    assert "مكان آخر" in labels(replies)
    # Beside Arabic words, a number's groups joined by spaces would be shown right to left
    # (« 10 00 00 00 05 »): no-break spaces keep them in order.
    assert "05\u00a000\u00a000\u00a000\u00a010" in card and "05 00" not in card


def test_a_phone_number_in_french_keeps_its_plain_spaces(k):
    _, replies = talk(k, text("je cherche du travail"), button("q:tilleuls"))
    assert "05 00 00 00 10" in read(replies)


def test_darija_speakers_choose_french_or_arabic(k):
    state, replies = talk(k, text("bghit nkhdem"))
    assert state.lang == "fr" and state.lang_asked
    assert replies[0].text == "Je peux vous répondre en français ou en arabe :"
    assert [b.payload for b in replies[0].buttons] == ["l:fr", "l:ar"]
    assert "Où êtes-vous" in replies[1].text  # the need was understood meanwhile
    state, replies = talk(k, button("l:ar"), state=state)
    assert state.lang == "ar" and state.lang_chosen
    assert replies[0].text == "حسنا، سأجيبك بالعربية."
    assert "أين أنت؟" in read(replies)  # the same question, in the chosen language
    state, replies = talk(k, text("bghit nkhdem"), state=state)
    assert "Je peux vous répondre" not in read(replies)  # offered once


def test_langue_command_and_a_choice_that_sticks(k):
    state, replies = talk(k, text("/langue"))
    assert labels(replies) == ["Français", "English", "العربية"]
    assert "Choose your language" in replies[0].text and "اختر لغتك" in replies[0].text
    state, replies = talk(k, button("l:en"), state=state)
    assert state.lang == "en" and state.lang_chosen
    assert replies[0].text == "All right, I'll answer you in English."
    state, replies = talk(k, text("je cherche un travail"), state=state)
    assert state.lang == "en" and "Where are you?" in read(replies)  # chosen: no more switching


def test_after_an_answer_a_new_language_shows_the_same_answer(k):
    state, _ = talk(k, text("caf"), button("q:tilleuls"))
    state, replies = talk(k, button("l:ar"), state=state)
    assert "Maison des services des Tilleuls" in read(replies) and "من أجل" in read(replies)


def test_an_opening_greeting_is_answered_in_its_language(k):
    state, replies = talk(k, text("hello"))
    assert state.lang == "en" and replies[0].text == "🌐 I'll answer you in English."
    assert replies[1].text.startswith("Hello 👋")
    state, replies = talk(k, text("salam"))
    assert state.lang == "fr" and state.lang_asked  # Darija: French or Arabic, as they choose
    assert [b.payload for b in replies[0].buttons] == ["l:fr", "l:ar"]
    state, _ = talk(k, text("merci"))
    assert state.lang == "fr"


@pytest.mark.parametrize(("greeting", "lang"), [("hi", "en"), ("Hey!", "en"), ("bjr", "fr"), ("slt", "fr")])
def test_a_greeting_too_short_for_statistics_still_says_its_language(k, greeting, lang):
    state, replies = talk(k, text(greeting))
    assert state.lang == lang
    assert replies[-1].text.startswith("Hello 👋" if lang == "en" else "Bonjour 👋")
    state, replies = talk(k, text("slm"))
    assert state.lang_asked and [b.payload for b in replies[0].buttons] == ["l:fr", "l:ar"]
    state, _ = talk(k, text("caf"), text("hi"))
    assert state.lang == "fr"  # later, one word never switches a conversation


@pytest.mark.parametrize("message", ["ok", "hello", "problème", "Le Moulin", "centre ville"])
def test_short_messages_and_place_names_do_not_switch(k, message):
    state, _ = talk(k, text("caf"), text(message))
    assert state.lang == "fr"
    state, _ = talk(k, text("i need help with my benefits"), text(message))
    assert state.lang == "en"


def test_danger_in_arabic_gets_the_numbers_first_in_arabic(k):
    _, replies = talk(k, text("زوجي يضربني"))
    assert replies[0].contacts, "the emergency numbers come first"
    assert "اتصل فورا" in replies[0].text and "17" in replies[0].text
    assert replies[1].text == "🌐 سأجيبك بالعربية."


def test_language_kept_on_restart_and_forgotten_on_erase(k):
    state, _ = talk(k, text("i am looking for a job"), text("/start"))
    assert state.lang == "en"
    state, replies = talk(k, text("/oubli"), button("e:yes"), state=state)
    assert state == State()
    assert replies[0].text.startswith("✅ Done.")  # said in the language of the person erasing


def test_catalogues_hold_every_message():
    for lang in LANGUAGES:
        assert missing_messages(lang) == [], lang


def test_a_missing_or_broken_translation_is_reported():
    messages = dict(extract_messages())
    messages["Un message tout neuf"] = Message("Un message tout neuf", "bot/x.py:3")
    problems = missing_messages("en", messages)
    assert problems == ["bot/x.py:3: pas de traduction en pour « Un message tout neuf »"]
    broken = Translator("en", {"Pour : {need}": "For: {besoin}"})
    assert broken("Pour : {need}", need="Emploi") == "Pour : Emploi"  # French rather than a crash


@pytest.mark.parametrize(("lang", "clock", "half", "distance"), [
    ("fr", "14h", "9h30", "à environ 1,5 km"),
    ("en", "2 PM", "9:30 AM", "about 1.5 km away"),
    ("ar", "14:00", "9:30", "1.5"),
])
def test_times_and_distances_in_each_language(lang, clock, half, distance):
    _ = translator(lang)
    assert _.clock(dt.time(14, 0)) == clock and _.clock(dt.time(9, 30)) == half
    assert distance in texts.distance_phrase(1.4, QUARTIER, _)


def test_console_demo_in_english_and_arabic(tmp_path):
    env = {"BOT_DATABASE": str(tmp_path / "db.sqlite3")}
    english = run_bot("console", "--now", "2026-12-01T10:00", "--user", "a",
                      stdin="i am looking for a job\nLes Tilleuls\n", env=env)
    assert english.returncode == 0, english.stderr
    assert "Where are you?" in english.stdout and "For: Work" in english.stdout
    assert "To send your location: /position" in english.stdout and "Pour envoyer" not in english.stdout
    assert english.stdout.rstrip().endswith("See you soon 👋")
    arabic = run_bot("console", "--now", "2026-12-01T10:00", "--user", "b",
                     stdin="ابحث عن عمل\nLes Tilleuls\n", env=env)
    assert "أين أنت؟" in arabic.stdout and "من أجل: العمل" in arabic.stdout
    assert "لإرسال موقعك" in arabic.stdout and arabic.stdout.rstrip().endswith("إلى اللقاء 👋")


def test_translations_command(tmp_path):
    result = run_bot("translations")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "complets" in result.stdout
