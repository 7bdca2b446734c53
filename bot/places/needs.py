"""The stable need ids shared by the directory, the intents, the statistics and the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    id: str
    button: str  # short, fits a phone button
    label: str  # plain name said back to the resident
    national: str | None  # who to call when nothing local fits


NEEDS: dict[str, Need] = {
    n.id: n
    for n in (
        Need("caf", "CAF, allocations", "CAF (allocations, APL, RSA, prime d'activité)",
             "la CAF au 3230 (service gratuit + prix d'un appel), ou caf.fr"),
        Need("emploi", "Emploi", "Emploi, chômage, CV, formation",
             "France Travail au 3949"),
        Need("retraite", "Retraite", "Retraite", "l'Assurance retraite au 3960"),
        Need("sante", "Santé", "Santé, carte Vitale, mutuelle",
             "l'Assurance maladie (Ameli) au 3646"),
        Need("logement", "Logement", "Logement, HLM, expulsion", None),
        Need("energie", "Électricité, gaz", "Factures d'électricité, de gaz, chèque énergie", None),
        Need("impots", "Impôts", "Impôts", "les impôts au 0809 401 401 (appel gratuit)"),
        Need("papiers", "Papiers", "Papiers : carte d'identité, passeport, titre de séjour, permis",
             None),
        Need("numerique", "Internet, ordinateur",
             "Apprendre l'ordinateur, le smartphone, internet",
             "Solidarité numérique au 01 70 772 372"),
        Need("equipement", "Avoir un ordinateur",
             "Avoir un ordinateur, un téléphone, une connexion, imprimer", None),
        Need("droit", "Droits, justice", "Conseil juridique, litige, aide aux victimes", None),
        Need("poste", "La Poste", "La Poste, colis, recommandé", None),
        Need("ecole", "École", "École : Pronote, ENT, cantine, bourses", None),
        Need("social", "Aide sociale, urgence",
             "Aide alimentaire, assistante sociale, urgence",
             "le 115 (hébergement d'urgence, gratuit, jour et nuit)"),
    )
}

# The first screen shows the most asked needs; "Autre" opens the rest.
MAIN_NEEDS = ("caf", "emploi", "retraite", "sante", "papiers", "numerique")

# Conversation intents beside the needs.
BUS = "bus"
HUMAN = "humain"
GREETING = "bonjour"
THANKS = "merci"
HELP = "aide"
ERASE = "oubli"
CONVERSATION_INTENTS = (BUS, HUMAN, GREETING, THANKS, HELP, ERASE)
ALL_INTENT_IDS = tuple(NEEDS) + CONVERSATION_INTENTS
