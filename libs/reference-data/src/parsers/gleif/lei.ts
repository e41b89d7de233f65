import { RecordIssue } from '../parse-error.js';

const LEI_SHAPE = /^[A-Z0-9]{18}[0-9]{2}$/;

/** An ISO 17442 LEI: 20 characters whose last two are a mod-97 check, as for IBANs. */
export function leiValue(value: string, field: string): string {
  const lei = value.trim().toUpperCase();
  if (!LEI_SHAPE.test(lei) || !hasValidCheckDigits(lei))
    throw new RecordIssue(field, `'${value}' is not a valid LEI`);
  return lei;
}

function hasValidCheckDigits(lei: string): boolean {
  let remainder = 0;
  for (const char of lei) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
