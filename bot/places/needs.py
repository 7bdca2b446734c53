"""The stable need ids shared by the directory, the intents, the statistics and the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    id: str
    button: str  # short, fits a phone button
    label: str  # plain name said back to the resident
    # Who to call when nothing local fits. Public national services, from service-public.fr and
    # each service's own site (checked 2026-11); every need has one, so no answer is a dead end.
    national: str


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
        Need("logement", "Logement", "Logement, HLM, expulsion",
             "l'ADIL de votre département (conseils gratuits, anil.org) ; pour un loyer impayé : "
             "SOS Loyers impayés au 0 805 16 00 75 (appel gratuit)"),
        Need("energie", "Électricité, gaz", "Factures d'électricité, de gaz, chèque énergie",
             "le chèque énergie au 0 805 204 805 (appel gratuit), ou Énergie-Info au 0 800 112 212 "
             "(appel gratuit) pour un problème avec un fournisseur"),
        Need("impots", "Impôts", "Impôts", "les impôts au 0809 401 401 (appel gratuit)"),
        Need("papiers", "Papiers", "Papiers : carte d'identité, passeport, titre de séjour, permis",
             "l'ANTS au 34 00 (ants.gouv.fr) pour la carte d'identité, le passeport et le permis ; "
             "la préfecture pour un titre de séjour"),
        Need("numerique", "Internet, ordinateur",
             "Apprendre l'ordinateur, le smartphone, internet",
             "Solidarité numérique au 01 70 772 372"),
        Need("equipement", "Avoir un ordinateur",
             "Avoir un ordinateur, un téléphone, une connexion, imprimer",
             "Solidarité numérique au 01 70 772 372 ; Emmaüs Connect (emmaus-connect.org) pour un "
             "téléphone, un ordinateur ou une connexion à petit prix"),
        Need("droit", "Droits, justice", "Conseil juridique, litige, aide aux victimes",
             "le 3039 (accès au droit, prix d'un appel) ; si vous êtes victime : France Victimes au "
             "116 006 (gratuit, 7 jours sur 7)"),
        Need("poste", "La Poste", "La Poste, colis, recommandé",
             "La Poste au 36 31 (prix d'un appel), ou laposte.fr"),
        Need("ecole", "École", "École : Pronote, ENT, cantine, bourses",
             "le secrétariat de l'école ou du collège de votre enfant ; pour Pronote ou l'ENT : "
             "Solidarité numérique au 01 70 772 372"),
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
CARE = "soins"  # finding a doctor: oriented, not answered with a place
OUT_OF_SCOPE = "hors_sujet"  # what the bot does not do: recognised so as to claim no need
CONVERSATION_INTENTS = (BUS, HUMAN, GREETING, THANKS, HELP, ERASE, CARE, OUT_OF_SCOPE)
ALL_INTENT_IDS = tuple(NEEDS) + CONVERSATION_INTENTS
