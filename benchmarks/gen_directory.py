"""Write a synthetic national directory: 20,000 places and 500 tours across France.

    python benchmarks/gen_directory.py [--places 20000] [--tours 500] [--out benchmarks/out/national.yaml]

Places cluster around 300 towns (as France services and digital-help places do), with hours
strings of the kinds found in the national data sets, and all 14 needs. The file is a valid
directory.yaml: `python -m bot check --directory benchmarks/out/national.yaml` accepts it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.places.needs import NEEDS  # noqa: E402

HOURS = (
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:30-12:30,13:30-16:30; Sa 09:00-12:00",
    "Mo 09:30-12:30; Tu 09:30-12:30,14:00-18:00; We,Th 09:30-12:30,14:00-17:00; Fr 09:30-12:30",
    "Mo,Tu,Th 09:00-12:30; We 14:00-18:00",
    "Tu,Th 14:00-17:00",
    "We 09:00-12:00",
    "Fr[1] 14:00-16:00",
    "Mo-Sa 08:30-12:00",
    "Mo-Fr 09:00-17:00",
    'Th 09:00-12:00 "sur rendez-vous"',
    "Mo 13:30-17:30; Tu-Fr 09:00-12:00,13:30-17:30",
    "Tu 09:00-12:00; Th 14:00-18:00; Sa 10:00-12:00",
)
STOP_HOURS = ("Mo 09:00-12:00", "Mo 14:00-17:00", "Tu 09:30-12:00", "We 14:00-17:00",
              "Th 09:30-12:00", "Fr 14:00-16:30")
KINDS = ("France services", "Maison France services", "Conseiller numérique", "PIMMS Médiation",
         "Centre social", "Médiathèque", "Maison de quartier", "CCAS", "Point justice")
NEED_IDS = tuple(NEEDS)


def towns(rng: random.Random, n: int = 300) -> list[tuple[str, float, float]]:
    return [(f"Ville {i:03d}", rng.uniform(43.0, 50.8), rng.uniform(-4.3, 7.6)) for i in range(n)]


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(places: int, tours: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    centres = towns(rng)
    out = ["# yaml-language-server: $schema=../../directory.schema.json",
           "territoire: France (synthétique)", "pays: FR", "quartiers:"]
    for i in range(1000):
        _, lat, lon = rng.choice(centres)
        out.append(f"  q-{i:04d}: {{nom: {q(f'Quartier {i}')}, latitude: {lat + rng.gauss(0, 0.02):.5f}, "
                   f"longitude: {lon + rng.gauss(0, 0.02):.5f}, alias: [{q(f'quartier numero {i}')}]}}")
    out.append("communes:")
    for i, (name, lat, lon) in enumerate(centres):
        out.append(f"  - {{nom: {q(name)}, code_postal: \"{10000 + i * 37:05d}\", latitude: {lat:.5f}, longitude: {lon:.5f}}}")
    out.append("lieux:")
    for i in range(places):
        name, lat, lon = rng.choice(centres)
        needs = rng.sample(NEED_IDS, rng.randint(1, 9))
        out += [
            f"  - id: lieu-{i:05d}",
            f"    nom: {q(f'{rng.choice(KINDS)} {i}')}",
            f"    adresse: {q(f'{rng.randint(1, 120)} rue de la République')}",
            f"    code_postal: \"{rng.randint(1000, 95999):05d}\"",
            f"    commune: {q(name)}",
            f"    latitude: {lat + rng.gauss(0, 0.05):.5f}",
            f"    longitude: {lon + rng.gauss(0, 0.05):.5f}",
            f"    telephone: 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"    besoins: [{', '.join(needs)}]",
            f"    horaires: {q(rng.choice(HOURS))}",
            f"    rendez_vous: {rng.choice(('sans', 'conseille', 'obligatoire'))}",
            "    frais: gratuit",
            "    source: jeu de données synthétique",
            "    date_maj: 2026-10-01",
        ]
        if rng.random() < 0.05:
            out.append("    fermetures: [{du: 2026-12-24, au: 2027-01-02, message: Fermé pendant les fêtes}]")
    out.append("tournees:")
    for i in range(tours):
        name, lat, lon = rng.choice(centres)
        out += [f"  - id: bus-{i:03d}", f"    nom: {q(f'Bus France services {i}')}",
                f"    telephone: 05 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                f"    besoins: [{', '.join(rng.sample(NEED_IDS, rng.randint(3, 10)))}]", "    arrets:"]
        for j, hours in enumerate(STOP_HOURS):
            out.append(f"      - {{nom: {q(f'Arrêt {j + 1}')}, latitude: {lat + rng.gauss(0, 0.08):.5f}, "
                       f"longitude: {lon + rng.gauss(0, 0.08):.5f}, horaires: {q(hours)}}}")
        out += ["    source: jeu de données synthétique", "    date_maj: 2026-10-01"]
    return "\n".join(out) + "\n"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--places", type=int, default=20000)
    p.add_argument("--tours", type=int, default=500)
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "national.yaml")
    args = p.parse_args()
    t0 = time.perf_counter()
    text = generate(args.places, args.tours)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {args.places} places, {args.tours} tours, "
          f"{len(text.encode()) / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
