import { Injectable } from '@nestjs/common';
import {
  CIRCLE_TIME_ZONE,
  Role,
  wallTimeOf,
  type HomeCard,
  type HomeResponse,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { toSessionUser, type AuthUser } from '../auth/auth-user';
import { MySessionsService } from '../participation/my-sessions.service';
import { ProgressService } from '../progress/progress.service';
import {
  continueCard,
  coordinatorCards,
  secretariatCards,
  steeringCards,
  welcomeCards,
} from './home-cards';
import { countEverything, countVillagesOf, findCohortOfVillage } from './home.queries';

/**
 * The home page: who you are and a few cards for your role. It is the first request after every
 * sign-in, so each role costs at most one small query for its cards (the session already carries
 * the names), plus one for the next study-circle session.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
    private readonly sessions: MySessionsService,
  ) {}

  async home(user: AuthUser): Promise<HomeResponse> {
    const [cards, next, nextSession] = await Promise.all([
      this.cards(user),
      user.role === Role.Secretariat ? null : this.progress.continueWatching(user),
      this.sessions.nextSession(user),
    ]);
    return {
      user: toSessionUser(user),
      cards: next ? [continueCard(user.locale, next), ...cards] : cards,
      nextSession,
    };
  }

  private async cards(user: AuthUser): Promise<HomeCard[]> {
    switch (user.role) {
      case Role.Secretariat: {
        const counts = await countEverything(this.dataSource);
        return secretariatCards(user.locale, counts);
      }
      case Role.Coordinator: {
        if (!user.municipalityId) return welcomeCards(user.locale);
        const villageCount = await countVillagesOf(this.dataSource, user.municipalityId);
        return coordinatorCards(user.locale, {
          municipalityId: user.municipalityId,
          municipalityName: user.municipalityName ?? '',
          villageCount,
        });
      }
      case Role.SteeringMember: {
        if (!user.villageId) return welcomeCards(user.locale);
        const row = await findCohortOfVillage(this.dataSource, user.villageId);
        return steeringCards(user.locale, {
          villageId: user.villageId,
          villageName: user.villageName ?? '',
          municipalityName: user.municipalityName ?? '',
          cohort:
            row?.id && row.name && row.start_date
              ? { id: row.id, name: row.name, startDate: row.start_date }
              : null,
          today: wallTimeOf(new Date(), CIRCLE_TIME_ZONE).date,
        });
      }
      default:
        return welcomeCards(user.locale);
    }
  }
}
