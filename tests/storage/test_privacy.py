"""Privacy: pseudonymous keys, erasure everywhere, scrubbing, anonymous stats, admin commands."""

from __future__ import annotations

import json
import re

import pytest

from bot.conversation.events import Incoming
from bot.runtime import Runtime
from bot.storage.privacy import load_secret, scrub, user_key
from tests.conftest import RecordingMediators


async def tables(runtime: Runtime) -> list[str]:
    db = runtime.store.db
    if db.dialect == "sqlite":
        return [r[0] for r in await db.fetch("SELECT name FROM sqlite_master WHERE type='table'")]
    return [r[0] for r in await db.fetch("SELECT table_name FROM information_schema.tables"
                                         " WHERE table_schema = 'public'")]


async def rows_mentioning(runtime: Runtime, needle: str) -> dict[str, int]:
    """Every row of every table holding `needle` in any column."""
    found = {}
    for table in await tables(runtime):
        hits = [r for r in await runtime.store.db.fetch(f"SELECT * FROM {table}") if any(needle in str(v) for v in r)]
        if hits:
            found[table] = len(hits)
    return found


async def test_after_oubli_no_row_is_tied_to_the_person(runtime: Runtime, mediators: RecordingMediators):
    runtime.mediators = mediators
    runtime.source.current.mediators = True
    user = "555"
    await runtime.handle(Incoming("telegram", user, text="je suis zoubida martin"), address="555")  # not understood
    await runtime.handle(Incoming("telegram", user, text="retraite"), address="555")
    # A turn whose replies were never confirmed sent stays queued in the outbox.
    await runtime.handle_queued(Incoming("telegram", user, button="q:tilleuls"), address="555")
    runtime.clock.set("2026-11-29T10:00")  # Sunday: the Maison des services opens Monday at 9:00
    await runtime.handle(Incoming("telegram", user, button="a:remind"))
    replies = await runtime.handle(Incoming("telegram", user, button="r:hour"))
    assert "C'est noté" in replies[0].text
    await runtime.handle(Incoming("telegram", user, button="a:human"))
    key = runtime.key("telegram", user)
    assert set(await rows_mentioning(runtime, key)) == {"conversations", "reminders", "handovers", "relays",
                                                        "outbox", "unmatched"}

    replies = await runtime.handle(Incoming("telegram", user, text="/oubli"))
    assert "Oui, tout effacer" in [b.label for b in replies[0].buttons]
    replies = await runtime.handle(Incoming("telegram", user, button="e:yes"))
    assert "J'ai effacé : votre conversation, 1 rappel, 1 échange avec un médiateur" in replies[0].text
    assert await rows_mentioning(runtime, key) == {}
    assert await rows_mentioning(runtime, "555") == {}  # the raw id is nowhere either
    assert await rows_mentioning(runtime, "zoubida") == {}  # nor what they typed


def test_keys_differ_by_channel_and_secret():
    assert user_key(b"s", "telegram", "42") != user_key(b"s", "whatsapp", "42")
    assert user_key(b"s", "telegram", "42") == user_key(b"s", "telegram", "42")
    assert user_key(b"s", "telegram", "42") != user_key(b"t", "telegram", "42")
    assert "42" not in user_key(b"s", "telegram", "42")


def test_secret_is_generated_once_outside_the_database(tmp_path, caplog):
    db = str(tmp_path / "bot.sqlite3")
    first = load_secret(None, db)
    assert (tmp_path / "bot.sqlite3.secret").exists()
    assert "BOT_SECRET is not set" in caplog.text
    assert load_secret(None, db) == first
    assert load_secret("g" * 32, db) == b"g" * 32


async def test_stats_carry_no_user_key(runtime: Runtime):
    for user, need in [("1", "caf"), ("2", "emploi")]:
        await runtime.handle(Incoming("telegram", user, text=need))
        await runtime.handle(Incoming("telegram", user, text="tilleuls"))
    await runtime.handle(Incoming("telegram", "3", text="quelle est la meteo"))
    # (unmatched phrases keep their author's key only to be erased with them; stats read the text)
    for table, columns in (("answers", "*"), ("messages", "*"), ("unmatched", "day, text")):
        rows = await runtime.store.db.fetch(f"SELECT {columns} FROM {table}")
        assert rows, table
        for user in ("1", "2", "3"):
            key = runtime.key("telegram", user)
            assert not any(key in str(v) for r in rows for v in r)


@pytest.mark.parametrize("text", [
    "appelez moi au 06 12 34 56 78 svp",
    "mon mail jean.dupont+caf@example.fr",
    "numéro allocataire 1234567 et secu 1 85 05 78 006 084 36",
    "+33 6 12 34 56 78",
    "voir https://example.org/x?id=99",
    "code ٣٤٥٦",
])
def test_scrubbed_phrase_has_no_digits_email_or_phone(text):
    s = scrub(text)
    assert not re.search(r"\d", s)
    assert "@" not in s and "http" not in s


@pytest.mark.parametrize("text, kept", [
    ("Bonjour je m'appelle Fatima Benali, j'ai un souci avec la CAF", "Bonjour je m'appelle …, j'ai un souci avec la CAF"),
    ("je m appelle fatima et j ai besoin d aide", "je m appelle … et j ai besoin d aide"),
    ("my name is Ali Hassan I need a job", "my name is … I need a job"),
    ("ana smiti khadija bghit nkhdem", "ana smiti … bghit nkhdem"),
    ("اسمي فاطمة أريد مساعدة", "اسمي … أريد مساعدة"),
    ("Mme Dupont de la CAF m'a dit", "Mme … de la CAF m'a dit"),
    ("il fait beau madame", "il fait beau madame"),
])
def test_the_name_a_resident_introduces_themselves_with_is_not_kept(text, kept):
    assert scrub(text) == kept


async def test_unmatched_messages_are_kept_scrubbed(runtime: Runtime):
    await runtime.handle(Incoming("telegram", "9", text="la meteo de demain 0612345678 svp"))
    kept = [r[0] for r in await runtime.store.db.fetch("SELECT text FROM unmatched")]
    assert kept and all(not re.search(r"\d", t) for t in kept)


async def test_what_is_kept_of_a_position_and_of_a_resident_s_words(runtime: Runtime, mediators: RecordingMediators):
    runtime.mediators = mediators
    runtime.source.current.mediators = True
    user = "777"
    await runtime.handle(Incoming("telegram", user, text="caf"))
    await runtime.handle(Incoming("telegram", user, location=(45.004512, 1.002834)))
    await runtime.handle(Incoming("telegram", user, text="appelez moi au 06 12 34 56 78 pour mon dossier caf"))
    key = runtime.key("telegram", user)
    [(saved,)] = await runtime.store.db.fetch("SELECT state FROM conversations WHERE user_key = ?", key)
    state = json.loads(saved)
    assert state["position"] == [45.005, 1.003]  # ≈ 100 m, never the exact point
    assert state["said"] == "appelez moi au pour mon dossier caf"  # for a mediator, without the number
    assert "45.0045" not in str(await rows_mentioning(runtime, "45.0045"))
    # A day without a message: the shared position is forgotten.
    runtime.clock.advance(hours=25)
    counts = await runtime.store.purge(runtime.clock())
    assert counts["positions"] == 1
    [(saved,)] = await runtime.store.db.fetch("SELECT state FROM conversations WHERE user_key = ?", key)
    assert json.loads(saved)["position"] is None and json.loads(saved)["said"] is None
