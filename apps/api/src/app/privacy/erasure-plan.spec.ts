import { escapeRegex, nameIsSearchable, scrubbed, scrubPattern, stepNames } from './erasure-plan';

describe('the erasure plan', () => {
  it('searches free text only for names specific enough to be the person', () => {
    expect(nameIsSearchable('Bo')).toBe(false);
    expect(nameIsSearchable('Anne')).toBe(false);
    expect(nameIsSearchable('Søren')).toBe(true);
    expect(nameIsSearchable('Ib Ås')).toBe(true);
    expect(scrubPattern({ names: ['Bo'], emails: [] }, false)).toBeNull();
  });

  it('scrubs free text everywhere, but leaves another person with the same name their name', () => {
    expect(scrubbed('hotline_messages', 'body')).toBe(true);
    expect(scrubbed('gatherings', 'minutes')).toBe(true);
    expect(scrubbed('newsletters', 'blocks')).toBe(true);
    expect(scrubbed('users', 'name')).toBe(false);
    expect(scrubbed('gathering_registrations', 'name')).toBe(false);
    expect(scrubbed('initiative_people', 'phone')).toBe(false);
  });

  it('escapes the terms, joins a name’s words by any space, and JSON-escapes for jsonb', () => {
    expect(escapeRegex('a.b+c@x.dk (1)')).toBe('a\\.b\\+c@x\\.dk \\(1\\)');
    const text = scrubPattern({ names: ['Anne  "Bo" Jensen'], emails: ['a.b@x.dk'] }, false);
    expect(text).toContain('a\\.b@x\\.dk');
    expect(text).toContain('Anne\\s+"Bo"\\s+Jensen');
    const json = scrubPattern({ names: ['Anne  "Bo" Jensen'], emails: [] }, true);
    expect(json).toContain('\\\\"Bo\\\\"');
  });

  it('ends sessions first and the account last; the panel’s rows before the panel', () => {
    const tables = new Set([
      'newsletter_deliveries',
      'panel_subscribers',
      'panel_consents',
      'hotline_messages',
      'hotline_requests',
      'circle_participants_view_is_not_here',
    ]);
    const steps = stepNames({ kind: 'user', userId: 'u', email: 'a@x.dk' }, tables);
    expect(steps[0]).toBe('sessions');
    expect(steps.slice(-2)).toEqual(['scrub', 'finish']);
    expect(steps.indexOf('table:newsletter_deliveries')).toBeLessThan(
      steps.indexOf('table:panel_subscribers'),
    );
    expect(steps.indexOf('table:hotline_messages')).toBeLessThan(
      steps.indexOf('table:hotline_requests'),
    );
    expect(stepNames({ kind: 'email', email: 'a@x.dk' }, tables)).not.toContain('sessions');
  });
});
