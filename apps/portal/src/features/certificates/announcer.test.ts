import { describe, expect, it } from 'vitest';
import { nextAnnouncement } from './announcer';

describe('nextAnnouncement', () => {
  it('speaks the first state and every status change at once', () => {
    const a = nextAnnouncement(null, { text: '0 dari 100', status: 'queued' }, 0);
    expect(a.text).toBe('0 dari 100');
    const b = nextAnnouncement(a, { text: '1 dari 100', status: 'running' }, 10);
    expect(b).toEqual({ text: '1 dari 100', status: 'running', at: 10 });
    const c = nextAnnouncement(b, { text: '100 dari 100', status: 'completed' }, 20);
    expect(c.text).toBe('100 dari 100');
  });

  it('holds counter ticks until the interval has passed', () => {
    const a = nextAnnouncement(null, { text: '1 dari 100', status: 'running' }, 0);
    expect(nextAnnouncement(a, { text: '50 dari 100', status: 'running' }, 9_999)).toBe(a);
    expect(nextAnnouncement(a, { text: '60 dari 100', status: 'running' }, 10_000)).toEqual({ text: '60 dari 100', status: 'running', at: 10_000 });
  });
});
