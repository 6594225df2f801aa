/**
 * The language of a post, among those Firstreply reads: English first, then Spanish, French,
 * German, Portuguese, Italian and Dutch. Evidence is function words and frequent care words
 * (a word shared by several languages counts for each in part) plus letters only some languages
 * use (ñ ¿ ¡, ß, ã õ…). Links, @handles, #hashtags, emoji, numbers and brand-like capitalised
 * words are left out. When the evidence is thin, split, or points to another language or script,
 * the answer is 'unknown' rather than a guess.
 */

type Lang = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'nl' | 'other';
const LANGS: readonly Lang[] = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'other'];

const WORDS: Record<Lang, string> = {
  en: `the a an and or but if of to in on at by for with from about as into over after before up down out off again still just only also
    very so too not no never nothing is are was were be been being am do does did done doing have has had having will would shall should
    can could may might must i me my mine myself we us our you your yours he him his she her it its they them their this that these those
    there here what which who whom whose when where why how all any some every each both few more most other such than then now because
    while until against between through during without within already yet ever even much many lot lots thanks thank thx tysm please pls
    plz help hi hello hey guys lol omg wtf smh tbh idk btw yes yeah yep nope bag bags luggage lost waiting wait waited flight flights
    delayed delay cancelled canceled refund order ordered package parcel delivery delivered arrived received customer phone account money
    charged twice time times day days hours hour week weeks today yesterday tomorrow get got getting going gone went come came make made
    know think want need needs said say tell told call called email emailed reply response answer really good great bad worst best love
    hate amazing awful terrible can't don't won't isn't wasn't doesn't didn't haven't hasn't aren't couldn't wouldn't shouldn't i'm i've
    i'd i'll it's that's you're we're they're what's there's let's working work works broken fixed fix issue problem problems sorted quick
    fast slow new old everyone anyone someone nobody seat gate boarding crew staff agent hold line bill billing charge charges fee fees
    subscription plan upgrade signal internet speed network store shop bought buy purchase item items return returned exchange
    sucks awesome cool nice sure definitely absolutely literally seriously actually probably maybe since ago
    another same last first next still service support`,
  es: `de la que el en y a los se del las un por con no una su para es al lo como más mas pero sus le ya o este sí porque esta entre
    cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto
    mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo
    nosotros mi mis tú te ti tu tus ellas vosotros os mío tuyo suyo nuestro nuestra vuestro esos esas estoy estás está estamos están
    esté he has ha hemos han era fue fueron ser soy eres somos son tengo tiene tienen tenemos hola gracias muchas favor ayuda pedido
    vuelo maleta equipaje reembolso todavía aún sigo esperando nunca llegó llega problema servicio cliente atención días horas hoy
    ayer mañana dinero cuenta tarjeta cobro cobraron cómo cuándo dónde vale bueno malo peor mejor increíble saludos ustedes usted nadie
    siempre hace hacer puedo pueden quiero necesito nadie respuesta responden compré envío`,
  fr: `le la les de des du un une et est en que qui dans ce il elle ne pas pour sur au aux avec se son sa ses ou mais où donc ni car je
    tu nous vous ils elles on me te moi toi lui leur y à été être avoir ai as avons avez ont suis es sommes êtes sont était c'est cette
    ces cet mon ma mes ton ta tes notre nos votre vos très plus toujours jamais rien encore merci bonjour bonsoir svp s'il plaît aide
    commande vol valise bagage bagages remboursement attends attente depuis jours heures aujourd'hui hier demain argent compte carte
    client problème pourquoi comment quand quoi quel quelle ça bien mal pire meilleur génial nul déjà aussi tout tous toute fait faire
    personne réponse j'ai n'est qu'il j'attends suis n'ai peux veux dois chez vraiment`,
  de: `der die das und ist nicht ich du er sie es wir ihr mit von zu den dem des ein eine einen einem einer auf für im sind war waren
    bin bist hat haben habe hatte wird werden kann können muss noch schon nur auch aber oder wenn weil dass als wie was wer wo warum
    wann mein meine meinen meinem mir mich dich dir uns euch ihnen ihre sein seine kein keine keinen nichts immer nie jetzt heute gestern
    morgen danke bitte hallo hilfe bestellung flug koffer gepäck erstattung warte warten seit tagen stunden geld konto karte kundenservice
    leider sehr gut schlecht schlimmste beste wirklich endlich ganz mehr doch mal hier da dann denn ob bis nach bei aus um über unter
    gegen ohne durch vielen dank wieder bekommen geht gibt habt schon`,
  pt: `de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito
    há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você vocês
    tinha foram essa num nem suas meu às minha têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este dele
    tu te meus minhas teu tua nosso nossa obrigado obrigada olá oi ajuda pedido voo mala bagagem reembolso ainda esperando nunca chegou
    problema serviço atendimento cliente dias horas hoje ontem amanhã dinheiro conta cartão cobrança pior melhor porque cadê aqui agora
    sempre nada ninguém vou vai estou fiz pra pro vcs vc resposta`,
  it: `di e il la che è per un una in non a da del della con le i gli si sono ho ha abbiamo hanno mi ti ci vi lo al alla dei delle nel
    nella sul sulla come ma anche più se perché quando dove chi cosa questo questa quello quella mio mia miei tuo tua suo sua nostro
    vostro loro io tu lui lei noi voi essere stato stata era sei siamo siete fatto fare ancora sempre mai niente nulla già grazie ciao
    buongiorno aiuto ordine volo valigia bagaglio rimborso aspetto attesa giorni ore oggi ieri domani soldi conto carta servizio clienti
    problema peggiore migliore molto tanto poco tutto tutti qualcuno nessuno sto sta stanno risposta ancora perchè un'altra`,
  nl: `de het een en van in is dat op te zijn met voor niet die aan er maar om ook als bij of dan nog wel naar uit door over ze zich heb
    hebben heeft had was waren ben bent wordt worden kan kunnen moet moeten zou zal wil ik je jij u hij zij wij we jullie mijn jouw uw
    haar ons onze hun me mij hem wat wie waar waarom wanneer hoe geen niets nooit altijd nu vandaag gisteren morgen bedankt dank dankjewel
    dankuwel hallo hoi hulp bestelling vlucht koffer bagage terugbetaling wacht wachten sinds dagen uur geld rekening kaart
    klantenservice probleem slecht slechtste beste erg heel echt alweer weer steeds helaas graag antwoord`,
  // Function words of other languages written in Latin letters: evidence for 'unknown'.
  other: `och jag är inte att som för på med har jeg ikke og af til ingen ei hvad nie jest się że jak ale czy mnie już ve bir bu için
    çok değil ben sen yang dan tidak saya ini itu dengan untuk ada aku kamu sudah belum tolong kasih gak nggak ang ng mga hindi ako po
    naman lang amb perquè els però molt aquest gràcies și nu este sunt pentru cu és nem hogy van jsem není minä että eikä olen`,
};

