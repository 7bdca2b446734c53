"""Find which need (or conversation intent) a message is about, and in which language it is written.

Two sources of evidence, combined:
- the lexicon (lexicon.py): aliases and keywords of intents/*.yaml in four languages, with typo
  tolerance and Arabic words found without their glued article or pronoun. Decisive when it finds
  a word: « je cherche un travail », « الكاف », « khdma ».
- a classifier (classifier.py): logistic regression over words, word pairs and pieces of words,
  trained on every alias, keyword and example of intents/ and on intents/phrases.tsv, with
  out-of-scope phrasings as a class of their own. It also sees what the lexicon found ("an alias
  of caf is here", "strong evidence for emploi"), so it learns how decisive « caf » is beside
  « lettre » or « compte »; pieces of a message it never saw dilute the ones it knows, so one
  known piece does not carry a message made of unknown words.

Each intent gets ALPHA × lexicon score (0–1) + (1 − ALPHA) × classifier probability; out-of-scope
(the class "-" and the hors_sujet intent) competes like any other. The best is taken when it
reaches ACCEPT and leads the runner-up by RATIO; from CANDIDATE up the best ones are offered as
buttons; below, nothing is claimed. Small talk (bonjour, merci, aide) counts only when no need has
evidence: « bonjour, la caf… » is about the CAF. Out of scope is said only of a message with a word
the bot knows (« blablabla zorglub » is "not understood"), and a message of function words only
(« je sais pas ») is claimed by nothing.

How it was chosen. First, on tests/understanding/dev.tsv: lexicon alone (the matcher until then)
fr 94.7 % / 95 %, en 87.2 %, ar 72.7 %, darija 76.2 %; classifier alone fr 95.4 % / 85 %, en 89.4 %,
ar 86.4 %, darija 90.5 %; lexicon first and classifier when unsure fr 98.3 % / 80 %; the weighted
sum (kept) fr 97.8 % / 100 %, en 97.9 %, ar 100 %, darija 97.6 %. Then dev.tsv stopped telling
methods apart (every variant scores 97–100 % there: the lexicon was fitted to it), so choices
are made on `benchmarks/eval_intents.py --crossval`: five folds of the phrase bank, each matched
by a matcher trained without it. Each step below was
measured against the one before, on the bank of its time (figures: in scope / out of scope left
alone, all languages, then French):
- weighted sum as before (ALPHA 0.5, ACCEPT 0.40), 2,545 phrasings: 83.0 / 86.1, fr 83.5 / 78;
- classifier told the lexicon's verdict as one feature per intent: 83.7 / 82 — rejected;
- told which intents have an alias in the message and which have strong evidence (kept), ALPHA
  0.4: 85.2 / 87.4, fr 87.3 / 80.7;
- and unknown pieces diluting the known ones (kept): 84.3 / 89.5, fr 87.0 / 84.4;
- requiring lexicon support or a classifier probability ≥ 0.6–0.9 to answer: no gain — rejected;
- longer or shorter training, other L2 or learning rate, pieces of 3–6 letters: within ±0.5 point;
- lexicon typos and cut words counting for less (see lexicon.py), 3,638 phrasings: out of scope
  88.8 → 90.5 at equal in-scope;
- pieces of 5 and 6 letters across a word boundary (features.py), 3,895 phrasings: 89.0 / 89.5 →
  89.3 / 91.4;
- on 4,568 phrasings, each against 88.9 / 91.6 and rejected: a copy of each phrasing with one
  typo, 88.9 / 90.6; numbers as one shape (« bus # »), identical; Darija negation taken off
  (« ماعنديش », « makhdamch »), +1 phrasing; nearest phrasings by fuzzy similarity as a third
  score, 88.1–88.5 / 89.5–92.0; unknown Arabic words read as the Latin word of the same
  consonants (skeleton.py: « بريفكتير », préfecture), 88.9 / 91.5; 132 more out-of-scope phrasings,
  identical in scope and no better on the earlier out-of-scope ones, and 0.5 point less on dev.
- a bus named by its line number (« le bus 21 », « ligne 2a ») is a city bus, out of scope (kept):
  88.9 / 91.6 → 88.9 / 92.2, fr out of scope 90.0 → 91.1 (4 of the bank's 9 numbered lines were
  answered with the services' bus).
- 187 more Arabic-script phrasings, Maghrebi and standard, for every need (kept). Measured on the
  bank's earlier phrasings only, the new ones always in training (five folds over the 4,568 as
  before; adding rows reshuffles the usual folds; `--crossval --earlier`, with `--seeds` for the
  means over seeds below): ar 90.1 → 91.1 / 92.2 → 93.8, fr 88.5 → 88.7 /
  91.1 → 92.1, en 89.1 → 88.8 / 92.4 → 90.5, darija 87.8 → 87.8; all 88.9 / 92.2 → 89.2 / 92.9.
  On dev, 2 messages fewer in scope and 1 fewer out of scope; fresh unchanged.
- 139 more Darija phrasings in Latin letters (kept), measured the same way and, since one seed
  moves a language by ±5 messages, as the mean over four training seeds against the bank before
  them: darija 627.5 → 633.5 of 712 in scope, fr 1,259.5 → 1,255 in scope and 349.25 → 347.25 of
  381 out of scope, all 3,439.5 → 3,440 / 661.75 → 660.5; on dev 4 more in scope and 1 more out of
  scope (99.1 % / 100 %); fresh unchanged. A wash overall, kept for the Darija words it covers.
- averaging three models trained with different seeds: three ensembles 3,435–3,445 / 659–663
  against single models' 3,434–3,446 / 661–663 — rejected (three times the training).
- 70 out-of-scope phrasings that borrow a need's word in another sense (« mon chien ne mange
  plus », « assurance pour mon scooter », « organiser un mariage pas cher », « my dog is sick »),
  kept; same measure, four seeds: out of scope 660.5 → 664.5 of 714 (fr 347.25 → 352 of 381), in
  scope 3,440 → 3,438.25 of 3,854 (fr 1,255 → 1,252.25); dev 2 fewer French in scope; fresh 100 %.
  Unlike the 132 plain out-of-scope phrasings above, these sit next to the needs' words.
- 132 phrasings in the Arabic of Syria, Lebanon, Egypt, Sudan and the Gulf (« بدي », « عايز »,
  « ابغى »: none was in the bank), kept. On tests/understanding/mashriq.tsv, 40 messages of those
  dialects written before them: 28/36 in scope (4 offered as buttons) → 33/36, out of scope 4/4.
  On the bank's earlier phrasings, four seeds: in scope 3,438.25 → 3,443.75 (ar 910.5 → 914.5),
  out of scope 664.5 → 663.25; dev 3 fewer in scope (each now offered as buttons, the right
  need among them); fresh 1 fewer.
- 125 phrasings of French written as it sounds (« la kaf ma pa versé lé zaloc », « jé perdu ma
  carte vital »), kept. On tests/understanding/phonetic.tsv, 50 such messages written before them:
  in scope 33–34 → 36–37 of 40 over four seeds, out of scope 10/10. On the bank's earlier
  phrasings, four seeds: in scope 3,443.75 → 3,452.25 (fr 1,254.25 → 1,257.5), out of scope
  663.25 → 665.75 (fr 350.75 → 352.5); dev 5 more in scope, 1 fewer out of scope; mashriq over four
  seeds 31.75 → 32.25 of 36 (30 with the shipped seed, 33 before it: one seed against another
  moves these small splits by 3 messages).
- 77 phrasings of English as West African residents write it (« i dey find work », « where i fit
  print paper »), rejected: on 30 such messages written first, 24/25 in scope before and after (out
  of scope 4/5 → 5/5); on the bank's earlier phrasings, four seeds, in scope 3,452.25 → 3,446.5, out
  of scope 665.75 → 665.5. The bank already understood them.
- Algerian and Tunisian forms (« rani nhawes », « nheb », « حاب », « كيفاه »), rare in a bank of
  mostly Moroccan Darija: 33 messages (tests/understanding/maghreb.tsv) were all understood, in
  scope 30/30 and out of scope 3/3 with each of four seeds, before anything was added; nothing was.
- Formal standard Arabic (« أرغب في », « هل يمكنني »): 29 messages (tests/understanding/standard.tsv),
  in scope 25/25 (24/25 with one seed of four), out of scope 4/4; nothing added.
- Whole situations told in one message (« bonjour madame, je me permets de vous écrire car… »):
  21 messages (tests/understanding/long.tsv), in scope 18/19, out of scope 2/2; nothing added.
- « gratuit », « cheap », « رخيص » taken out of equipement's keywords (kept): they say a price, not a
  need (« avocat gratuit », « cheap holidays »). Four seeds on the bank's earlier phrasings: in scope
  3,452.25 → 3,454.5, out of scope 665.75 → 666.75, wrong confident answers 205.75 → 203; dev
  2 fewer in scope (now buttons), 1 more out of scope, wrong needs said 4 → 3.
- also taking out keywords with a second everyday sense, rejected: « cassé », « casse », « panne »,
  « broken » from equipement (« mon bras est cassé » was a computer desk): in scope −3.5, out of
  scope +1.25, wrong answers +3.5; with « garde », « enfants », « conseil » from droit too (« pharmacie
  de garde »): in scope −12.75. A few phrasings in the bank mend those two instead.
- offering no buttons for a message without a known word nor lexicon evidence (« Naintré » was
  offered « droit » from pieces of words alike), rejected: 5 right needs offered from pieces alone
  (« je n'ai plus un sou », « je suis dans la galère », « enpot ») would become « not understood ».
  The conversation reads such a message, when it answers « où êtes-vous ? », as an unknown place.
- « who are you » (« qui es tu », « chkoun nta », « شكون نتا ») relabelled help instead of out of
  scope, as « vous êtes qui » and « من أنت » are: four seeds, in scope 3,446.75 → 3,434.5, wrong
  confident answers 205.25 → 200.25 — rejected; the bank keeps both labels for now.
- « apprendre », « learn », « teach » out of numerique's keywords (« comment apprendre à coudre »
  was a digital workshop): four seeds, in scope −2.5, out of scope ±0, wrong answers −3; on 58 new
  French out-of-scope messages 50.5 → 50 left alone — within noise, rejected.
- a bonus of 0.2 for out of scope in the combined score: four seeds, out of scope +2.5, wrong
  confident answers −3.75, in scope −4.25; but in-scope messages told « I can't help with that »
  6 → 29 (one seed), a worse answer to a real need than buttons. Rejected.
- 60 everyday out-of-scope keywords in hors_sujet (« chien », « coiffeur », « netflix », « cadeau »,
  « حلاق »…): four seeds, in scope 3,441.75 → 3,441.25, out of scope 669.75 → 670, wrong answers
  208.25 → 206.75; outofscope split and dev unchanged. The bank's phrasings already carry them;
  not kept.
- training order drawn from each example's content instead of a shuffle of positions (kept, in
  classifier.py). Two phrasings added to the bank had changed the need said for 13 of 964 messages
  of dev and the small splits (and, as a failing floor showed, at least 3 of the test split's 136
  English and Arabic ones): with this order, none. Four seeds on the bank's earlier phrasings: in scope 3,445 →
  3,441.75, out of scope 666.75 → 669.75, wrong confident answers 204 → 208.25, all within the
  spread of one seed against another (3,436–3,450 and 194–214); dev 537 → 538 in scope, 81 → 83
  out of scope, wrong needs 6 → 2. Answers that no longer move with unrelated edits are worth more
  than a few messages either way.
- 55 more near-miss out-of-scope phrasings (« le tram passe à quelle heure », « vétérinaire de
  garde », « inscrire mon fils au judo »), rejected: four seeds, out of scope 665.75 → 669, in
  scope 3,452.25 → 3,445; wrong confident answers (a need said for an out-of-scope message or for
  another need) 205.75 → 205.75. The first 70 had taken the easy part.
- a lower ACCEPT for Arabic-script messages alone (they gather less lexicon evidence), rejected:
  on cross-validation, 0.40 instead of 0.45 answers 9 more Arabic messages rightly and 4 more
  wrongly (0.35: 15 and 13), where the messages it would answer are now offered as buttons with
  the right need among them; one tap is worth more than a wrong desk. French: 7 and 7.
- Darija's article glued on in Latin letters read off (« lcaf » is « caf », lexicon.py; kept):
  « bghit nbdl l3onwan f lcaf » was claimed by nothing, not even offered as buttons, since two
  words the bot never saw diluted the one it half knew. Only before a consonant, which no French
  word has after its first « l »; French written without its apostrophe (« lassurance »,
  « dallocation ») measured too and changed nothing. Four seeds, five folds, all 5,228 phrasings:
  in scope 3,863.75 → 3,867.25 (darija 733.5 → 735.75), out of scope 785.75 → 785.25, wrong need
  said 245 → 244.25; dev and the small splits unchanged.
- Questions about the bot itself as aliases of aide (« how does it work » was a job, « ça marche
  comment » a thank-you, « كيف نستعمل البوت » the digital desk; kept). Four seeds, five folds: in
  scope 3,867.25 → 3,872, out of scope 785.25 → 785, wrong need said 244.25 → 245.
- « work » taken out after a thing's negated verb (« my computer doesn't work » was emploi, 49;
  normalize.py; kept): four seeds, in scope 3,872 → 3,871.75, out of scope 785 → 784.75, wrong
  need said 245 → 244.75 (the bank holds few such messages); dev and the small splits unchanged.
- Words residents use that the intents lacked, found by asking the matcher about each need's
  everyday words in four languages (kept): « aux urgences » and « المستعجلات » (the emergency
  room, not « aide d'urgence »), « anpe », « vendanges », « clé usb », « sim card », « قفة »,
  « لاروطريت », « mo7ami », « daw », « bosta »… Four seeds: in scope 3,871.75 → 3,875.25, out of
  scope 784.75 → 784.75, wrong need said 244.75 → 244.25; dev one message fewer (now buttons).
  The bank holds few of these words, so cross-validation can show little either way.
- « huissier », « commissaire de justice », « bailiff » as droit's aliases instead of logement's,
  as the bank labels them (a bailiff alone is a matter for legal help; « pour le loyer » still
  makes it housing). Four seeds: in scope 3,875.25 → 3,877.25, out of scope 784.75 → 785.25,
  wrong need said 244.25 → 242; dev 537 → 538, wrong needs 2 → 1.
- keywords the bank contradicts taken out (kept): « طرد » from logement (the bank's « طرد » is a
  parcel 8 times out of 9; « يطردني », « طردني » say eviction), « colis » and « banque » from social
  (a parcel 30 times to 1, La Banque postale 10 to 1; « colis alimentaire », « banque alimentaire »
  stay its aliases). Four seeds: in scope 3,877.25 → 3,875.25, out of scope 785.25 → 784.5, wrong
  need said 242 → 242.5 — within one seed's noise, kept for what the words mean. Taking
  « dentiste » from sante too made « rembourser le dentiste » a doctor to find: not done.
- A second fresh split (tests/understanding/fresh2.tsv, 126 messages, mostly Arabic script and
  French out of scope), measured once before its misses were read: ar 60/66 in scope, fr 18/20
  out of scope, as on the test split. What its misses showed, mended in general ways, each
  against four seeds (in scope / out of scope left alone / wrong need said, of 4,384 / 844; before:
  3,875.25 / 784.5 / 242.5):
  - small talk silenced in the classifier's answer too when a need has lexicon evidence (« كيفاش
    نستعمل الشيك ديال الطاقة » was help): 3,855 / 785.25 / 241.75 — rejected, the bank's thanks
    and greetings often name a need.
  - an Arabic verb found in any person (normalize.arabic_persons; kept): the lexicon knew « نشتغل »
    (Darija's I work), not « اشتغل » (standard), « يشتغل » or « تشتغل »; the lexicon reads a word of
    four letters or more starting with a person's letter in the other persons (0.9), and the
    classifier sees it without that letter. 3,875.5 / 785.5 / 240 (Arabic 1,143.25 → 1,144.75, its
    wrong needs 53 → 51.75); fresh 88 → 89, mashriq 32 → 33, standard 24 → 25, fresh2 ar 60 → 62.
  - « conseil » out of droit's keywords (« conseils pour maigrir » was legal help; « conseil
    juridique » still is, by « juridique »): 3,874.75 / 785.5 / 240.5, within noise; kept for
    what the word means (it had been tried with « garde » and « enfants », which cost more).
  - everyday Arabic words the lexicon lacked, asked about need by need: a sick person and fever
    (« مريض », « السخانة », « الحمى », « mrid »: « بنتي عندها السخانة » was school, from « بنتي »),
    the employer (« المشغل », « صاحب العمل »: « المشغل طردني » was an eviction), the meter
    (« الكونطور » was a work contract, by typo), hunger, milk, nappies and clothes, the police,
    the neighbours, the visa, a syndic, a salary: 3,882.75 / 782.75 / 240.75, Arabic 1,144.75 →
    1,150 in scope, 153.25 → 151.75 out of scope (« القط ديالي مريض », my cat is sick, is now a
    doctor to find).
  - Darija « jddo » (grandfather) and « jmi3 » no longer read as « je ddo », « je mi3 » (normalize.py:
    a French word never starts with a doubled consonant, and digits are Arabic letters): identical.
- A third fresh split (tests/understanding/fresh3.tsv, 78 messages in Arabic script and Darija),
  measured once after the above: ar 58/63, darija 6/7, out of scope 8/8. Its misses showed the
  classifier reading « ولدي », « بنتي » (my son, my daughter) as school: the bank's Arabic phrasings
  with them were school 17 times, a doctor 3. 28 phrasings where a child needs a doctor, papers,
  health insurance, the CAF, clothes or a computer joined the bank, with words for pain and ears,
  the CAF's quarterly declaration, « سي اس اس » and « آخر الشهر »: the bank's earlier phrasings,
  four seeds, 3,882.75 → 3,885.5 / 782.75 → 782 / 240.75 → 238.75 (Arabic 1,150 → 1,151.75).
- A fourth fresh split (tests/understanding/fresh4.tsv, 54 messages, Mashriqi Arabic and French out
  of scope), measured once: ar 26/30, fr out of scope 8/10. Mended from it: « اكل » (food, in
  Mashriqi Arabic), the neighbour who bothers (« جاري عم يزعجني »), « bilan de compétences », and
  « frigo » no longer social's keyword alone (« frigo vide », « rien dans le frigo » are its aliases:
  « mon frigo fait du bruit » is an appliance). Four seeds, 5,256 phrasings: 3,910.5 → 3,911.5 /
  782 → 783 / 240 → 238.25.
Thresholds from a grid over ALPHA 0.3–0.6 × ACCEPT 0.30–0.50 × RATIO 1.0–1.5: ALPHA 0.4, ACCEPT 0.45,
RATIO 1.2. RATIO 1.0 scores a point higher in scope but answers outright between two close needs,
where buttons are safer. Run again on 4,568 phrasings (ALPHA 0.3–0.5 × ACCEPT 0.35–0.55 × RATIO
1.0–1.4): no setting is better on both in scope and out of scope; the others trade one for the
other. Last cross-validation (5,256 phrasings, seed 7): 88.8 % in scope, 92.8 % out of scope, a
wrong need said for 238 of 5,256; fr 88.1 / 92.5, en 89.1, ar 89.5, darija 88.5. These figures are
optimistic for Arabic and for a few needs: Arabic-script loanwords (« السيكو », « الريسيبيسي »…)
and everyday words (« dents », « frigo ») were added to intents/ after reading cross-validation
misses.

On tests/understanding/test.tsv, never tuned on (figures only; its misses are not read), looked
at five times in the session that built this matcher (three times before, in earlier ones),
each time after changes chosen on the cross-validation alone, and reported whichever way it went:
- before it: fr 93.1 % / 80 %, en 93.1 %, ar 92.2 %, darija 88.5 %;
- after the lexicon signals and 2,000 phrasings: fr 97.2 % / 95 %, en 97.2 %, ar 89.1 %, darija 93.4 %;
- after the lexicon tweaks and 600 more phrasings: fr 98.6 % / 90 %, en 97.2 %, ar 89.1 %, darija 95.1 %;
- after pieces across words and Maghrebi and standard Arabic: fr 98.6 % / 90 %, en 97.2 %,
  ar 93.8 %, darija 93.4 %;
- after 440 more phrasings: fr 98.6 % / 90 % (18/20), en 98.6 %, ar 92.2 % (59/64), darija
  93.4 % (all 96.5 % in scope, 95.7 % out of scope);
- twice in the next session, figures unchanged: once by mistake (the benchmark had no --help and
  ran), once for the shipped matcher, after the Arabic stopwords were folded and the letter words
  made vague (both chosen on cross-validation, dev and the product's rule that a wrong confident
  answer is worse than buttons).
- once in the session after, when all of its changes were made (the numbered bus lines, 658 more
  phrasings in Arabic, Darija, Mashriqi Arabic, phonetic French and near-miss out of scope; the
  hashed features): fr 98.6 % / 90 % (18/20), en 97.2 % (70/72; the one message lost is now offered
  as buttons), ar 92.2 % (59/64, 3 of the 5 misses offered as buttons), darija 93.4 %; a wrong need
  said outright for 5 of the 388 messages. Unchanged where it fell short.
- once more for the shipped matcher, after « gratuit » left equipement's keywords and five
  phrasings (broken limbs) joined the bank, both chosen on cross-validation: fr 98.6 % / 90 %
  (18/20), en 98.6 %, ar 93.8 % (60/64), darija 93.4 %; wrong need said for 5 of 388. Arabic then
  met its target by one message, which a change of training seed alone can move.
- twice more, figures only: two English phrasings (broken limbs, neutral on cross-validation) made
  the test floor for English fail (69/72; Arabic 59/64), which showed how a reshuffled training
  order moved answers far from a change; then for the shipped matcher, trained in a content-drawn
  order (chosen for that stability, on dev and the small splits): fr 98.6 % / 90 % (18/20), en
  97.2 % (70/72), ar 90.6 % (58/64), darija 93.4 %; wrong need said for 6 of 388. Across these
  looks Arabic went 58–60 of 64 with changes that moved nothing on cross-validation: the split is
  too small to tell them apart, and its figure is reported as it falls.
- once in the session after (2026-11-29, later), for the shipped matcher, after the Darija article,
  the questions about the bot, « doesn't work », the everyday words, the bailiff and the
  contradicted keywords (each chosen on cross-validation and dev, above): fr 98.6 % / 90 %
  (18/20), en 97.2 % (70/72), ar 90.6 % (58/64), darija 95.1 % (58/61, was 57); wrong need said
  for 6 of 388. Unchanged where it fell short.
- once in the third session of 2026-11-29, for the shipped matcher, after the four fresh splits and
  what they taught (the Arabic verb in any person, everyday Arabic words, phrasings of a child's
  needs; each chosen on cross-validation): fr 98.6 % / 90 % (18/20), en 97.2 % (70/72), ar 92.2 %
  (59/64), darija 95.1 % (58/61); wrong need said for 5 of 388. That session also listed the test
  split's messages once by mistake (a command meant to count its labels printed its texts): no
  prediction or miss was shown, and every change was chosen on the fresh splits and
  cross-validation, but the split is now less blind than it was.
French out of scope (2 of 20 claimed) and Arabic (59/64) are below their targets; with 20 and 64
messages, one message moves them 5 and 1.6 points. The test split and the bank are
written by the same hands, so even the test figures are likely optimistic for messages from
elsewhere; the cross-validation is the more cautious figure.
A fresh split (tests/understanding/fresh.tsv), written in one go once the matcher above was
built (before the letter words joined VAGUE) and measured once before reading its misses: in
scope 97.8 % (87/89), out of scope 100 % (15/15); one of the two misses was a wrong label (APL
is the CAF's). By the same hands too.
A sentence-embedding model that ships inside a PyPI package, tried and rejected: wordllama 0.4
holds its weights in the wheel (Llama 2's 32,000 token vectors, 256 dimensions, 16 MB; its own
loader still asks the network for the tokenizer, the file beside it loads without). A message is
the mean of its token vectors; a softmax regression on them, trained on the same examples, gave as
a third score. Alone, five folds: fr 62 %, en 79 %, darija 65 %, ar 32 % (Arabic is cut into
letters: two unrelated Arabic sentences are 0.73 alike). Mixed into the classifier's probability
for Latin-script messages, four seeds (in scope / out of scope left alone / wrong need said, of
4,384 / 844): without it 3,863.75 / 785.75 / 245; weight 0.15: 3,852.25 / 788.75 / 224.5; 0.25:
3,834 / 791.25 / 213. But mixing in the mere frequency of each label at 0.15 (less confidence, no
meaning) gives 3,837 / 789.75 / 222.5: most of the gain is the lower confidence, which buttons
already trade; what the vectors add is about 15 right answers of 4,384, Darija losing 8. Not worth
a 19 MB dependency that knows no Arabic. The multilingual ones we know of (sentence-transformers,
model2vec) fetch their weights at run time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.places.needs import BUS, ERASE, GREETING, HELP, OUT_OF_SCOPE, THANKS
from bot.understanding.classifier import OUT, SEED, Classifier, fingerprint, fit
from bot.understanding.features import features
from bot.understanding.intents import Intent, Phrase, load_intents, load_phrases
from bot.understanding.language import LanguageDetector
from bot.understanding.lexicon import Lexicon, Match
from bot.understanding.normalize import content, tokens

logger = logging.getLogger(__name__)

ALPHA = 0.4  # weight of the lexicon against the classifier
ACCEPT = 0.45  # combined score to answer without asking
RATIO = 1.2  # the best must lead the runner-up by this factor
CANDIDATE = 0.20  # combined score to be offered as a button when unsure
SMALL_TALK = frozenset({GREETING, THANKS, HELP, ERASE})
# Words that ask for help without saying with what: a message made only of them is never
# answered outright, whatever the classifier leans to; the likely needs are offered as buttons.
# « j'ai reçu un courrier, je comprends rien » says neither who wrote nor about what: it was La
# Poste, confidently (five-fold cross-validation: 2 of 3,854 in-scope phrasings now offered as
# buttons instead, « mon courrier n'arrive plus » among them).
VAGUE = frozenset({"aide", "aider", "dossier", "dossiers", "probleme", "problemes", "question", "questions",
                   "demande", "demandes", "renseignement", "renseignements", "info", "infos", "information",
                   "besoin", "urgent", "help", "problem", "issue", "file", "مشكل", "مشكله", "مساعده",
                   "mochkil", "mouchkil", "3awnni", "courrier", "lettre", "letter", "recu", "received", "got",
                   "رساله", "bra", "lire", "read", "comprendre", "comprend", "understand"})
# A bus named by its line number is a city bus, not the services' bus the bot knows of: « le bus
# 21 passe quand » was answered with the digital-services bus's stops (five-fold cross-validation:
# 4 of the bank's 9 numbered lines claimed so).
LINE_WORDS = frozenset({"bus", "autobus", "ligne", "line", "tram", "tramway", "tobi", "lbus", "lkar",
                        "طوبيس", "الطوبيس", "حافله", "الحافله", "باص", "الباص", "كار", "الكار", "خط"})
NUMBER_WORDS = frozenset({"n", "no", "num", "numero", "number", "رقم"})
LINE_NUMBER = re.compile(r"\d{1,3}[a-gi-z]?")  # not « 14h »: « le bus 14h » is a time
SMALL_TALK_FLOOR = 30.0  # lexicon score from which a need silences small talk


class Matcher:
    def __init__(self, intents: dict[str, Intent], phrases: Sequence[Phrase] = (), *,
                 cache: Path | None = None, seed: int = SEED) -> None:
        self.intents = intents
        self.lexicon = Lexicon(intents)
        self.classifier = _trained(training_examples(intents, phrases), self.features, cache, seed)
        self.languages = LanguageDetector((p.lang, p.text) for p in phrases)

    @property
    def vocab(self) -> dict[str, dict[str, float]]:
        return self.lexicon.vocab

    @property
    def known_words(self) -> KnownWords:
        """Every word of the intents and of the phrase bank (normalised)."""
        return KnownWords(self)

    @property
    def words(self) -> list[str]:
        return self.lexicon.words

    def label(self, intent_id: str) -> str:
        return self.lexicon.label(intent_id)

    def mentions(self, intent: str, text: str) -> bool:
        return self.lexicon.mentions(intent, text)

    def besides(self, intent: str, text: str) -> Match:
        """What the message is about once the words saying `intent` outright are taken out:
        « parler à quelqu'un pour la caf » is about the CAF besides asking for a person."""
        return self.match(self.lexicon.without(intent, text))

    def features(self, text: str, scores: dict[str, float] | None = None) -> list[str]:
        """What the classifier sees: words and pieces of words, and what the lexicon found."""
        if scores is None:
            scores = self.lexicon.scores(text)
        return features(text) + self.lexicon.signals(text, scores)

    def match(self, text: str) -> Match:
        lang = self.languages.detect(text)
        lexical = self.lexicon.scores(text)
        found = self.features(text, lexical)
        probs = self.classifier.probabilities(found)
        words = set(content(tokens(text)))
        if not lexical and not words:
            probs = {}  # "je sais pas", "c'est ça": no word to go on, whatever phrasings held them
        if any(s >= SMALL_TALK_FLOOR for i, s in lexical.items() if i not in SMALL_TALK and i != OUT_OF_SCOPE):
            lexical = {i: s for i, s in lexical.items() if i not in SMALL_TALK}
        if OUT_OF_SCOPE in lexical:
            lexical[OUT] = lexical.pop(OUT_OF_SCOPE)
        combined = {k: ALPHA * lexical.get(k, 0.0) / 100 + (1 - ALPHA) * probs.get(k, 0.0)
                    for k in set(lexical) | set(probs)}
        ranked = sorted(combined.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] < CANDIDATE:
            return Match(None, round(100 * ranked[0][1], 1) if ranked else 0.0, (), lang=lang)
        best, top = ranked[0]
        if best == BUS and numbered_line(tokens(text)):
            return Match(None, 0.0, (), out_of_scope=True, lang=lang)
        if best == OUT:  # said "I can't help with that" only when sure, and of words it knows:
            # "blablabla zorglub" resembles nothing and is "I did not understand".
            known = self.classifier.knows(*(f for f in found if f.startswith("w=")))
            return Match(None, 0.0, (), out_of_scope=top >= ACCEPT and known, lang=lang)
        ranked = [(i, s) for i, s in ranked if i != OUT]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        candidates = tuple((i, round(100 * s, 1)) for i, s in ranked[:3] if s >= CANDIDATE)
        vague = bool(words) and words <= VAGUE  # "aide dossier": which help, which file?
        if top >= ACCEPT and top >= RATIO * runner and not vague:
            return Match(best, round(100 * top, 1), candidates, lang=lang)
        return Match(None, round(100 * top, 1), candidates, lang=lang)


