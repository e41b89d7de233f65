import { HttpException } from '@nestjs/common';

export enum ReportExceptionCode {
  NotAcceptable = 'REPORT_FORMAT_NOT_ACCEPTABLE',
  TenderMissing = 'REPORT_TENDER_MISSING',
}

const STATUS: Record<ReportExceptionCode, number> = {
  [ReportExceptionCode.NotAcceptable]: 406,
  [ReportExceptionCode.TenderMissing]: 409,
};

const REASON: Record<number, string> = { 406: 'Not Acceptable', 409: 'Conflict' };

export class ReportException extends HttpException {
  constructor(
    readonly code: ReportExceptionCode,
    message: string,
  ) {
    super({ message, error: REASON[STATUS[code]], details: { code } }, STATUS[code]);
  }
}
