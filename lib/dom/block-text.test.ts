import { describe, expect, it } from 'vitest';
import { blockText, TEXT_BLOCKS } from './block-text';

function html(markup: string): Element {
  const el = document.createElement('div');
  el.innerHTML = markup;
  return el;
}

describe('blockText', () => {
  it('puts every paragraph, list item, quote and heading on its own line', () => {
    const el = html('<h2>Update</h2><p>First   paragraph</p><ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote><pre>code</pre>');
    expect(blockText(el)).toBe('Update\nFirst paragraph\none\ntwo\nquoted\ncode');
  });

  it("collapses the markup's own line breaks and indentation, keeps <br> and drops blank lines", () => {
    const el = html('\n  <p>Flight\n    delayed<br>again</p>\n\n  <p></p>\n  <p>  3 hours  </p>\n');
    expect(blockText(el)).toBe('Flight delayed\nagain\n3 hours');
  });

  it('reads emoji images as their alt text and inline elements as part of their line', () => {
    const el = html('<p>Love <a href="/tags/acme">#<span>acme</span></a> <img alt="🙌" src="e.png"></p><p><strong>bold</strong> move</p>');
    expect(blockText(el)).toBe('Love #acme 🙌\nbold move');
  });

  it('ends lines only at the blocks it is given', () => {
    const table = '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>';
    expect(blockText(html(table))).toBe('abc');
    expect(blockText(html(table), `${TEXT_BLOCKS}, tr`)).toBe('ab\nc');
  });

  it('leaves the element it reads unchanged', () => {
    const el = html('<p>one</p>\n<p>two</p>');
    const before = el.innerHTML;
    expect(blockText(el)).toBe('one\ntwo');
    expect(el.innerHTML).toBe(before);
  });
});
