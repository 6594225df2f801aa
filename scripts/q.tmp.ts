// temporary: node-eval a function over a loaded page. usage: tsx scripts/q.tmp.ts file url 'js expr using doc'
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
const [file, url, expr] = process.argv.slice(2);
const html = readFileSync(file!, 'utf8');
const window = new Window({ url: url!, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
const doc = window.document as unknown as Document;
doc.documentElement.innerHTML = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '').replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
// eslint-disable-next-line no-new-func
const out = new Function('doc', expr!)(doc);
console.log(typeof out === 'string' ? out : JSON.stringify(out, null, 1));
void window.happyDOM.close();
