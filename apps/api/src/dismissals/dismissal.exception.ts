import { codedExceptionFor } from '../common/coded-exception.js';

export enum DismissalExceptionCode {
  ScreeningNotFound = 'DISMISSAL_SCREENING_NOT_FOUND',
  FindingNotFound = 'DISMISSAL_FINDING_NOT_FOUND',
  NotANameHit = 'DISMISSAL_NOT_A_NAME_HIT',
  ScreeningClosed = 'DISMISSAL_SCREENING_CLOSED',
  AlreadyDismissed = 'DISMISSAL_ALREADY_DISMISSED',
}

const STATUS: Record<DismissalExceptionCode, number> = {
  [DismissalExceptionCode.ScreeningNotFound]: 404,
  [DismissalExceptionCode.FindingNotFound]: 404,
  [DismissalExceptionCode.NotANameHit]: 422,
  [DismissalExceptionCode.ScreeningClosed]: 409,
  [DismissalExceptionCode.AlreadyDismissed]: 409,
};

export class DismissalException extends codedExceptionFor(STATUS) {}
