// Who a screening screens: the supplier and everyone its declaration names.
import type { Declaration, SubjectRole, SupplierRef } from '../../../../libs/contracts/src/index.js';

export interface ScreeningSubject {
  role: SubjectRole;
  name: string;
  country?: string;
  /** Where the name came from, for evidence: "supplier", "owners[0]", "products[2].components[0]". */
  declaredAt: string;
}

export function screeningSubjects(supplier: SupplierRef, declaration: Declaration): ScreeningSubject[] {
  const subjects: ScreeningSubject[] = [
    { role: 'supplier', name: supplier.name, country: supplier.country, declaredAt: 'supplier' },
  ];
  declaration.owners.forEach((o, i) => subjects.push({ role: 'owner', name: o.name, country: o.country, declaredAt: `owners[${i}]` }));
  if (declaration.ultimateParent) {
    const p = declaration.ultimateParent;
    subjects.push({ role: 'parent', name: p.name, country: p.country, declaredAt: 'ultimateParent' });
  }
  declaration.products.forEach((p, i) => {
    if (p.manufacturer && !/^unknown$/i.test(p.manufacturer.trim())) {
      subjects.push({ role: 'manufacturer', name: p.manufacturer, country: p.countryOfOrigin, declaredAt: `products[${i}].manufacturer` });
    }
    subjects.push({ role: 'brand', name: p.brand, declaredAt: `products[${i}].brand` });
    (p.components ?? []).forEach((c, j) =>
      subjects.push({ role: 'component', name: c.manufacturer, declaredAt: `products[${i}].components[${j}].manufacturer` }),
    );
  });
  declaration.subcontractors.forEach((s, i) =>
    subjects.push({ role: 'subcontractor', name: s.name, country: s.country, declaredAt: `subcontractors[${i}]` }),
  );
  return subjects;
}
