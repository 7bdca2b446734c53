"""Privacy: pseudonymous keys, erasure everywhere, scrubbing, anonymous stats, admin commands."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from bot.events import Incoming
from bot.privacy import load_secret, scrub, user_key
from bot.runtime import Runtime
from tests.conftest import RecordingMediators, run_bot


async def tables(runtime: Runtime) -> list[str]:
    async with runtime.store.db.execute("SELECT name FROM sqlite_master WHERE type='table'") as cur:
        return [r[0] for r in await cur.fetchall()]


async def rows_mentioning(runtime: Runtime, needle: str) -> dict[str, int]:
    """Every row of every table holding `needle` in any column."""
    found = {}
    for table in await tables(runtime):
        async with runtime.store.db.execute(f"SELECT * FROM {table}") as cur:
            hits = [r for r in await cur.fetchall() if any(needle in str(v) for v in r)]
        if hits:
            found[table] = len(hits)
    return found


async def test_after_oubli_no_row_is_tied_to_the_person(runtime: Runtime, mediators: RecordingMediators):
    runtime.mediators = mediators
    runtime.source.current.mediators = True
    user = "555"
    await runtime.handle(Incoming("telegram", user, text="retraite"), address="555")
    # A turn whose replies were never confirmed sent stays queued in the outbox.
    await runtime.handle_queued(Incoming("telegram", user, button="q:trois-cites"), address="555")
    runtime.clock.set("2026-11-29T10:00")  # Sunday: the 3 Cités desk opens Monday 9:30
    await runtime.handle(Incoming("telegram", user, button="a:remind"))
    replies = await runtime.handle(Incoming("telegram", user, button="r:hour"))
    assert "C'est noté" in replies[0].text
    await runtime.handle(Incoming("telegram", user, button="a:human"))
    key = runtime.key("telegram", user)
    assert set(await rows_mentioning(runtime, key)) == {"conversations", "reminders", "handovers", "relays",
                                                        "outbox"}

    replies = await runtime.handle(Incoming("telegram", user, text="/oubli"))
    assert "Oui, tout effacer" in [b.label for b in replies[0].buttons]
    replies = await runtime.handle(Incoming("telegram", user, button="e:yes"))
    assert "J'ai effacé : votre conversation, 1 rappel, 1 échange avec un médiateur" in replies[0].text
    assert await rows_mentioning(runtime, key) == {}
    assert await rows_mentioning(runtime, "555") == {}  # the raw id is nowhere either


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
    assert load_secret("given", db) == b"given"


async def test_stats_carry_no_user_key(runtime: Runtime):
    for user, need in [("1", "caf"), ("2", "emploi")]:
        await runtime.handle(Incoming("telegram", user, text=need))
        await runtime.handle(Incoming("telegram", user, text="st eloi"))
    await runtime.handle(Incoming("telegram", "3", text="quelle est la meteo"))
    for table in ("answers", "messages", "unmatched"):
        async with runtime.store.db.execute(f"SELECT * FROM {table}") as cur:
            rows = await cur.fetchall()
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


async def test_unmatched_messages_are_kept_scrubbed(runtime: Runtime):
    await runtime.handle(Incoming("telegram", "9", text="la meteo de demain 0612345678 svp"))
    async with runtime.store.db.execute("SELECT text FROM unmatched") as cur:
        kept = [r[0] for r in await cur.fetchall()]
    assert kept and all(not re.search(r"\d", t) for t in kept)


def test_stats_command_on_a_scripted_conversation(tmp_path):
    db = str(tmp_path / "s.sqlite3")
    env = {"BOT_DATABASE": db}
    script = "caf\nst eloi\n/start\nemploi\n3 cités\n/start\nmeteo demain\nblablabla\n"
    run_bot("console", "--now", "2026-12-01T10:00", "--user", "a", stdin=script, env=env)
    run_bot("console", "--now", "2026-12-08T10:00", "--user", "b", stdin="/start s-pimms-saint-eloi_q-beaulieu_n-retraite\n", env=env)
    chart = tmp_path / "chart.svg"
    result = run_bot("stats", "--chart", str(chart), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Réponses données : 3 (lieu trouvé : 100%)" in out
    assert "Messages écrits compris : 50% (2/4)" in out
    assert "| 2026-S49 | 1 | 1 | 0 | 2 |" in out or "| 2026-S49 |" in out
    assert "| Saint-Éloi | 1 |" in out and "| Trois-Cités | 1 |" in out and "| Beaulieu | 1 |" in out
    assert "| pimms-saint-eloi | 1 |" in out and "| direct | 2 |" in out
    assert "| meteo demain | 1 |" in out
    root = ET.parse(chart).getroot()
    assert root.tag.endswith("svg") and int(root.get("width")) > 0
    assert len([e for e in root.iter() if e.tag.endswith("rect")]) >= 4  # background + bars + legend
    csv_out = run_bot("stats", "--format", "csv", "--chart", str(chart), env=env, cwd=tmp_path).stdout
    assert csv_out.splitlines()[0] == "section,cle,besoin,nombre"
    assert "semaine,2026-S49,caf,1" in csv_out and "semaine,2026-S50,retraite,1" in csv_out
    since = run_bot("stats", "--since", "2026-12-05", "--chart", str(chart), env=env, cwd=tmp_path).stdout
    assert "Réponses données : 1" in since


def test_link_output_starts_the_conversation(tmp_path):
    qr = tmp_path / "qr.png"
    result = run_bot("link", "--source", "pimms-saint-eloi", "--quartier", "saint-eloi", "--need", "caf",
                     "--qr", str(qr), "--bot", "orientation_bot")
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    assert link == "https://t.me/orientation_bot?start=s-pimms-saint-eloi_q-saint-eloi_n-caf"
    assert qr.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    payload = link.split("start=", 1)[1]
    convo = run_bot("console", "--now", "2026-12-01T10:00", stdin=f"/start {payload}\n",
                    env={"BOT_DATABASE": str(tmp_path / "l.sqlite3")})
    assert "France services – PIMMS Médiation" in convo.stdout  # quartier and need already set
    svg = tmp_path / "qr.svg"
    assert run_bot("link", "--source", "bus-dclics", "--qr", str(svg), "--bot", "b").returncode == 0
    assert ET.parse(svg).getroot().tag.endswith("svg")


@pytest.mark.parametrize("args, words", [
    (["--source", "nulle-part"], "inconnue dans l'annuaire"),
    (["--source", "pimms-saint-eloi", "--quartier", "paris"], "quartier « paris » inconnu"),
    (["--source", "pimms-saint-eloi", "--need", "pizza"], "besoin « pizza » inconnu"),
    (["--source", "Pimms Saint Eloi"], "minuscules"),
    (["--source", "maison-des-services-publics-du-quartier-x", "--quartier", "quartier-aux-noms-longs",
      "--need", "equipement"], "dépasse 64"),
])
def test_link_refuses_unknown_names_and_long_payloads(tmp_path, args, words):
    directory = tmp_path / "directory.yaml"
    directory.write_text(
        "territoire: T\nquartiers:\n  quartier-aux-noms-longs: {nom: Q, latitude: 46.5, longitude: 0.3}\n"
        "  saint-eloi: {nom: Saint-Éloi, latitude: 46.5, longitude: 0.3}\n"
        "lieux:\n  - {id: maison-des-services-publics-du-quartier-x, nom: M, adresse: a, latitude: 46.5,"
        " longitude: 0.3, besoins: [equipement], source: s, date_maj: 2026-01-01}\n"
        "  - {id: pimms-saint-eloi, nom: P, adresse: a, latitude: 46.5,"
        " longitude: 0.3, besoins: [caf], source: s, date_maj: 2026-01-01}\n", encoding="utf-8")
    result = run_bot("link", *args, "--bot", "b", env={"BOT_DIRECTORY": str(directory)})
    assert result.returncode == 1
    assert words in result.stderr
