/**
 * What the redaction rule does, as examples: the unit tests check the TypeScript rule against them and
 * privacy-erasure.int-spec.ts the SQL twin that scrubs the audit trail, so the two cannot drift apart.
 */
export const REDACTION_EXAMPLES: Array<{ text: string; identifiers: string[]; expected: string }> = [
  { text: 'Called Priya Shah about 4.1.1', identifiers: ['Priya Shah'], expected: 'Called [erased] about 4.1.1' },
  {
    text: 'PRIYA SHAH rang back; priya shah agreed',
    identifiers: ['Priya Shah'],
    expected: '[erased] rang back; [erased] agreed',
  },
  {
    text: 'Email to Priya <priya.shah@rose.example>.',
    identifiers: ['priya.shah@rose.example', 'Priya'],
    expected: 'Email to [erased] <[erased]>.',
  },
  { text: 'Wrote to Priya.Shah@Rose.Example', identifiers: ['priya.shah@rose.example'], expected: 'Wrote to [erased]' },
  { text: 'Joann Leek is not Ann Lee', identifiers: ['Ann Lee'], expected: 'Joann Leek is not [erased]' },
  {
    text: 'xpriya.shah@rose.example is another address',
    identifiers: ['priya.shah@rose.example'],
    expected: 'xpriya.shah@rose.example is another address',
  },
  {
    text: 'Visit with Zoë Ó Súilleabháin (manager)',
    identifiers: ['Zoë Ó Súilleabháin'],
    expected: 'Visit with [erased] (manager)',
  },
  {
    text: 'Spoke to Dan (he+dspt@care.example)',
    identifiers: ['he+dspt@care.example'],
    expected: 'Spoke to Dan ([erased])',
  },
  {
    text: 'Mary-Jane Lee-Smith wrote from mary-jane@rose-care.example',
    identifiers: ['mary-jane@rose-care.example', 'Mary-Jane Lee-Smith'],
    expected: '[erased] wrote from [erased]',
  },
  { text: 'Nothing personal here', identifiers: ['Priya Shah'], expected: 'Nothing personal here' },
];
