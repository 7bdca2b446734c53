"""Attacks from the security review, each against the real application (Telegram adapter,
webhook, store, command line) with the local Bot API stand-in."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import stat
import subprocess
import sys

import httpx
import pytest
from starlette.applications import Starlette

from bot.channels.serve import running
from bot.errors import ConfigError
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import Store
from tests.channels import fakebotapi as tg
from tests.channels.tgharness import ALICE, BOB, Running, bot_process_env, say, settings_for
from tests.conftest import DIRECTORY, INTENTS, ROOT, settled

ATTACKER = 6666
ADMIN = 4242
HOOK_SECRET = "a-webhook-secret-of-enough-length-1234"


@pytest.fixture
def bot(api, tmp_path, clock) -> Running:
    return Running(api, tmp_path / "bot.sqlite3", clock, admin_ids=frozenset({ADMIN}))


def forged(update: dict, chat: int) -> dict:
    """The same update, its chat replaced by another (private) one."""
    part = update.get("message") or update["callback_query"]["message"]
    part["chat"] = {"id": chat, "type": "private"}
    return update


# -- the webhook ---------------------------------------------------------------------------

async def test_webhook_mode_refuses_to_start_without_a_secret(api, tmp_path, clock):
    store = await Store.open(tmp_path / "w.sqlite3")
    runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s" * 32, clock)
    try:
        with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
            async with running(settings_for(api, webhook_url="https://example.org/hook"), runtime,
                               telegram=True, whatsapp=False):
                pass
        assert not [m for m, _ in api.requests if m == "setWebhook"]  # never registered open
    finally:
        await store.close()


@pytest.fixture
async def webhook(api, tmp_path, clock):
    store = await Store.open(tmp_path / "w.sqlite3")
    runtime = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s" * 32, clock)
    settings = settings_for(api, webhook_url="https://example.org/hook", webhook_secret=HOOK_SECRET)
    async with (running(settings, runtime, telegram=True, whatsapp=False) as svc,
                httpx.AsyncClient(transport=httpx.ASGITransport(app=Starlette(routes=svc.routes)),
                                  base_url="http://test") as client):
        yield client, runtime
    await store.close()


@pytest.mark.parametrize("body", [b"[]", b"null", b"{}", b'"update"', b'{"update_id": "x"}',
                                  b'{"update_id": 5, "message": "not a message"}',
                                  b'{"update_id": 6, "callback_query": {"id": 3}}'],
                         ids=["list", "null", "empty", "string", "bad id", "bad message", "bad callback"])
async def test_webhook_answers_400_to_what_is_not_an_update(webhook, body):
    client, runtime = webhook
    r = await client.post("/hook", content=body, headers={"X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET})
    assert r.status_code == 400
    assert await runtime.store.pending_inbox() == 0


async def test_webhook_refuses_a_big_body_with_413(webhook):
    client, runtime = webhook
    text = "a" * (2 * 1024 * 1024)
    body = json.dumps({"update_id": 7, **tg.message(ALICE, text)}).encode()
    r = await client.post("/hook", content=body, headers={"X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET})
    assert r.status_code == 413
    assert await runtime.store.pending_inbox() == 0


# -- forged senders ------------------------------------------------------------------------

async def test_an_update_whose_chat_is_not_its_sender_is_ignored(api, bot):
    async with bot.run() as channel:
        await say(api, tg.message(ALICE, "la caf ma coupé les aloc"), ALICE)
        # Alice's next step, sent to the attacker's chat: her route and position would follow.
        await api.push(forged(tg.callback(ALICE, "q:tilleuls"), ATTACKER))
        await api.push(forged(tg.message(ALICE, "Les Tilleuls"), ATTACKER))
        await api.push(forged(tg.message(ADMIN, "/stats"), ATTACKER))
        await say(api, tg.message(BOB, "bonjour"), BOB)  # handled after the forged ones
        await settled(channel.runtime, "telegram")
    assert api.count(ATTACKER) == 0 and api.count(ATTACKER, "sendVenue") == 0
    assert not api.sent(ALICE, "sendVenue")  # nor was Alice's conversation moved on


async def test_admin_stats_only_from_the_admin_in_their_own_chat(api, bot):
    async with bot.run() as channel:
        texts = await say(api, tg.message(ADMIN, "/stats"), ADMIN)
        assert "📊" in texts[0] or "Statistiques" in texts[0] or "messages" in texts[0]
        group = -100777
        await api.push(tg.message(ADMIN, "/stats", chat=group, kind="supergroup"))
        await say(api, tg.message(BOB, "bonjour"), BOB)
        await settled(channel.runtime, "telegram")
    assert api.count(group) == 0


# -- odd input -------------------------------------------------------------------------------

@pytest.mark.parametrize("data", ["o:²", "x:²", "x:" + "9" * 30, "o:" + "9" * 30, "q:" + "é" * 40, "\u202e:1"])
async def test_strange_callback_data_is_answered_not_raised(api, bot, data, caplog):
    async with bot.run():
        await say(api, tg.message(ALICE, "impots"), ALICE)
        await say(api, tg.message(ALICE, "Les Tilleuls"), ALICE, method="sendVenue")
        with caplog.at_level(logging.ERROR):
            texts = await say(api, tg.callback(ALICE, data), ALICE)
        assert "problème technique" not in texts[0]
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("text", ["c\u200baf", "la c\u200ba\u200bf", "\u202ecaf\u202c", "c\u2066af\u2069"])
async def test_invisible_characters_do_not_defeat_understanding(api, bot, text):
    async with bot.run():
        texts = await say(api, tg.message(ALICE, text), ALICE)
        assert "Où êtes-vous" in texts[0]


async def test_an_edited_message_gets_no_second_reply(api, bot):
    async with bot.run() as channel:
        await say(api, tg.message(ALICE, "caf"), ALICE)
        await api.push(tg.edited(ALICE, "emploi"))
        await say(api, tg.message(BOB, "bonjour"), BOB)
        await settled(channel.runtime, "telegram")
        assert api.count(ALICE) == 1


async def test_a_rejected_token_is_never_logged(api, bot, caplog):
    with caplog.at_level(logging.DEBUG):
        async with bot.run() as channel:
            api.faults["sendMessage"] = [401] * 10
            await api.push(tg.message(ALICE, "bonjour"))
            await api.wait_for(lambda: len(api.faults["sendMessage"]) <= 9)
            errors: list = []
            while not errors:  # the failure is recorded with the reply, to be tried again
                errors = await channel.runtime.store.db.fetch("SELECT error FROM outbox WHERE error IS NOT NULL")
                await asyncio.sleep(0.01)
    assert caplog.records and tg.TOKEN not in caplog.text
    assert tg.TOKEN.split(":")[1] not in caplog.text
    assert tg.TOKEN.split(":")[1] not in str(errors)


# -- starting -------------------------------------------------------------------------------

def start_bot(tmp_path, **env: str) -> subprocess.CompletedProcess:
    """`python -m bot telegram` as a supervisor starts it; it must give up at once, not hang."""
    full = bot_process_env("http://127.0.0.1:9/bot", BOT_DATABASE=str(tmp_path / "bot.sqlite3"), **env)
    return subprocess.run([sys.executable, "-m", "bot", "telegram"], env=full, cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.mark.parametrize("content", [b"", b"garbage, not a database" * 10, b"SQLite format 3\x00" + b"\x00" * 50],
                         ids=["empty", "garbage", "truncated"])
def test_a_damaged_database_stops_the_bot_at_once_and_is_kept(tmp_path, content):
    db = tmp_path / "bot.sqlite3"
    db.write_bytes(content)
    os.utime(db, (1_700_000_000, 1_700_000_000))  # not one another process is creating right now
    done = start_bot(tmp_path, BOT_SECRET="x" * 40)
    assert done.returncode == 1
    assert str(db) in done.stderr and done.stderr.count("Erreur") == 1
    assert db.read_bytes() == content  # refused, not reset


def test_a_foreign_or_newer_database_is_refused(tmp_path):
    db = tmp_path / "bot.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    done = start_bot(tmp_path, BOT_SECRET="x" * 40)
    assert done.returncode == 1 and "pas une base du bot" in done.stderr
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '999')")
    conn.commit()
    conn.close()
    done = start_bot(tmp_path, BOT_SECRET="x" * 40)
    assert done.returncode == 1 and "plus récente" in done.stderr and str(db) in done.stderr


def test_unreachable_postgresql_stops_the_bot_without_its_password(tmp_path):
    done = start_bot(tmp_path, BOT_SECRET="x" * 40, DATABASE_URL="postgresql://bot:hunter2secret@127.0.0.1:9/bot")
    assert done.returncode == 1 and "PostgreSQL injoignable" in done.stderr
    assert "hunter2secret" not in done.stderr + done.stdout


@pytest.mark.parametrize("secret", ["short", "x" * 31])
def test_a_short_secret_is_refused(tmp_path, secret):
    done = start_bot(tmp_path, BOT_SECRET=secret)
    assert done.returncode == 1 and "BOT_SECRET est trop court" in done.stderr


def test_an_empty_secret_file_is_refused(tmp_path):
    (tmp_path / "bot.sqlite3.secret").write_bytes(b"")
    done = start_bot(tmp_path)
    assert done.returncode == 1 and "bot.sqlite3.secret" in done.stderr


async def test_database_and_secret_files_are_private(tmp_path, clock):
    from bot.runtime import open_runtime
    from bot.settings import Settings
    runtime = await open_runtime(Settings(directory=DIRECTORY, intents=INTENTS,
                                          database=str(tmp_path / "bot.sqlite3")), clock)
    await runtime.store.close()
    for name in ("bot.sqlite3", "bot.sqlite3.secret"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


@pytest.mark.parametrize("text", ["&" * 5000, "a" * 4094 + "&&&&", ("Tom & Jerry <3 " * 400)],
                         ids=["ampersands", "at the cut", "mixed"])
async def test_a_long_relayed_text_is_cut_before_escaping(api, tmp_path, clock, text):
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path), mediators_chat_id=group)
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await say(api, tg.message(ALICE, "j'ai une question"), ALICE)
        post = api.last_message(group)
        await api.push(tg.message(BOB, text, chat=group, kind="supergroup", reply_to=post))
        await api.wait_for(lambda: "".join(api.texts(ALICE)).count("&amp;") >= text.count("&"))
    assert not [p for m, p in api.failed if m == "sendMessage"]  # every piece accepted
    assert all(len(t) <= 4096 for t in api.texts(ALICE))


async def test_hand_over_traffic_never_holds_other_residents(api, tmp_path, clock):
    """The mediators' group takes 20 messages a minute: what waits for it must not hold anyone's turn."""
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path), mediators_chat_id=group)
    clock.set("2026-11-29T20:00")
    talking = list(range(7001, 7013))
    waiting = list(range(8001, 8021))
    async with bot.run():
        for uid in talking:
            await say(api, tg.message(uid, "je veux parler à quelqu'un"), uid, messages=2)
        for uid in talking:  # 24 posts for the group in all: past its limit, some wait there
            await api.push(tg.message(uid, "c'est pour ma retraite"))
        for uid in waiting:
            await api.push(tg.message(uid, "bonjour"))
        await api.wait_for(lambda: all(api.count(uid) for uid in waiting), timeout=10)
        await api.wait_for(lambda: all(api.count(uid) >= 3 for uid in talking), timeout=10)  # « Transmis ✅ »


async def test_start_during_a_hand_over_ends_it_cleanly(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path), mediators_chat_id=group)
    clock.set("2026-11-29T20:00")
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        texts = await say(api, tg.message(ALICE, "/start"), ALICE)
        assert "Bonjour" in texts[0]
        await api.wait_for(lambda: "ℹ️ La personne a terminé l'échange." in api.texts(group))
        posts = len(api.texts(group))
        texts = await say(api, tg.message(ALICE, "caf"), ALICE)  # the bot's again, not the group's
        assert "Où êtes-vous" in texts[0] and len(api.texts(group)) == posts


async def test_a_mediator_is_told_when_an_answer_cannot_be_delivered(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path), mediators_chat_id=group)
    clock.set("2026-11-29T20:00")
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await api.wait_for(lambda: bool(api.texts(group)))
        post = api.last_message(group)
        api.faults["sendMessage"] = [403]  # Alice has blocked the bot
        await api.push(tg.message(BOB, "Bonjour, je peux vous aider", chat=group, kind="supergroup", reply_to=post))
        await api.wait_for(lambda: any("n'a pas pu être remis" in t for t in api.texts(group)))


async def test_a_mediator_is_told_when_the_network_fails(api, tmp_path, clock):
    from tests.fixtures import write_territory
    group = -100999
    bot = Running(api, tmp_path / "h.sqlite3", clock, directory=write_territory(tmp_path), mediators_chat_id=group)
    clock.set("2026-11-29T20:00")
    async with bot.run():
        await say(api, tg.message(ALICE, "je veux parler à quelqu'un"), ALICE, messages=2)
        await api.wait_for(lambda: bool(api.texts(group)))
        post = api.last_message(group)
        api.faults["sendMessage"] = [500] * 5  # every retry of the answer to Alice fails
        await api.push(tg.message(BOB, "Bonjour, je peux vous aider", chat=group, kind="supergroup", reply_to=post))
        await api.wait_for(lambda: any("réessayez dans un moment" in t for t in api.texts(group)), timeout=20)


@pytest.mark.parametrize("value", ["2025-13-45", "[2025]", "{a: 1}", "2025-02-30", "'2025-00'"])
def test_a_bad_date_is_pointed_at_its_line_not_a_traceback(tmp_path, value):
    text = DIRECTORY.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "date_maj:" in line)
    lines[at] = lines[at].split("date_maj:")[0] + f"date_maj: {value}"
    bad = tmp_path / "directory.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "check", "--directory", str(bad)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert f"{bad}:{at + 1}: date_maj" in done.stdout + done.stderr
