import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function collect(
  errors: ValidationError[],
  prefix = '',
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      out[path] = Object.values(error.constraints).map((m) =>
        m.includes('should not exist') ? `${path} is not a field this request accepts` : m,
      );
    }
    if (error.children?.length) collect(error.children, path, out);
  }
  return out;
}

/** Whitelisting, no unknown fields, types transformed; failures as a readable 400 with details per field. */
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
      return new BadRequestException({ message, details });
    },
  });
}
