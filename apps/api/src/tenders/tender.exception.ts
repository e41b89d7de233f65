import { codedExceptionFor } from '../common/coded-exception.js';

export enum TenderExceptionCode {
  NotFound = 'TENDER_NOT_FOUND',
  DuplicateReference = 'TENDER_DUPLICATE_REFERENCE',
  UnknownPolicy = 'TENDER_UNKNOWN_POLICY',
  Closed = 'TENDER_CLOSED',
  Invalid = 'TENDER_INVALID_ACTION',
}

const STATUS: Record<TenderExceptionCode, number> = {
  [TenderExceptionCode.NotFound]: 404,
  [TenderExceptionCode.DuplicateReference]: 409,
  [TenderExceptionCode.UnknownPolicy]: 422,
  [TenderExceptionCode.Closed]: 409,
  [TenderExceptionCode.Invalid]: 422,
};

export class TenderException extends codedExceptionFor(STATUS) {}
