"""The terminal chat, through the harness and as a real process on a pipe."""

from __future__ import annotations

import re

import pytest

from bot.channels.console import ConsoleSession
from bot.runtime import Runtime
from tests.conftest import run_bot

SCRIPT = "bonjour\nla caf ma coupé les aloc\ntilleuls\n"


def test_piped_conversation_prints_a_real_answer(tmp_path):
    env = {"BOT_DATABASE": str(tmp_path / "db.sqlite3")}
    result = run_bot("console", "--now", "2026-12-01T10:00", stdin=SCRIPT, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "🤖 Bonjour 👋" in out
    assert "Où êtes-vous ?" in out
    assert "📍 Maison des services des Tilleuls" in out
    assert "Ouvert maintenant jusqu'à 12h" in out
    assert "☎ 05 00 00 00 10" in out
    assert out.rstrip().endswith("À bientôt 👋")
    # Reproducible for a fixed --now (a new resident, a new database).
    again = run_bot("console", "--now", "2026-12-01T10:00", stdin=SCRIPT,
                    env={"BOT_DATABASE": str(tmp_path / "db2.sqlite3")})
    assert again.stdout == out


def test_no_subcommand_and_no_token_is_the_console(tmp_path):
    result = run_bot("--help")
    assert "console" in result.stdout
    result = run_bot(stdin="bonjour\n", env={"BOT_DATABASE": str(tmp_path / "db.sqlite3"), "TELEGRAM_BOT_TOKEN": ""})
    assert result.returncode == 0 and "Bonjour" in result.stdout


def test_quit_command_stops_before_the_rest(tmp_path):
    result = run_bot("console", stdin="bonjour\n/quitter\ncaf\n", env={"BOT_DATABASE": str(tmp_path / "d.sqlite3")})
    assert result.returncode == 0
    assert "Où êtes-vous" not in result.stdout


def test_restart_between_two_messages_keeps_the_step(tmp_path):
    env = {"BOT_DATABASE": str(tmp_path / "db.sqlite3")}
    first = run_bot("console", "--now", "2026-12-01T10:00", "--user", "rania", stdin="jcherche du taf\n", env=env)
    assert "Où êtes-vous" in first.stdout
    second = run_bot("console", "--now", "2026-12-01T10:00", "--user", "rania", stdin="Le Moulin\n", env=env)
    # A named quartier: the distance is said as roughly as it is known.
    assert "📍" in second.stdout and "Pour : Emploi" in second.stdout and "min à pied" not in second.stdout
    other = run_bot("console", "--now", "2026-12-01T10:00", "--user", "sam", stdin="Le Moulin\n", env=env)
    assert "Pour quoi avez-vous besoin d'aide" in other.stdout  # no cross-talk


async def test_numbers_press_buttons(console: ConsoleSession):
    out = await console.send("bonjour")
    assert "[1] CAF, allocations" in out
    out = await console.send("1")
    assert "Où êtes-vous" in out and "[2] Le Moulin" in out
    out = await console.send("1")
    assert "Maison des services des Tilleuls" in out


async def test_position_command(console: ConsoleSession):
    await console.send("impots")
    out = await console.send("/position 45,0045 1,0028")
    assert "Maison des services des Tilleuls" in out and "min à pied" in out


async def test_two_residents_interleaved(runtime: Runtime):
    a, b = ConsoleSession(runtime, "a"), ConsoleSession(runtime, "b")
    await a.send("caf")
    await b.send("retraite")
    out_a = await a.send("Les Tilleuls")
    out_b = await b.send("Le Moulin")
    assert "Maison des services des Tilleuls" in out_a and "Permanence du jeudi" in out_b
    human_a = await a.send(number_of(out_a, "🙋 Parler à quelqu'un"))
    assert "3230" in human_a and "3960" not in human_a


def number_of(out: str, label: str) -> str:
    """The number the console shows in front of a button."""
    return re.search(r"\[(\d+)\] " + re.escape(label), out).group(1)


@pytest.mark.parametrize("line, expected", [
    ("/sticker", "Je ne lis que les messages écrits"),
    ("9", "Je n'ai pas compris votre demande"),  # a number with no such button is text
    ("/inconnu", "Je n'ai pas compris votre demande"),
])
async def test_odd_console_inputs(console: ConsoleSession, line, expected):
    assert expected in await console.send(line)


def test_each_quartier_gets_the_nearest_place_with_its_time_and_the_bus(tmp_path):
    """Admins' check: one piped run, every quartier of a directory, then the bus."""
    from bot.data.directory import load_directory
    from tests.conftest import DIRECTORY
    directory, _ = load_directory(DIRECTORY)
    script = "".join(f"/start\nimpots\n{q.nom}\n" for q in directory.quartiers.values()) + "/start\nbus\n"
    result = run_bot("console", "--now", "2026-12-01T10:00", stdin=script,
                     env={"BOT_DATABASE": str(tmp_path / "q.sqlite3")})
    assert result.returncode == 0, result.stderr
    answers = [block for block in result.stdout.split("👤 ") if block.startswith(tuple(
        q.nom for q in directory.quartiers.values()))]
    assert len(answers) == len(directory.quartiers)
    for block in answers:
        assert "🤖 📍" in block, block
        assert any(p in block for p in ("Ouvert maintenant jusqu'à", "Ouvre", "Prochaine ouverture",
                                        "horaires non publiés")), block
    by_name = {b.split("\n", 1)[0]: b for b in answers}
    assert "Maison des services des Tilleuls" in by_name["Les Tilleuls"]
    assert "Ouvert maintenant jusqu'à 12h" in by_name["Les Tilleuls"]
    assert "Permanence du jeudi" in by_name["Le Moulin"]
    assert "Prochaine ouverture : jeudi de 14h à 17h" in by_name["Le Moulin"]
    bus = result.stdout.split("👤 bus", 1)[1]
    assert "Bus des services" in bus
    assert "Maintenant : pas à un arrêt" in bus
    assert "Prochain arrêt : Bourg-Voisin – église, passe demain de 9h à 12h" in bus


@pytest.mark.parametrize("content, words", [
    (None, "fichier illisible"),
    ("territoire: x\nlieux: [\n", ":3: YAML invalide"),
    ("territoire: x\nlieux:\n  - {id: a, nom: A, adresse: b, latitude: 1, longitude: 2, besoins: [pizza], source: s, date_maj: 2026-01-01}\n",
     ":3: besoin inconnu « pizza »"),
], ids=["missing file", "broken yaml", "unknown need"])
def test_bad_directory_at_start_is_a_clear_error(tmp_path, content, words):
    path = tmp_path / "directory.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_bot("console", stdin="bonjour\n", env={"BOT_DIRECTORY": str(path),
                                                         "BOT_DATABASE": str(tmp_path / "d.sqlite3")})
    assert result.returncode == 1
    assert words in result.stderr and "Traceback" not in result.stderr


def test_emergency_in_the_console(tmp_path):
    result = run_bot("console", "--now", "2026-12-05T03:00", stdin="je veux mourir\n",
                     env={"BOT_DATABASE": str(tmp_path / "e.sqlite3")})
    out = result.stdout
    assert "3114" in out and "📞 3114 · 15" in out
    assert out.index("3114") < out.index("🙋 Parler à quelqu'un")


def test_console_at_a_chosen_date_never_purges_the_real_database(tmp_path):
    env = {"BOT_DATABASE": str(tmp_path / "real.sqlite3")}
    run_bot("console", "--now", "2026-12-01T10:00", "--user", "a", stdin="caf\n", env=env)
    # Two years later, as an admin checking what the bot would say: the conversation stays.
    later = run_bot("console", "--now", "2028-12-01T10:00", "--user", "b", stdin="bonjour\n", env=env)
    assert later.returncode == 0
    again = run_bot("console", "--now", "2026-12-01T10:05", "--user", "a", stdin="le moulin\n", env=env)
    assert "Pour : CAF" in again.stdout  # the need asked in the first run is still there
