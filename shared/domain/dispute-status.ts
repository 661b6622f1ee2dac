/**
 * The life of a dispute case: draft → submitted → under review → resolved / rejected / withdrawn.
 * A rejected case may be submitted again (an appeal or an escalation, e.g. to 12363); resolved and
 * withdrawn cases are closed.
 */
export const DISPUTE_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'resolved',
  'rejected',
  'withdrawn',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const CONTACT_CHANNELS = ['hotline', 'app', 'email', 'sms', 'letter', 'regulator'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const NEXT: Record<DisputeStatus, readonly DisputeStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['under_review', 'resolved', 'rejected', 'withdrawn'],
  under_review: ['resolved', 'rejected', 'withdrawn'],
  rejected: ['submitted', 'withdrawn'],
  resolved: [],
  withdrawn: [],
};

/** The statuses a case in `from` may move to. */
export function nextStatuses(from: DisputeStatus): readonly DisputeStatus[] {
  return NEXT[from];
}

export function canMove(from: DisputeStatus, to: DisputeStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Share the money recovered among a case's findings, largest claim first, each up to its own claim;
 * whatever is left over (recovered more than claimed) goes to the first. Unit: fen, integers only.
 */
export function allocateRecovered(
  findings: readonly { id: number; claimFen: number }[],
  recoveredFen: number,
): Map<number, number> {
  const out = new Map<number, number>();
  const order = [...findings].sort((a, b) => b.claimFen - a.claimFen || a.id - b.id);
  let left = recoveredFen;
  for (const f of order) {
    const share = Math.max(0, Math.min(f.claimFen, left));
    out.set(f.id, share);
    left -= share;
  }
  const first = order[0];
  if (first && left > 0) out.set(first.id, (out.get(first.id) ?? 0) + left);
  return out;
}
