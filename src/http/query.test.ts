import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors';
import { QUERY } from '../limits';
import { queryRules } from './query';

const refused = (search: string, title: RegExp) => {
  try {
    queryRules(search);
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    expect((e as Invalid).title).toMatch(title);
    return;
  }
  throw new Error(`${search} was accepted`);
};

describe('queryRules', () => {
  it('returns the parameters as a plain object, an empty value as absent', () => {
    expect(queryRules('?theme=dark&as_of=&months=24')).toEqual({ theme: 'dark', months: '24' });
    expect(queryRules('')).toEqual({});
  });

  it('keeps a parameter named like an Object property as data', () => {
    const q = queryRules('?__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(q)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(q).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('refuses a parameter given twice, even when one of the values is empty', () => {
    refused('?theme=dark&theme=light', /Duplicate/);
    refused('?as_of=&as_of=2025-01', /Duplicate/);
  });

  it('refuses control and non-ASCII characters in names and values', () => {
    refused('?theme=dark%0a', /Invalid parameter value/);
    refused('?th%C3%A9me=dark', /Invalid parameter name/);
    refused('?lang=%EF%BD%85n', /Invalid parameter value/);
  });

  it('caps lengths and counts', () => {
    refused(`?x=${'a'.repeat(QUERY.valueLength + 1)}`, /too long/);
    refused(`?${'n'.repeat(QUERY.nameLength + 1)}=1`, /too long/);
    refused(`?${Array.from({ length: QUERY.params + 1 }, (_, i) => `p${i}=1`).join('&')}`, /Too many/);
    refused(`?x=${'a'.repeat(QUERY.rawLength)}`, /Query too long/);
    expect(queryRules(`?url=${'a'.repeat(1500)}`, QUERY.urlValueLength).url).toHaveLength(1500);
  });
});
