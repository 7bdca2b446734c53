"""Robustness of the running bot: a killed process resumes; many residents at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

from tests.channels import fakebotapi as tg
from tests.channels.tgharness import Running
from tests.conftest import DIRECTORY, ROOT

# -- a process killed in the middle of a conversation -----------------------------------------

def test_sigkill_mid_conversation_resumes_at_the_same_step(tmp_path):
    db = tmp_path / "bot.sqlite3"
    env = {**os.environ, "BOT_DATABASE": str(db), "PYTHONPATH": str(ROOT), "BOT_DIRECTORY": str(DIRECTORY)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    cmd = [sys.executable, "-m", "bot", "console", "--now", "2026-12-01T10:00", "--user", "k"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdin and proc.stdout
    proc.stdin.write("la caf ma coupé les aloc\n")
    proc.stdin.flush()
    seen = ""
    while "Où êtes-vous" not in seen:  # the reply is printed only after the state is saved
        line = proc.stdout.readline()
        assert line, "the bot stopped"
        seen += line
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    proc.stdin.close()
    proc.stdout.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = subprocess.run(cmd, input="tilleuls\n", capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
                           check=False)
    assert "Maison des services des Tilleuls" in again.stdout


# -- 200 residents at once ---------------------------------------------------------------------

async def test_200_residents_at_once_each_get_their_own_answers_in_order(api, tmp_path, clock):
    bot = Running(api, tmp_path / "load.sqlite3", clock, max_rate=1e6)
    residents = range(20_000, 20_200)
    quartiers = ["Les Tilleuls", "Le Moulin", "Centre-ville", "Les Tilleuls", "Le Moulin"]
    async with bot.run():
        script = [("bonjour", None), ("retraite", None)]
        for text, _ in script:
            for uid in residents:
                await api.push(tg.message(uid, text))
        for uid in residents:
            await api.push(tg.message(uid, quartiers[uid % 5]))
        await api.wait_for(lambda: len(api.sent(method="sendVenue")) >= 200, timeout=120)
    for uid in residents:
        texts = api.texts(uid)
        assert "Bonjour 👋" in texts[0], texts
        assert "Retraite" in texts[1] and "Où êtes-vous" in texts[1], texts
        assert "📍" in texts[2] and "Pour : Retraite" in texts[2], texts
        venue = api.sent(uid, "sendVenue")
        assert len(venue) == 1
        methods = [m for m, p in api.requests if str(p.get("chat_id")) == str(uid)]
        assert methods[:4] == ["sendMessage", "sendMessage", "sendMessage", "sendVenue"], methods
        assert all(t.startswith("💡 Plus tôt") for t in texts[3:]), texts  # a sooner place, if any
    # Each answer matches the resident's own quartier: no cross-talk.
    assert "Permanence du jeudi" in api.texts(20_001)[2] and "Tilleuls" in api.texts(20_000)[2]
