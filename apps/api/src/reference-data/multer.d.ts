// The part of multer (bundled with @nestjs/platform-express, which ships no types for it) that the
// reference-data upload uses.
declare module 'multer' {
  import type { Request, RequestHandler } from 'express';

  namespace multer {
    interface File {
      fieldname: string;
      originalname: string;
      mimetype: string;
      size: number;
      destination: string;
      filename: string;
      path: string;
    }
    type Callback<T> = (error: Error | null, value: T) => void;
    interface DiskStorageOptions {
      destination(request: Request, file: File, callback: Callback<string>): void;
      filename(request: Request, file: File, callback: Callback<string>): void;
    }
    interface StorageEngine {
      readonly storage: 'engine';
    }
    interface Options {
      storage: StorageEngine;
      limits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
    }
    interface Multer {
      single(field: string): RequestHandler;
    }
    class MulterError extends Error {
      readonly code: string;
      readonly field?: string;
    }
    function diskStorage(options: DiskStorageOptions): StorageEngine;
  }
  function multer(options: multer.Options): multer.Multer;
  export default multer;
}
