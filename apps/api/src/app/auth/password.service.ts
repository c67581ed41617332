import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

const HASH_OPTIONS = { type: argon2.argon2id } as const;

/**
 * argon2id hashing. Passwords are put in Unicode NFC first, so "ø" typed on one keyboard matches
 * "ø" typed on another. Verifying with no stored hash still runs argon2 against a throwaway hash,
 * so an unknown email or a person without a password takes as long as a wrong password.
 */
@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash: Promise<string> | null = null;

  onModuleInit(): void {
    this.dummy();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password.normalize('NFC'), HASH_OPTIONS);
  }

  /** True only when there is a stored hash and the password matches it. */
  async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.dummy());
    let matches: boolean;
    try {
      matches = await argon2.verify(target, password.normalize('NFC'));
    } catch {
      // A stored hash we cannot read never matches.
      matches = false;
    }
    return matches && storedHash !== null;
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= argon2.hash(randomBytes(32).toString('base64url'), HASH_OPTIONS));
  }
}
