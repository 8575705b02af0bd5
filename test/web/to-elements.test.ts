/**
 * shortName: the names the map and the reports show, without legal forms in English
 * or Japanese, which every supplier name carries and which say nothing about it.
 */
import { describe, expect, it } from 'vitest';
import { shortName } from '../../web/src/to-elements.ts';

describe('shortName', () => {
  it('shortName keeps a name with no legal form as it is, and never empties a name', () => {
    expect(shortName('Hikone Chemical Industries')).toBe('Hikone Chemical Industries');
    expect(shortName('株式会社')).toBe('株式会社');
    expect(shortName('Ltd.')).toBe('Ltd.');
  });
  it('shortName drops English legal forms', () => {
    expect(shortName('Kanazawa Interior Trim Co., Ltd.')).toBe('Kanazawa Interior Trim');
    expect(shortName('Kirishima Motor Corporation')).toBe('Kirishima Motor');
    expect(shortName('Neckartal Bremsen GmbH')).toBe('Neckartal Bremsen');
  });
  it('shortName drops Japanese legal forms before or after the name', () => {
    expect(shortName('株式会社小島プレス')).toBe('小島プレス');
    expect(shortName('小島プレス株式会社')).toBe('小島プレス');
    expect(shortName('有限会社太田スプリング')).toBe('太田スプリング');
    expect(shortName('太田スプリング(株)')).toBe('太田スプリング');
    expect(shortName('（株）金沢モールド')).toBe('金沢モールド');
    expect(shortName('㈱上田紙器')).toBe('上田紙器');
    expect(shortName('合同会社ニンバス')).toBe('ニンバス');
  });
});
