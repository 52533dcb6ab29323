import type { TransferRequestEvent } from '@dspt/server/platform';

/** What a transfer-request email says of the request: the provider's minimum and the two LSPs, nothing more. */
export interface TransferRequestEmailFacts {
  event: TransferRequestEvent;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  providerName: string;
  odsCode: string;
  branchCount: number;
  fromName: string;
  toName: string;
  /** The reader's LSP's Transfers page. */
  link: string;
}

/**
 * The email to an LSP's admins about a transfer request: to the receiving LSP when it is made, to the
 * offering LSP when it is answered. It names the provider (an organisation) and the LSPs only; the note,
 * the reason and anything about the provider's contacts stay behind the portal's sign-in.
 */
export function transferRequestEmail(facts: TransferRequestEmailFacts): { subject: string; text: string } {
  const provider = `${facts.providerName} (ODS code ${facts.odsCode})`;
  const branches =
    facts.branchCount > 0 ? ` with ${facts.branchCount} ${facts.branchCount === 1 ? 'branch' : 'branches'}` : '';
  if (facts.event === 'requested') {
    return {
      subject: `${facts.fromName} offers ${facts.providerName} to ${facts.toName}`,
      text: [
        `${facts.fromName} asks ${facts.toName} to take ${provider}${branches}: the provider has moved into your area.`,
        `Read their note and accept or decline the request on the portal:\n${facts.link}`,
        `You receive this email because you are an admin of ${facts.toName}.`,
      ].join('\n\n'),
    };
  }
  const accepted = facts.status === 'accepted';
  return {
    subject: `${facts.toName} ${accepted ? 'accepted' : 'declined'} ${facts.providerName}`,
    text: [
      accepted
        ? `${facts.toName} accepted your request: ${provider}${branches} moved to ${facts.toName} with its history.`
        : `${facts.toName} declined your request to take ${provider}: it stays with ${facts.fromName}.`,
      `${accepted ? 'See the outcome' : 'Read the reason'} on the portal:\n${facts.link}`,
      `You receive this email because you are an admin of ${facts.fromName}.`,
    ].join('\n\n'),
  };
}
