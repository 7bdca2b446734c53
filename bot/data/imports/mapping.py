"""From national categories to our needs: one table per source, read top to bottom.

A category missing here brings no need: the place is imported only if another of its
categories maps to a need (a bike repair shop is not a help desk for the CAF).
"""

from __future__ import annotations

# France services: the national programme's partners (Intérieur, Justice, Finances publiques,
# France Travail, Assurance retraite, Assurance maladie, CAF, MSA, La Poste), and help with
# online procedures.
FRANCE_SERVICES = ("caf", "emploi", "retraite", "sante", "impots", "papiers", "droit", "poste", "numerique")

# Lieux de médiation numérique: the `services` values of the national schema
# (LaMednum/standard-mediation-num).
MEDIATION_NUMERIQUE: dict[str, tuple[str, ...]] = {
    "Aide aux démarches administratives": ("numerique", "papiers", "caf", "impots", "retraite", "sante", "emploi"),
    "Maîtrise des outils numériques du quotidien": ("numerique",),
    "Insertion professionnelle via le numérique": ("emploi", "numerique"),
    "Utilisation sécurisée du numérique": ("numerique",),
    "Parentalité et éducation avec le numérique": ("ecole", "numerique"),
    "Loisirs et créations numériques": ("numerique",),
    "Compréhension du monde numérique": ("numerique",),
    "Accès internet et matériel informatique": ("equipement",),
    "Acquisition de matériel informatique à prix solidaire": ("equipement",),
}

# data·inclusion `thematiques` (gip-inclusion/data-inclusion-schema). A value not listed is looked
# up by its family (the part before "--").
DATA_INCLUSION: dict[str, tuple[str, ...]] = {
    "acces-aux-droits-et-citoyennete": ("droit",),
    "acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives": ("papiers",),
    "acces-aux-droits-et-citoyennete--demandeurs-dasile-et-naturalisation": ("papiers",),
    "acces-aux-droits-et-citoyennete--developpement-durable": (),
    "acces-aux-droits-et-citoyennete--faciliter-laction-citoyenne": (),
    "accompagnement-social-et-professionnel-personnalise": ("social", "emploi"),
    "apprendre-francais": ("social",),
    "choisir-un-metier": ("emploi",),
    "creation-activite": ("emploi",),
    "equipement-et-alimentation": ("social",),
    "equipement-et-alimentation--acces-a-du-materiel-informatique": ("equipement",),
    "equipement-et-alimentation--acces-a-un-telephone-et-un-abonnement": ("equipement",),
    "famille": ("social",),
    "famille--violences-intrafamiliales": ("droit", "social"),
    "gestion-financiere": ("social",),
    "handicap": ("social",),
    "illettrisme": ("social",),
    "illettrisme--utiliser-numerique": ("numerique",),
    "logement-hebergement": ("logement",),
    "logement-hebergement--mal-loges-sans-logis": ("logement", "social"),
    "numerique": ("numerique",),
    "numerique--acceder-a-du-materiel": ("equipement",),
    "numerique--s-equiper-en-materiel-informatique": ("equipement",),
    "numerique--acceder-a-une-connexion-internet": ("equipement",),
    "numerique--accompagner-les-demarches-de-sante": ("sante", "numerique"),
    "numerique--realiser-des-demarches-administratives-avec-un-accompagnement": ("numerique", "papiers"),
    "numerique--devenir-autonome-dans-les-demarches-administratives": ("numerique", "papiers"),
    "numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique": ("ecole", "numerique"),
    "numerique--favoriser-mon-insertion-professionnelle": ("emploi", "numerique"),
    "preparer-sa-candidature": ("emploi",),
    "sante": (),
    "sante--acces-aux-soins": ("sante",),
    "sante--obtenir-la-prise-en-charge-de-frais-medicaux": ("sante",),
    "se-former": ("emploi",),
    "se-former--utiliser-le-numerique": ("numerique",),
    "trouver-un-emploi": ("emploi",),
}


def needs_of_themes(themes: list[str]) -> set[str]:
    out: set[str] = set()
    for theme in themes:
        theme = theme.strip()
        if theme in DATA_INCLUSION:
            out.update(DATA_INCLUSION[theme])
        else:
            out.update(DATA_INCLUSION.get(theme.split("--", 1)[0], ()))
    return out


def needs_of_services(services: list[str]) -> set[str]:
    out: set[str] = set()
    for service in services:
        out.update(MEDIATION_NUMERIQUE.get(service.strip(), ()))
    return out
