import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../graphql/errors.js';
import { PdfFontMissingError } from './pdf.js';

/** Answers with a PDF shown inline, named for the download, never cached (it is staff-only). */
export function sendPdf(res: Response, pdf: Buffer, filename: string) {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-length', String(pdf.length));
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader(
    'content-disposition',
    `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.end(pdf);
}

/** A server without the CJK font says so plainly (and logs it) rather than "internal error". */
export function pdfFailed(err: unknown, req: Request, next: NextFunction) {
  if (err instanceof PdfFontMissingError) {
    req.log.error({ err }, 'PDF font missing');
    return next(new AppError('SERVICE_UNAVAILABLE', err.message, { http: { status: 503 } }));
  }
  next(err);
}
