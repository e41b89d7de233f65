// Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
// transpositions of adjacent characters), bounded: the scorer only cares whether two tokens are
// within a few edits, so computation stops as soon as the bound is exceeded.

// Bound once: inside a vm sandbox (Temporal's workflow isolate, Jest) every lookup of a global such
// as Math is slow, and these run in the innermost loops.
const { abs, ceil, max, min } = Math;

/**
 * The edit distance between `a` and `b`, or `maxEdits + 1` if it is larger than `maxEdits`.
 * Compares UTF-16 code units, which is exact for Latin and for CJK in the Basic Multilingual Plane.
 */
export function boundedEditDistance(a: string, b: string, maxEdits: number): number {
  if (a === b) return 0;
  const tooFar = maxEdits + 1;
  if (abs(a.length - b.length) > maxEdits) return tooFar;
  if (a.length === 0 || b.length === 0) return min(max(a.length, b.length), tooFar);

  const width = b.length + 1;
  let beforePrevious: number[] = [];
  let previous: number[] = [];
  let current: number[] = [];
  for (let j = 0; j < width; j++) {
    beforePrevious.push(0);
    previous.push(j);
    current.push(0);
  }

  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const substitution = previous[j - 1] + (ai === bj ? 0 : 1);
      let best = min(previous[j] + 1, current[j - 1] + 1, substitution);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > maxEdits) return tooFar;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return min(previous[b.length], tooFar);
}

/** A 32-bit set of (hashed) characters; one edit changes at most two bits of the XOR of two masks. */
export function characterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A cheap lower bound on the edit distance of two tokens, from their character masks and lengths. */
export function editDistanceLowerBound(
  maskA: number,
  lengthA: number,
  maskB: number,
  lengthB: number,
): number {
  return max(abs(lengthA - lengthB), ceil(bitCount(maskA ^ maskB) / 2));
}

/**
 * The strings left after deleting up to `depth` characters (the string itself included). Two
 * strings within k edits always share one of their variants of depth k.
 */
export function deletionVariants(text: string, depth: number): string[] {
  const variants = new Set([text]);
  let frontier = [text];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        const variant = word.slice(0, i) + word.slice(i + 1);
        if (!variants.has(variant)) {
          variants.add(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return [...variants];
}
