import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, type ErrorParams } from '@blup/contracts';
import { AppException } from './app-exception';

/** What a failed constraint means, when it is more precise than "validation failed". */
export interface CodedFailure {
  code: ErrorCode;
  params?: ErrorParams;
}

/**
 * The validation context of a constraint that can name its failure: class-validator hands it
 * back on the error (`error.contexts[constraint]`), with the value that failed.
 * Use as `{ context: codedConstraint((value) => …) }` in the constraint's options.
 */
export interface CodedConstraintContext {
  codeFor(value: unknown): CodedFailure | null;
}

export function codedConstraint(
  codeFor: (value: unknown) => CodedFailure | null,
): CodedConstraintContext {
  return { codeFor };
}

/** Every failed field with its constraints, children flattened to dotted paths. */
function failures(
  errors: ValidationError[],
  prefix = '',
): { path: string; error: ValidationError }[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, error }] : [];
    return [...own, ...failures(error.children ?? [], path)];
  });
}

function collect(errors: ValidationError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { path, error } of failures(errors)) {
    out[path] = Object.values(error.constraints ?? {}).map((m) =>
      m.includes('should not exist') ? `${path} is not a field this request accepts` : m,
    );
  }
  return out;
}

/** The precise code when exactly one field failed one coded constraint; otherwise null. */
function codedFailure(errors: ValidationError[]): CodedFailure | null {
  const failed = failures(errors);
  if (failed.length !== 1) return null;
  const { error } = failed[0];
  const names = Object.keys(error.constraints ?? {});
  if (names.length !== 1) return null;
  const context = error.contexts?.[names[0]] as Partial<CodedConstraintContext> | undefined;
  return typeof context?.codeFor === 'function' ? context.codeFor(error.value) : null;
}

/**
 * Whitelisting, no unknown fields, types transformed; failures as a readable 400 with details
 * per field, coded `validation_failed` unless the one failure has a more precise code
 * (a password that is too common).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = collect(errors);
      const message = Object.values(details).flat().join('; ') || 'The request is not valid.';
      const coded = codedFailure(errors);
      return new AppException(
        HttpStatus.BAD_REQUEST,
        coded?.code ?? ErrorCode.ValidationFailed,
        message,
        { ...(coded?.params && { params: coded.params }), details },
      );
    },
  });
}
