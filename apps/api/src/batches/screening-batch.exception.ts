import { codedExceptionFor } from '../common/coded-exception.js';

export enum ScreeningBatchExceptionCode {
  NotFound = 'BATCH_NOT_FOUND',
  Malformed = 'BATCH_MALFORMED',
  TooLarge = 'BATCH_TOO_LARGE',
}

const STATUS: Record<ScreeningBatchExceptionCode, number> = {
  [ScreeningBatchExceptionCode.NotFound]: 404,
  [ScreeningBatchExceptionCode.Malformed]: 400,
  [ScreeningBatchExceptionCode.TooLarge]: 413,
};

export class ScreeningBatchException extends codedExceptionFor(STATUS) {}
