import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { inviteFirstSecretariat } from './app/auth/first-secretariat';
import { createCommandContext, createHttpApp, createWorker } from './app/bootstrap';
import { ConfigError, loadConfig } from './app/config/app-config';
import { PinoLogger } from './app/common/logger';
import { exitOnShutdownSignal, stopHttpApp } from './app/health/shutdown';
import { runMigrations } from './app/database/migrate';
import { runSeed } from './app/demo/seed';

const USAGE = `Usage: node main.js [all|api|worker|migrate|seed [--reset]|invite-secretariat EMAIL NAME]
  all       serve the API and the web client, and run the queue workers (default)
  api       serve the API only
  worker    run the queue workers only
  migrate   run pending database migrations and exit
  seed      add the demo data if the database has none (--reset: wipe and re-add it)
  invite-secretariat EMAIL "FULL NAME"
            invite the first secretariat member of a new installation: the invitation is
            mailed (a worker sends it) and its link printed`;

async function main(): Promise<void> {
  const [command = 'all', ...args] = process.argv.slice(2);
  if (command === '--help' || command === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  Logger.overrideLogger(new PinoLogger(config.logLevel));
  const logger = new Logger('Main');

  switch (command) {
    case 'migrate':
      await runMigrations(config);
      return;
    case 'seed':
      await runMigrations(config);
      await runSeed(config, {
        reset: args.includes('--reset'),
        onlyIfEmpty: !args.includes('--reset'),
      });
      return;
    case 'invite-secretariat': {
      const [email, ...name] = args;
      const context = await createCommandContext(config);
      try {
        const result = await inviteFirstSecretariat(context, { email, name: name.join(' ') });
        if ('problem' in result) {
          console.error(`${result.problem}\n${USAGE}`);
          process.exitCode = 2;
        } else {
          console.log(
            `Invitation mailed to ${email}. Its link (valid for ${config.invitationTtlDays} days):\n${result.url}`,
          );
        }
      } finally {
        await context.close();
      }
      return;
    }
    case 'worker': {
      const worker = await createWorker(config);
      exitOnShutdownSignal(async (signal) => {
        logger.log(`${signal}: stopping the worker (grace ${config.shutdownGraceMs / 1000} s).`);
        await worker.close();
      }, config.shutdownGraceMs);
      logger.log('Worker started: processing queues.');
      return;
    }
    case 'api':
    case 'all': {
      if (config.migrateOnBoot) await runMigrations(config);
      if (config.seedDemoIfEmpty) await runSeed(config, { reset: false, onlyIfEmpty: true });
      const app = await createHttpApp(config, command);
      exitOnShutdownSignal(
        (signal) => stopHttpApp(app, config.shutdownGraceMs, signal),
        config.shutdownGraceMs,
      );
      await app.listen(config.port);
      logger.log(`BLUP Akademiet is listening on ${config.publicUrl} (role: ${command}).`);
      return;
    }
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
