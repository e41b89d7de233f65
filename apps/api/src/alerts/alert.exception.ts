import { codedExceptionFor } from '../common/coded-exception.js';

export enum AlertExceptionCode {
  NotFound = 'ALERT_NOT_FOUND',
  BadCursor = 'ALERT_BAD_CURSOR',
  AlreadyAcknowledged = 'ALERT_ALREADY_ACKNOWLEDGED',
}

const STATUS: Record<AlertExceptionCode, number> = {
  [AlertExceptionCode.NotFound]: 404,
  [AlertExceptionCode.BadCursor]: 400,
  [AlertExceptionCode.AlreadyAcknowledged]: 409,
};

export class AlertException extends codedExceptionFor(STATUS) {}
