import { useEffect, useRef, useState } from 'react';
import { nextAnnouncement, type Announcement } from './announcer';

/** The throttled text of a polite live region (see announcer.ts); re-checked while the text waits. */
export function useAnnouncement(text: string, status: string, intervalMs = 10_000): string {
  const ref = useRef<Announcement | null>(null);
  const [spoken, setSpoken] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const next = nextAnnouncement(ref.current, { text, status }, Date.now(), intervalMs);
    if (next !== ref.current) {
      ref.current = next;
      setSpoken(next.text);
    }
    // A held-back text is spoken when its time comes, even if nothing else changes.
    if (next.text !== text) {
      const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, next.at + intervalMs - Date.now()));
      return () => clearTimeout(timer);
    }
  }, [text, status, intervalMs, tick]);
  return spoken;
}
