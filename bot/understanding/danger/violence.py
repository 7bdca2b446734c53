"""Violence against the person who writes, or threats (at home, in the street). Patterns over the prepared message (see words.py)."""

from __future__ import annotations

from bot.understanding.danger.words import BROKEN, HIT, JE, ME, PERSON, THEY

PATTERNS: tuple[str, ...] = (
    # Batch 27: raped by a husband (Arabic).
    r"(?:كي|ك|ي|ت|كت)?[اي]?غت?ا?صب(?:ني|نا|ها|و|ه|وها|وني)\b",
    # Batch 26: pulled by the hair; thrown down the stairs, « he'll slaughter me » (Arabic, Darija).
    r"\bm a tir\w* (?:par )?les cheveu\w*\b",
    r"(?:رماني|دفعني|دزني|لاحني|طيحني|رمتني|دفعتني|لاحتني) (?:من|م|ف|في) ?(?:ال)?(?:درج|سلالم|بالكون|طاقه|شرجم)",
    r"\b(?:ghadi|gha|bgha|baghi) y(?:dbe7|dba7|dbh|qtel|9tel|ktel|qtl|9tl)(?:ni|na)\b", r"(?:غادي|بغا|باغي) ي(?:ذبح|دبح|قتل)(?:ني|نا)",
    # Batch 25: afraid to go out with him waiting below; bleeding after a blow from a husband (Darija).
    r"\b(?:dit|dire|menac\w*)\b(?: \w+){0,4} me saigner\b(?! avec (?:les|ses|sa|la|le|leur)s? (?:frai|facture|prix|tarif|agio)\w*)",
    r"\b(?:ose|peux) (?:plus|pas) sortir\b(?: \w+){0,5} (?:il|ils|elle|on) (?:m attend|me guette|me cherche|me surveille)\w*",
    r"\b(?:rajli|mrati|khoya|bba|jari|sa7bi|ex dyali)\b(?: \w+){0,4} (?:w|o) (?:tla3|tl3|khraj|khrj)\w* (?:lia|liya) (?:d+em|dm)\b",
    # Batch 24: a knife and someone running after; « il va me faire payer »; the house burnt with me inside;
    # attacked (« t3adda 3liya »), followed in the street (Darija).
    r"\b(?:couteau|arme|hache|fusil|pistolet|machette)\b(?! a eau| en plastique)(?: \w+){0,6} (?:me|nous) (?:court apre|cour\w* apre|poursui\w*)\w*\b",
    r"\bme (?:court|courait|poursui\w*) (?:apres? )?(?:\w+ ){0,2}avec (?:un|une|son|sa) (?:couteau|arme|hache|fusil|pistolet|batte|marteau)\b(?! (?:a eau|en plastique|jouet|nerf)\b)",
    r"\b(?:il|elle|ex|mari|compagnon|copain) (?:\w+ ){0,5}(?:va|allait|vont|allaient) me (?:le )?faire payer\b(?! (?:les|la|le|des|l|une|un|ma|mon|mes|cher|plus)\b)",
    r"\bburn (?:the |our |my )?(?:house|flat|home|apartment|car) (?:down )?with (?:me|us|the kids|my kids|the children) (?:inside|in it)\b",
    r"\b(?:kay|ka|ta)?t3[ae]?d+a 3li(?:ya|a|na)\b", r"(?:كي|ك|ت)?تعدا (?:عليا|علينا|عليه)",
    r"\b(?:chi )?(?:wa[7h]e?d|rajel|rajl|chi 7ed)\b(?: \w+){0,2} (?:kay|ka)?t?b[ae]?3(?:ni|ouni|otni)\b(?! (?:f|fi) (?:insta\w*|tiktok|facebook|snap\w*)\b)",
    # Batch 23: forced into sex; a stepfather who touches « me ».
    r"\b(?:me|m) forc\w* a (?:coucher|faire l amour|avoir des relation\w*|des relation\w*)\b(?! (?:les|mes|ses|le|la|tot|avant|a \d|de bonne heure)\b)",
    r"\b(?:beau pere|oncle|cousin|voisin|prof|professeur|entraineur|grand pere|parrain|patron|chef) (?:\w+ )?me touch(?:e|ait|ent)?\b(?! (?:pas|jamais|plus|beaucoup|profondement|le coeur|par|l epaule pour|la main pour)\b)",
    # Batch 22: « me régler mon compte », « he will find me and hurt me », hit with a plate (« 3tani b tabsil »).
    r"\bme regler mon compte\b(?! (?:bancaire|epargne|en banque|a la banque|caf|ameli)\b)",
    rf"\b{THEY}(?: \w+){{0,8}} (?:will|gonna|going to) (?:\w+ ){{0,3}}(?:hurt|kill|beat) (?:me|us)\b(?! with (?:laughter|laughing|joke|kindne|stor|question))",
    r"\b3t(?:a|at|ani|atni|aw|awni)(?: lia| liya)? b (?:tabsil|tbsil|t?tobsil|ka|lka|9ar3a|l?7jra|l?7ajra|l?3sa|zlafa|sebbat|ssbbat|lmtrqa)\b",
    r"عطا(?:ني|تني|وني)? (?:ليا )?ب(?:ال)?(?:طبسيل|كاس|قرعه|حجره|عصا|زلافه|صباط|مطرقه)",
    # Batch 21: a neck squeezed, « peur qu'il me fasse du mal », a burglar still inside, a face hit.
    rf"\b(?:il|elle|{PERSON}) me serre\w* (?:le cou|la gorge)\b(?!(?: \w+){{0,8}} (?:calin|bisou|bise|rire|jeu|jouer|blague))",
    r"\bpeur qu (?:il|elle|ils|on) (?:ne )?(?:me|nous|m) (?:fasse\w* du mal|frapp\w*|tu\w*|batte\w*)\b(?!(?: \w+){0,3} (?:entretien|examen|exam|dossier|question|note|match))",
    r"\bbr(?:oke|oken|eaking) in(?:to)? (?:my|our|the) (?:flat|house|home|apartment)\b.{0,30}\b(?:still inside|still here|still in|is inside|are inside|right now)\b",
    r"\b\w*d[ae]?r[ae]?b (?:lia|liya|li) (?:wjhi|wejhi|rasi|3ini|yeddi|yddi|fommi|snani)\b", r"ضرب(?:ني)? (?:ليا|لي) (?:وجهي|راسي|عيني|يدي|فمي|سناني)",
    # Batch 20: blows « mis » as « met », followed from the metro, pushed, locked in, kept from going out.
    r"\b(?:met|mettent|mettait) (?:de |des |un |plein de |de gro )?coup\b(?! de (?:main|fil|soleil|pouce|la panne|telephone|stress|froid|chaud|coeur|pied dans le ballon))",
    r"\b(?:un homme|un mec|un type|un inconnu|des hommes|des mecs|un gar) qui me sui\w*\b(?! (?:sur|on) (?:insta\w*|tiktok|snap\w*|facebook|twitter|x|youtube)\b)",
    rf"\b{THEY} (?:\w+ ){{0,1}}(?:pushed|shoved) (?:me|us)\b(?! (?:to|into)\b)",
    rf"\b{THEY} (?:\w+ ){{0,1}}lock\w* (?:me|us) (?:in|up|inside)\b(?! (?:a|an|the|my|this|that|to) (?:\w+ )?(?:contract|deal|plan|subscription|game|call|meeting|price|rate)\b)",
    r"(?:راجلي|زوجي|جوزي)\b.{0,40}ما (?:كي|ك|ي|ت)?خلي(?:ني|نا)ش (?:ن)?خرج",
    r"\b(?:rajli|zawji|zouji|jouji)\b.{0,40}\bma (?:kay|ka|ki|ta)?kh?l+i(?:ni|na)ch? n?kh?r[ae]?j\b",
    # Batch 19 (Arabic script and Darija): strangled, punched in the eye.
    r"(?:كي|ك|ي|ت)?خنق(?:ني|نا|ها)\b", r"شد(?:ني|ها) من (?:عنقي|رقبتي|عنقها|رقبتها)",
    r"\b(?:3ta|3tat|3tani|3taw)(?: lia| liya| li)? (?:bounya|bonya|tarcha|tr[ae]?ch[ae]?)\b", r"عطا(?:ني|ت ?ني)? ?(?:ليا )?(?:بونيه|طرشه)",
    # Batch 18: bitten, a strangling tried, a knife pulled, a door broken down while hiding.
    rf"\b(?:il|elle|{PERSON}) m a mordu\w*\b(?!(?: \w+){{0,3}} (?:chien|chat))",
    r"\b(?:tried|try\w*|wanted) to (?:etrangle|strangle|choke|kill|stab|drown|suffocate) (?:me|us)\b(?! with (?:his|her|their|your) (?:joke|stor|question|laugh|kindne))",
    r"\bpull\w* (?:a|his|her) (?:knife|gun) (?:on|at) (?:me|us)\b",
    r"\b(?:he|she|they) (?:is |are )?(?:breaking|kicking|trying to break) (?:down )?(?:the|my|our) door\b(?! of\b)",
    r"\b(?:il|elle|ils) (?:est en train de |essaie de )?(?:defonce|casse|enfonce)\w* (?:la|ma|notre) porte\b",
    # Batch 17: burned, dragged by the hair, a father who beats a mother (in Arabic).
    rf"\b(?:il|elle|{PERSON}) m a brul\w*\b", r"\bm a train\w* par (?:les cheveu|le bras|terre|les pied)\b",
    r"(?:بابا|ابي|الاب|خويا|راجل ماما) (?:كي|ك|ي|ت)?ضرب (?:ماما|امي|مي|الام|اختي|مرتو)\b",
    r"(?:راجلي|زوجي|جوزي|مرتي|خويا|بابا) (?:\S+ )?حرق(?:ني|تني|ها|نا)\b",
    r"حرق(?:ني|تني|ها|نا) (?:\S+ )?(?:بالسيجاره|بالكارو|بالزيت|بالمكواه|بالحديد)",
    # Batch 16: a head held under water, a threat to burn, « كيتعدا عليا ».
    r"\bm a (?:mis|plonge|enfonce|tenu)\w* la tete (?:dans|sous) l eau\b",
    r"\bthreaten\w* to (?:burn|kill|stab|shoot|hurt|beat)\b",
    r"(?:كي|ك|ي|ت|كت)?تعدا(?:و|ت)? (?:عليا|علي|علينا)\b", r"\bt3[ae]?d+a\w* 3l(?:i|ia|iya|ina)\b",
    # Batch 15: a plate thrown in the face, marks on the neck because of him.
    r"\bm a (?:jete|lance|balance)\w* (?:\w+ ){0,3}(?:a la figure|au visage|dessu|sur moi|a la tete)\b",
    r"\b(?:marque|trace|bleu)\w* (?:\w+ ){0,3}(?:cou|gorge|visage|bras|corps)\w* (?:\w+ ){0,2}a cause de (?:lui|elle|mon|ma)\b",
    # Batch 14: a head slammed against a wall, followed in the street.
    r"\b(?:slam\w*|bang\w*|smash\w*|hit|push\w*|threw|throw\w*) (?:my|her|his) head (?:against|into|on)\b",
    r"\bd[ae]?r[ae]?b\w* (?:lia|li|liya) ras(?:i|ha)? (?:m3a|f|fi) (?:l7it|l?7ayt|lhit|l7ay?[e]?t)\b", r"ضرب\S* (?:ليا|لي) راس\S* (?:مع|ف|في) (?:ال)?حيط",
    r"\b(?:someone|somebody|a man|a guy|men|a stranger|some guy) (?:is |are |keep |has been )?following me\b(?! on (?:instagram|insta|facebook|tiktok|twitter|x|snap\w*))",
    r"\b(?:un homme|un mec|un type|un inconnu|des hommes|des mecs) me sui\w*\b",
    # Batch 13: fear of a partner, threats at the door, a hand at the throat, locked in.
    (r"\bj ai (?:tres |trop )?peur de (?:lui|mon mari|mon copain|mon conjoint|mon ex|mon compagnon|ma femme)\b"
    r"(?! (?:dire|demander|parler|annoncer|expliquer|avouer|montrer|deranger|decevoir))"),
    rf"\b{THEY}\b(?: \w+){{0,8}} (?:and |et )?threatening (?:me|us)\b(?! with (?:a |an )?(?:fine|eviction|court|debt|bailiff|penalt))",
    r"\b(?:grab\w*|took|held|hold\w*|squeez\w*|caught) (?:me|her|us) by the (?:throat|neck|hair)\b",
    r"\bm a (?:pris|attrape\w*|serre\w*|tenu\w*) (?:a|par) (?:la gorge|le cou)\b",
    r"\b7b[ae]?s+(?:ni|na|ha) (?:f|fi|f l|fl)? ?(?:dar|ddar|bit|lbit|chambre|lbit)\b",
    r"حبس(?:ني|نا|ها) (?:ف|في|فال)?(?:الدار|دار|البيت|بيت)",
    rf"\b(?<!je ){ME} (?:\w+ ){{0,2}}?{HIT}\b",
    rf"\b(?:je|on|nous) (?:me |nous )?(?:fai|fait|suis fait|suis faite|sui fait) {HIT}\b",
    r"\b(?:suis|est|sont|ete|etre|sommes) (?:\w+ ){0,1}(?:battu\w*|frapp\w*|agress\w*|viole|violee|tabass\w*|menace|menacee|sequestr\w*|brutalis\w*)\b",
    r"\bviolen(?:ce|t|te)\b", r"\bfemme battue\b",
    r"\b(?:mi|mis|donne|recu|pri|prend) (?:de |des |un |plein de |de gro )?coup\b(?! de (?:main|fil|soleil|pouce|la panne|telephone|stress|froid|chaud|coeur))",
    r"\b(?:mi|mis|donne|recu) (?:une |des |de |plein de )?(?:gifl\w*|claque|baffe|beigne|raclee)\b",
    r"\bmenac\w* de (?:mort|me tuer|tuer)\b", r"\b(?:me|nous|m) tuer\b",
    r"\bpeur (?:de|pour) (?:mon|ma|ma vie|son|sa)\b(?: (?:mari|conjoint|compagnon|copain|ex|pere|frere|vie)\b)?(?! (?:examen|exam|entretien|rendez|rdv|dossier|avenir|travail|boulot|permi|oral|operation|resultat|note|facture|loyer|code|premier|premiere))",
    rf"\b(?:{JE}|i m|i am|im|we are|we re|suis|sommes) (?:\w+ ){{0,1}}en danger\b(?! de (?!mort))",
    r"\ben danger (?:chez moi|a la maison|de mort)\b", r"\bdanger de mort\b",
    r"\b(?:hit|hitting|beat|beating|beaten|attacked|attack|abuse|abused|threatened|rape|raped|raping|kill|assaulted|mugged) (?:me|us|my (?:wife|husband|kid|child|children|son|daughter|mother|mum|mom|sister|brother|baby|family))\b",
    r"\bleve\w* la main sur (?:moi|nous|elle|lui)\b",
    r"\bi was (?:raped|attacked|beaten|assaulted)\b",
    # Plurals are folded: « threatens » is read « threaten ».
    rf"\b{THEY} (?:\w+ ){{0,1}}(?:threaten|kick|slap|punch|chok|strangl)\w* (?:me|us)\b(?! out)",
    *BROKEN, r"\bm a casse (?:les|mes|ma|une) dent\w*\b",
    r"\bm a casse la tete (?:contre|a coup\w*|avec (?:un|une|le|la|sa|son) (?:bouteille|baton|barre|chaise|marteau|poele))\b",
    r"\bdes bleu (?:partout|sur (?:le|tout le|mon|ma) (?:corps|visage|figure|bras)|a cause de (?:lui|elle|mon|ma))\b",
    rf"\b{THEY} (?:\w+ ){{0,1}}hurt\w* (?:me|us)\b",
    r"\b(?:stalking|harassing|beating|hitting|choking|strangling) (?:me|us)\b",
    r"\bpushed (?:me|us) (?:down|into|against|to the (?:floor|ground))\b",
    r"\btir\w* (?:les|mes) cheveu\w*\b",
    r"\bbrul\w* (?:\w+ ){0,2}cigarette\b",
    rf"\b{THEY} (?:\w+ ){{0,1}}burn\w* me\b",
    r"\boblige\w* (?:\w+ ){0,3}(?:rapport|coucher|relation\w* sexuel\w*)\b", r"\bm empech\w* de sortir\b",
    r"\b(?:won t|wont|doesn t|does not) let me (?:leave the house|go out|see my (?:family|friend))\b",
    r"(?:ي|كي|ت)?منع(?:ني|نا) (?:من )?(?:الخروج|نخرج)",
    r"\bm a (?:jete|jetee) par terre\b",
    r"\bthrew (?:\w+ ){0,3}at (?:me|us)\b",
    r"(?:ت|ي)?هجم (?:علي|عليا|علينا)\b",
    rf"\b{THEY} (?:\w+ ){{0,1}}broke (?:my|her|our) (?:nose|arm|leg|jaw|rib|teeth|tooth|hand|finger)\w*\b",
    r"\b(?:fiya|fia|fina) l?markat\b", r"(?:كي|كت|ي|ت)?عذب(?:ني|نا)\b", r"\bka[yt]?3[ae]?d+[ae]?b(?:ni|na)\b",
    r"\b(?:avec|a coup de|a coups de) (?:un |le |son )?couteau\b", r"\b(?:with|has|had|holding) a (?:knife|gun)\b",
    r"\bb (?:mou|lmou|jenwi|ljenwi|sekkin|sikin)\b",
    r"ب(?:ال)?(?:سكين|موس|جنوي)",
    r"محبوس(?:ه)? (?:في |ف)(?:ال)?دار|(?:كي|ي)?حبس(?:ني|نا)|حابسني",
    r"\b\w*dr[ae]?b (?:fiya|fia|fina)\b",
    r"\bm a (?:enferm\w*(?! dehor)|pouss\w* (?:dans|contre|par terre))\b",
    r"\b\w*hd+[ae]?d(?:ni|na)\b",
    r"\b\w*3[ae]?d+[ae]?b (?:fiya|fia|fina)\b",
    r"\b(?:i m|i am|im|we are) in danger\b",
    r"\bdomestic (?:violence|abuse)\b", r"\bis (?:being )?violent\b",
    r"(?:يضرب|كيضرب|تيضرب|ضرب|تضرب|كتضرب)و?(?:ني|نا)\b", r"عنف", r"(?:انا|راني|انني) (?:في|ف) خطر",
    r"يهدد(?:ني|نا)|بالقتل|يقتل(?:ني|نا)|اغتصب",
    r"\b\w*d[ae]?r[ae]?b(?:ni|na)\b", r"\b\w*[q9]t[ae]?l(?:ni|na)\b",
    r"\b(?:ana|rani|ra) (?:f|fi) (?:khatar|5atar|khtar|5tar)\b",
)
