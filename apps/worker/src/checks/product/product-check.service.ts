// The product check: every declared brand and component traced to the company that really makes it, then
// that company's jurisdiction, section 889 listing, other lists and state control; plus white-label brands,
// items nobody in the data makes, and declared manufacturers the data contradicts.
import type { Finding, RunCheckInput } from '../../../../../libs/contracts/src/index.js';
import { companyExposure } from '../exposure/company-exposure.js';
import { registryOwnership } from '../ownership/ownership-picture.js';
import type { ReferenceReader } from '../reference/reference-reader.js';
import { declaredItems } from './declared-items.js';
import { resolveItemMakers, type ItemResolution } from './maker-resolution.js';
import { manufacturerFindings, whiteLabelFindings, type MakerGroup } from './product-findings.js';
import { resolutionFindings } from './resolution-findings.js';

export class ProductCheckService {
  async run(input: RunCheckInput, reader: ReferenceReader): Promise<Finding[]> {
    const items = declaredItems(input.declaration);
    if (items.length === 0) return [];
    const [resolutions, profiles] = await Promise.all([
      resolveItemMakers(reader, items),
      reader.jurisdictions(),
    ]);
    const groups = groupByMaker(resolutions);
    const analyses = await registryOwnership(
      reader,
      groups.map((group) => group.manufacturer),
    );
    const context = { intendedUse: input.tender.intendedUse };
    return [
      ...groups.flatMap((group) =>
        manufacturerFindings(
          group,
          companyExposure(group.manufacturer, analyses.get(group.manufacturer.externalId)!, profiles),
          context,
        ),
      ),
      ...whiteLabelFindings(resolutions),
      ...resolutionFindings(resolutions, profiles, context),
    ];
  }
}

function groupByMaker(resolutions: readonly ItemResolution[]): MakerGroup[] {
  const groups = new Map<string, MakerGroup>();
  for (const { makers } of resolutions) {
    for (const maker of makers) {
      const key = `${maker.manufacturer.externalId}|${maker.item.kind}`;
      const group = groups.get(key) ?? {
        manufacturer: maker.manufacturer,
        kind: maker.item.kind,
        makers: [],
      };
      group.makers.push(maker);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}
