import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from '@blup/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NoControlCharacters } from './text-fields';

/**
 * A whole number in a query string or path (`?page=2`, `/sdgs/11`): only plain digits become a
 * number. Anything else stays as sent, so the field's IsInt check answers it in words:
 * `1e3`, `0x10`, ` 2`, `2.0` and `` are not how a person writes a page number, though
 * `Number()` would take them.
 */
export function WholeNumberParam(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value,
  );
}

/** Far beyond any list here, and small enough that the row offset stays an exact integer. */
export const MAX_PAGE = 1_000_000;

/**
 * `?page=&pageSize=&q=` for every list. Checks run in order and stop at the first failure, so
 * `page=two` is told it must be a whole number. `q` may not hold control characters (a NUL
 * cannot be a query parameter) and `page` has a ceiling (1e20 would overflow the offset).
 */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @WholeNumberParam()
  @Max(MAX_PAGE, { message: `page can be at most ${MAX_PAGE}` })
  @Min(1, { message: 'page must be 1 or more' })
  @IsInt({ message: 'page must be a whole number' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @WholeNumberParam()
  @Max(MAX_PAGE_SIZE, { message: `pageSize can be at most ${MAX_PAGE_SIZE}` })
  @Min(1, { message: 'pageSize must be 1 or more' })
  @IsInt({ message: 'pageSize must be a whole number' })
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Free-text search', maxLength: 100 })
  @IsOptional()
  @NoControlCharacters('q')
  @MaxLength(100, { message: 'q can be at most 100 characters' })
  @IsString({ message: 'q must be text' })
  q?: string;
}

export function pageWindow(query: PageQueryDto): {
  page: number;
  pageSize: number;
  skip: number;
  take: number;
} {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  const { page, pageSize } = pageWindow(query);
  return { items, total, page, pageSize };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