def numbered_line(words: Sequence[str]) -> bool:
    """« bus 21 », « ligne 2a », « le bus numéro 3 », « الطوبيس رقم 3 »."""
    for i, word in enumerate(words[:-1]):
        if word in LINE_WORDS:
            rest = [w for w in words[i + 1:i + 3] if w not in NUMBER_WORDS]
            if rest and LINE_NUMBER.fullmatch(rest[0]):
                return True
    return False


@dataclass(frozen=True)
class KnownWords:
    matcher: Matcher

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.matcher.vocab or self.matcher.classifier.knows("w=" + word))


def training_examples(intents: dict[str, Intent], phrases: Sequence[Phrase]) -> list[tuple[str, str]]:
    """(label, text) pairs: every alias, keyword and example, then the phrase bank."""
    out = []
    for intent in intents.values():
        label = OUT if intent.id == OUT_OF_SCOPE else intent.id
        out += [(label, t) for t in (*intent.alias, *intent.mots_cles, *intent.exemples)]
    out += [(OUT if p.label == OUT_OF_SCOPE else p.label, p.text) for p in phrases]
    return out


def load_matcher(folder: Path, *, cache: Path | None = None) -> Matcher:
    """The matcher of an intents folder (raises IntentsError, with lines, on mistakes)."""
    intents, _ = load_intents(folder)
    phrases, _ = load_phrases(folder)
    return Matcher(intents, phrases, cache=cache)


def _trained(examples: list[tuple[str, str]], featurize: Callable[[str], list[str]],
             cache: Path | None, seed: int) -> Classifier:
    """Trained weights from the cache when the examples and the code are unchanged, else trained
    and kept. A cached start never computes the examples' features (≈ 25 MB for a moment)."""
    name = fingerprint(examples) + ("" if seed == SEED else f"-s{seed}")
    path = cache / f"intents-{name}.npz" if cache is not None else None
    if path is not None and path.is_file():
        try:
            return Classifier.load(path)
        except (OSError, ValueError, KeyError):
            logger.warning("intent classifier cache %s unreadable: training again", path.name)
    model = fit(((label, featurize(text)) for label, text in examples), seed)
    if path is not None:
        try:
            model.save(path)
        except OSError as e:
            logger.info("intent classifier cache not written (%s): next start trains again", e)
    return Classifier(model)
