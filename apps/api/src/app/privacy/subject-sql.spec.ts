import { PERSONAL_DATA } from './personal-data-registry';
import { ident, linkCondition, subjectConditions, type PrivacySubject } from './subject-sql';

const user: PrivacySubject = { kind: 'user', userId: 'u1', email: 'Anne@Example.dk' };
const guest: PrivacySubject = { kind: 'email', email: 'Guest@Example.dk' };
const entry = (table: string) => {
  const found = PERSONAL_DATA.find((e) => e.table === table);
  if (!found) throw new Error(`${table} is not in the registry`);
  return found;
};

describe('subject conditions', () => {
  it('finds a user’s rows by id, their email and their panel subscriptions', () => {
    const deliveries = subjectConditions(entry('newsletter_deliveries'), user, ['subject']);
    expect(deliveries.map((d) => d.condition)).toEqual([
      { sql: '"user_id" = $1', params: ['u1'] },
      {
        sql: '"subscriber_id" = ANY (SELECT id FROM panel_subscribers WHERE email = $1)',
        params: ['anne@example.dk'],
      },
      { sql: 'lower("email") = $1', params: ['anne@example.dk'] },
    ]);
  });

  it('gives an email subject no account links', () => {
    const users = subjectConditions(entry('users'), guest);
    expect(users).toEqual([]);
    const regs = subjectConditions(entry('gathering_registrations'), guest);
    expect(regs.map((r) => r.link.column)).toEqual(['email']);
  });

  it('follows a link through another table and leaves out the secretariat’s messages', () => {
    const link = entry('hotline_messages').links[0];
    expect(linkCondition(link, user, 2)).toEqual({
      sql: '"request_id" IN (SELECT id FROM "hotline_requests" WHERE "asker_id" = $3) AND NOT "from_secretariat"',
      params: ['u1'],
    });
  });

  it('refuses a name that is not an identifier', () => {
    expect(() => ident('users; DROP TABLE users')).toThrow(/Not an SQL identifier/);
    expect(ident('user_id')).toBe('"user_id"');
  });
});
