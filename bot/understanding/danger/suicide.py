"""Wanting to die, or to hurt oneself. Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import JE

PATTERNS: tuple[str, ...] = (
    # Batch 27: no strength left to fight for life; « nt7er » (Darija).
    r"\b(?:veux|peux|arrive) (?:plus|pas) (?:a )?(?:me )?battre pour (?:vivre|rester en vie|continuer)\b",
    r"\b(?:bghit|baghi|baghya|bghat|ghadi|gha|kanfker|kanfakar|kanfkar) n?n?e?t[ae]?(?:7|h)[ae]?r\b",
    # Batch 26: no wish to live any more (standard Arabic), hanging oneself (Darija).
    r"(?:لا|ما) ?(?:اريد|بغيت|ابغي|بدي|نبغي) (?:ان )?(?:اعيش|نعيش)\b(?! (?:في|هنا|مع|هاد|هذه|هذا|فهاد|بهاد)\b| (?:ف|فال|بال|بهذ)\S+)",
    r"(?:ن|غادي ن|باغي ن|بغيت ن)شنق (?:راسي|نفسي)", r"\bn?chn[ae]?[9q] (?:rasi|rassi|nafsi)\b",
    # Batch 24: death wished for every day (in Arabic).
    r"(?:اتمني|نتمني|كنتمني|بتمني|اتمنا|نتمنا) (?:ال)?موت\b(?! (?:ل|لل)\S*)",
    # Batch 23: the pills made ready, no wish to wake up.
    r"\b(?:have|got|ve got|put) (?:the |my |all (?:the |my )?)?(?:pill|tablet|med)\w* (?:ready|lined up)\b(?! (?:for (?:the|my|his|her|tomorrow|work|school|the trip)\b))",
    r"\bplus envie de me reveiller\b(?!(?: \w+){0,3} (?:pour|tot|a \d|avant)\b)",
    # Batch 22: no wish to exist, killing oneself thought of, a handful of pills about to be taken.
    r"\b(?:envie|veux|voudrai|voudrais) (?:plus|pas|plu) (?:d )?exister\b(?! (?:sur|dans|en ligne|online|au travail|pour)\b)",
    r"\b(?:plus|pas) envie d exister\b(?! (?:sur|dans|en ligne|online|au travail|pour)\b)",
    r"\b(?:killing|hurting|ending) myself\b(?! (?:laughing|at the gym|at work|with work)\b)",
    r"\b(?:going to|gonna|will|want to) (?:take|swallow) (?:them all|all (?:of )?(?:them|the pill|my pill|the tablet|my tablet|my med\w*))\b(?! (?:to|out|home|with|for)\b)",
    # Batch 21: no point going on, unable to go on with this life.
    r"\b(?:voi|trouve) (?:plus|pas|aucun) (?:l )?interet (?:de|a) (?:continuer|vivre)\b(?! (?:ma|mon|mes|la|le|les|cette|ce|a|l|au|en|avec)\b)",
    r"ما (?:بقيتش|بقاش|عدت) (?:\S+ )?(?:قادر|قادره|نقدر) (?:ن)?(?:كمل|عيش)\S* (?:\S+ )?(?:الحياه|الدنيا)",
    r"\bma b9it(?:ch)? (?:baghi|bghit|bagha) (?:nkon|nkoun|n3ich|n3ish|nb9a) (?:f|fi) (?:had )?(?:denya|dunya|donya|l?7ayat?)\b",
    # Batch 20: to disappear for good.
    r"\b(?:want|wanna|going) to disappear (?:forever|for good|from this world|from this earth|and never come back)\b(?! from (?:insta\w*|social media|facebook|tiktok|the internet|this group|the group|school)\b)",
    # Batch 19: « I can't go on » said alone.
    r"ما ?بقيتش قادر\S* (?:ن)?كمل$", r"\bma b[q9]itch? [q9]ad(?:er|ra) n?kml\w*$",
    # Batch 18: a rope made ready, the whole box of pills, on a roof wanting to jump, happier if dead.
    r"\b(?:prepare|pret|achete)\w* (?:une|la|ma) corde\b(?! a (?:linge|sauter)| pour (?:mon|ma|le|la|les|un|une))",
    r"\b(?:avaler|prendre|pri|avale) (?:toute la|toutes les|la) boite\w* (?:de|d) (?:cachet|medicament|comprime|pilule|doliprane)\w*",
    r"\b(?:on the|on a) (?:roof|bridge|balcony|ledge)\b(?: \w+){0,5} (?:want to|going to|gonna) jump\b",
    r"\b(?:better|happier) (?:off )?if i (?:was|were) (?:dead|gone)\b",
    # Batch 17: « que tout s'arrête », death as better.
    r"\bje veux que tout (?:s arrete|se termine|finisse)\b(?! (?:avec|pour|de|du|des|la|le|les|a|au)\b)",
    r"الموت (?:احسن|خير|ارحم)(?: \S+)? (?:ليا|لي|من)", r"\bl?mout (?:ahsn|ahsen|7sn|khir|khir)\b",
    # Batch 15: off a bridge, cutting oneself.
    r"\b(?:jump|throw myself) (?:off|from|in front of|under) (?:the |a )?(?:bridge|building|roof|balcony|train|window|cliff)\b",
    r"\bcutting myself\b(?! (?:shaving|while|cooking|on))", r"\b(?:cut|hurt|harm)\w* myself (?:again|on purpose)\b",
    r"\bself ?harm\w*\b",
    # Batch 14: no reason to go on, a farewell letter, joining the dead, resting from this world.
    r"\b(?:no|any|a) reason to (?:keep going|go on|live|stay alive|carry on)\b(?! to\b)",
    r"\b(?:goodbye|farewell|suicide) (?:letter|note)\b(?!(?: \w+){0,6} (?:colleague|coworker|team|class|teacher|retirement|leaving))", r"\blettre\w* d adieu\b(?!(?: \w+){0,6} (?:collegue|depart|retraite|pot|demenagement|stage|classe|ecole|maitresse|equipe))", r"رساله (?:ال)?وداع",
    r"\brejoindre (?:\w+ ){0,3}(?:au ciel|au paradi|la haut|dans l au dela)\b",
    r"\bjoin (?:my|her|his) (?:\w+ ){0,1}in heaven\b",
    r"نرتاح من (?:هاد |هذه |هذي |هاذ )?(?:الدنيا|الحياه)", r"\bnrta7 (?:mn|men) (?:had )?(?:d+[eo]?nya|dunya|l?7ayat|l?hayat)\b",
    # Batch 13: not waking up, every pill tonight, « no longer wanting to live » in Arabic.
    r"\b(?:veux|voudrais|voudrai|veu|prefere|aimerai|aimerais) (?:ne )?(?:plus|pas|jamais) (?:me )?reveiller\b(?! (?:a|avant|tot|si tot|demain \w|le matin|pour|en))",
    r"\b(?:going to|gonna|will|want to) (?:take|swallow) (?:all|every) (?:of )?(?:my |the )?(?:pill|tablet|medication|medicine)\b",
    r"ما ?(?:بقيتش|بقيت) ?(?:باغي|باغيه|بغيت) ?نعيش(?!\s*(?:هنا|في|ف|مع|عند)\S*)",
    r"\bma b[q9]itch? (?:baghi|baghya|bghit) n3i(?:ch|sh)\b(?! (?:hna|f|fi|m3a|3nd)\b)",
    (r"\b(?:veux|veu|voudrai|voudrais|vai|vais|envie de|prefere|souhaite|aimerai|aimerais|pense a) "
    r"(?:\w+ ){0,1}mour+i?r+e?\b(?! de (?:rire|chaud|froid|faim|envie|impatience|ennui|peur))"),
    r"\bsuicid\w*\b(?! squad)",
    r"\b(?:d|en) finir\b(?! avec (?:mes|mon|ma|les|la|le|ce|cette|ces|ses|son|sa) (?!vie))",
    r"\b(?:plus|pas|aucun|perdu l) envie de vivre\b", r"\b(?:veux|veu|peux|peu) plus vivre\b",
    r"\bmarre (?:de vivre|de la vie)\b", r"\ba quoi bon vivre\b", r"\bvie ne vaut (?:plus )?rien\b",
    rf"\b{JE} (?:\w+ ){{0,3}}me (?:tuer|pendre|suicider|jeter|foutre en l air)\b",
    rf"\b{JE} (?:\w+ ){{0,3}}(?:sauter|me jeter) (?:\w+ ){{0,2}}(?:pont|fenetre|immeuble|balcon|train)\b",
    rf"\b{JE} (?:\w+ ){{0,3}}me faire du mal\b", r"\bscarifi\w*\b", r"\bautomutil\w*\b",
    r"\bdisparaitre pour toujours\b",
    r"\b(?:envie de|veux|voudrais|vais) disparaitre\b(?! (?:des|du)\b)(?! de (?:ce|cette|votre|vos|ton|ta|tes|la liste)\b)",
    r"\b(?:plus|pas|aucun) (?:de )?raison de vivre\b", r"\bending (?:my life|it all)\b",
    r"\b(?:no|don t see the|dont see the|what s the|what the) (?:point|reason) (?:of|in|to) (?:living|live|life|go on|going on)\b",
    r"\btired of (?:living|life|being alive)\b",
    r"\btout s arret\w* (?:pour de bon|pour toujours|definitivement)\b",
    r"\b(?:nobody|no one) would (?:miss me|care if i die)\b(?! at)",
    r"\bmiss me if i die\b",
    r"\b(?:coupe\w*|ouvert) les veine\w*\b",
    r"\bcut (?:my|his|her) wrist\w*\b",
    r"\bne plus exister\b",
    r"\bachete\w* une corde\b(?! a sauter)",
    r"\bwant (?:it all|everything) to (?:stop|end) forever\b", r"\bwant (?:it all|everything) to end\b",
    r"\b(?:bghit|baghi)(?:ch|sh)? nkoun f had d[oe]u?n?ya\b",
    r"(?:ال)?موت (?:احسن|خير) من (?:هاد |هذه )?(?:ال)?حياه",
    r"\bsi je n (?:etai|etais|etait) plus la\b",
    r"\bmieu sans moi\b",
    r"\b(?:vais|veux|va) (?:\w+ ){0,1}avaler (?:tous?|toute|toutes) (?:mes|les) (?:medicament|cachet|comprime|pilule)\w*",
    r"\bbetter off without me\b",
    r"(?:كنت|نكون) ميت\b",
    r"تمنيت (?:لو )?(?:نموت|اموت)",
    r"\b(?:don t|dont|do not|never) want to wake up\b(?! (?:early|at|before|so early|for|in))",
    r"\btook (?:all|a lot of|too many) (?:of )?(?:my |the )?(?:pill|medication|medicine|tablet)\w*\b",
    r"\b(?:بدي|ابغي|عايز|عايزه|عاوز) (?:ا|ن)?موت\b",
    r"ما ?(?:بقيت|بقيتش) (?:قادر|قادره|بغيت)\S* (?:ن|ا)عيش",
    r"\bdormir pour toujours?\b",
    r"\bne plus (?:jamais )?me reveiller\b",
    r"\bl?khat[ae]?r n3i?ch\b",
    r"الخاطر (?:ب)?نعيش",
    r"\b(?:want|going) to end it\b(?! (?:with|by))",
    r"\bn(?:tla7|tle7|rmi|lo7|tli7)\w* (?:ras+i |rasi )?(?:mn|men) (?:t+a9|t+aq|ta9a|s+ta7|lbalcon|balcon|lfnetra|l?pont)\b",
    r"ن(?:رمي|لوح|طيح) (?:راسي|نفسي)",
    r"\b(?:plus|pas) la force de (?:vivre|continuer)\b",
    r"\bfatigue\w* de (?:vivre|la vie)\b",
    r"\b3[ae]?y[iy]t (?:mn|men) (?:had )?l?[7h]ayat?\b",
    r"(?:عييت|تعبت|مليت|كرهت) (?:من )?(?:هاد |هذه )?(?:ال)?حياه",
    r"(?:علاش|لماذا|لاش) (?:ن|ا)عيش", r"\b(?:3lach|3lache|lach) n3i?ch\b",
    r"\b(?:can ?t|cannot|can not) go on\b(?! (?:the|a|an|this|that|your|my|internet|online|website|site|holiday|vacation|trip)\b)",
    r"\bma ?(?:b[q9]it(?:ch|sh)? )?(?:bghit|baghi|bagh)(?:ch|sh)? n3i?ch\b(?! (?:hna|f|fi|m3a|3nd|hnaya)\b)",
    r"ما ?(?:بقيتش ?)?بغيت(?:ش)? ?نعيش(?!\s*(?:هنا|في|ف|مع|عند)\S*)",
    r"\b(?:want|wanna|going|gonna) (?:to )?die\b", r"\bkill myself\b", r"\bend (?:my life|it all)\b",
    r"\b(?:don t|dont|do not) want to (?:live|be alive)\b", r"\bno reason to live\b",
    r"(?:^| )(?:اموت|نموت|بغيت نموت)(?: |$)", r"انتحر|انتحار|نتحر", r"نقتل (?:راسي|نفسي)", r"اقتل نفسي",
    r"\bn ?mo+u?t\b(?! (?:b|bl|mn|men) ?da?[7h]a?k)", r"\bn[q9]t[ae]?l (?:ras+i|n[ae]?fsi)\b", r"\bnt[ae]?har\b",
)
