/**
 * Synthetic CQC registers in the layout of CQC's "HSCA Active Locations" file (its column names, many of
 * which the import ignores), for tests and the end-to-end suite: no real register can be fetched here.
 */
export const CQC_REGISTER_FILE_COLUMNS = [
  'Location ID',
  'Location HSCA start date',
  'Dormant (Y/N)',
  'Care home?',
  'Location Name',
  'Location ODS Code',
  'Location Telephone Number',
  'Registered manager',
  'Care homes beds',
  'Location Type/Sector',
  'Location Inspection Directorate',
  'Location Primary Inspection Category',
  'Location Latest Overall Rating',
  'Location Region',
  'Location NHS Region',
  'Location Local Authority',
  'Location Street Address',
  'Location City',
  'Location Postal Code',
  'Provider ID',
  'Provider Name',
  'Service type - Care home service with nursing',
  'Service type - Domiciliary care service',
  'Service type - Doctors consultation service',
] as const;

export interface SyntheticLocation {
  locationId: string;
  odsCode: string;
  name: string;
  localAuthority: string;
  region: string;
  kind: 'care_home' | 'homecare' | 'gp' | 'dentist' | 'hospital';
}

const KINDS: Record<
  SyntheticLocation['kind'],
  { careHome: boolean; sector: string; directorate: string; category: string }
> = {
  care_home: {
    careHome: true,
    sector: 'Social Care Org',
    directorate: 'Adult social care',
    category: 'Residential social care',
  },
  homecare: {
    careHome: false,
    sector: 'Social Care Org',
    directorate: 'Adult social care',
    category: 'Community based adult social care services',
  },
  gp: {
    careHome: false,
    sector: 'Primary Medical Services',
    directorate: 'Primary medical services',
    category: 'GP Practices',
  },
  dentist: {
    careHome: false,
    sector: 'Primary Dental Care',
    directorate: 'Primary medical services',
    category: 'Dentists',
  },
  hospital: {
    careHome: false,
    sector: 'Independent Healthcare Org',
    directorate: 'Hospitals',
    category: 'Acute hospital - Independent',
  },
};

/** A register row in CQC_REGISTER_FILE_COLUMNS order. */
export function cqcRegisterRow(location: SyntheticLocation): string[] {
  const kind = KINDS[location.kind];
  const n = location.locationId.replace(/\D/g, '');
  return [
    location.locationId,
    '01/04/2015',
    'N',
    kind.careHome ? 'Y' : 'N',
    location.name,
    location.odsCode,
    `0113 496 ${n.slice(-4).padStart(4, '0')}`,
    'Registered Manager',
    kind.careHome ? String(20 + (Number(n) % 60)) : '',
    kind.sector,
    kind.directorate,
    kind.category,
    'Good',
    location.region,
    `NHS England ${location.region}`,
    location.localAuthority,
    `${n.slice(-3)} High Street`,
    location.localAuthority,
    'LS1 1AA',
    `1-${(Number(n) % 9_000) + 1_000}`,
    `Provider ${Number(n) % 9_000}`,
    kind.careHome && Number(n) % 3 === 0 ? 'Y' : '',
    location.kind === 'homecare' ? 'Y' : '',
    location.kind === 'gp' ? 'Y' : '',
  ];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `count` locations spread over `localAuthorities` (name and region): three in five adult social care
 * (care homes and homecare), the rest GP practices, dentists and hospitals, which the import leaves out.
 * Location ids start at `firstId`; ODS codes are V + 4 characters derived from `codeSeed` and the number.
 */
export function syntheticCqcRegister(
  count: number,
  localAuthorities: ReadonlyArray<{ name: string; region: string }>,
  options: { firstId?: number; codeSeed?: number } = {},
): SyntheticLocation[] {
  const first = options.firstId ?? 100_000_000;
  const seed = options.codeSeed ?? 0;
  const kinds: SyntheticLocation['kind'][] = [
    'care_home',
    'homecare',
    'care_home',
    'gp',
    'dentist',
    'homecare',
    'care_home',
    'hospital',
    'gp',
    'homecare',
  ];
  return Array.from({ length: count }, (_, index) => {
    const la = localAuthorities[index % localAuthorities.length];
    let code = '';
    for (let value = index * 7_919 + seed * 104_729; code.length < 4; value = Math.floor(value / ALPHABET.length)) {
      code += ALPHABET[value % ALPHABET.length];
    }
    const kind = kinds[index % kinds.length];
    return {
      locationId: `1-${first + index}`,
      odsCode: `V${code}`,
      name: `${['Oak', 'Ash', 'Elm', 'Yew', 'Fir'][index % 5]} ${kind === 'care_home' ? 'House' : kind === 'homecare' ? 'Homecare' : 'Clinic'} ${index}`,
      localAuthority: la.name,
      region: la.region,
      kind,
    };
  });
}

/** Whether the import keeps this synthetic location (adult social care). */
export function isSyntheticAdultSocialCare(location: SyntheticLocation): boolean {
  return location.kind === 'care_home' || location.kind === 'homecare';
}
