import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
const [file, url, sel, mode] = process.argv.slice(2);
const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
const doc = window.document as unknown as Document;
const html = readFileSync(file, 'utf8');
doc.documentElement.innerHTML = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '').replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
const els = [...doc.querySelectorAll(sel)];
console.log(`${els.length} matches`);
const short = (s: string | null, n = 140) => (s ?? '').replace(/\s+/g, ' ').slice(0, n);
els.forEach((el, i) => {
  console.log(`\n##### ${i} <${el.localName}> ${[...el.attributes].filter(a => a.name !== 'class' && a.name !== 'style').map(a => `${a.name}="${short(a.value, 60)}"`).join(' ')}`);
  if (mode === 'html') { console.log(el.outerHTML.replace(/ class="[^"]*"/g, '').replace(/__cft__[^"&]*/g, '').slice(0, Number(process.env.N ?? 20000))); return; }
  console.log('TEXT:', short(el.textContent, Number(process.env.N ?? 600)));
  for (const r of el.querySelectorAll('[data-ad-rendering-role],[data-ad-preview],[aria-label],h2,h3,h4,[role=article]')) console.log('  ', r.localName, ['data-ad-rendering-role','data-ad-preview','aria-label','role'].map(a => r.getAttribute(a) ? `${a}=${short(r.getAttribute(a),60)}` : '').join(' '), '|', short(r.textContent, 100));
  for (const a of el.querySelectorAll('a[href]')) console.log('   a', short(a.getAttribute('href')!.replace(/__cft__[^&]*&?|__tn__[^&]*&?|&amp;/g, ''), 120), '|', short(a.textContent, 50), a.getAttribute('aria-label') ? `[aria-label=${short(a.getAttribute('aria-label'), 50)}]` : '');
});
void window.happyDOM.close();
