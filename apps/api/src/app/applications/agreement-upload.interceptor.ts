import { Injectable } from '@nestjs/common';
import { APPLICATION_LIMITS, ErrorCode } from '@blup/contracts';
import { UploadInterceptor, type MemoryUpload } from '../common/upload-interceptor';

/** The uploaded agreement, as multer hands it over (memory storage). */
export type AgreementUpload = MemoryUpload;

/**
 * Reads `multipart/form-data` with one optional file field `agreement` (at most 10 MB) and, for
 * the application itself, a text field `application` holding the JSON body, which replaces the
 * request body before the ValidationPipe checks it. JSON requests pass through untouched.
 */
@Injectable()
export class AgreementUploadInterceptor extends UploadInterceptor({
  field: 'agreement',
  maxBytes: APPLICATION_LIMITS.agreementMaxBytes,
  limits: { files: 1, fields: 2, fieldSize: 256 * 1024, parts: 4 },
  tooLarge: {
    code: ErrorCode.AgreementTooLarge,
    message: (maxMb) => `The agreement is too large: it can be at most ${maxMb} MB.`,
  },
  wrongParts:
    'Send at most one file, in the form field "agreement", and the application as JSON in the form field "application".',
  jsonField: {
    name: 'application',
    invalid: 'The form field "application" must hold the application as JSON.',
  },
}) {}
