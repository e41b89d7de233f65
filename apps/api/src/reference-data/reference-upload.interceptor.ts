// Receives a reference-data file as multipart/form-data, streaming it to a temporary folder (a file of
// gigabytes never sits in memory), and removes the folder when the request is done, whatever happened.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { ReferenceDataException, ReferenceDataExceptionCode } from './reference-data.exception.js';

export const UPLOAD_FIELD = 'file';

/** The uploaded file on the request, once the interceptor has stored it. */
export type UploadedReferenceFile = multer.File;

type UploadRequest = Request & { file?: UploadedReferenceFile; referenceUploadFolder?: string };

/** The name shown in reports and used as the default source: the client's file name, made harmless. */
export function safeFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '');
  return cleaned.slice(0, 200) || 'upload';
}

@Injectable()
export class ReferenceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;
  private readonly maxMegabytes: number;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.maxMegabytes = config.REFERENCE_IMPORT_MAX_MB;
    this.upload = multer({
      storage: multer.diskStorage({
        destination: (request, _file, callback) =>
          callback(null, (request as UploadRequest).referenceUploadFolder!),
        filename: (_request, file, callback) => callback(null, safeFileName(file.originalname)),
      }),
      limits: { fileSize: this.maxMegabytes * 1024 * 1024, files: 1, fields: 10, fieldSize: 10_000 },
    }).single(UPLOAD_FIELD);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.receive(request, response, next));
  }

  private async receive(request: UploadRequest, response: Response, next: CallHandler): Promise<unknown> {
    if (!request.is('multipart/form-data')) {
      throw new ReferenceDataException(
        ReferenceDataExceptionCode.NotMultipart,
        `Send the file as multipart/form-data: a '${UPLOAD_FIELD}' part with the file and a 'format' field, e.g. curl -F format=ftm -F ${UPLOAD_FIELD}=@entities.ftm.jsonl`,
      );
    }
    request.referenceUploadFolder = await mkdtemp(join(tmpdir(), 'reference-upload-'));
    try {
      await new Promise<void>((resolve, reject) =>
        this.upload(request, response, (error?: unknown) =>
          error ? reject(this.uploadError(error)) : resolve(),
        ),
      );
      return await lastValueFrom(next.handle(), { defaultValue: undefined });
    } finally {
      await rm(request.referenceUploadFolder, { recursive: true, force: true });
    }
  }

  private uploadError(error: unknown): unknown {
    if (!(error instanceof multer.MulterError)) return error;
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new ReferenceDataException(
          ReferenceDataExceptionCode.FileTooLarge,
          `The file is larger than the ${this.maxMegabytes} MB the service accepts (REFERENCE_IMPORT_MAX_MB): split it, or import it with \`npm run import\`.`,
        );
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new ReferenceDataException(
          ReferenceDataExceptionCode.InvalidUpload,
          `Send exactly one file, in the multipart field '${UPLOAD_FIELD}' (got a file in '${error.field ?? '?'}').`,
        );
      default:
        return new ReferenceDataException(
          ReferenceDataExceptionCode.InvalidUpload,
          `The multipart upload was refused: ${error.message}${error.field ? ` (field ${error.field})` : ''}.`,
        );
    }
  }
}
