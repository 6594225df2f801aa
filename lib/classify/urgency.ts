/**
 * How soon a post needs an answer, with the reasons shown to agents: 0 none, 1 low, 2 high,
 * 3 critical. Critical means safety, legal, security or outage words, discrimination, a complaint
 * from a very large account, or a complaint many others on the page echo.
 */
import type { Intent } from './intents';

export interface UrgencyInput {
  score: number;
  intents: Intent[];
  text: string;
  /** followers of the author, when the page shows it */
  authorFollowers?: number;
  /** other posts on the page raising the same issue */
  echoes?: number;
}

export type Urgency = 0 | 1 | 2 | 3;

/** An account this big raises a post that needs an answer to high. */
const BIG_ACCOUNT = 10_000;
/** A complaint from an account this big is critical. */
const VERY_LARGE_ACCOUNT = 100_000;
/** This many others raising the same issue makes a post high… */
const SEVERAL_ECHOES = 2;
/** …and a complaint critical. */
const MANY_ECHOES = 5;
const STRONG_NEGATIVE = -0.6;
const MILD_NEGATIVE = -0.2;

const APOSTROPHES = /[’‘ʼ`´]/g;
const URL_RE = /(?:\bhttps?:\/\/|\bwww\.)\S+/gi;

/** Critical words by the reason agents see. Each pattern is bounded and compiled once. */
const CRITICAL: Array<{ reason: string; re: RegExp; neg: boolean }> = [
  {
    reason: 'safety',
    neg: true,
    re: /\b(?:injur(?:ed|y|ies)|got hurt|was hurt|were hurt|unsafe|dangerous|danger|hazard|smoke|smoking cabin|caught fire|fire (?:alarm|hazard|risk|broke out|in the|on board|onboard|exit)|(?:engine|plane|aircraft|phone|battery|charger|car|building|kitchen|oven|device|laptop|cabin|store|it)(?:'s| is| was| were| went| set)? on fire|burst into flames|flames|explod(?:ed|ing)|emergency(?! (?:exit )?(?:row|seat|fund|contact))|ambulance|paramedics?|evacuat(?:ed|ion|e)|stranded|stuck on (?:the )?(?:tarmac|plane|runway|train|aircraft)|stuck (?:in|at) (?:the )?(?:airport|lift|elevator)|allergic reaction|anaphyla\w+|food poisoning|passed out|fainted|collapsed|heart attack|seizure|bleeding|choking|carbon monoxide|gas leak|electric shock|turbulence injur\w*|unaccompanied minor)\b/g,
  },
  {
    reason: 'legal threat',
    neg: true,
    re: /\b(?:lawyers?|attorneys?|solicitors?|lawsuit|law suit|legal action|class action|small claims|(?:take|taking|took|see) (?:you|u|them|acme|this) to court|in court|court case|suing|sued|ombudsman|trading standards|(?:will|gonna|going to|i'll|we'll|i will|we will|to|should|could|can i|planning to|might) sue|sue (?:you|u|ya|them|your|the company|for))\b|\breport(?:ing|ed)? (?:you|this|them) to (?:the )?(?:ftc|fca|cfpb|bbb|ombudsman|regulator|dot|caa|ofcom|ofgem|police|authorities|trading standards)\b/g,
  },
  {
    reason: 'security or fraud',
    neg: true,
    re: /\b(?:fraud|fraudulent|scam|scammed|scammers?|hacked|hacker|hackers|stolen|identity theft|phishing|data breach|security breach|breach of my data|leaked (?:my )?(?:data|details|info|information|password)|unauthori[sz]ed (?:charge|charges|transaction|transactions|payment|payments|access|login|purchase|debit|withdrawal)|compromised|someone (?:logged|accessed|used my))\b/g,
  },
  {
    reason: 'outage',
    neg: true,
    re: /\b(?:outage|outages|blackout|(?:is|are|'s|s|went|goes|go|been|keeps going|keep going) down\b(?! (?:(?:to|by|the|there|here|from|stairs|under|a|an|my|in|at)\b|\d))|down (?:again|for everyone|everywhere|nationwide|for hours|all day|for me and)|not working for (?:anyone|everyone|anybody)|(?:anyone|anybody) else (?:having|getting|experiencing|seeing|unable|can'?t|not able|with)|is it just me|no (?:signal|service|internet|connection) (?:all day|for hours|since|again|anywhere)|service disruption|systems? (?:is |are )?down)\b/g,
  },
  {
    reason: 'discrimination',
    neg: true,
    re: /\b(?:discriminat\w+|racis[mt]|racial(?:ly)? profil\w+|sexis[mt]|homophobi[ac]|transphobi[ac]|ableis[mt]|xenophobi[ac]|harass(?:ed|ment|ing)|assault(?:ed)?|refused (?:service|to serve) because)\b/g,
  },
];

const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'without', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'cant', 'hasnt', 'havent', 'neither', 'nor', 'zero']);
const CLAUSE_END = /[.!?;,:\n]|\bbut\b/g;

function negated(t: string, index: number): boolean {
  let before = t.slice(Math.max(0, index - 40), index);
  CLAUSE_END.lastIndex = 0;
  let cut = -1;
  for (let m = CLAUSE_END.exec(before); m; m = CLAUSE_END.exec(before)) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  const words = (before.match(/[a-z']+/g) ?? []).slice(-3);
  return words.some((w) => NEGATORS.has(w.replace(/'/g, '')) || w.endsWith("n't"));
}

/** "I spoke to Sue at the desk": a name, not a threat. */
function isName(text: string, at: number, match: string): boolean {
  const i = match.search(/\bsue\b/);
  return i >= 0 && text.slice(at + i, at + i + 3) === 'Sue';
}

function criticalReasons(text: string): string[] {
  const t = text.replace(URL_RE, (u) => ' '.repeat(u.length)).replace(APOSTROPHES, "'").toLowerCase();
  const reasons: string[] = [];
  for (const { reason, re, neg } of CRITICAL) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      if (reason === 'legal threat' && isName(text, m.index, m[0])) continue;
      if (!neg || !negated(t, m.index)) {
        reasons.push(reason);
        break;
      }
    }
  }
  return reasons;
}

/** "120k", "1.5M", "9,800". */
function compact(n: number): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1_000) return `${trim(n / 1000)}k`;
  return String(n);
}
const trim = (x: number) => (Math.round(x * 10) / 10).toString();

/** How urgent a post is, and why, in words an agent reads at a glance. */
export function urgencyOf(input: UrgencyInput): { level: Urgency; reasons: string[] } {
  const intents = new Set(input.intents);
  const score = Number.isFinite(input.score) ? input.score : 0;
  const followers = input.authorFollowers !== undefined && Number.isFinite(input.authorFollowers) ? Math.max(0, input.authorFollowers) : 0;
  const echoes = input.echoes !== undefined && Number.isFinite(input.echoes) ? Math.max(0, Math.floor(input.echoes)) : 0;
  const complaint = intents.has('complaint');
  const praiseOnly = intents.has('praise') && !complaint && !intents.has('churn_risk') && score > 0.3;

  const reasons: string[] = [];
  let level = 0;
  const raise = (to: number, reason: string) => {
    level = Math.max(level, to);
    if (!reasons.includes(reason)) reasons.push(reason);
  };

  // A crew praised for handling an emergency is worth seeing, not an incident to answer first.
  for (const reason of criticalReasons(typeof input.text === 'string' ? input.text : '')) raise(praiseOnly ? 2 : 3, reason);

  if (complaint) raise(2, 'complaint');
  if (intents.has('churn_risk')) raise(2, 'churn risk');
  if (score <= STRONG_NEGATIVE) raise(2, 'strong negativity');
  else if (score <= MILD_NEGATIVE) raise(1, 'negative tone');
  if (intents.has('question')) raise(1, 'question');
  if (intents.has('private_data')) raise(1, 'private data in public');
  if (intents.has('product_feedback') && !praiseOnly) raise(1, 'product issue');
  if (intents.has('purchase_interest')) raise(1, 'purchase interest');

  const needsAnswer = level >= 1;
  if (followers >= BIG_ACCOUNT && needsAnswer) {
    const reason = `large audience (${compact(followers)} followers)`;
    raise(complaint && followers >= VERY_LARGE_ACCOUNT ? 3 : 2, reason);
  }
  if (echoes >= 1 && needsAnswer) {
    const reason = echoes === 1 ? '1 other reports this' : `${echoes} others report this`;
    if (complaint && echoes >= MANY_ECHOES) raise(3, reason);
    else if (echoes >= SEVERAL_ECHOES) raise(2, reason);
    else reasons.push(reason);
  }

  // Most serious first: the reasons that set the level lead.
  return { level: level as Urgency, reasons: order(reasons) };
}

const RANK = ['safety', 'security or fraud', 'outage', 'legal threat', 'discrimination'];
function order(reasons: string[]): string[] {
  const rank = (r: string) => {
    const i = RANK.indexOf(r);
    if (i >= 0) return i;
    if (r.startsWith('large audience') || r.includes('report')) return 10;
    return 20;
  };
  return reasons.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
}
