import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type EnrolmentStatus } from '@blup/contracts';
import { AppException, notFound } from '../common/app-exception';

/** The errors more than one enrolment service gives, worded once. */
export function alreadyEnrolled(): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.AlreadyEnrolled,
    'Already enrolled in this offering (or on its waitlist, or waiting for approval).',
  );
}

export function notActive(status: EnrolmentStatus): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.EnrolmentNotActive,
    `The enrolment is ${status} and cannot be changed that way.`,
    { params: { status } },
  );
}

export const offeringNotFound = (): AppException => notFound('Offering not found.');
export const enrolmentNotFound = (): AppException => notFound('Enrolment not found.');

/** A cohort offering's name is its cohort's, which is unique. */
export function cohortNameTaken(name: string): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.CohortNameTaken,
    `A cohort named “${name}” already exists.`,
    { params: { name } },
  );
}
