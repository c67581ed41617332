import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DemoSignIn } from '@blup/contracts';
import { In, IsNull, Repository } from 'typeorm';
import { notFound } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { User } from '../database/entities';
import { DEMO_SIGN_INS } from './demo-data';

@Injectable()
export class DemoService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /**
   * The demo accounts the sign-in page may offer: only those the database really holds (and
   * not disabled), so the list is never a promise the seed did not keep. Never in production.
   */
  async signIns(): Promise<DemoSignIn[]> {
    if (this.config.env === 'production') throw notFound('Not found.');
    const present = await this.users.find({
      select: { email: true },
      where: { email: In(DEMO_SIGN_INS.map((s) => s.email)), disabledAt: IsNull() },
    });
    const emails = new Set(present.map((u) => u.email));
    return DEMO_SIGN_INS.filter((s) => emails.has(s.email));
  }
}
