import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Role, type DemoSignIn } from '@blup/contracts';
import { Public } from '../auth/public.decorator';
import { DemoService } from './demo.service';

class DemoSignInResponse implements DemoSignIn {
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ example: 'Landdistriktskoordinator og kontaktperson i Næstved Kommune' })
  description: string;

  @ApiProperty({ example: 'koordinator.naestved@blup.test' }) email: string;
  @ApiProperty() password: string;
}

@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(private readonly service: DemoService) {}

  @Public()
  @Get('sign-ins')
  @ApiOkResponse({ type: [DemoSignInResponse], description: 'The seeded demo accounts.' })
  @ApiNotFoundResponse({ description: 'In production.' })
  signIns(): Promise<DemoSignIn[]> {
    return this.service.signIns();
  }
}
