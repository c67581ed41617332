import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  IDEA_HELPER_CONSENT_VERSION,
  IdeaListStatus,
  type MyVotesDto,
  type PublicIdeaListDto,
} from '@blup/contracts';
import { createHash, createHmac } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, fieldError, notFound } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import type { CastVotesBody } from './ideas.dto';
import {
  findIdeaListByToken,
  lockListForVote,
  publicIdeas,
  replaceVotes,
  voterChoices,
  type PublicListRow,
} from './ideas.queries';

const NO_LIST = 'No such idea list: check the link or the QR code.';

/**
 * Voting without an account, through the list's public link. A voter is known only by
 * HMAC-SHA256(SIGNING_SECRET, list id + ':' + the random key their phone keeps): no account, no
 * IP address stored, and the same phone can change its dots later. A vote replaces the voter's
 * dots and "I would help" rows in one transaction; concurrent voters never wait for each other.
 */
@Injectable()
export class IdeaVotesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limit: SignInRateLimiter,
  ) {}

  async publicList(token: string): Promise<PublicIdeaListDto> {
    const em = this.dataSource.manager;
    const list = openList(await findIdeaListByToken(em, token));
    return {
      title: list.title,
      intro: list.intro,
      villageName: list.village_name,
      dotsPerPerson: list.dots_per_person,
      ideas: await publicIdeas(em, list.id),
    };
  }

  async myVotes(token: string, deviceKey: string, ip: string | undefined): Promise<MyVotesDto> {
    await this.limit.countIp('idea-vote', ip);
    const em = this.dataSource.manager;
    const list = openList(await findIdeaListByToken(em, token));
    return this.choices(em, list, this.voterHash(list.id, deviceKey));
  }

  async cast(token: string, body: CastVotesBody, ip: string | undefined): Promise<MyVotesDto> {
    await this.limit.countIp('idea-vote', ip);
    const help = (body.help ?? []).map((id) => id.toLowerCase());
    const ideaIds = body.votes.map((vote) => vote.ideaId.toLowerCase());
    if (new Set(ideaIds).size !== ideaIds.length) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'votes',
        'votes names an idea twice: give each idea its dots once',
      );
    }
    const lockKey = createHash('sha256').update(`${token}:${body.deviceKey}`).digest('hex');
    return this.dataSource.transaction(async (em) => {
      const list = openList(await lockListForVote(em, token, [...ideaIds, ...help], lockKey));
      const total = body.votes.reduce((sum, vote) => sum + vote.dots, 0);
      if (total > list.dots_per_person) {
        throw fieldError(
          ErrorCode.TooManyDots,
          'votes',
          `You have ${list.dots_per_person} dots, and placed ${total}. Remove some and try again.`,
          { max: list.dots_per_person },
        );
      }
      const known = new Set(list.known);
      const unknown = [...ideaIds, ...help].find((id) => !known.has(id));
      if (unknown) {
        throw fieldError(
          ErrorCode.IdeaUnknown,
          ideaIds.includes(unknown) ? 'votes' : 'help',
          'One of the ideas is not on this list (it may have been removed). Reload the page and try again.',
        );
      }
      if (help.length && !body.helper) {
        throw fieldError(
          ErrorCode.IdeaHelperRequired,
          'helper',
          'To say you would help, write your name (and a phone number or email if you like).',
        );
      }
      if (help.length && body.helper?.consent !== true) {
        throw fieldError(
          ErrorCode.IdeaHelperConsentRequired,
          'helper.consent',
          'Tick the consent box so the steering group may contact you about the ideas you would help with.',
        );
      }
      const helper =
        help.length && body.helper
          ? {
              name: body.helper.name,
              email: body.helper.email ?? null,
              phone: body.helper.phone ?? null,
            }
          : null;
      const votes = body.votes
        .map((vote) => ({ ideaId: vote.ideaId.toLowerCase(), dots: vote.dots }))
        .sort((a, b) => (a.ideaId < b.ideaId ? -1 : 1));
      await replaceVotes(
        em,
        list.id,
        this.voterHash(list.id, body.deviceKey),
        votes,
        helper ? { ...helper, ideaIds: help, consentVersion: IDEA_HELPER_CONSENT_VERSION } : null,
      );
      // What was saved is what was sent: answered without reading it back.
      return {
        votes,
        help: helper ? [...help].sort() : [],
        helper,
        dotsLeft: Math.max(0, list.dots_per_person - total),
      };
    });
  }

  private async choices(
    em: EntityManager,
    list: PublicListRow,
    voter: string,
  ): Promise<MyVotesDto> {
    const mine = await voterChoices(em, list.id, voter);
    const used = mine.votes.reduce((sum, vote) => sum + vote.dots, 0);
    return { ...mine, dotsLeft: Math.max(0, list.dots_per_person - used) };
  }

  private voterHash(listId: string, deviceKey: string): string {
    return createHmac('sha256', this.config.signingSecret)
      .update(`${listId}:${deviceKey}`)
      .digest('hex');
  }
}

/** The list when residents may vote on it: 404 unknown (or still a draft), 410 closed. */
function openList<L extends PublicListRow>(list: L | null): L {
  if (!list || list.status === IdeaListStatus.Draft) throw notFound(NO_LIST);
  if (list.status === IdeaListStatus.Closed) {
    throw new AppException(
      HttpStatus.GONE,
      ErrorCode.IdeaListClosed,
      'Voting on this list has closed. Thank you for your interest!',
    );
  }
  return list;
}
