/**
 * For the TypeORM CLI (npm run migration:run | migration:revert | migration:generate).
 * The app itself builds its connection from the validated configuration.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) {
  throw new Error(
    'DATABASE_URL is not set: point it at the database to migrate (see .env.example).',
  );
}

export default new DataSource(dataSourceOptions(url));
