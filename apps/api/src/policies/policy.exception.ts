import { HttpException } from '@nestjs/common';
import type { PolicyError } from '../../../../libs/domain/src/policy/index.js';

export enum PolicyExceptionCode {
  NotFound = 'POLICY_NOT_FOUND',
  VersionNotFound = 'POLICY_VERSION_NOT_FOUND',
  VersionConflict = 'POLICY_VERSION_CONFLICT',
  InvalidDocument = 'POLICY_INVALID_DOCUMENT',
}

const STATUS: Record<PolicyExceptionCode, number> = {
  [PolicyExceptionCode.NotFound]: 404,
  [PolicyExceptionCode.VersionNotFound]: 404,
  [PolicyExceptionCode.VersionConflict]: 409,
  [PolicyExceptionCode.InvalidDocument]: 422,
};

export class PolicyException extends HttpException {
  constructor(
    readonly code: PolicyExceptionCode,
    message: string,
    details: unknown = { code },
  ) {
    super({ message, details }, STATUS[code]);
  }

  /** 422 naming every field to fix, in `message` and as `details: [{ path, message }]`. */
  static invalidDocument(what: string, errors: readonly PolicyError[]): PolicyException {
    const list = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
    return new PolicyException(
      PolicyExceptionCode.InvalidDocument,
      `${what} is not a valid policy document: ${list}`,
      errors.map(({ path, message }) => ({ path, message })),
    );
  }
}
