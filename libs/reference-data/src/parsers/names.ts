/**
 * Other names of an entity, without the primary name or repeats. Compared case-insensitively: "HIKVISION"
 * adds nothing to "Hikvision" for screening, while keeping both would only cost index space.
 */
export function aliasesOf(primaryName: string, candidates: Iterable<string>): string[] {
  const seen = new Set([primaryName.toLowerCase()]);
  const aliases: string[] = [];
  for (const candidate of candidates) {
    const name = candidate.trim();
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    aliases.push(name);
  }
  return aliases;
}
