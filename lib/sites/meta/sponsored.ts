/**
 * The label Meta's sites (Facebook, Instagram) put on an ad where a post shows its date, in the
 * languages they show it in, spaces removed: "Sponsored", "Gesponsert", "Publicidad", "広告", …
 */
const SPONSORED = /^(?:sponsored|gesponsert|sponsorisé|sponsorisée|patrocinado|patrocinada|publicidad|sponsorizzato|gesponsord|sponsorowane|sponsrad|sponset|sponsoreret|sponsoroitu|sponzorováno|sponzorované|szponzorált|sponsorizat|reklam|χορηγούμενη|спонсорируется|реклама|спонсорованореклама|ממומן|مُموَّل|ممول|広告|赞助内容|贊助|광고|ได้รับการสนับสนุน|đượctàitrợ|bersponsor|disponsori|ditaja|प्रायोजित|sponsorlu|hirdetés|sponsrat|sponzorirano|спонсорирано|спонзорисано|במימון|স্পনসর্ড)$/i;

/** Whether a text is an ad's "Sponsored" label (spaces, as between letters set apart, ignored). */
export function isSponsoredLabel(text: string | null | undefined): boolean {
  const squeezed = (text ?? '').replace(/\s+/g, '');
  return squeezed.length > 1 && squeezed.length < 40 && SPONSORED.test(squeezed);
}

/**
 * The short label Instagram (and Threads) show on an ad since 2025 where others show "Sponsored": "Ad", and
 * its translations as Meta words its ad labels elsewhere (Anzeige, Annonce, Anuncio, …).
 */
const AD = /^(?:ad|anzeige|annonce|anuncio|anúncio|annuncio|advertentie|reklama|reklam|mainos|annons|reklame|διαφήμιση|реклама|広告|광고|广告|廣告|iklan|quảngcáo|โฆษณา|विज्ञापन|إعلان|פרסומת)$/i;

/** Whether a label's whole text is an ad's short label ("Ad", "Anzeige", …), spaces ignored. */
export function isAdLabel(text: string | null | undefined): boolean {
  const squeezed = (text ?? '').replace(/\s+/g, '');
  return squeezed.length > 1 && squeezed.length < 20 && AD.test(squeezed);
}
