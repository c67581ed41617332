import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, PersonDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { PersonResponse } from '../common/person-summary';
import { PeopleQueryDto, UpdatePersonBody } from './person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiCookieAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly service: PeopleService) {}

  @Get()
  @ApiPageResponse(PersonResponse, 'The people you may see; `q` searches names and emails.')
  list(@CurrentUser() user: AuthUser, @Query() query: PeopleQueryDto): Promise<Page<PersonDto>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonResponse })
  @ApiNotFoundResponse({ description: 'No such person, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('person') id: string): Promise<PersonDto> {
    return this.service.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonResponse })
  @ApiBadRequestResponse({
    description: 'A field is invalid, or the role and place do not fit together.',
  })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes people.' })
  @ApiNotFoundResponse({ description: 'No such person, or not one you may see.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('person') id: string,
    @Body() body: UpdatePersonBody,
  ): Promise<PersonDto> {
    return this.service.update(user, id, body);
  }
}
