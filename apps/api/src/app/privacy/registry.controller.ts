import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PersonalDataRegistryDto } from '@blup/contracts';
import { Public } from '../auth/public.decorator';
import { PersonalDataRegistryResponse } from './privacy.dto';
import { RegistryService } from './registry.service';

@ApiTags('privacy')
@Controller('privacy')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  /** The registry of personal data, for the privacy notice (/privatliv): public, like the notice. */
  @Public()
  @Get('registry')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: PersonalDataRegistryResponse })
  get(): PersonalDataRegistryDto {
    return this.registry.registry();
  }
}
