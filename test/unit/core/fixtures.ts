import fc from 'fast-check';
import {
  isLegibleName,
  type Preset,
  type PresetInput,
  PresetSchema,
} from '../../../src/core/preset';
import { publicCatalog } from '../../../src/core/public-catalog';
import { METHODS } from '../../../src/core/scopes';

/** A valid stored preset; fields can be overridden with input-form values. */
export const makePreset = (overrides: Partial<PresetInput> = {}): Preset =>
  PresetSchema.parse({
    id: 'reporting',
    name: 'Reporting',
    nameTemplate: '{account}-reporting-{date}',
    description: 'Nightly report export',
    version: '16',
    primaryContact: 'aiko@acme.example',
    developerEmails: ['dev@acme.example'],
    scopes: [
      { category: 'Reports', methods: ['GET'] },
      { category: 'Actions', methods: ['GET', 'PUT'] },
    ],
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...overrides,
  });

/** Recursively frozen, so any attempt to mutate it throws (test files are strict-mode modules). */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

const nonBlank = (maxLength: number) =>
  fc.string({ unit: 'binary', minLength: 1, maxLength }).filter((s) => s.trim().length > 0);

export const emailArb = fc.stringMatching(
  /^[a-z0-9_+-]{1,8}(\.[a-z0-9]{1,5})?@[a-z0-9]{1,8}(-[a-z0-9]{1,4})?\.[a-z]{2,5}$/,
);

export const CATALOG_CATEGORIES = publicCatalog('partner').map((c) => c.category);

export const categoryArb = fc.oneof(fc.constantFrom(...CATALOG_CATEGORIES), nonBlank(30));

/** Catalog paths and made-up ones, placeholders in both spellings. */
export const pathArb = fc.oneof(
  fc.constantFrom(
    ...publicCatalog('brand').flatMap((c) => c.endpoints.map((e) => e.path as string)),
  ),
  fc
    .array(fc.stringMatching(/^(\{[A-Za-z]{1,10}\}|[A-Za-z0-9._~-]{1,12})$/), {
      minLength: 1,
      maxLength: 5,
    })
    .map((parts) => `/${parts.join('/')}`),
);

export const endpointArb = fc.record({ method: fc.constantFrom(...METHODS), path: pathArb });

/** A method grant, pinned endpoints, or both (never neither). */
export const scopeArb = fc
  .record({
    category: categoryArb,
    methods: fc.shuffledSubarray([...METHODS]),
    endpoints: fc.array(endpointArb, { maxLength: 5 }),
  })
  .filter((s) => s.methods.length > 0 || s.endpoints.length > 0);

/** Any valid preset, in stored (parsed, normalized) form; strings include all of Unicode. */
export const presetArb: fc.Arbitrary<Preset> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    name: nonBlank(45).filter(isLegibleName),
    nameTemplate: nonBlank(90),
    description: fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 200 })),
    version: fc.oneof(fc.constant('latest'), fc.integer({ min: 0, max: 999 }).map(String)),
    primaryContact: fc.oneof(fc.constant(''), emailArb, nonBlank(40)),
    developerEmails: fc.array(emailArb, { maxLength: 4 }),
    scopes: fc.array(scopeArb, { minLength: 1, maxLength: 6 }),
    updatedAt: fc
      .date({ min: new Date(0), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  })
  .map((input) => PresetSchema.parse(input));

/** Presets with distinct ids and names, as a stored list always has. */
export const presetListArb = fc
  .uniqueArray(presetArb, {
    maxLength: 6,
    selector: (p) => p.id,
  })
  .map((list) => {
    const names = new Set<string>();
    return list.filter((p) => {
      const key = p.name.trim().toLowerCase();
      if (names.has(key)) return false;
      names.add(key);
      return true;
    });
  });
