import { HttpStatus, NotFoundException } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { MulterError } from 'multer';
import { AppException } from './app-exception';
import { megabytes, multipartRefusal, type MultipartRefusals } from './multipart';

const refusals: MultipartRefusals = {
  tooLarge: () =>
    new AppException(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.RequestTooLarge, 'At most 10 MB.'),
  wrongParts: 'Send one file.',
  unreadable: 'Send it again.',
};

function statusAndMessage(error: unknown): [number, string] {
  const http = error as AppException;
  return [http.getStatus(), (http.getResponse() as { message: string }).message];
}

describe(multipartRefusal.name, () => {
  it('answers a file over the limit with the upload’s 413', () => {
    const refused = multipartRefusal(new MulterError('LIMIT_FILE_SIZE', 'file'), refusals);
    expect(statusAndMessage(refused)).toEqual([413, 'At most 10 MB.']);
  });

  it('answers unexpected parts and broken forms with a 400 in the upload’s words', () => {
    const extra = multipartRefusal(new MulterError('LIMIT_UNEXPECTED_FILE', 'other'), refusals);
    expect(statusAndMessage(extra)).toEqual([400, 'Send one file.']);
    const broken = multipartRefusal(new Error('Unexpected end of form'), refusals);
    expect(statusAndMessage(broken)).toEqual([400, 'Send it again.']);
  });

  it('lets HTTP errors and non-errors through unchanged', () => {
    const notFound = new NotFoundException();
    expect(multipartRefusal(notFound, refusals)).toBe(notFound);
    expect(multipartRefusal('odd', refusals)).toBe('odd');
  });
});

describe(megabytes.name, () => {
  it('rounds bytes to whole megabytes', () => {
    expect(megabytes(10 * 1024 * 1024)).toBe(10);
    expect(megabytes(1.6 * 1024 * 1024)).toBe(2);
  });
});
