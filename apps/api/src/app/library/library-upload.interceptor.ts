import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import { UploadInterceptor } from '../common/upload-interceptor';

/**
 * Reads a library upload: `multipart/form-data` with one file in `file` (at most LIBRARY_MAX_MB;
 * busboy stops reading at the limit, so a larger file is refused with a 413 while it streams, never
 * held whole) and a few text fields, which become the body the ValidationPipe checks.
 */
@Injectable()
export class LibraryUploadInterceptor extends UploadInterceptor({
  field: 'file',
  maxBytes: (config) => config.library.maxFileBytes,
  limits: { files: 1, fields: 6, fieldSize: 16 * 1024, parts: 7 },
  tooLarge: {
    code: ErrorCode.LibraryFileTooLarge,
    message: (maxMb) => `The file is too large: the library takes files of at most ${maxMb} MB.`,
  },
  wrongParts: 'Send one file in the form field "file" and the other fields as text.',
  notMultipart: () =>
    new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      'Send the file as multipart/form-data, in the form field "file".',
    ),
}) {}
