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
import { takesPartInCircles } from '../access/circle-access-policy';
import { mySessionSummary } from '../participation/my-sessions.service';
import { continueWatchingDto } from '../progress/progress.service';
import {
  continueCard,
  coordinatorCards,
  secretariatCards,
  steeringCards,
  welcomeCards,
} from './home-cards';
import { findHomeFacts, type HomeFacts, type HomeParts } from './home.queries';

/**
 * The home page: who you are and a few cards for your role. It is the first request after every
 * sign-in, so it is one statement (home.queries.ts): the cards' facts for the role (the session
 * already carries the names), the video to continue and the next study-circle session.
 */
@Injectable()
export class HomeService {
  constructor(private readonly dataSource: DataSource) {}

  async home(user: AuthUser): Promise<HomeResponse> {
    const cardFacts = cardsFor(user);
    const facts = await findHomeFacts(this.dataSource, user, {
      cards: cardFacts,
      continueWatching: user.role !== Role.Secretariat,
      nextSession: takesPartInCircles(user),
    });
    const cards = cardsOf(user, cardFacts, facts);
    return {
      user: toSessionUser(user),
      cards: facts.continueRow
        ? [continueCard(user.locale, continueWatchingDto(facts.continueRow)), ...cards]
        : cards,
      nextSession: facts.next ? mySessionSummary(facts.next) : null,
    };
  }
}

/** Which facts the role's cards need. */
function cardsFor(user: AuthUser): HomeParts['cards'] {
  switch (user.role) {
    case Role.Secretariat:
      return 'everything';
    case Role.Coordinator:
      return user.municipalityId ? 'municipality' : null;
    case Role.SteeringMember:
      return user.villageId ? 'village' : null;
    default:
      return null;
  }
}

function cardsOf(user: AuthUser, cardFacts: HomeParts['cards'], facts: HomeFacts): HomeCard[] {
  switch (cardFacts) {
    case 'everything':
      return secretariatCards(
        user.locale,
        facts.counts ?? { municipalities: 0, villages: 0, cohorts: 0, people: 0 },
      );
    case 'municipality':
      return coordinatorCards(user.locale, {
        municipalityId: user.municipalityId ?? '',
        municipalityName: user.municipalityName ?? '',
        villageCount: facts.villageCount ?? 0,
      });
    case 'village': {
      const row = facts.cohort;
      return steeringCards(user.locale, {
        villageId: user.villageId ?? '',
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
