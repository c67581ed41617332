import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  IdeaDto,
  IdeaHelperDto,
  IdeaListDto,
  IdeaToInitiativeResponse,
  Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiDelete, ApiVersionedUpdate, type WriteRefusals } from '../common/api-writes';
import { attachmentHeader } from '../common/file-download';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { PageQueryDto } from '../common/pagination';
import { HIDDEN_IDEA, HIDDEN_LIST, NO_VILLAGE, READ_ONLY } from './idea-rules';
import { IdeaListsService } from './idea-lists.service';
import {
  CreateIdeaBody,
  CreateIdeaListBody,
  IdeaHelperResponse,
  IdeaListResponse,
  IdeaResponse,
  IdeaToInitiativeBody,
  IdeaToInitiativeResponseBody,
  PaperDotsBody,
  UpdateIdeaBody,
  UpdateIdeaListBody,
} from './ideas.dto';
import { IdeasService } from './ideas.service';

const VILLAGE_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: NO_VILLAGE };
const LIST_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_LIST };
const IDEA_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_IDEA };

/** Idea lists and their ideas, for the village's steering group and its coordinators. */
@ApiTags('ideas')
@ApiCookieAuth()
@Controller()
export class IdeasController {
  constructor(
    private readonly lists: IdeaListsService,
    private readonly ideas: IdeasService,
  ) {}

  @Get('villages/:villageId/idea-lists')
  @ApiPageResponse(IdeaListResponse, 'A village’s idea lists, newest first.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<IdeaListDto>> {
    return this.lists.list(user, villageId, query);
  }

  @Post('villages/:villageId/idea-lists')
  @ApiCreate(IdeaListResponse, 'A field is missing or invalid.', VILLAGE_WRITE)
  create(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: CreateIdeaListBody,
  ): Promise<IdeaListDto> {
    return this.lists.create(user, villageId, body);
  }

  @Get('idea-lists/:id')
  @ApiOkResponse({ type: IdeaListResponse })
  @ApiNotFoundResponse({ description: HIDDEN_LIST })
  get(@CurrentUser() user: AuthUser, @IdParam('idea list') id: string): Promise<IdeaListDto> {
    return this.lists.get(user, id);
  }

  @Patch('idea-lists/:id')
  @ApiVersionedUpdate(
    IdeaListResponse,
    'Someone saved the list since (idea_list_changed), or dots per person changed after votes (idea_list_has_votes); nothing was saved.',
    LIST_WRITE,
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('idea list') id: string,
    @Body() body: UpdateIdeaListBody,
  ): Promise<IdeaListDto> {
    return this.lists.update(user, id, body);
  }

  @Delete('idea-lists/:id')
  @ApiDelete('Deleted, with its ideas, votes and helpers (initiatives made stay).', LIST_WRITE)
  remove(@CurrentUser() user: AuthUser, @IdParam('idea list') id: string): Promise<void> {
    return this.lists.remove(user, id);
  }

  @Get('idea-lists/:id/ranking')
  @ApiPageResponse(
    IdeaResponse,
    'The ideas by online + paper dots, most first (ties share a rank), with voter and helper counts.',
  )
  @ApiNotFoundResponse({ description: HIDDEN_LIST })
  ranking(
    @CurrentUser() user: AuthUser,
    @IdParam('idea list') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<IdeaDto>> {
    return this.lists.ranking(user, id, query);
  }

  @Get('idea-lists/:id/poster.svg')
  @ApiOkResponse({
    description: 'An A4 poster with a QR code of the voting link.',
    content: binaryContent('image/svg+xml'),
  })
  @ApiNotFoundResponse({ description: HIDDEN_LIST })
  async poster(
    @CurrentUser() user: AuthUser,
    @IdParam('idea list') id: string,
  ): Promise<StreamableFile> {
    const { svg, title } = await this.lists.poster(user, id);
    const data = Buffer.from(svg, 'utf8');
    return new StreamableFile(data, {
      type: 'image/svg+xml; charset=utf-8',
      length: data.length,
      disposition: attachmentHeader(`${title}.svg`).replace(/^attachment/, 'inline'),
    });
  }

  @Post('idea-lists/:id/ideas')
  @ApiCreate(
    IdeaResponse,
    'A field is missing or too long, or the source is not a question of the village’s own surveys (idea_source_unknown).',
    LIST_WRITE,
  )
  @ApiConflictResponse({ description: 'The list holds as many ideas as it may (idea_list_full).' })
  addIdea(
    @CurrentUser() user: AuthUser,
    @IdParam('idea list') id: string,
    @Body() body: CreateIdeaBody,
  ): Promise<IdeaDto> {
    return this.ideas.create(user, id, body);
  }

  @Patch('ideas/:id')
  @ApiOkResponse({ type: IdeaResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid or too long.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_IDEA })
  updateIdea(
    @CurrentUser() user: AuthUser,
    @IdParam('idea') id: string,
    @Body() body: UpdateIdeaBody,
  ): Promise<IdeaDto> {
    return this.ideas.update(user, id, body);
  }

  @Delete('ideas/:id')
  @ApiDelete('Deleted, with its dots and helpers.', IDEA_WRITE)
  removeIdea(@CurrentUser() user: AuthUser, @IdParam('idea') id: string): Promise<void> {
    return this.ideas.remove(user, id);
  }

  @Put('ideas/:id/paper-dots')
  @ApiOkResponse({ type: IdeaResponse, description: 'The idea with its new standing.' })
  @ApiBadRequestResponse({ description: 'dots is not a whole number from 0.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_IDEA })
  paperDots(
    @CurrentUser() user: AuthUser,
    @IdParam('idea') id: string,
    @Body() body: PaperDotsBody,
  ): Promise<IdeaDto> {
    return this.ideas.paperDots(user, id, body);
  }

  @Get('ideas/:id/helpers')
  @ApiPageResponse(IdeaHelperResponse, 'Who would help, first come first, with their contact.')
  @ApiForbiddenResponse({ description: 'Only those who may change the list see the contacts.' })
  @ApiNotFoundResponse({ description: HIDDEN_IDEA })
  helpers(
    @CurrentUser() user: AuthUser,
    @IdParam('idea') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<IdeaHelperDto>> {
    return this.ideas.helpers(user, id, query);
  }

  @Post('ideas/:id/initiative')
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: IdeaToInitiativeResponseBody })
  @ApiBadRequestResponse({ description: 'The focus area or a goal is not the village’s.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_IDEA })
  @ApiConflictResponse({ description: 'The idea is an initiative already (idea_already_chosen).' })
  toInitiative(
    @CurrentUser() user: AuthUser,
    @IdParam('idea') id: string,
    @Body() body: IdeaToInitiativeBody,
  ): Promise<IdeaToInitiativeResponse> {
    return this.ideas.toInitiative(user, id, body);
  }
}
