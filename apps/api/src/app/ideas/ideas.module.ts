import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { IdeaListsService } from './idea-lists.service';
import { IdeaVotesService } from './idea-votes.service';
import { IdeasController } from './ideas.controller';
import { IdeasService } from './ideas.service';
import { PublicIdeasController } from './public-ideas.controller';

/** Prioritising ideas: idea lists, dot-voting without an account, paper dots, ideas → initiatives. */
@Module({
  imports: [AuthModule, InitiativesModule],
  controllers: [IdeasController, PublicIdeasController],
  providers: [IdeaListsService, IdeasService, IdeaVotesService],
})
export class IdeasModule {}
