// Which runs of three letters a-z (a word's two ends counting as a letter) occur in some reference
// term: 2.7 KB, so it stays in the processor's nearest cache. Most one-edit variants of a query word put
// a letter where no term has it ("blqckstone"): one of the trigrams around the edit then occurs in no
// term, and the variant is dismissed without a look-up in the much larger term table (term-index.ts).
// Other characters (digits, other scripts) are not tracked: a trigram holding one is never a reason
// to dismiss.

const END = 0;
/** The ends and a-z. */
const LETTERS = 27;

/** 1..26 for a-z, -1 for a character the trigrams do not track. */
function letterCode(unit: number): number {
  return unit >= 97 && unit <= 122 ? unit - 96 : -1;
}

export class LetterTrigrams {
  private readonly bits = new Uint32Array(Math.ceil((LETTERS * LETTERS * LETTERS) / 32));

  add(term: string): void {
    let a = END;
    let b = term.length > 0 ? letterCode(term.charCodeAt(0)) : END;
    for (let i = 1; i <= term.length; i++) {
      const c = i < term.length ? letterCode(term.charCodeAt(i)) : END;
      if (a >= 0 && b >= 0 && c >= 0) {
        const index = (a * LETTERS + b) * LETTERS + c;
        this.bits[index >>> 5]! |= 1 << (index & 31);
      }
      a = b;
      b = c;
    }
  }

  /**
   * A test of the word's one-edit variants: false for the variant `word.slice(0, from) + middle +
   * word.slice(to)` when one of its trigrams occurs in no term, so that it is no term; true when it may
   * be one. The word's own trigrams are read once: a variant that keeps one no term has (a typo the
   * edit does not undo) is dismissed at once; then the trigrams the edit made are read.
   */
  variantTest(word: string): (from: number, middle: string, to: number) => boolean {
    // Start positions (0 being the word's start) of its first and last trigram that no term has.
    let firstMissing = Infinity;
    let lastMissing = -Infinity;
    for (let start = 0; start < word.length; start++) {
      if (!this.has(word, 0, '', 0, start)) {
        firstMissing = Math.min(firstMissing, start);
        lastMissing = start;
      }
    }
    return (from, middle, to) => {
      // The trigrams before the edit cover characters up to from - 1, those after it from `to` on.
      if (firstMissing <= from - 2 || lastMissing >= to + 1) return false;
      const length = from + middle.length + word.length - to;
      const last = Math.min(from + middle.length, length - 1);
      for (let start = Math.max(0, from - 1); start <= last; start++) {
        if (!this.has(word, from, middle, to, start)) return false;
      }
      return true;
    };
  }

  /** False when the spliced word's trigram at `start` is one of tracked characters that no term has. */
  private has(word: string, from: number, middle: string, to: number, start: number): boolean {
    const a = spliceCode(word, from, middle, to, start);
    const b = spliceCode(word, from, middle, to, start + 1);
    const c = spliceCode(word, from, middle, to, start + 2);
    if (a < 0 || b < 0 || c < 0) return true;
    const index = (a * LETTERS + b) * LETTERS + c;
    return (this.bits[index >>> 5]! & (1 << (index & 31))) !== 0;
  }
}

/** The code of the variant's character at `position` (0 and length + 1 are its ends). */
function spliceCode(word: string, from: number, middle: string, to: number, position: number): number {
  if (position === 0) return END;
  const i = position - 1;
  if (i < from) return letterCode(word.charCodeAt(i));
  if (i < from + middle.length) return letterCode(middle.charCodeAt(i - from));
  const j = i - from - middle.length + to;
  return j < word.length ? letterCode(word.charCodeAt(j)) : END;
}
