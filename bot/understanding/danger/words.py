"""The emergency categories, and pieces of pattern the rules share (over normalised words: no
accents, lower case, plurals folded, Arabic letters folded)."""

from __future__ import annotations

MEDICAL = "medical"
SUICIDE = "suicide"
VIOLENCE = "violence"
CHILD = "child"
SHELTER = "shelter"
FOOD = "food"
CATEGORIES = (MEDICAL, SUICIDE, VIOLENCE, CHILD, SHELTER, FOOD)

ME = r"(?:me|m|moi|nous|ma|mwa)"
HIT = (r"(?:frap+\w*|tap(?:e|er|ee|ai|ait|aient|ent|es)|bat|battre|batu\w*|battu\w*|cogn\w*|"
        r"gifl\w*|tabass\w*|etrangl\w*|brutalis\w*|viol(?:e|ee|er|ent|ait)?|sequestr\w*|"
        r"agress\w*|menac\w*|harcel\w*|maltrait\w*|enferm\w*)")
PERSON = (r"(?:mari|conjoint|compagnon|copain|copine|ex|pere|mere|frere|soeur|fils|beau pere|"
           r"femme|homme|voisin|voisine|oncle|cousin|patron)")
KID = (r"(?:enfant|fils|fille|bebe|gamin|gamine|petit|petite|mineur|ado|nourrisson|wldi|weldi|"
        r"bnti|binti|wladi|drari|niece|neveu|kid|kids|child|children|(?:my|our|his|her) son|daughter|baby|ابني|بنتي|ولدي|طفل|اطفال|الاطفال|ولادي)")
JE = r"(?:je|j|jsui|chui)"
NOT_HAVE_AR = r"(?:ما ?عند(?:ي|نا)ش?)"  # « ما عنديش », « ماعندنا »: I / we have no…
# Someone in English whose body is in danger: « he is choking », « my dad is not moving ».
SOMEONE = rf"(?:he|she|{KID}|my (?:husband|wife|mother|father|mum|mom|dad))"
# Who threatens or chokes in English: a person, not « the caf threatens me to cut my benefits ».
THEY = (r"(?:he|she|they|(?:my|her|his) (?:husband|wife|boyfriend|girlfriend|partner|ex|father|dad|"
         r"stepfather|brother|son|uncle|cousin|neighbour|neighbor|landlord|boss))")
# A bone someone broke: the police numbers, and the doctor's too. Not « la tête »: « il m'a cassé la
# tête avec ses papiers » is said of someone tiresome.
BONE = r"(?:bras|jambe|nez|cote\w*|machoire|main|poignet|cheville|doigt\w*)"
BROKEN = (rf"\bm a casse (?:le|la|les|mon|ma|mes) {BONE}\b",
           r"\b(?:he|she|they|someone|somebody) (?:\w+ ){0,1}(?:broke|fractured) (?:my|her|his|our) (?:arm|leg|nose|jaw|rib|wrist|ankle|finger|hand)\b",
           r"كسر\S* ?(?:لي|ليا|ليه|ليها) (?:يد|يدي|يدو|ذراعي|دراعي|رجلي|رجلو|نيفي|انفي|ضلعي|فكي)\b")
