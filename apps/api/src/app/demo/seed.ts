import type { AppConfig } from '../config/app-config';

export interface SeedOptions {
  reset: boolean;
  onlyIfEmpty: boolean;
}

// Placeholder signature; the demo data is written in its own change.
export async function runSeed(_config: AppConfig, _options: SeedOptions): Promise<void> {
  throw new Error('not yet');
}
