import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** One line naming every wrong field and why. */
export function validationMessage(details: { field: string; messages: string[] }[]): string {
  return details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; ');
}

/** Every wrong field with why (nested fields dotted: owners.0.name). */
export function validationDetails(
  errors: ValidationError[],
  prefix = '',
): { field: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...validationDetails(e.children ?? [], field)];
  });
}

/** Whitelisted, strict validation; a 400 lists every field that is wrong and why. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = validationDetails(errors);
      return new BadRequestException({ message: validationMessage(details), details });
    },
  });
}
