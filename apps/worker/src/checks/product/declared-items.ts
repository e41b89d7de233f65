// What the supplier says it will deliver, flattened: each product and each component inside it, with where
// in the declaration it came from and a label a reviewer recognises.
import type { Declaration } from '../../../../../libs/contracts/src/index.js';
import { isUnknownName } from '../findings.js';

export interface DeclaredItem {
  kind: 'product' | 'component';
  /** "products[0]", "products[0].components[1]". */
  declaredAt: string;
  /** "HiLook IPC-B140H", "HiSilicon chipset in HiLook IPC-B140H". */
  label: string;
  /** The name that may be a brand: the product's brand, or the component maker as written. */
  brand: string;
  /** The manufacturer as declared, if the supplier named one. */
  declaredManufacturer: string | null;
  countryOfOrigin: string | null;
}

export function declaredItems(declaration: Declaration): DeclaredItem[] {
  return declaration.products.flatMap((product, p) => {
    const productLabel = [product.brand, product.model].filter(Boolean).join(' ');
    const manufacturer = isUnknownName(product.manufacturer) ? null : product.manufacturer!.trim();
    const items: DeclaredItem[] = [
      {
        kind: 'product',
        declaredAt: `products[${p}]`,
        label: productLabel,
        brand: product.brand,
        declaredManufacturer: manufacturer,
        countryOfOrigin: product.countryOfOrigin?.toUpperCase() ?? null,
      },
    ];
    (product.components ?? []).forEach((component, c) => {
      const maker = component.manufacturer?.trim() ?? '';
      items.push({
        kind: 'component',
        declaredAt: `products[${p}].components[${c}]`,
        label: `${isUnknownName(maker) ? 'unnamed maker’s' : maker} ${component.type || 'component'} in ${productLabel}`,
        brand: maker,
        declaredManufacturer: null,
        countryOfOrigin: null,
      });
    });
    return items;
  });
}
