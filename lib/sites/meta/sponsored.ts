/**
 * The label Meta's sites (Facebook, Instagram) put on an ad where a post shows its date, in the
 * languages they show it in, spaces removed: "Sponsored", "Gesponsert", "Publicidad", "広告", …
 */
const SPONSORED = /^(?:sponsored|gesponsert|sponsorisé|sponsorisée|patrocinado|patrocinada|publicidad|publicidade|publicité|sponsorizzato|gesponsord|sponsorowane|sponsrad|sponset|sponsoreret|sponsoroitu|sponzorováno|sponzorované|szponzorált|sponsorizat|reklam|χορηγούμενη|спонсорируется|реклама|спонсорованореклама|ממומן|مُموَّل|ممول|広告|赞助内容|贊助|광고|ได้รับการสนับสนุน|đượctàitrợ|bersponsor|disponsori|ditaja|प्रायोजित|sponsorlu|hirdetés|sponsrat|sponzorirano|спонсорирано|спонзорисано|במימון|স্পনসর্ড)$/i;

/** Whether a text, spaces ignored (as between letters set apart), is one of a label's words, and no longer than `max`. */
function isLabel(text: string | null | undefined, words: RegExp, max: number): boolean {
  const squeezed = (text ?? '').replace(/\s+/g, '');
  return squeezed.length > 1 && squeezed.length < max && words.test(squeezed);
}

/** Whether a text is an ad's "Sponsored" label (spaces, as between letters set apart, ignored). */
export function isSponsoredLabel(text: string | null | undefined): boolean {
  return isLabel(text, SPONSORED, 40);
}

/**
 * The short label Instagram (and Threads) show on an ad since 2025 where others show "Sponsored": "Ad", and
 * its translations as Meta words its ad labels elsewhere (Anzeige, Annonce, Anuncio, …).
 */
const AD = /^(?:ad|anzeige|annonce|anuncio|anúncio|annuncio|advertentie|reklama|reklam|mainos|annons|reklame|διαφήμιση|реклама|広告|광고|广告|廣告|iklan|quảngcáo|โฆษณา|विज्ञापन|إعلان|פרסומת)$/i;

/**
 * Whether a header (Instagram's, Threads') shows an ad's label, "Sponsored" or the short "Ad", in the
 * reader's language: the whole text of a span of its own (never a link's text: a username such as
 * "reklam" is no label), among those `belongs` keeps (a post's own, not one it quotes).
 */
export function hasAdLabel(header: Element, belongs: (el: Element) => boolean = () => true): boolean {
  return [...header.querySelectorAll('span')].some(
    (el) => !el.firstElementChild && !el.closest('a') && belongs(el) && (isSponsoredLabel(el.textContent) || isLabel(el.textContent, AD, 20)),
  );
}
