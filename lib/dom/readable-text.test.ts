import { describe, expect, it } from 'vitest';
import { readableText } from './readable-text';

const el = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('readableText', () => {
  it('drops the glyphs icon fonts draw, whether or not the text needs a walk, and keeps the rest as written', () => {
    // Threads draws Instagram's glyph before a linked Instagram account.
    const mention = '<span>\uF000</span><span translate="no">oklou_</span>';
    expect(readableText(el(`supporting ${mention} tonight`))).toBe('supporting oklou_ tonight');
    expect(readableText(el(`supporting <a href="https://l.threads.net/?u=x">${mention}</a> <img alt="🎶"> tonight`))).toBe('supporting oklou_ 🎶 tonight');
    expect(readableText(el('before \uE001 after'))).toBe('before after');
    // Apple's logo, which Apple's own fonts draw at U+F8FF, stays: a person reads it.
    expect(readableText(el('new \uF8FF Watch'))).toBe('new \uF8FF Watch');
    expect(readableText(el('plain   text\twith  spaces '))).toBe('plain text with spaces');
  });

  it('reads markup laid out on indented lines as the page shows it, and keeps the line breaks a person wrote', () => {
    const indented = `
      <span>Third time I ask: my order from </span>
      <a href="/AcmeAir">@AcmeAir</a>
      <span> never arrived</span>
    `;
    expect(readableText(el(indented))).toBe('Third time I ask: my order from @AcmeAir never arrived');
    // The same through the walk (an emoji image), and indented with tabs.
    expect(readableText(el(indented.replace('never', 'never <img alt="😡">').replace(/      /g, '\t\t')))).toBe(
      'Third time I ask: my order from @AcmeAir never 😡 arrived',
    );
    expect(readableText(el('Line one\nLine two\n\nA new paragraph'))).toBe('Line one\nLine two\n\nA new paragraph');
    expect(readableText(el('Line one<br>Line two'))).toBe('Line one\nLine two');
    // Indentation in code a person wrote is theirs.
    expect(readableText(el('Try this:<pre><code>if (late) {\n  refund();\n}</code></pre>'))).toBe('Try this:if (late) {\n refund();\n}');
  });
});
