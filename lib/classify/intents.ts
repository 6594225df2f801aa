/**
 * What a post wants from the brand, as several labels at once: a complaint, a question, praise,
 * interest in buying, feedback on the product, a risk of leaving, private data shown in public.
 * Rules over the post's words and the sentiment model's score; every pattern is compiled once,
 * bounded, and linear in the length of the post.
 */
import { findPrivateData } from './pii';

export type Intent = 'complaint' | 'question' | 'praise' | 'purchase_interest' | 'product_feedback' | 'churn_risk' | 'private_data';

export interface IntentInput {
  text: string;
  /** sentiment score in [-1, 1] from the model */
  score: number;
  /** brand names the team marks as competitors, to spot "switching to <competitor>" */
  competitors?: string[];
}

/** Below this score, a weak complaint cue ("refund", "still waiting") makes a complaint. */
const NEGATIVE = -0.2;
/** Heartfelt thanks for a fix counts as praise unless the model reads the post as clearly negative. */
const GRATITUDE_FLOOR = -0.6;

// ---------------------------------------------------------------------------------------------
// Normalising: lower case, straight apostrophes, no links, squashed elongation.

const URL_RE = /(?:\bhttps?:\/\/|\bwww\.)\S+|(?<![\w@.\/-])(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*/giu;
const APOSTROPHES = /[’‘ʼ`´]/g;
const TRIPLE = /([a-z])\1\1/;
const WORDS = /[a-z]+/g;
const RUN_OF_3 = /([a-z])\1{2,}/g;
/** Words that keep a double letter when elongated: "stilllll" is "still", "sooo" is "so". */
const DOUBLE_LETTER_WORDS = new Set([
  'still', 'good', 'need', 'needed', 'feel', 'all', 'will', 'call', 'called', 'bill', 'billed', 'sorry', 'too', 'soon', 'cool', 'book',
  'booked', 'booking', 'pass', 'miss', 'missed', 'missing', 'off', 'stuff', 'happy', 'apple', 'access', 'address', 'cancelled', 'cancelling',
  'really', 'well', 'terrible', 'horrible', 'free', 'seen', 'been', 'keep', 'keeps', 'week', 'weeks', 'hello', 'app', 'apps', 'support',
  'issue', 'issues', 'error', 'better', 'little', 'button', 'settings', 'shopping', 'stopped', 'shipped', 'shipping', 'staff', 'food', 'room',
  'door', 'appalling', 'disappointed', 'disappointing', 'annoying', 'annoyed', 'unacceptable', 'account',
  'ridiculous', 'see', 'fee', 'fees', 'cheers', 'yell', 'kill', 'hell', 'smell', 'sell', 'full', 'pull', 'add', 'odd', 'jammed',
  'programme', 'recommend', 'occurred', 'worried', 'hurry', 'sweet', 'speed', 'happened', 'less',
]);

function squash(word: string): string {
  if (!TRIPLE.test(word)) return word;
  const two = word.replace(RUN_OF_3, '$1$1');
  if (DOUBLE_LETTER_WORDS.has(two)) return two;
  return word.replace(RUN_OF_3, '$1');
}

function normalize(text: string): string {
  let t = text.replace(URL_RE, ' ').replace(APOSTROPHES, "'").toLowerCase();
  if (TRIPLE.test(t)) t = t.replace(WORDS, squash);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Negation: a cue is void when "not", "no", "never", "n't"… comes within three words before it,
// in the same clause ("not cancelling", "no complaints", "never had a problem").

const NEGATORS = new Set([
  'not', 'no', 'never', 'nobody', 'noone', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot', 'zero', 'aint',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'cant', 'couldnt', 'shouldnt', 'wouldnt', 'havent', 'hasnt',
  'hadnt', 'nt',
]);
const CLAUSE_END = /[.!?;,:\n()]|\bbut\b|\bthough\b|\bhowever\b/g;
const WINDOW_WORDS = /[a-z']+/g;
/** Not negation: "not only…", "no doubt", "never been so…", "can't wait", "can't thank you enough". */
const NOT_NEGATION =
  /\b(?:not only|not just|no doubt|no wonder|no matter|never been (?:so|more|this)|never (?:seen|felt|had) (?:such|so|a worse|worse)|can'?t wait|cannot wait|can'?t (?:thank|recommend|praise)|cannot (?:thank|recommend|praise)|couldn'?t be (?:happier|more)|can'?t believe|cannot believe|couldn'?t believe)\b/;

function negated(t: string, index: number): boolean {
  const from = Math.max(0, index - 48);
  let before = t.slice(from, index);
  CLAUSE_END.lastIndex = 0;
  let cut = -1;
  for (let m = CLAUSE_END.exec(before); m; m = CLAUSE_END.exec(before)) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  const words = before.match(WINDOW_WORDS) ?? [];
  const last = words.slice(-3);
  if (!last.some((w) => NEGATORS.has(w.replace(/'/g, '')) || w.endsWith("n't"))) return false;
  return !NOT_NEGATION.test(`${last.join(' ')} ${t.slice(index, index + 24)}`);
}

/** A cue with the negation it can carry: `neg: false` for cues that hold their own ("not working"). */
interface Cue {
  re: RegExp;
  neg: boolean;
}
const cue = (re: RegExp, neg = true): Cue => ({ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), neg });

/** True when a cue occurs in the text other than negated. */
function any(t: string, cues: readonly Cue[]): boolean {
  for (const c of cues) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(t); m; m = c.re.exec(t)) {
      if (!c.neg || !negated(t, m.index)) return true;
      if (m[0].length === 0) c.re.lastIndex++;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Sarcasm: praise words aimed at a failure. It makes a complaint and is never praise.

const SARCASM: Cue[] = [
  cue(/\b(?:thanks?|thank you|cheers)(?: a lot| so much| again)? for nothing\b/, false),
  cue(/\b(?:thanks?|thank you|cheers)(?: a lot| so much)? for (?:the |another |yet another )?(?:delay|delays|cancell?ation|outage|crash|lost bag|wait|nothing)\b/, false),
  cue(/\b(?:thanks?|thank you)(?: a lot| so much)? for (?:ruining|losing|cancell?ing|delaying|wasting|ignoring|breaking|overcharging|making me wait)\b/, false),
  cue(
    /\b(?:oh )?(?:great|fantastic|wonderful|brilliant|perfect|lovely|awesome|nice|love it|just great|super)[,!. ]+(?:another|yet another|more|again)\b[^.!?]{0,25}?\b(?:delay|delayed|cancel\w*|outage|crash\w*|bug|fee|fees|charge\w*|wait\w*|hours?|problem|issue|error|lost|strike|broken|down)/,
    false,
  ),
  cue(
    /\b(?:oh )?(?:great|fantastic|wonderful|brilliant|perfect|lovely|awesome|just great)[,!.]+ (?:my |the |our )?(?:\w+ )?(?:is |was |got |has been )?(?:delayed|cancell?ed|lost|down|broken|crashed) again\b/,
    false,
  ),
  cue(/\bjust what i (?:needed|wanted)\b/, false),
  cue(/\b(?:love|loving|lovin|enjoy|enjoying) (?:how|that|it when|being|waiting|sitting|spending)\b[^.!?]{0,40}?\b(?:cancel|delay|lost|lose|broke|crash|charg|wait|never|hold|ignor|stuck|late)/, false),
  cue(/\byeah,? right\b|(?:^|\s)\/s\b/, false),
  cue(/\b(?:nice|great|good|well done|brilliant|stellar|top)(?: job| work| one)?,? (?:on |at )?(?:losing|cancell?ing|delaying|breaking|ruining|ignoring|overcharging)\b/, false),
];

// ---------------------------------------------------------------------------------------------
// Complaint.

const STRONG_COMPLAINT: Cue[] = [
  cue(
    /\b(?:worst|terrible|awful|horrible|horrendous|appalling|atrocious|abysmal|pathetic|disgraceful|dreadful|shocking|lousy|crap|crappy|shitty|rubbish|garbage|trash) (?:customer )?(?:service|experience|support|airline|company|bank|app|provider|carrier|network|flight|staff|care|communication)\b/,
  ),
  cue(/\bworst\b[^.!?]{0,30}?\bever\b/),
  cue(/#\w*(?:fail|sucks|worst|shame|disappointed|boycott|ripoff|scam|never\w*again)\w*/, false),
  cue(/\b(?:charged|billed) (?:me )?(?:twice|double|two times|three times|3 times)\b|\bdouble[- ]?(?:charged|billed)\b|\bovercharged\b/),
  cue(/\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|tenth|umpteenth) time (?:i|i'?ve|i have|we|we'?ve|asking|contacting|calling|messaging|writing|i'?m)\b/),
  cue(/\b(?:unacceptable|disgusting|ridiculous|outrageous|shambles|fed up|sick and tired)\b/),
  cue(/\b(?:absolute|complete|total|such a|what a) (?:joke|disgrace|shambles|nightmare|mess|farce)\b/),
  cue(/\b(?:never|not) (?:once )?(?:had|got|received|gotten) (?:a |any )?(?:reply|response|answer|call back|callback)\b/, false),
  cue(/\b(?:do not|don'?t|never|avoid) (?:ever )?(?:fly|flying|buy|buying|use|using|book|booking|bank|banking|shop|shopping|order|ordering) (?:with|from|at)\b/, false),
  cue(/\b(?:would not|wouldn'?t|do not|don'?t|cannot|can'?t|could not|couldn'?t|never|will not|won'?t) recommend\b(?![^.!?]{0,20}\benough\b)/, false),
  cue(/\bis this a joke\b/),
];

const WEAK_COMPLAINT: Cue[] = [
  cue(/\bstill (?:waiting|no\b|nothing|not\b|haven'?t|hasn'?t|can'?t|doesn'?t|broken|down|missing)/, false),
  cue(/\b(?:never|still (?:has )?not|hasn'?t|has not|have not|haven'?t|didn'?t|did not|not) (?:yet )?(?:arrived?|been delivered|delivered|received|come|shown up|turned up|refunded)\b/, false),
  cue(/\b(?:not|isn'?t|is not|aren'?t|wasn'?t|stopped|doesn'?t|does not|don'?t|didn'?t|won'?t|will not|can'?t|cannot) (?:working|work|load|loading|open|connect|respond|responding|help|helping)\b/, false),
  cue(/\brefunds?\b|\bmoney back\b|\bcompensation\b|\bchargeback\b/),
  cue(/\b(?:cancell?ed|delayed|overbooked|diverted) (?:my |our |the )?(?:flight|train|order|delivery|booking|trip)\b|\b(?:flight|train|order|delivery|booking)s? (?:was |is |got |has been |been )?(?:cancell?ed|delayed)\b/),
  cue(/\b(?:lost|missing|damaged|broken|stolen) (?:my |our |the )?(?:bag|bags|luggage|suitcase|baggage|order|package|parcel|item|items)\b|\b(?:bag|bags|luggage|suitcase|baggage|package|parcel|order) (?:is |was |are |were |got |has been )?(?:lost|missing|damaged|gone|stolen)\b/),
  cue(/\b(?:worst|rude|rudest|useless|pathetic|terrible|awful|horrible|appalling|incompetent|unprofessional|unhelpful|disappointed|disappointing|frustrated|frustrating|annoyed|annoying|angry|furious|fuming|livid|disgusted|nightmare|ripoff|rip-off|scam|hate|sucks|ignored|ignoring)\b/),
  cue(/\bno (?:reply|response|answer|one (?:has )?(?:replied|answered|helped|called)|call ?back|updates?)\b|\b(?:nobody|no one) (?:replies|answers|responds|helps|cares|called)\b/, false),
  cue(/\b(?:broken|broke|faulty|defective|wrong (?:item|order|size|charge|amount))\b/),
  cue(/\b(?:problem|problems|issue|issues|complaint|complain|complaining|trouble)\b/),
  cue(/\b(?:on hold|waited|waiting|queued?) (?:for )?(?:over |almost |nearly )?(?:\d+|an|two|three|four|five|six) (?:hours?|hrs?|days|weeks|minutes|mins)\b/),
  cue(/\b(?:waste of|sick of|tired of|fed up with|hidden (?:fees|charges)|(?:poor|bad|slow) (?:service|support|response|communication))\b/),
  cue(/\b(?:stuck|stranded|late|slow|delay|delays|joke|unhappy|dissatisfied|locked out|locked|blocked|suspended)\b/),
  cue(/\bnot (?:impressed|happy|pleased|satisfied|acceptable|good enough|ok|okay|fair|right)\b/, false),
  cue(/\b(?:can'?t|cannot|unable to|not able to|couldn'?t) (?:log ?in|sign ?in|login|access|pay|connect|check ?in|book|get through|reach|transfer|withdraw)\b/, false),
  cue(/\b(?:\d+|an|two|three|four|five|six) (?:hours?|hrs?|mins?|minutes) (?:on hold|waiting|in (?:a |the )?queue)\b/),
];

// ---------------------------------------------------------------------------------------------
// Question and asking for help.

const QUESTION_MARK = /\?/g;
const RHETORICAL =
  /^(?:seriously|really|are you (?:kidding|serious|joking)(?: me)?|you (?:kidding|serious|joking)(?: me)?|wtf|what the (?:hell|heck|actual \w+|\w+)|how hard can it be|is this a joke|are you for real|for real|excuse me|why me|how is this (?:ok|okay|acceptable|legal|possible))$/;
const SENTENCES = /[^.!?\n]+/g;
const LEADING_NOISE = /^[\s"'“”(\-–—:;*>]*(?:(?:@[\w.]+|#\w+)[\s,:]*)*/;
const FIRST_WORDS = /[a-z0-9']+/g;

const PRONOUN_NEXT = new Set([
  'you', 'u', 'i', 'we', 'they', 'he', 'she', 'it', 'someone', 'somebody', 'anyone', 'anybody', 'y\'all', 'ya', 'this', 'that', 'the', 'my',
  'your', 'ur', 'our', 'there', 'any', 'these', 'those', 'people', 'one',
]);
const AUX_NEXT = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'has', 'have', 'to', 's', "'s", 'am']);
const EXCLAMATIVE_HOW = new Set([
  'rude', 'dare', 'disappointing', 'embarrassing', 'sad', 'pathetic', 'awful', 'terrible', 'annoying', 'frustrating', 'nice', 'lovely',
  'wonderful', 'great', 'cool', 'sweet', 'kind', 'typical', 'convenient', 'lucky', 'bizarre', 'strange', 'funny', 'ironic', 'amazing',
  'awesome', 'fun', 'cute', 'brilliant', 'unprofessional', 'shameful', 'ridiculous', 'stupid', 'dumb', 'silly', 'disgraceful',
]);

const ASKS: Cue[] = [
  cue(/\b(?:anyone|anybody|any1|does anyone|has anyone) (?:know|knows|have|had|else|able|from|got|experiencing|having|seen|tried|there|around)\b/),
  cue(/\bany (?:idea|ideas|update|updates|news|word|eta|info|information|timeline|chance|way)\b/),
  cue(/\bwondering (?:if|whether|how|what|when|why|where)\b|\b(?:i have a|quick|a) question\b/),
  cue(/\b(?:please|pls|plz|plse|kindly) (?:help|assist|advise|respond|reply|dm|pm|get back|look into|sort|fix|check|call|contact|tell|explain|confirm|let me know)\b/),
  cue(/\bhelp (?:me|us|please|pls|plz|needed|a brother|a sister|asap|my|with)\b|\bhelp\s*!|#help\b|\bsos\b/),
  cue(/\b(?:would love|'d love|would like|'d like|want|need|needed) to know\b/),
  cue(/\b(?:need|needs|needing|want|requesting|require|looking for|desperate for) (?:some |your |urgent |any |a little )?(?:help|assistance|support|advice)\b/),
  cue(/\b(?:can|could|will|would) (?:someone|somebody|anyone|anybody)\b|\bsomeone (?:please )?help\b/),
  cue(/\b(?:dm|pm|message|inbox|email|call|contact|ring) me\b|\bget back to me\b|\blet me know\b/),
];

// ---------------------------------------------------------------------------------------------
// Praise.

const PRAISE: Cue[] = [
  cue(/\b(?:thank you|thanks|thank u|thx|ty|tysm|many thanks|cheers) (?:so much|very much|a lot|a million|a bunch|loads|heaps|again|soooo much)\b|\btysm\b|\bmany thanks\b/),
  cue(/\b(?:kudos|shout ?-?outs?|hats off|props to|big up|bravo|well done|good job|great job|nice job|great work|good work|nice one|top notch|spot on|you rock|rock ?stars?|legends?|lifesaver|life saver|above and beyond|made my day|5 stars|five stars|10\/10)\b/),
  cue(/(?<!(?:would|'d) )\b(?:love|loved|loving|adore)\b(?! (?:to (?:know|hear|get|have|see|understand|speak|talk)|ones|it if))/),
  // "It would be amazing if…" asks for something rather than praising it.
  cue(/(?<!\bbe (?:so |really |more )?)\b(?:amazing|awesome|fantastic|brilliant|excellent|outstanding|superb|wonderful|incredible|stellar|phenomenal|exceptional|perfect|flawless|seamless|impressed|impressive|delighted|grateful|thankful|appreciate|appreciated|helpful|friendly|lovely)\b/),
  cue(/\bgreat (?:job|work|service|support|experience|team|crew|staff|flight|app|help|response|customer service|news|stuff|value|product|deal)\b|\b(?:is|was|are|were|so|really|been|always) great\b/),
  cue(/\b(?:you'?re|you are|u r|ur|is|are|was) the best\b|\bbest (?:airline|service|customer service|support|bank|app|company|team|experience|crew|staff|flight|provider|network|ever)\b/),
  cue(/\b(?:couldn'?t be happier|can'?t fault|no complaints|never (?:had|have) (?:a|any) (?:problem|issue)s?|never (?:lets? (?:me|us) down|disappoints?)|highly recommend|(?:i|i'?d|would|definitely|totally|strongly) recommend|can'?t recommend (?:\w+ )?enough|can'?t thank (?:\w+ )?enough|happy customer|so happy|very happy|really happy)\b/, false),
  cue(/[❤💙💚💜🧡💛😍🥰👏🙌💯🤩🥳]/u, false),
];
/** Thanks as courtesy: praise only when the post asks nothing and complains of nothing. */
const COURTESY: Cue[] = [cue(/\b(?:thank you|thanks|thank u|thx|thnx|tnx|ty|cheers|ta|merci|gracias)\b(?! in advance| for any| for your help in advance)/)];
/** Gratitude for something done: praise even when the model hears the problem more than the thanks. */
const CONTRAST = /\b(?:but|however|though|although|yet|still|except)\b/;
const GRATITUDE: Cue[] = [
  cue(/\b(?:thank you|thanks|thank u|thx|cheers)(?: so much| very much| a lot)? (?:for|to (?:you|the|your))\b(?! (?:nothing|the (?:delay|cancell?ation)|ruining|losing))/),
  cue(/\b(?:thank you|thanks|thx|tysm) (?:so much|very much)\b|\b(?:kudos|shout ?-?out|hats off|lifesaver|above and beyond|made my day|can'?t thank)\b/),
];

// ---------------------------------------------------------------------------------------------
// Purchase interest.

const PURCHASE: Cue[] = [
  cue(/\b(?:thinking|thought|considering|planning|debating|deciding|tempted) (?:of |about |on )?(?:buying|getting|purchasing|ordering|booking|upgrading|signing up|joining|trying|subscribing|taking out|opening)\b/),
  cue(/\blooking (?:for|to (?:buy|get|purchase|book|upgrade)) (?:a|an|new|some)\b(?! (?:refund|reply|response|answer|solution|fix|resolution|way to (?:complain|cancel)|human))/),
  cue(/\bwhich (?:plan|model|phone|card|package|tier|option|version|size|laptop|one|bundle|deal|subscription|contract|device|tv|colou?r|fare|class|membership|account|broadband|router|seat|cabin) (?:should|would|is|do|to|for|has|gives|works)\b/),
  cue(/\bhow much (?:is|are|does|do|for|would|will|to|it costs?|does it cost|would it cost)\b/),
  cue(/\bprice (?:of|for)\b|\bpricing\b|\bcost of (?:the|a|an|upgrading|adding)\b/),
  cue(/\b(?:is it|is this|are they|are these|is the \w+|is \w+ premium) (?:really )?worth\b|\bworth (?:it|the money|the price|buying|getting|upgrading|the upgrade|the extra) ?\?/),
  cue(/\bwhere (?:can|do|could|would|should) (?:i|we|you|one) (?:buy|get|find|order|purchase|pick up)\b/),
  cue(/\b(?:can|could|would|do) (?:you|anyone|someone|somebody|y'all|u) recommend\b|\bany recommendations?\b|\bwhat (?:would|do) you recommend\b|(?<!(?:\bi|i'd|would|highly|definitely|totally|strongly|not|never|don't|wouldn't|100%) )\brecommend (?:me |us )?(?:a|an|any|some|which|what)\b/),
  cue(/\bconsidering (?:a|an|buying|getting|switching|upgrading|your|signing|booking|joining|moving|purchasing|ordering|subscribing)\b/),
  cue(/\b(?:want|wanting|wanna|would like|'d like|planning|ready|hoping|going) to (?:upgrade|buy|purchase|sign up|subscribe|join|open an? (?:account|savings)|book a|pre-?order)\b/),
  cue(/\bdo you (?:sell|ship|deliver|stock|offer|do) (?:to|any|a|an|the|in|international)\b/),
  cue(/\b(?:in stock|back in stock|pre-?order|preorder|restock|student discount|discount code|promo code|coupon|free trial|trial period|any deals?|black friday|trade-?in)\b/),
  cue(/\bshould i (?:buy|get|upgrade|go with|choose|pick|switch|order|book|sign up|subscribe|wait for)\b/),
  cue(/\b(?:interested in|keen on) (?:buying|getting|the|your|a|an|signing|joining|upgrading|switching)\b/),
];

// ---------------------------------------------------------------------------------------------
// Product feedback.

const FEEDBACK: Cue[] = [
  cue(/\b(?:bug|bugs|buggy|glitch|glitches|glitchy|laggy|lagging|freezes|froze)\b/),
  cue(/(?<!(?:plane|car|bus|train|market|stock) )\b(?:crash|crashes|crashed|crashing)\b/),
  cue(/\b(?:keeps?|kept) (?:crashing|freezing|logging me out|closing|restarting|buffering|failing|glitching|dropping|disconnecting|refreshing)\b/),
  cue(/\b(?:app|site|website|page|screen|game|tv|phone|router|checkout|system|it|device) (?:just |keeps |always |still )?(?:freezes|froze|frozen|hangs|lags)\b/),
  cue(/\b(?:doesn'?t|does not|won'?t|will not|can'?t|cannot|isn'?t|not|never|didn'?t) (?:load|loading|open|opening|launch|sync|syncing|update|install|log me in|let me (?:log ?in|sign ?in|pay|check ?in|book|transfer))\b/, false),
  cue(/\berrors? (?:message|code|screen|page|popup|pop-up|\d{2,})\b|\b(?:get|getting|got|keep getting|shows?|showing|throws?|says|an|same) (?:an |this |the |that )?error\b|\berror (?:when|while|every time|whenever|each time|trying|occurred)\b/),
  cue(/\b(?:feature request|please add|pls add|plz add|can you add|could you add|you should add|should (?:add|have an option|let us|allow|support|bring back)|bring back|dark mode|add (?:an option|a way|the option|support for|a feature)|an option to|would love (?:it if|to see|the option|an option|a feature)|suggestion|feedback)\b/),
  cue(/\bwould be (?:nice|great|good|cool|helpful|awesome|amazing|better|useful) (?:if|to)\b|\bwish (?:it|you|the app|there was|there were|i could|they|your app) (?:had|would|could|was|were|offered|let|supported|allowed|did)\b/),
  cue(/\b(?:login|log-?in|sign-?in|password reset|2fa|otp|verification code|notifications?|checkout|payment page|update)\b[^.!?]{0,30}?\b(?:not working|isn'?t working|doesn'?t work|won'?t work|stopped working|broken|failing|fails|keeps|stuck|blank|loop)\b/),
  cue(/\b(?:app|website|site|online banking|portal)\b[^.!?]{0,30}?\b(?:not working|isn'?t working|doesn'?t work|won'?t work|stopped working|broken|unusable|failing|blank|logged me out|is down|keeps)\b/),
  cue(/\b(?:blank|white|black) screen\b|\bforce clos\w+\b|\blogin loop\b|\b(?:since|after) the (?:latest |last |new |recent )?update\b|\bupdate (?:broke|ruined|messed)\b/),
];
const UI_TERMS = /\b(?:ui|ux|user interface|interface|layout|redesign|new design|navigation|menu|menus|font|fonts|buttons?|new look|new update|latest update|the update|this update|recent update|new version|latest version|the app|your app|the website|your website)\b/;
const UI_CRITICISM =
  /\b(?:confusing|clunky|cluttered|ugly|unintuitive|awkward|hard to (?:use|find|read|navigate)|impossible to (?:find|use|navigate)|can'?t find|terrible|awful|horrible|worse|hate|broke|broken|ruined|slow|unusable|messed up|annoying|tiny|unreadable)\b/g;

// ---------------------------------------------------------------------------------------------
// Churn risk.

const CHURN: Cue[] = [
  cue(/\bcancel+(?:ing|ed|led)? (?:my|our|the|this|your) (?:\w+ )?(?:subscription|account|plan|membership|contract|service|policy|broadband|package|sub|card|line|direct debit|insurance|prime|premium|pro|phone line)\b/),
  cue(/\b(?:going to|gonna|will|about to|want to|wanna|ready to|i'?m|im|i am|time to|need to|trying to|how (?:do|can) i|how to) cancel\b(?! (?:my |the |this |our )?(?:order|booking|flight|reservation|ticket|trip|appointment|delivery|hotel|room|seat|payment|transfer|request|item|bag|return))/),
  cue(/\bclos(?:e|ing|ed) (?:my|our|the) (?:\w+ )?account\b/),
  cue(/\bnever again\b|\bnever ever again\b/, false),
  cue(/\bnever (?:flying|buying|ordering|using|shopping|booking|banking|staying|eating|going|travell?ing|dealing|coming|recommending|choosing) (?:with |from |at |on |to |back )?[^.!?]{0,30}?\bagain\b/, false),
  cue(/\b(?:will|'ll|would|i|gonna) never (?:ever )?(?:fly|use|buy|book|order|shop|bank|stay|recommend|deal|travel|choose|trust|return|come back|go back) (?:with |from |at |to )?(?:you|u|them|this|your|again|[^.!?]{0,30}?\bagain)\b/, false),
  cue(/#never\w*again|#boycott\w*|#(?:bye|goodbye)\w+/, false),
  cue(/\bdone with (?:you|u|ya|y'all|you guys|your|@\w+|this (?:company|airline|bank|app|service|network|provider|store|shop))\b|\b(?:i'?m|im|i am|we'?re|we are|so|totally|officially|absolutely|completely|finally) done with (?:this|them)\b/),
  cue(/\b(?:i'?m|im|i am|we'?re) (?:so |officially |absolutely |totally |completely )?done\s*(?:[.!]|$)/),
  cue(/\b(?:leaving|leave|left|quit|quitting|ditching|ditch|dumping|dump) (?:you|u|y'all|you guys|your (?:bank|service|network|company|airline))\b/),
  cue(/\bunsubscrib(?:e|ed|ing)\b(?! (?:me |us )?from (?:your |the |these |all )?(?:e-?mails?|newsletters?|mailing lists?|texts?|sms|notifications|marketing|promo))/),
  cue(/\blast time i (?:will |'ll )?(?:fly|buy|use|order|shop|book|bank|stay|travel|choose|trust|deal)\b|\b(?:that|this|it)(?:'s| is| will be) the last time\b/),
  cue(/\btak(?:e|ing) (?:my|our) (?:business|money|custom) (?:elsewhere|somewhere else)\b/),
  cue(/\b(?:find|finding|look for|looking for|found) (?:a |another |a new |a different )(?:bank|provider|airline|carrier|network|isp|broadband|supplier|insurer|energy supplier)\b/),
  cue(/\b(?:won'?t|will not|not|never) be (?:renewing|back|returning|coming back|using (?:you|this)|flying with|buying from|ordering from|banking with)\b|\bnot renewing\b|\bwon'?t renew\b|\bwill not renew\b/, false),
  cue(/\b(?:delet|uninstall)(?:e|ed|ing) (?:the|your|this|my) (?:app|account)\b/),
  cue(/\bport(?:ing)? (?:my )?number\b|\bend(?:ing)? my contract\b|\b(?:pac|stac) code\b/),
];
/** "switching to …", "moving my account to …", "leaving for …": who it goes to decides. */
const SWITCH_RE =
  /\b(switch(?:ing|ed)?(?: over)?|mov(?:e|ing|ed)(?: (?:my|our) (?:account|money|business|savings|number|contract|mortgage))?|chang(?:e|ing|ed)(?: over)?|port(?:ing|ed)?(?: my number)?|go(?:ing)?|went|leav(?:e|ing)|left|jump(?:ing|ed)? ship) (to|for|from)\s+/g;
const HYPOTHETICAL = /\b(?:thinking|thought|considering|consider|might|may|should i|should we|planning|plan|want|wanna|tempted|debating|wondering|whether|if i)\b[^.!?]{0,20}$/;
const OTHER_PROVIDER = /^(?:another|a different|a new|a better|a competitor|the competition|someone else|somewhere else|elsewhere|other)\b/;
const US = /^(?:you|u|ya|y'all|your|ur)\b/;

interface SwitchFinding {
  churn: boolean;
  purchase: boolean;
}

function switching(t: string, score: number, competitors: string[][]): SwitchFinding {
  const found = { churn: false, purchase: false };
  SWITCH_RE.lastIndex = 0;
  for (let m = SWITCH_RE.exec(t); m; m = SWITCH_RE.exec(t)) {
    if (negated(t, m.index)) continue;
    const verb = m[1]!;
    const direction = m[2]!;
    const target = t.slice(m.index + m[0].length, m.index + m[0].length + 48).replace(/^(?:the |@|#)+/, '');
    const competitor = competitors.some((forms) => forms.some((f) => target.startsWith(f) && !/[a-z0-9]/.test(target.charAt(f.length))));
    const other = OTHER_PROVIDER.test(target);
    const us = US.test(target);
    const strict = /^(?:switch|port|jump)/.test(verb);
    const hypothetical = HYPOTHETICAL.test(t.slice(Math.max(0, m.index - 40), m.index));
    if (direction === 'from') {
      if (competitor) found.purchase = true;
      continue;
    }
    if (direction === 'for' && !/^leav|^left/.test(verb)) continue;
    if (us) {
      if (strict || /^mov/.test(verb)) found.purchase = true;
    } else if (competitor || (other && !/^go|^went/.test(verb))) {
      found.churn = true;
    } else if (strict) {
      if (hypothetical && score > NEGATIVE) found.purchase = true;
      else found.churn = true;
    }
  }
  return found;
}

/** Lower-case forms a competitor is written in: "sky jet", "skyjet". */
function competitorForms(competitors: string[] | undefined): string[][] {
  if (!competitors) return [];
  return competitors
    .map((c) => {
      const lower = c.toLowerCase().replace(APOSTROPHES, "'").replace(/^[@#]+/, '').trim();
      const joined = lower.replace(/[\s._-]+/g, '');
      return [...new Set([lower, joined])].filter((f) => f.length >= 2);
    })
    .filter((forms) => forms.length > 0);
}

// ---------------------------------------------------------------------------------------------

function isQuestion(t: string): boolean {
  QUESTION_MARK.lastIndex = 0;
  for (let m = QUESTION_MARK.exec(t); m; m = QUESTION_MARK.exec(t)) {
    let from = m.index - 1;
    while (from >= 0 && m.index - from < 200 && !/[.!?\n]/.test(t[from]!)) from--;
    const sentence = t.slice(from + 1, m.index).replace(LEADING_NOISE, '').replace(/[^a-z0-9' ]+/g, ' ').trim();
    if (sentence === '' && m.index > 0 && /[?]/.test(t[m.index - 1]!)) continue;
    if (!RHETORICAL.test(sentence)) return true;
  }
  SENTENCES.lastIndex = 0;
  for (let m = SENTENCES.exec(t); m; m = SENTENCES.exec(t)) {
    const sentence = m[0].replace(LEADING_NOISE, '');
    if (RHETORICAL.test(sentence.replace(/[^a-z0-9' ]+/g, ' ').trim())) continue;
    FIRST_WORDS.lastIndex = 0;
    const w1 = FIRST_WORDS.exec(sentence)?.[0];
    const w2 = FIRST_WORDS.exec(sentence)?.[0];
    const w3 = FIRST_WORDS.exec(sentence)?.[0];
    if (w1 && opensQuestion(w1, w2, w3)) return true;
  }
  return any(t, ASKS);
}

function opensQuestion(first: string, second: string | undefined, third: string | undefined): boolean {
  let w1 = first;
  let w2 = second;
  if (w1.endsWith("'s")) {
    w1 = w1.slice(0, -2);
    w2 = 'is';
  }
  if (w2 === undefined) return false;
  switch (w1) {
    case 'how':
      return !EXCLAMATIVE_HOW.has(w2) && w2 !== 'i' && w2 !== 'it';
    case 'what':
      return w2 !== 'a' && w2 !== 'an' && w2 !== 'the' && w2 !== 'happens' && w2 !== 'i';
    case 'whats':
      return true;
    case 'why':
    case 'whys':
      return true;
    case 'when':
    case 'where':
    case 'wheres':
    case 'who':
      return AUX_NEXT.has(w2) || (w1 === 'where' && (w2 === 'my' || w2 === 'the')) || (w1 === 'who' && (w2 === 'else' || w2 === 'knows'));
    case 'which':
      return w2 !== 'means' && w2 !== 'meant' && !(w2 === 'is' && third === 'why') && !(w2 === 'was' && third === 'why');
    case 'can':
    case 'could':
    case 'will':
    case 'would':
    case 'should':
    case 'has':
    case 'have':
    case 'do':
    case 'does':
    case 'did':
    case 'is':
    case 'are':
    case 'was':
    case 'were':
    case 'isnt':
    case "isn't":
    case "doesn't":
    case "don't":
    case "can't":
    case "won't":
    case "didn't":
    case "aren't":
      if (w1.includes("'") && !['you', 'u', 'i', 'we', 'they', 'it', 'this', 'there', 'anyone'].includes(w2)) return false;
      if (!PRONOUN_NEXT.has(w2)) return false;
      if ((w1 === 'are' || w1 === 'is' || w1 === 'was' || w1 === 'were') && w2 === 'the' && (third === 'worst' || third === 'best')) return false;
      if ((w1 === 'have' || w1 === 'has') && (w2 === 'a' || w2 === 'the')) return false;
      return true;
    case 'anyone':
    case 'anybody':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------

const ORDER: readonly Intent[] = ['complaint', 'question', 'praise', 'purchase_interest', 'product_feedback', 'churn_risk', 'private_data'];

/** The intents of a post, several at once, in the order of the Intent union. */
export function detectIntents(input: IntentInput): Intent[] {
  const { text } = input;
  const score = Number.isFinite(input.score) ? input.score : 0;
  if (typeof text !== 'string' || text.trim() === '') return [];
  const t = normalize(text);
  const found = new Set<Intent>();

  const sarcastic = any(t, SARCASM);
  const question = isQuestion(t);
  // "Thanks for sorting my lost bag": thanks for a fix, with no "but" after it, closes the complaint.
  const thanked = !sarcastic && score > GRATITUDE_FLOOR && any(t, GRATITUDE) && !CONTRAST.test(t);
  const complaint = sarcastic || any(t, STRONG_COMPLAINT) || (score <= NEGATIVE && !thanked && any(t, WEAK_COMPLAINT));
  if (complaint) found.add('complaint');
  if (question) found.add('question');

  if (!sarcastic) {
    const praised = thanked || (score >= 0 && any(t, PRAISE)) || (score >= 0 && !question && !complaint && any(t, COURTESY));
    if (praised) found.add('praise');
  }

  const switches = switching(t, score, competitorForms(input.competitors));
  if (switches.purchase || (any(t, PURCHASE) && !switches.churn)) found.add('purchase_interest');

  if (any(t, FEEDBACK) || (UI_TERMS.test(t) && (score <= NEGATIVE || anyCriticism(t)))) found.add('product_feedback');

  if (switches.churn || any(t, CHURN)) found.add('churn_risk');

  if (findPrivateData(text).length > 0) found.add('private_data');
  return ORDER.filter((i) => found.has(i));
}

function anyCriticism(t: string): boolean {
  UI_CRITICISM.lastIndex = 0;
  for (let m = UI_CRITICISM.exec(t); m; m = UI_CRITICISM.exec(t)) if (!negated(t, m.index)) return true;
  return false;
}
