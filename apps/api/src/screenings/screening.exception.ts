import { codedExceptionFor } from '../common/coded-exception.js';
import { REFUSAL } from '../../../../libs/contracts/src/index.js';

export enum ScreeningExceptionCode {
  NotFound = 'SCREENING_NOT_FOUND',
  Closed = 'SCREENING_CLOSED',
  WrongStage = 'SCREENING_WRONG_STAGE',
  FourEyes = 'SCREENING_FOUR_EYES',
  NotAllowed = 'SCREENING_ACTION_NOT_ALLOWED',
  Invalid = 'SCREENING_INVALID_ACTION',
  TenderClosed = 'SCREENING_TENDER_CLOSED',
  Unavailable = 'SCREENING_WORKFLOW_UNAVAILABLE',
}

const STATUS: Record<ScreeningExceptionCode, number> = {
  [ScreeningExceptionCode.NotFound]: 404,
  [ScreeningExceptionCode.Closed]: 409,
  [ScreeningExceptionCode.WrongStage]: 409,
  [ScreeningExceptionCode.FourEyes]: 409,
  [ScreeningExceptionCode.NotAllowed]: 403,
  [ScreeningExceptionCode.Invalid]: 422,
  [ScreeningExceptionCode.TenderClosed]: 409,
  [ScreeningExceptionCode.Unavailable]: 503,
};

/** Workflow refusal types (update validators) → API codes. */
export const REFUSAL_CODES: Record<string, ScreeningExceptionCode> = {
  [REFUSAL.wrongStage]: ScreeningExceptionCode.WrongStage,
  [REFUSAL.fourEyes]: ScreeningExceptionCode.FourEyes,
  [REFUSAL.notAllowed]: ScreeningExceptionCode.NotAllowed,
  [REFUSAL.invalid]: ScreeningExceptionCode.Invalid,
};

export class ScreeningException extends codedExceptionFor(STATUS) {}
