// Small checks the policy validator is built from. Each records problems under the path of the field
// (e.g. "factors.DEBARRED.points") and keeps going, so an author sees every problem at once.

export interface PolicyError {
  path: string;
  message: string;
}

export class ErrorList {
  readonly errors: PolicyError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }
}

export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const segment = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
  if (path === '') return segment;
  return segment.startsWith('"') ? `${path}[${segment}]` : `${path}.${segment}`;
}

/** The value as a plain object with only the allowed keys and all the required ones, else null. */
export function checkObject(
  value: unknown,
  path: string,
  errors: ErrorList,
  keys: { required: readonly string[]; optional?: readonly string[] },
): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.add(path || '(document)', 'must be an object');
    return null;
  }
  const record = value as Record<string, unknown>;
  const allowed = [...keys.required, ...(keys.optional ?? [])];
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) errors.add(at(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
  }
  for (const key of keys.required) {
    if (record[key] === undefined) errors.add(at(path, key), 'is required');
  }
  return record;
}

export function checkString(
  value: unknown,
  path: string,
  errors: ErrorList,
  format?: { pattern: RegExp; description: string },
): value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(path, 'must be a non-empty string');
    return false;
  }
  if (format !== undefined && !format.pattern.test(value)) {
    errors.add(path, `must be ${format.description}`);
    return false;
  }
  return true;
}

export function checkBoolean(value: unknown, path: string, errors: ErrorList): value is boolean {
  if (typeof value === 'boolean') return true;
  errors.add(path, 'must be true or false');
  return false;
}

export function checkNumber(
  value: unknown,
  path: string,
  errors: ErrorList,
  range: { min: number; max: number; integer?: boolean },
): value is number {
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  if (isNumber && (!range.integer || Number.isInteger(value)) && value >= range.min && value <= range.max) {
    return true;
  }
  errors.add(
    path,
    `must be ${range.integer ? 'an integer' : 'a number'} between ${range.min} and ${range.max}`,
  );
  return false;
}

export function checkOneOf<T extends string>(
  value: unknown,
  path: string,
  errors: ErrorList,
  allowed: readonly T[],
): value is T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
  errors.add(path, `must be one of ${allowed.join(', ')}`);
  return false;
}

/** An array of non-empty strings without repeats; `allowed` restricts the values. */
export function checkStringList(
  value: unknown,
  path: string,
  errors: ErrorList,
  options: { allowed?: readonly string[]; nonEmpty?: boolean } = {},
): value is string[] {
  if (!Array.isArray(value)) {
    errors.add(path, 'must be a list');
    return false;
  }
  if (options.nonEmpty && value.length === 0) {
    errors.add(path, 'must not be empty');
    return false;
  }
  let ok = true;
  value.forEach((item, index) => {
    const itemOk =
      options.allowed === undefined
        ? checkString(item, at(path, index), errors)
        : checkOneOf(item, at(path, index), errors, options.allowed);
    if (itemOk && value.indexOf(item) !== index) {
      errors.add(at(path, index), `repeats ${JSON.stringify(item)}`);
      ok = false;
    }
    ok &&= itemOk;
  });
  return ok;
}
