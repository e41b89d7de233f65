// The ownership check: the supplier's chain of owners from the registry and its declaration, with state
// owners, listed owners (and the US 50 % rule), undeclared owners and parents, and declared owners the
// registry cannot confirm. The maths and most findings come from libs/domain/src/ownership.
import type { Finding, RunCheckInput, SupplierRef } from '../../../../../libs/contracts/src/index.js';
import { ownershipFindings } from '../../../../../libs/domain/src/ownership/index.js';
import type { ReferenceReader } from '../reference/reference-reader.js';
import { declaredOwnerEntries, ownershipPicture, type DeclaredOwnerEntry } from './ownership-picture.js';
import {
  asDeclaredParent,
  markNationalSecurity,
  undeclaredParentFinding,
  withSubjectMatch,
} from './supplier-ownership-findings.js';

export class OwnershipCheckService {
  async run(input: RunCheckInput, reader: ReferenceReader): Promise<Finding[]> {
    const declared = declaredOwnerEntries(input.declaration);
    const picture = await ownershipPicture(reader, input.supplier, declared);
    const options = { subjectName: input.supplier.name, subjectRole: 'supplier' as const };
    if (!picture.resolved) {
      // Declared owners the registry knows still show up (state, lists); only the cross-check is impossible.
      const findings = ownershipFindings(picture.combined, undefined, options);
      return [
        ...findings.map((f) => markNationalSecurity(f, picture.combined)),
        ...unknownSubject(input.supplier, declared),
      ];
    }
    const findings = ownershipFindings(picture.combined, picture.discrepancies, options)
      .map((f) => asDeclaredParent(f, declared))
      .map((f) => markNationalSecurity(f, picture.combined));
    const parent = undeclaredParentFinding(picture, input.supplier.name);
    if (parent && !findings.some((f) => f.key === parent.key)) findings.push(parent);
    return findings.map((f) => withSubjectMatch(f, input.supplier, picture.resolved!));
  }
}

/** Without a registry record of the supplier, one finding says its ownership could not be checked. */
function unknownSubject(supplier: SupplierRef, declared: DeclaredOwnerEntry[]): Finding[] {
  if (declared.length === 0) return [];
  const listed = declared.map(({ owner, role }) => {
    const share = owner.share === undefined ? '' : `, ${owner.share}%`;
    return `${owner.name} (${owner.country}${share}${role === 'parent' ? ', ultimate parent' : ''})`;
  });
  return [
    {
      key: 'ownership:UNVERIFIED_DECLARATION:subject-not-in-reference-data',
      check: 'ownership',
      code: 'UNVERIFIED_DECLARATION',
      subject: { role: 'supplier', name: supplier.name, country: supplier.country },
      summary:
        `${supplier.name} is not in the reference data, so the ownership it declared could not be ` +
        `checked against a registry: ${listed.join('; ')}.`,
      evidence: [
        {
          kind: 'declaration',
          path: [supplier.name, ...declared.map(({ owner }) => owner.name)],
          detail: {
            supplier: { name: supplier.name, country: supplier.country, identifiers: supplier.identifiers },
            declared: declared.map(({ owner, role, declaredAt }) => ({ declaredAt, role, ...owner })),
          },
        },
      ],
      attributes: { declaredOwners: declared.length },
    },
  ];
}
