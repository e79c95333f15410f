import { satisfiesSdk } from './index';

describe('satisfiesSdk', () => {
  it('follows semver caret rules, stricter below 1.0', () => {
    expect(satisfiesSdk('^0.1.0', '0.1.5')).toBe(true);
    expect(satisfiesSdk('^0.1.0', '0.2.0')).toBe(false);
    expect(satisfiesSdk('^1.2.0', '1.9.0')).toBe(true);
    expect(satisfiesSdk('^1.2.0', '2.0.0')).toBe(false);
    expect(satisfiesSdk('^1.2.0', '1.1.9')).toBe(false);
    expect(satisfiesSdk('~1.2.0', '1.2.7')).toBe(true);
    expect(satisfiesSdk('~1.2.0', '1.3.0')).toBe(false);
    expect(satisfiesSdk('>=0.1.0', '3.0.0')).toBe(true);
    expect(satisfiesSdk('nonsense', '0.1.0')).toBe(false);
  });
});
