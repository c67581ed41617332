import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ApplicationStatus } from '@blup/contracts';
import { AppException } from '../common/app-exception';

/** The errors the application services share. */

export const APPLICATION_LINK_NOT_FOUND =
  'No application found for this link. Check that the whole link from the receipt was copied; it works until the application is decided.';

export const decided = (status: ApplicationStatus): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.ApplicationDecided,
    `The application is already ${status}; it cannot be changed.`,
    { params: { status } },
  );

export const villageNameTaken = (name: string, municipality: string): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.VillageNameTaken,
    `A village named “${name}” already exists in ${municipality}. Choose it as an existing village, or use another name.`,
    { params: { name, municipality } },
  );

export function agreementInvalid(): AppException {
  return new AppException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    ErrorCode.AgreementFileInvalid,
    'The agreement must be a PDF, a Word document (.doc, .docx) or an image (.png, .jpg), and the content must be that kind of file.',
    { details: { agreement: ['must be a PDF, Word file or PNG/JPEG image'] } },
  );
}