/** Word → languages it belongs to. */
const LEXICON = new Map<string, Lang[]>();
for (const lang of LANGS) {
  for (const w of WORDS[lang].split(/\s+/)) {
    const word = w.trim().replace(/[!?]+$/, '');
    if (!word) continue;
    const list = LEXICON.get(word) ?? [];
    if (!list.includes(lang)) list.push(lang);
    LEXICON.set(word, list);
  }
}

/** Letters only some of the languages use, and how much each says. */
const LETTERS: Record<string, Partial<Record<Lang, number>>> = {
  ñ: { es: 1.5 }, '¿': { es: 2 }, '¡': { es: 2 },
  ã: { pt: 1.5 }, õ: { pt: 1.5 }, ç: { pt: 0.5, fr: 0.5 },
  ß: { de: 2 }, ä: { de: 0.8 }, ö: { de: 0.8 }, ü: { de: 0.7 },
  è: { fr: 0.3, it: 0.3 }, ê: { fr: 0.3, pt: 0.3 }, ë: { fr: 0.2, nl: 0.3 }, î: { fr: 0.5 }, ï: { fr: 0.3, nl: 0.2 }, û: { fr: 0.5 },
  ù: { fr: 0.3, it: 0.2 }, œ: { fr: 1 }, â: { fr: 0.3, pt: 0.3 }, ô: { fr: 0.3, pt: 0.3 },
  à: { fr: 0.2, it: 0.2, pt: 0.2 }, ì: { it: 0.6 }, ò: { it: 0.6 },
  á: { es: 0.3, pt: 0.3 }, í: { es: 0.3, pt: 0.3 }, ó: { es: 0.3, pt: 0.3 }, ú: { es: 0.3, pt: 0.3 }, é: { es: 0.15, fr: 0.2, pt: 0.15, it: 0.1 },
  å: { other: 1.5 }, ø: { other: 1.5 }, æ: { other: 1.5 }, ł: { other: 1.5 }, ś: { other: 1.5 }, ż: { other: 1.5 }, ź: { other: 1.5 },
  ć: { other: 1.5 }, ń: { other: 1.5 }, ę: { other: 1.5 }, ą: { other: 1.5 }, č: { other: 1.5 }, ř: { other: 1.5 }, š: { other: 1.5 },
  ž: { other: 1.5 }, ě: { other: 1.5 }, ů: { other: 1.5 }, ğ: { other: 1.5 }, ş: { other: 1.5 }, ı: { other: 1.5 }, ő: { other: 1.5 },
  ű: { other: 1.5 }, ă: { other: 1.5 }, ș: { other: 1.5 }, ț: { other: 1.5 }, þ: { other: 1.5 }, ð: { other: 1.5 },
};
/** Each letter counts at most this many times: one borrowed "café" does not make a post French. */
const LETTER_CAP = 3;

