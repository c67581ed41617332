import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { MyVotesDto, PublicIdeaListDto } from '@blup/contracts';
import { Public } from '../auth/public.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { OpaqueIdParam } from '../common/id-param';
import { CastVotesBody, MyVotesBody, MyVotesResponse, PublicIdeaListResponse } from './ideas.dto';
import { IdeaVotesService } from './idea-votes.service';

const UNKNOWN = 'No such list (or not open yet): check the link.';
const CLOSED = 'Voting has closed (idea_list_closed).';

/**
 * Voting without an account, from the link or the QR poster. The device key travels in the body
 * (never in an address, which access logs keep); votes are rate-limited per IP, generously.
 */
@ApiTags('ideas')
@Controller('public/idea-lists')
@UseFilters(RetryAfterFilter)
export class PublicIdeasController {
  constructor(private readonly votes: IdeaVotesService) {}

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: PublicIdeaListResponse, description: 'The ideas in a stable order.' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiGoneResponse({ description: CLOSED })
  list(@OpaqueIdParam('idea list link', 'token') token: string): Promise<PublicIdeaListDto> {
    return this.votes.publicList(token);
  }

  @Public()
  @Post(':token/my-votes')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MyVotesResponse, description: 'What this phone gave before.' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiGoneResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: 'Too many votes from this network just now.' })
  myVotes(
    @OpaqueIdParam('idea list link', 'token') token: string,
    @Body() body: MyVotesBody,
    @Ip() ip: string,
  ): Promise<MyVotesDto> {
    return this.votes.myVotes(token, body.deviceKey, ip);
  }

  @Public()
  @Post(':token/votes')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: MyVotesResponse,
    description: 'Saved: these dots replace the ones this phone gave before.',
  })
  @ApiBadRequestResponse({
    description:
      'Too many dots (too_many_dots), an idea not on the list (idea_unknown), no name or consent to help, or text too long.',
  })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiGoneResponse({ description: CLOSED })
  @ApiTooManyRequestsResponse({ description: 'Too many votes from this network just now.' })
  cast(
    @OpaqueIdParam('idea list link', 'token') token: string,
    @Body() body: CastVotesBody,
    @Ip() ip: string,
  ): Promise<MyVotesDto> {
    return this.votes.cast(token, body, ip);
  }
}
