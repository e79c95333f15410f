/**
 * What the progress bar's live region says. Screen readers queue every change of a polite
 * region, so a batch of 10.000 would be read number by number: the text is spoken at most every
 * `intervalMs`, except when the status changes (started, finished), which is said at once.
 */
export interface Announcement {
  text: string;
  status: string;
  at: number;
}

export function nextAnnouncement(
  prev: Announcement | null,
  current: { text: string; status: string },
  now: number,
  intervalMs = 10_000,
): Announcement {
  if (!prev || prev.status !== current.status) return { ...current, at: now };
  if (current.text !== prev.text && now - prev.at >= intervalMs) return { ...current, at: now };
  return prev;
}
