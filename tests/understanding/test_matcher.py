"""Understanding residents' words: the evaluation set, the edge cases, `explain`."""

from __future__ import annotations

import json

import pytest

from bot.places.needs import NEEDS
from bot.understanding.evaluate import OUT_OF_SCOPE, by_language, evaluate, per_need_counts, read_labelled
from bot.understanding.intents import LANGUAGES, Phrase, load_intents, load_phrases
from bot.understanding.matcher import Matcher
from bot.understanding.normalize import content, normalize, tokens
from tests.conftest import INTENTS, ROOT, SHIPPED_DIRECTORY, run_bot

SPLITS = ROOT / "tests" / "understanding"
# Floors a message or two under what benchmarks/eval_intents.py measured (README, "Understanding"): the test
# split was never used for tuning; dev was, so its floors are higher.
# Every split of tests/understanding (but the danger lists) has its floors here.
FLOORS = {
    "test": {"fr": (0.97, 0.90), "en": (0.96, 0.90), "ar": (0.92, 0.95), "darija": (0.91, 0.95)},
    "dev": {"fr": (0.97, 0.96), "en": (0.95, 0.95), "ar": (0.97, 0.95), "darija": (0.95, 0.95)},
    "fresh": {"fr": (0.97, 0.95), "en": (0.95, 0.95), "ar": (0.95, 0.95), "darija": (0.90, 0.95)},
    # Tuned on once measured (its header): guards what was mended for it. One French message out of scope is 5 points.
    "fresh2": {"fr": (0.92, 0.90), "en": (0.85, 0.66), "ar": (0.93, 0.75), "darija": (0.90, 0.5)},
    "fresh3": {"ar": (0.93, 0.80), "darija": (0.85, 0.5)},
    "fresh4": {"fr": (0.5, 0.80), "en": (0.66, 0.5), "ar": (0.93, 0.66), "darija": (0.75, 0.5)},
    "fresh6": {"fr": (0.75, 0.78), "ar": (0.77, 0.75)},
    "fresh7": {"fr": (0.75, 0.82), "en": (0.80, 0.66), "ar": (0.87, 0.5), "darija": (0.85, 0.5)},
    "fresh8": {"fr": (0.84, 0.86), "en": (0.83, 0.66), "ar": (0.85, 0.5), "darija": (0.80, 0.5)},
    "fresh9": {"fr": (0.75, 0.0), "en": (0.5, 0.0), "ar": (0.90, 0.66), "darija": (0.77, 0.0)},
    "fresh10": {"ar": (0.88, 0.0), "darija": (0.8, 0.0)},
    # Never tuned on: floors a message under its one reading.
    "fresh5": {"fr": (0.88, 0.88), "en": (0.85, 0.0), "ar": (0.83, 0.66), "darija": (0.75, 0.5)},
    # Small splits (36 and 40 in scope): one training seed against another moves them by 3 messages.
    "mashriq": {"ar": (0.80, 0.95)},
    "phonetic": {"fr": (0.85, 0.85)},  # out of scope: 10 messages, one is 10 points
    "maghreb": {"ar": (0.90, 0.95), "darija": (0.90, 0.95)},
    "standard": {"ar": (0.90, 0.95)},
    "long": {"fr": (0.85, 0.95)},
    "outofscope": {"fr": (0.0, 0.80)},
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    from tests.fixtures import shared_matcher
    return shared_matcher()


def test_labelled_messages_are_enough_and_cover_every_need_and_language():
    rows = [r for split in ("dev", "test") for r in read_labelled(SPLITS / f"{split}.tsv")]
    phrases = load_phrases(INTENTS)[0]
    assert len(rows) + len(phrases) >= 1500
    counts = per_need_counts([(label, text) for label, _, text in rows])
    assert counts[OUT_OF_SCOPE] >= 60
    for need in NEEDS:
        assert counts.get(need, 0) >= 20, need
    langs = {lang for _, lang, _ in rows}
    assert langs == set(LANGUAGES)
    for lang in LANGUAGES:
        assert sum(1 for _, lg, _ in rows if lg == lang) >= 90, lang


def test_every_split_has_its_floors():
    assert {p.stem for p in SPLITS.glob("*.tsv") if not p.stem.startswith("danger")} == set(FLOORS)


def test_held_out_messages_are_not_training_phrasings():
    intents = load_intents(INTENTS)[0]
    training = {normalize(x) for i in intents.values() for x in i.exemples}
    training |= {normalize(p.text) for p in load_phrases(INTENTS)[0]}
    for split in FLOORS:
        overlap = [t for _, _, t in read_labelled(SPLITS / f"{split}.tsv") if normalize(t) in training]
        assert overlap == [], split


@pytest.mark.parametrize("split", list(FLOORS))
def test_accuracy_per_language(matcher, split):
    reports = by_language(matcher, read_labelled(SPLITS / f"{split}.tsv"))
    for lang, (in_scope, out_of_scope) in FLOORS[split].items():
        report = reports[lang]
        assert report.accuracy >= in_scope, (lang, "\n".join(report.lines()))
        assert report.unclaimed_rate >= out_of_scope, (lang, "\n".join(report.lines()))


def test_a_wrong_need_said_outright_is_counted_apart(matcher):
    report = evaluate(matcher, [("emploi", "ma caf a baissé"), ("-", "recette de couscous"), ("caf", "la caf"),
                                ("-", "la caf"), ("logement", "aide dossier")])
    # Labels made wrong on purpose: the CAF said for a message labelled work, and for one labelled out of scope.
    assert report.wrong == 2
    assert report.correct == 1 and report.unclaimed == 1  # « aide dossier »: buttons, not a wrong need
    refused = evaluate(matcher, [("social", "recette de couscous"), ("caf", "la caf")])
    assert refused.refused == 1 and refused.wrong == 0  # a need told « I can't help » is counted apart


@pytest.mark.parametrize("text, lang", [
    ("i am looking for a job", "en"),
    ("ابحث عن عمل", "ar"),
    ("بغيت نجدد titre de séjour ديالي", "ar"),  # French names kept in an Arabic sentence
    ("la caf ما خلصاتنيش هاد الشهر", "ar"),
    ("je cherche du travail, merci شكرا", "fr"),
    ("bghit nkhdem", "darija"),
    ("ma3andich internet", "darija"),
    ("je cherche un travail", "fr"),
    ("ok", None),
])
def test_language_is_recognised(matcher, text, lang):
    assert matcher.match(text).lang == lang


@pytest.mark.parametrize("text, need", [
    ("la caf ma coupé les aloc", "caf"),
    ("jcherche du taf", "emploi"),
    ("retrète", "retraite"),
    ("apl", "caf"),
    ("mon compte ameli marche pas", "sante"),
    ("الكارط ڭريز", "papiers"),  # Maghrebi g
    ("پاسبور ضاع", "papiers"),
    ("talk to a human", "humain"),
    ("LA CAF!!!!", "caf"),
    ("jveux imprimer", "equipement"),
    ("bonjour, j'ai un souci avec la caf", "caf"),
    ("supprimer mes données", "oubli"),
    ("je cherche un travail", "emploi"),
    ("je veux bosser", "emploi"),
    ("trouver une formation", "emploi"),
    ("mon téléphone est cassé", "equipement"),
    ("kaf dossier", "caf"),
    ("a quel age je peux arreter de travailler", "retraite"),
    ("bghit nkhdem", "emploi"),
    ("ma3andich internet", "equipement"),
    ("i am looking for a job", "emploi"),
    ("ابحث عن عمل", "emploi"),
])
def test_examples_from_the_issue(matcher, text, need):
    assert matcher.match(text).need == need


@pytest.mark.parametrize("text", ["meteo demain", "", "🙂", "?!", "x" * 5000, "a b c d e f"])
def test_not_claimed(matcher, text):
    assert matcher.match(text).need is None


def test_arabic_function_words_are_known_as_messages_write_them():
    # « على » and « إلى » are read folded (« علي », « الي »): as stopwords, not as a need's words.
    assert content(tokens("ذهبت إلى الكاف على الساعة")) == ["ذهبت", "الكاف", "الساعه"]


def test_letters_repeated_for_emphasis_are_read_once_in_both_alphabets(matcher):
    assert tokens("بغييييت الكااااف") == ["بغيت", "الكاف"] and tokens("aideeee") == ["aide"]
    assert tokens("ممكن تتعلم") == ["ممكن", "تتعلم"]  # two letters alike are spelling, not emphasis
    assert matcher.match("الكااااف وقفو ليا المنحة").need == "caf"


def test_darija_article_glued_in_latin_letters_is_read_off(matcher):
    # « lcaf » is « l » + « caf »; beside two words the bot never saw, it used to be nothing at all.
    assert matcher.match("bghit nbdl l3onwan f lcaf").need == "caf"
    assert matcher.lexicon.scores("lcaf").get("caf", 0) > 60
    # French words never put a consonant after a first « l »; a vowel there is no article.
    assert "sante" not in matcher.lexicon.scores("lame de rasoir")


def test_a_thing_that_does_not_work_is_not_a_job(matcher):
    assert matcher.match("my computer doesn't work").need == "equipement"
    assert matcher.match("the caf website doesn't work").need == "caf"
    # Said of a person, it is about a job.
    assert "work" in tokens("my husband doesn't work") and "working" in tokens("i'm not working")
    assert matcher.match("i don't work, i need a job").need == "emploi"


def test_a_doc_is_a_doctor_after_an_english_article_and_a_document_otherwise(matcher):
    assert matcher.match("i need a doc for my son").need == "soins"
    assert matcher.match("envoyer un doc par mail").need == "numerique"
    assert "doctor" not in tokens("send the docs") and "doctor" in tokens("see my doc")


def test_an_arabic_verb_is_read_in_any_person(matcher):
    # The intents know Darija's « نشتغل » (I work); standard « أشتغل » and « يشتغل » are the same verb.
    for word in ("أشتغل", "يشتغل", "تشتغل"):
        assert matcher.lexicon.scores(word).get("emploi", 0) > 60, word
    assert matcher.match("أبغي أشتغل في البناء").need == "emploi"
    assert tokens("jddi mrid") == ["jddi", "mrid"]  # Darija's grandfather, not « je ddi »
    assert tokens("jcherche") == ["je", "cherche"]


def test_short_tokens_are_never_fuzzy(matcher):
    # "rsa" is a CAF acronym: it must not be found inside "carsat", nor "rsa" from "rsx".
    assert matcher.match("carsat").need == "retraite"
    assert matcher.match("rsx").need is None


def test_unsure_offers_candidates(matcher):
    m = matcher.match("aide dossier")
    assert m.need is None and m.candidates


@pytest.mark.parametrize("text", ["aide dossier", "besoin d'une info urgent", "j'ai une question", "help file",
                                  "j'ai reçu un courrier je comprends rien", "i got a letter i dont understand"])
def test_vague_requests_are_never_answered_outright(matcher, text):
    assert matcher.match(text).need is None


@pytest.mark.parametrize("text, need", [("j'ai reçu une lettre de la caf", "caf"), ("lettre recommandée", "poste"),
                                        ("envoyer un courrier", "poste"), ("j'ai reçu un courrier des impots", "impots")])
def test_a_letter_from_someone_is_about_them(matcher, text, need):
    # « courrier », « lettre » alone say neither who wrote nor what about: said with who, they are answered.
    assert matcher.match(text).need == need


def test_explain_json_one_object_per_line():
    result = run_bot("explain", "--json", "--directory", str(SHIPPED_DIRECTORY),
                     stdin="jcherche du taf\nmeteo demain\ncaf couronneries\nالكورونري\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["text"] == "jcherche du taf" and lines[0]["need"] == "emploi"
    assert lines[0]["score"] > 0 and lines[0]["candidates"][0]["need"] == "emploi"
    assert lines[0]["lang"] == "fr" and lines[0]["place"] is None
    assert lines[1]["need"] is None and lines[1]["candidates"] == []
    # Places as the conversation reads them (shipped directory): named in a message, or alone.
    assert lines[2]["need"] == "caf" and lines[2]["place"] == "Couronneries"
    assert lines[3]["need"] is None and lines[3]["place"] == "Couronneries"
    assert lines[0]["danger"] == [] and lines[0]["danger_likely"] is None


def test_explain_says_which_emergency_the_conversation_would_see_first():
    result = run_bot("explain", "--json", stdin="mon mari me frappe\nje vais mal\n")
    rules, likely = (json.loads(line) for line in result.stdout.splitlines())
    assert rules["danger"] == ["violence"] and rules["danger_likely"] is None
    assert likely["danger"] == [] and likely["danger_likely"] == "suicide"
    text = run_bot("explain", "je vais mal").stdout
    assert "urgence possible : suicide" in text


def test_explain_with_text_arguments():
    result = run_bot("explain", "retrète", "meteo demain")
    assert result.returncode == 0
    assert "retraite" in result.stdout.splitlines()[0]
    assert "non reconnu" in result.stdout.splitlines()[1]


@pytest.mark.parametrize("text, intent", [
    ("horaires vitalis", None),  # Poitiers' city buses, not the carte Vitale
    ("mdph", "social"),
    ("dossier handicap", "social"),
    ("pension d'invalidité", "sante"),
    ("facture d'eau", "social"),
    ("cours de français", "social"),
    ("médecin traitant", "soins"),
    ("pédiatre", "soins"),
    ("commander une pizza", None),
    ("recette de couscous", None),
    ("how does it work", "aide"),  # not a job: « work » was emploi's
    ("ça marche comment", "aide"),  # not « ça marche » (thanks)
    ("comment on fait ici", "aide"),
    ("كيف نستعمل البوت", "aide"),  # not the digital desk
    ("aller aux urgences", "soins"),  # the emergency room, not « aide d'urgence »
    ("المستعجلات", "soins"),
    ("anpe", "emploi"),  # France Travail's name until 2008, still said
    ("vendanges", "emploi"),
    ("clé usb", "equipement"),
    ("قفة رمضان", "social"),
    ("bghit mo7ami", "droit"),
    ("ma3ndich daw", "energie"),
    ("لم يصلني الطرد", "poste"),  # « طرد » is a parcel; eviction is said with a person
    ("صاحب البيت بغا يطردني", "logement"),
    ("mon colis n'est pas arrivé", "poste"),  # not « colis alimentaire »
], ids=["vitalis", "mdph", "handicap", "invalidite", "water bill", "french lessons", "gp", "paediatrician",
        "pizza", "couscous", "how it works", "ca marche comment", "comment on fait", "how to use the bot",
        "emergency room", "emergency room ar", "anpe", "grape harvest", "usb stick", "food basket",
        "lawyer darija", "electricity darija", "parcel ar", "eviction ar", "parcel fr"])
def test_corrected_intents(matcher, text, intent):
    assert matcher.match(text).need == intent


@pytest.mark.parametrize("text", ["il passe quand le bus 4", "bus n°2a", "la ligne 21 passe à quelle heure",
                                  "le bus numéro 11 est en retard", "الطوبيس رقم ٣ فوقاش يجي", "when does bus 12 come"])
def test_a_numbered_bus_line_is_a_city_bus(matcher, text):
    match = matcher.match(text)
    assert match.need is None and match.out_of_scope


@pytest.mark.parametrize("text", ["où est le bus", "le bus passe quand", "le bus 14h c'est où", "bus france services",
                                  "فين كاين الطوبيس", "when is the bus coming"])
def test_the_services_bus_is_still_the_services_bus(matcher, text):
    assert matcher.match(text).need == "bus"


def test_classifier_cache_is_read_back_and_a_damaged_one_retrained(tmp_path, caplog):
    from bot.understanding.matcher import load_matcher
    first = load_matcher(INTENTS, cache=tmp_path)
    [cached] = tmp_path.glob("intents-*.npz")
    again = load_matcher(INTENTS, cache=tmp_path)
    assert (again.classifier.keys == first.classifier.keys).all() and len(again.classifier) > 10_000
    assert again.match("la caf ma coupé les aloc") == first.match("la caf ma coupé les aloc")
    cached.write_bytes(b"not a cache")
    repaired = load_matcher(INTENTS, cache=tmp_path)
    assert "training again" in caplog.text
    assert repaired.match("jcherche du taf").need == "emploi"
    assert len(list(tmp_path.glob("danger-*.npz"))) == 1  # the second opinion on danger keeps its own
    assert again.possible_danger("my husband pushed me and i hit my head") == "violence"


def test_a_classifier_trained_on_nothing_knows_nothing():
    from bot.understanding.classifier import Classifier
    empty = Classifier.train([])
    assert empty.probabilities(["w=caf"]) == {} and not empty.knows("w=caf") and len(empty) == 0


def test_a_phrasing_added_to_the_bank_moves_no_answer_elsewhere(matcher):
    # Training visits the examples in an order drawn from their content: before, a shuffle of
    # positions reordered everything, and two phrasings about broken limbs changed the need said
    # for 13 of 964 held-out messages.
    intents, phrases = load_intents(INTENTS)[0], load_phrases(INTENTS)[0]
    grown = Matcher(intents, [*phrases, Phrase("soins", "en", "my ankle is broken i need a doctor")])
    texts = [t for _, _, t in read_labelled(SPLITS / "dev.tsv")]
    changed = [t for t in texts if grown.match(t).need != matcher.match(t).need]
    assert len(changed) <= 2, changed
    assert grown.match("my ankle is broken i need a doctor").need == "soins"
