"""Admins' tools as a real process: anonymous statistics, deep links and QR codes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import run_bot


def test_stats_command_on_a_scripted_conversation(tmp_path):
    db = str(tmp_path / "s.sqlite3")
    env = {"BOT_DATABASE": db}
    script = "caf\ntilleuls\n/start\nemploi\nle moulin\n/start\nmeteo demain\nblablabla\n"
    run_bot("console", "--now", "2026-12-01T10:00", "--user", "a", stdin=script, env=env)
    run_bot("console", "--now", "2026-12-08T10:00", "--user", "b", stdin="/start s-maison-services_q-centre_n-retraite\n", env=env)
    chart = tmp_path / "chart.svg"
    result = run_bot("stats", "--chart", str(chart), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Réponses données : 3 (lieu trouvé : 100%)" in out
    assert "Messages écrits compris : 50% (2/4)" in out
    assert "| 2026-S49 | 1 | 1 | 0 | 2 |" in out or "| 2026-S49 |" in out
    assert "| Les Tilleuls | 1 |" in out and "| Le Moulin | 1 |" in out and "| Centre-ville | 1 |" in out
    assert "| maison-services | 1 |" in out and "| direct | 2 |" in out
    assert "| meteo demain | 1 |" in out
    root = ET.parse(chart).getroot()
    assert root.tag.endswith("svg") and int(root.get("width")) > 0
    assert len([e for e in root.iter() if e.tag.endswith("rect")]) >= 4  # background + bars + legend
    chart.unlink()
    plain = run_bot("stats", env=env, cwd=tmp_path)
    assert plain.returncode == 0 and not chart.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".svg"] == []  # no file unless --chart
    csv_out = run_bot("stats", "--format", "csv", "--chart", str(chart), env=env, cwd=tmp_path).stdout
    assert csv_out.splitlines()[0] == "section,cle,besoin,nombre"
    assert "semaine,2026-S49,caf,1" in csv_out and "semaine,2026-S50,retraite,1" in csv_out
    since = run_bot("stats", "--since", "2026-12-05", "--chart", str(chart), env=env, cwd=tmp_path).stdout
    assert "Réponses données : 1" in since


def test_link_output_starts_the_conversation(tmp_path):
    qr = tmp_path / "qr.png"
    result = run_bot("link", "--source", "maison-services", "--quartier", "tilleuls", "--need", "caf",
                     "--qr", str(qr), "--bot", "orientation_bot")
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    assert link == "https://t.me/orientation_bot?start=s-maison-services_q-tilleuls_n-caf"
    assert qr.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    payload = link.split("start=", 1)[1]
    convo = run_bot("console", "--now", "2026-12-01T10:00", stdin=f"/start {payload}\n",
                    env={"BOT_DATABASE": str(tmp_path / "l.sqlite3")})
    assert "Maison des services des Tilleuls" in convo.stdout  # quartier and need already set
    svg = tmp_path / "qr.svg"
    assert run_bot("link", "--source", "bus-services", "--qr", str(svg), "--bot", "b").returncode == 0
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
