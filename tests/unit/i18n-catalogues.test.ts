import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/result';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

/** Every leaf key of a catalogue as a dotted path ("nav.overview"). */
function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function leaves(catalogue: object): [string, string][] {
  return keys(catalogue).map((key) => [
    key,
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string,
  ]);
}

describe('UI message catalogues', () => {
  it('Chinese and English have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('every error code the services can send has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zhCN.errors[code], `zh-CN errors.${code}`).toMatch(/\S/);
      expect(en.errors[code], `en errors.${code}`).toMatch(/\S/);
    }
  });

  it('no message is empty and both languages use the same placeholders', () => {
    const english = new Map(leaves(en));
    for (const [key, chinese] of leaves(zhCN)) {
      const other = english.get(key) ?? '';
      expect(chinese.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(other), key).toEqual(placeholders(chinese));
    }
  });

  it('no message says "unknown error"', () => {
    for (const [key, text] of [...leaves(zhCN), ...leaves(en)]) {
      expect(text, key).not.toMatch(/unknown error|未知错误/i);
    }
  });
});
