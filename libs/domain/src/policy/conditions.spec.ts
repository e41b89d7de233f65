import type { Finding } from '../../../contracts/src/domain-types.js';
import type { FindingAttributes } from '../../../contracts/src/finding-attributes.js';
import { matchesFinding, matchesTender } from './conditions.js';
import type { FindingCondition, PolicyParameters } from './policy-document.js';

const parameters: PolicyParameters = {
  hongKongIsPrcJurisdiction: true,
  intelligenceLaws: ['PRC-NIL-2017'],
  significantControlPct: 25,
  majorityPct: 50,
  coveredUses: ['public_safety'],
};

function owner(attributes: FindingAttributes): Finding {
  return {
    key: 'k',
    check: 'ownership',
    code: 'STATE_OWNERSHIP',
    subject: { role: 'owner', name: 'Owner' },
    summary: 'Owner',
    evidence: [],
    attributes: { ...attributes },
  };
}

describe('matchesFinding', () => {
  it.each<[FindingCondition, FindingAttributes, boolean]>([
    [{ codes: ['STATE_OWNERSHIP'] }, {}, true],
    [{ codes: ['DEBARRED'] }, {}, false],
    [{ roles: ['owner', 'parent'] }, {}, true],
    [{ roles: ['supplier'] }, {}, false],
    [{ topicsAny: ['debarment', 'sanction'] }, { topics: ['sanction'] }, true],
    [{ topicsAny: ['debarment'] }, {}, false],
    [{ listIdsAny: ['us-ndaa-889'] }, { listIds: ['us-ndaa-889'] }, true],
    [{ jurisdictions: ['CN'] }, { jurisdiction: 'HK' }, true], // Hong Kong read as CN under this policy
    [{ jurisdictions: ['CN'] }, { jurisdiction: 'RU' }, false],
    [{ intelligenceLaw: true }, { jurisdiction: 'CN', laws: ['PRC-NIL-2017'] }, true],
    [{ intelligenceLaw: true }, { jurisdiction: 'CN' }, false],
    [{ intelligenceLaw: false }, {}, true],
    [{ coveredCompanies: ['huawei'] }, { coveredCompany: 'huawei' }, true],
    [{ coveredCompanies: ['huawei'] }, { coveredCompany: 'dahua' }, false],
    [{ equipmentCategories: ['telecoms'] }, { equipmentCategory: 'telecoms' }, true],
    [{ nationalSecurity: true }, { nationalSecurity: true }, true],
    [{ nationalSecurity: false }, {}, true],
    [{ state: true }, { state: false }, false],
    [{ associatedPersonOnly: true }, { associatedPersonOnly: true }, true],
    [{ shareAbove: 'majorityPct' }, { share: 50 }, false],
    [{ shareAbove: 'majorityPct' }, { share: 50.5 }, true],
    [{ shareAbove: 10 }, { shareMin: 5, shareMax: 15 }, true],
    [{ minConfidence: 'medium' }, { confidence: 'low' }, false],
    [{ minConfidence: 'medium' }, { confidence: 'high' }, true],
    [{ minConfidence: 'high' }, {}, true],
    [
      { roles: ['owner'], state: true, shareAbove: 'significantControlPct' },
      { state: true, share: 20 },
      false,
    ],
  ])('%j against %j → %p', (condition, attributes, expected) => {
    expect(matchesFinding(owner(attributes), condition, parameters)).toBe(expected);
  });
});

describe('matchesTender', () => {
  const tender = {
    id: 't',
    reference: 'r',
    buyerType: 'us_federal' as const,
    sensitiveSite: false,
    intendedUse: 'public_safety',
    policyId: 'us-federal-889',
  };

  it.each<[Parameters<typeof matchesTender>[1], boolean]>([
    [{ intendedUseCovered: true }, true],
    [{ sensitiveSite: true }, false],
    [{ buyerTypes: ['us_federal'], sensitiveSite: false }, true],
    [{ buyerTypes: ['local_authority'] }, false],
  ])('%j → %p', (condition, expected) => {
    expect(matchesTender(tender, condition, parameters)).toBe(expected);
  });

  it('treats a tender without an intended use as not covered', () => {
    expect(matchesTender({ ...tender, intendedUse: null }, { intendedUseCovered: false }, parameters)).toBe(
      true,
    );
  });
});
