import { HttpException } from '@nestjs/common';

/**
 * An HTTP error whose `details.code` names the refusal, so a client can act on it without parsing the
 * message; the status follows from the code.
 */
export class CodedException<Code extends string> extends HttpException {
  constructor(
    readonly code: Code,
    status: number,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super({ message, details: { code, ...details } }, status);
  }
}

/** The base of a feature's exception: its codes and the status each answers with. */
export function codedExceptionFor<Code extends string>(statusByCode: Readonly<Record<Code, number>>) {
  return class extends CodedException<Code> {
    constructor(code: Code, message: string, details: Record<string, unknown> = {}) {
      super(code, statusByCode[code], message, details);
    }
  };
}
