// Whom name screening screens: the supplier and the parties its declaration names (owners, parent,
// sub-contractors). Brands, manufacturers and components are not parties here: the product check
// resolves them through brand relations to their real manufacturer and reports each manufacturer once,
// so screening their names as well would count the same listed company twice.
import type { Declaration, SubjectRole, SupplierRef } from '../../../../libs/contracts/src/index.js';

export interface ScreeningSubject {
  role: SubjectRole;
  name: string;
  country?: string;
  /** Where the name came from, for evidence: "supplier", "owners[0]", "subcontractors[1]". */
  declaredAt: string;
}

export function screeningSubjects(supplier: SupplierRef, declaration: Declaration): ScreeningSubject[] {
  const subjects: ScreeningSubject[] = [
    { role: 'supplier', name: supplier.name, country: supplier.country, declaredAt: 'supplier' },
  ];
  declaration.owners.forEach((o, i) =>
    subjects.push({ role: 'owner', name: o.name, country: o.country, declaredAt: `owners[${i}]` }),
  );
  if (declaration.ultimateParent) {
    const p = declaration.ultimateParent;
    subjects.push({ role: 'parent', name: p.name, country: p.country, declaredAt: 'ultimateParent' });
  }
  declaration.subcontractors.forEach((s, i) =>
    subjects.push({
      role: 'subcontractor',
      name: s.name,
      country: s.country,
      declaredAt: `subcontractors[${i}]`,
    }),
  );
  return subjects;
}
