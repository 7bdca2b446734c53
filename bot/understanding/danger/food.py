"""Nothing to eat today. Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import NOT_HAVE_AR

PATTERNS: tuple[str, ...] = (
    # Batch 27: one meal every two days; no food for the children (Darija).
    r"\bmange\w* (?:qu )?une (?:seule )?fois (?:tous les|par) (?:deux|2|trois|3) jour\w*\b",
    r"\bma ?3[ae]?nd(?:i|na) ma n(?:w|ou)?kl\w* (?:l ?)?(?:drari|wladi|wlad)\b",
    # Batch 26: no food at all for the children today (Darija).
    r"\bma ?3[ae]?nd(?:i|na) (?:7ta |hta )?makla (?:l|li) ?(?:drari|wladi|wlad)\b",
    # Batch 25: no milk for the baby (Arabic).
    r"(?:ما ?عندي ?ش?|ماعنديش|ما ?عندناش?) (?:\S+ )?حليب (?:لل|ل)?(?:بيبي|طفل|دري|دريه|صغير|رضيع)\S*",
    # Batch 24: nothing to give the children to eat today (Darija).
    r"\bma ?3[ae]?nd(?:i|na) ma n3t(?:i|iw)\b(?: \w+){0,2} (?:ykl|yakl|ykoul|makla)\w*",
    # Batch 22: no milk for the baby and no money.
    r"\b(?:no|out of) (?:milk|formula|baby food|nappie|diaper)\w*\b(?: \w+){0,6} (?:no money|can t afford|cannot afford|can t buy)\b",
    # Batch 21: children who have not eaten today.
    r"\b(?:children|kid|son|daughter|baby|babie)\b(?: \w+){0,2} (?:haven t|havent|have not|hasn t|hasnt|didn t|didnt|did not) eat(?:en)? today\b",
    # Batch 19: hungry children in Darija.
    r"\b(?:drari|wladi|wlad)\b (?:\w+ ){0,1}j[ie]?y?3an\w*\b", r"(?:الدراري|الولاد|ولادي|دراري) (?:\S+ )?(?:جيعانين|جعانين|جوعانين)",
    # Batch 17: only bread for days, nothing left to eat (in Arabic).
    r"\bne mang\w* (?:que|plus que|rien que) du pain\b",
    r"ما ?بقا(?:ش)? (?:عندنا|عندي) (?:حتي )?(?:حاجه|شي|والو) (?:ن)?(?:ناكل|ناكلو|ناكلوها|ناكلها|نوكلو)",
    r"\b(?:rien|pas|plus rien|plu rien|quoi|de quoi) (?:a |de quoi |d )?manger\b",
    r"\b(?:ai|ont|avon|avons|a|as|est) (?:tres |trop |si )?faim\b", r"\bcrev\w* de faim\b",
    r"\bmourir de faim\b", r"\bmeur\w* de faim\b",
    r"\b(?:pas|rien) mange (?:depuis|de la journee|aujourd)\b",
    r"\b(?:deux|troi|quatre|cinq|plusieur|[2-9]) jour (?:\w+ ){0,4}(?:pas|rien) mange\b",
    r"\bma ?(?:3ndi|3andi|3ndna|3andna)? ?ma ?n(?:wekkel|wkkel|wakel|wkel|wekel)\b",
    r"ما ?(?:عندي|عندنا)? ?ما ?(?:نوكل|نوكلو)",
    r"\bnothing to eat\b", r"\bno food\b(?! bank)", r"\b(?:am|are|is|re|m|s) (?:so |very )?hungry\b",
    r"\bstarving\b(?! for)(?!(?: \w+){0,3} (?:lunch|dinner|breakfast|snack|pizza|burger|kebab|taco)\b)",
    r"ما ?ناكل|ماناكل|جوعان|جيعان|جايع|ما عندي ما ناكل",
    r"\bma ?(?:3ndi|3andi|3ndna|3andna)? ?ma ?n?akol\w*\b",
    r"\bmanakol\w*\b",
    r"\bpleur\w* de faim\b",
    r"\b(?:no|not|didn t|did not) eat (?:since|for)\b",
    r"\bje ne mange plus\b(?! (?:de|d|du|la|le|les)\b)",
    r"\b(?:have|has) not eaten\b",
    rf"{NOT_HAVE_AR} (?:حتي )?(?:خبز|الخبز|ماكله|الماكله|اكل|الاكل|طعام|الطعام)(?! (?:حلال|فال|في ال|بال))",
    r"\brien a donner a manger\b",
    r"\b(?:don t|dont|do not|doesn t) have (?:anything|any food) to eat\b",
    rf"{NOT_HAVE_AR} (?:شي|حاجه) (?:ن)?(?:ناكل|اكل|ناكلو|نوكل|نوكلو)",
    r"\bma ?3a?nd(?:i|na|hom|hum|o|ha)(?:ch|sh)? ma ?(?:n|y|t)?akl\w*\b",
    r"\bmange\w* (?:qu )?une (?:seule )?fois par jour\b",
    r"\bgo\w* to (?:bed|sleep) hungry\b",
    r"\bsaut\w* (?:des |les |un )?repas\b",
    r"\b(?:can ?t|cannot|can not|unable to) feed (?:my|our|the) (?:kid|child|children|family|baby|son|daughter)\b",
    rf"{NOT_HAVE_AR} (?:حتي )?(?:باش|ما) ?(?:نوكل|ناكل|نوكلو)",
    r"\bma ?kayn(?:ch|sh)? (?:ma|mat) ?n?akl\w*\b",
    r"ما ?كاين(?:ش)? ما ?(?:ناكل|نوكل|نكلو)",
    r"\bnakol ma ?3ndi walo\b", r"\bji3an\w*\b", r"\bjay3\w*\b",
    r"\b(?:not|haven t|havent|hasn t|hasnt|didn t|didnt) (?:eaten|eat) (?:anything |for |since |in )",
    r"\bma ?kl(?:it|ina|aw|at|a)(?:ch|sh)? (?:\w+ ){0,1}(?:walo|hta haja|7ta haja|ta haja|chi haja|yomayn|youmayn|jouj iyam)\b",
    r"ما ?كل(?:يت|ينا|او|ات|ا)(?:ش)? (?:\S+ ){0,1}(?:والو|حتي حاجه|ولا حاجه|يومين|جوج ايام|من البارح)",
    r"\b(?:haven t|havent|have not|hasn t|hasnt|had not|hadn t) (?:had|eaten) (?:any )?(?:food|anything)\b",
    r"لم (?:اكل|ناكل|ياكل) (?:شيا|شي|منذ)",
)