const STRIP = /(?:\bhttps?:\/\/|\bwww\.)\S+|(?<![\p{L}\p{N}@.\/-])(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*|(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+|[@#][\p{L}\p{N}_.]+/giu;
const APOSTROPHES = /[’‘ʼ`´]/g;
/** Words with their apostrophes ("don't", "l'avion") and the punctuation that ends sentences. */
const TOKENS = /[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|[.!?¿¡\n]/gu;
const LETTER = /\p{L}/gu;
const LATIN = /\p{Script=Latin}/u;
const INNER_CAPITAL = /[\p{Ll}\p{M}]\p{Lu}/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}']/u;
/** Capitalised inside a sentence and still a function word: English "I", German "Sie". */
const CAPITAL_FUNCTION_WORDS = new Set(['I', "I'm", "I've", "I'd", "I'll", 'Sie', 'Ihnen', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Ihrer', 'Usted', 'Ustedes']);
const FR_ELISION = new Set(['l', 'd', 'j', 'qu', 'c', 'n', 's', 'm', 't', 'jusqu', 'lorsqu', 'puisqu']);
const IT_ELISION = new Set(['l', 'dell', 'all', 'nell', 'dall', 'sull', 'un', 'c', 'quest', 'quell', 'po', 'dev', 'com']);

/** Less than this much evidence is too little to name a language. */
const MIN_EVIDENCE = 1;
/** The best language must lead the next by this factor… */
const LEAD = 1.5;
/** …and, in longer posts, explain this share of the words. */
const MIN_COVERAGE = 0.2;

/** 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'nl' | 'unknown'. */
export function detectLanguage(text: string): string {
  if (typeof text !== 'string') return 'unknown';
  const cleaned = text.replace(STRIP, ' ').replace(APOSTROPHES, "'");

  // Other scripts (Japanese, Arabic, Cyrillic…): not ours to name.
  let letters = 0;
  let latin = 0;
  LETTER.lastIndex = 0;
  for (let m = LETTER.exec(cleaned); m; m = LETTER.exec(cleaned)) {
    letters++;
    if (LATIN.test(m[0])) latin++;
  }
  if (letters === 0 || latin < letters * 0.7) return 'unknown';

  const score: Record<Lang, number> = { en: 0, es: 0, fr: 0, de: 0, pt: 0, it: 0, nl: 0, other: 0 };
  const explained: Record<Lang, number> = { en: 0, es: 0, fr: 0, de: 0, pt: 0, it: 0, nl: 0, other: 0 };
  let words = 0;
  let sentenceStart = true;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(cleaned); m; m = TOKENS.exec(cleaned)) {
    const raw = m[0];
    if (raw.length === 1 && '.!?¿¡\n'.includes(raw)) {
      sentenceStart = true;
      continue;
    }
    const first = sentenceStart;
    sentenceStart = false;
    // Brand-like words: "SkyJet", "iPhone", or capitalised inside a sentence ("flew La Compagnie").
    if (INNER_CAPITAL.test(raw)) continue;
    if (!first && CAPITALISED.test(raw) && !CAPITAL_FUNCTION_WORDS.has(raw) && raw !== raw.toUpperCase()) continue;
    words++;
    const word = raw.toLowerCase();
    const hit = lookup(word);
    for (const [lang, weight] of hit) {
      score[lang] += weight;
      explained[lang]++;
    }
  }
  addLetters(cleaned.toLowerCase(), score);

  let best: Lang = 'en';
  let second = 0;
  for (const lang of LANGS) if (score[lang] > score[best]) best = lang;
  for (const lang of LANGS) if (lang !== best) second = Math.max(second, score[lang]);

  if (best === 'other') return 'unknown';
  if (score[best] < MIN_EVIDENCE) return 'unknown';
  if (score[best] < second * LEAD) return 'unknown';
  if (words >= 6 && explained[best] / words < MIN_COVERAGE) return 'unknown';
  return best;
}

/** The languages a word is evidence for, each with its share of one unit. */
function lookup(word: string): Array<[Lang, number]> {
  const direct = LEXICON.get(word);
  if (direct) return direct.map((l) => [l, 1 / direct.length]);
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) {
    const head = word.slice(0, apostrophe);
    const tail = word.slice(apostrophe + 1);
    if (tail === 's' || tail === 't' || tail === 're' || tail === 've' || tail === 'll' || tail === 'd' || tail === 'm') return [['en', 1]];
    const fr = FR_ELISION.has(head);
    const it = IT_ELISION.has(head);
    if (fr && it) return [['fr', 0.5], ['it', 0.5]];
    if (fr) return [['fr', 1]];
    if (it) return [['it', 1]];
  }
  return [];
}

function addLetters(lower: string, score: Record<Lang, number>): void {
  const counts = new Map<string, number>();
  for (const ch of lower) {
    const evidence = LETTERS[ch];
    if (!evidence) continue;
    const n = (counts.get(ch) ?? 0) + 1;
    counts.set(ch, n);
    if (n > LETTER_CAP) continue;
    for (const lang of LANGS) score[lang] += evidence[lang] ?? 0;
  }
  // Dutch "ij" (mijn, zijn, tijd), rare in the others.
  const ij = lower.match(/\p{L}ij|ij\p{L}/gu)?.length ?? 0;
  score.nl += Math.min(LETTER_CAP, ij) * 0.3;
}
