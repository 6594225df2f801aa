import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDictionary, DICTIONARY_FILE } from './build-dictionary';

describe('build-dictionary', () => {
  it('made the shipped dictionary from its sources, as they are installed', () => {
    expect(buildDictionary() === readFileSync(DICTIONARY_FILE, 'utf8')).toBe(true);
  });
});
