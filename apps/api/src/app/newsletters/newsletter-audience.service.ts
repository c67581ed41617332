import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-exception';
import { Newsletter } from '../database/entities/newsletters';
import { resolveAudience } from './newsletter-audience.queries';
import {
  NewsletterAudience,
  type AudiencePage,
  type NewsletterRecipient,
} from './newsletter-ports';

/** NewsletterAudience for the delivery module: who a newsletter goes to at the moment it starts. */
@Injectable()
export class NewsletterAudienceService extends NewsletterAudience {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async resolve(newsletterId: string, page?: AudiencePage): Promise<NewsletterRecipient[]> {
    const newsletter = await this.dataSource
      .getRepository(Newsletter)
      .findOneBy({ id: newsletterId });
    if (!newsletter) throw notFound('No such newsletter.');
    return resolveAudience(this.dataSource.manager, newsletter, page);
  }
}
