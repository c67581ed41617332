import { applyDecorators } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { IsString, ValidateBy } from 'class-validator';
import { isHttpsUrl } from '../common/https-url';
import { isIsoInstant } from '../common/iso-date';
import { MaxCharacters } from '../common/text-fields';
import { codedConstraint } from '../common/validation';

/** Field rules the gatherings' and the info meetings' bodies share. */

/** A date and time with its offset (ISO 8601). */
export const Instant = (field: string): PropertyDecorator =>
  ValidateBy(
    { name: 'isoInstant', validator: { validate: (v) => isIsoInstant(v) } },
    { message: `${field} must be a date and time with its offset, e.g. 2027-03-25T19:00:00+01:00` },
  );

/** A meeting link: https only (400 `url_not_https` otherwise), at most `max` characters. */
export const HttpsUrl = (field: string, max: number, example: string): PropertyDecorator =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    MaxCharacters(field, max),
    ValidateBy(
      { name: 'httpsUrl', validator: { validate: (v) => isHttpsUrl(v) } },
      {
        message: `${field} must be an https link, e.g. ${example}`,
        context: codedConstraint(() => ({ code: ErrorCode.UrlNotHttps })),
      },
    ),
  );
