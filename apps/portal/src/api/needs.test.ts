import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LearningNeed, Page } from '@cakap/contracts';
import { applyVote, needKeys } from './needs';

const need = (id: string, votes: number): LearningNeed => ({
  id,
  title: `Usulan ${id}`,
  reason: 'Alasan yang cukup panjang.',
  votes,
  comments: 0,
  status: 'proposed',
  preferredForm: 'elearning',
  competency: null,
  proposer: { id: 'p', name: 'Pengusul', unitName: null },
  votedByMe: false,
  createdAt: '2026-11-29T01:00:00.000Z',
  decisionReason: null,
  plan: null,
});

describe('applyVote', () => {
  it("puts the server's count on the need's page and on every board page that lists it", () => {
    const qc = new QueryClient();
    qc.setQueryData(needKeys.one('a'), need('a', 1));
    const byVotes = needKeys.list({ sort: 'votes', page: 1 });
    const mine = needKeys.list({ mine: true, page: 1 });
    qc.setQueryData<Page<LearningNeed>>(byVotes, { items: [need('a', 1), need('b', 4)], total: 2, page: 1, pageSize: 12 });
    qc.setQueryData<Page<LearningNeed>>(mine, { items: [need('b', 4)], total: 1, page: 1, pageSize: 12 });

    applyVote(qc, 'a', { votes: 2, votedByMe: true });

    expect(qc.getQueryData<LearningNeed>(needKeys.one('a'))).toMatchObject({ votes: 2, votedByMe: true });
    expect(qc.getQueryData<Page<LearningNeed>>(byVotes)!.items.map((n) => [n.id, n.votes, n.votedByMe])).toEqual([
      ['a', 2, true],
      ['b', 4, false],
    ]);
    expect(qc.getQueryData<Page<LearningNeed>>(mine)!.items[0]).toMatchObject({ id: 'b', votes: 4 });
  });

  it('leaves caches that were never loaded alone', () => {
    const qc = new QueryClient();
    applyVote(qc, 'a', { votes: 0, votedByMe: false });
    expect(qc.getQueryData(needKeys.one('a'))).toBeUndefined();
  });
});
