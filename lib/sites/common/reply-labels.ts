/**
 * Meta's sites (Facebook, Instagram, Threads) and LinkedIn's 2026 layout give their Reply and Comment controls
 * no test id and no class of their own: a control is a `role="button"` or `<button>` known only by its label,
 * in the reader's language. These are the labels as Meta's interfaces word them (LinkedIn's use the same
 * words in the languages most of its readers use), lower-cased, spaces squeezed to one.
 */

/** A comment's "Reply" (Facebook, Instagram), and the reply icon's label on Threads. */
const REPLY = new Set([
  'reply', // English
  'responder', // Spanish, Portuguese
  'répondre', // French
  'antworten', // German
  'rispondi', // Italian
  'beantwoorden', // Dutch
  'odpowiedz', // Polish
  'yanıtla', // Turkish
  'ответить', // Russian
  'відповісти', // Ukrainian
  'balas', // Indonesian, Malay
  'phản hồi', // Vietnamese (Facebook)
  'trả lời', // Vietnamese (Instagram, Threads)
  'ตอบกลับ', // Thai
  '返信', // Japanese
  '返信する',
  '답글 달기', // Korean
  '回复', // Chinese (simplified)
  '回覆', // Chinese (traditional)
  'رد', // Arabic
  'השב', // Hebrew
  'जवाब दें', // Hindi
  'svara', // Swedish
  'svar', // Danish, Norwegian
  'vastaa', // Finnish
  'odpovědět', // Czech
  'απάντηση', // Greek
  'răspunde', // Romanian
  'válasz', // Hungarian
  'tumugon', // Filipino
  'উত্তর দিন', // Bengali
  'پاسخ', // Persian
  'جواب دیں', // Urdu
]);

/** A post's "Comment", which opens its comment box (Facebook's story; the reply icon's label on Threads since 2025). */
const COMMENT = new Set([
  'comment',
  'leave a comment', // Facebook's aria-label
  'comentar', // Spanish, Portuguese
  'commenter', // French
  'kommentieren', // German
  'commenta', // Italian
  'reageren', // Dutch
  'komentarz', // Polish
  'yorum yap', // Turkish
  'комментировать', // Russian
  'коментувати', // Ukrainian
  'komentari', // Indonesian
  'komen', // Malay
  'bình luận', // Vietnamese
  'แสดงความคิดเห็น', // Thai
  'コメントする', // Japanese
  '댓글 달기', // Korean
  '评论', // Chinese (simplified)
  '留言', // Chinese (traditional)
  'تعليق', // Arabic
  'תגובה', // Hebrew
  'टिप्पणी करें', // Hindi
  'kommentera', // Swedish
  'kommenter', // Danish, Norwegian
  'kommentoi', // Finnish
  'okomentovat', // Czech
  'σχόλιο', // Greek
  'comentează', // Romanian
  'hozzászólás', // Hungarian
  'magkomento', // Filipino
  'মন্তব্য করুন', // Bengali
  'تبصرہ کریں', // Urdu
]);

/** Threads' reply icon, labelled with the noun in some languages (asked for on Threads only: elsewhere a bare noun may be a heading). */
const COMMENT_NOUN = new Set([
  'コメント',
  '댓글',
  'kommentar',
  'commentaire',
  'comentario',
  'comentário',
  'commento',
  'yorum',
  'комментарий',
  'نظر',
]);

/** What may stand beside an icon in its control: the count of what it leads to (Threads' "12", "2.1K", "1,2 mil", "1.2万"). */
const COUNT = /^(?:\d[\d.,\s]*\S{0,4}\.?)?$/u;

/** Where a reply is written. */
const EDITABLE = 'textarea, [contenteditable="true"]';
/**
 * `compareDocumentPosition`'s bit for a node that comes after: Node.DOCUMENT_POSITION_FOLLOWING, spelled out
 * since adapters also read pages outside a browser's window (npm run read-page), where there is no global Node.
 */
const FOLLOWING = 4;

const squeeze = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The words a control may be labelled with. */
export type ControlLabel = 'reply' | 'comment' | 'comment-noun';

const WORDS: Record<ControlLabel, ReadonlySet<string>> = { reply: REPLY, comment: COMMENT, 'comment-noun': COMMENT_NOUN };

/** Whether a label (its text, aria-label or icon's label) is one of these words, in one of the languages listed. */
export function isControlLabel(text: string | null | undefined, kind: ControlLabel): boolean {
  const label = squeeze(text);
  return label.length > 0 && label.length <= 40 && WORDS[kind].has(label);
}

/**
 * The first control in `scope` that `belongs` keeps (the post's own, not a nested comment's) labelled with one
 * of these words: a `role="button"` or `<button>` whose aria-label, whole text, or icon's label (beside at most
 * a count) is one. A control whose text says more ("View 3 replies") is not one, nor one that comes after a
 * reply box of the post: a composer's send button, labelled "Comment" or "Reply" too, which would post the
 * draft, comes after its box, and the control that opens a box comes before it.
 */
export function labelledControl(scope: Element, kinds: readonly ControlLabel[], belongs: (el: Element) => boolean): HTMLElement | undefined {
  const named = (text: string | null | undefined) => kinds.some((kind) => isControlLabel(text, kind));
  // The post's first box (a box of a comment under it is no composer of its own).
  const box = [...scope.querySelectorAll(EDITABLE)].find(belongs);
  for (const el of scope.querySelectorAll<HTMLElement>('[role="button"], button')) {
    if (box && box.compareDocumentPosition(el) & FOLLOWING) break;
    const icon = el.querySelector('svg[aria-label]');
    const label = el.getAttribute('aria-label');
    const text = el.textContent;
    const iconNamed = icon !== null && COUNT.test(squeeze(text).replace(squeeze(icon.textContent), '').trim()) && named(icon.getAttribute('aria-label'));
    // Facebook's Comment says "Comment" and is labelled "Leave a comment": either names it.
    if (!(named(label) || named(text) || iconNamed)) continue;
    if (belongs(el)) return el;
  }
  return undefined;
}
