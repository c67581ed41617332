import { type InviteRequest, type LoginRequest, type PersonDto, Role } from '@blup/contracts';
import type { ApiClients } from './fixtures';
import { type MailReader, tokenOf } from './mail';
import { uniqueEmail, uniqueSuffix } from './unique';

export interface InvitedPerson {
  person: PersonDto;
  email: string;
  name: string;
  /** Who invited them (the name the invitation page shows). */
  inviterName: string;
  /** The link from the invitation mail. */
  link: string;
}

export interface CreatedPerson extends InvitedPerson {
  password: string;
}

type Invitation = Omit<InviteRequest, 'email' | 'name'> & { label?: string };

/**
 * `inviter` invites a new person (unique email and name) through the API; resolves once the
 * invitation mail has arrived, with the link from it.
 */
export async function invitePerson(
  api: ApiClients,
  mail: MailReader,
  inviter: LoginRequest,
  invitation: Invitation,
): Promise<InvitedPerson> {
  const { label = invitation.role, ...rest } = invitation;
  const email = uniqueEmail(label.replace(/_/g, '-'));
  const name = `E2E ${label} ${uniqueSuffix()}`;
  const client = await api.as(inviter);
  const since = new Date();
  const person = await client.post<PersonDto>('/api/invitations', { ...rest, email, name });
  const link = await mail.linkTo(email, '/invitation', { since });
  return { person, email, name, inviterName: client.user?.name ?? '', link };
}

/**
 * A new person with an account, made the way people are really made: invited through the
 * API, and accepting the invitation from the mail (through the API too).
 */
export async function createPerson(
  api: ApiClients,
  mail: MailReader,
  inviter: LoginRequest,
  invitation: Invitation,
): Promise<CreatedPerson> {
  const invited = await invitePerson(api, mail, inviter, invitation);
  const password = `e2e-${uniqueSuffix()}-landsby`;
  await (
    await api.anonymous()
  ).post('/api/invitations/accept', { token: tokenOf(invited.link), name: invited.name, password });
  return { ...invited, password };
}

/** The invitation for a new steering-group member of the village named `villageName`. */
export async function inviteSteeringMember(
  api: ApiClients,
  mail: MailReader,
  inviter: LoginRequest,
  villageName: string,
): Promise<InvitedPerson> {
  const village = await (await api.as(inviter)).village(villageName);
  return invitePerson(api, mail, inviter, {
    role: Role.SteeringMember,
    villageId: village.id,
    label: 'steering',
  });
}

/** A new steering-group member of the village named `villageName`, with an account. */
export async function createSteeringMember(
  api: ApiClients,
  mail: MailReader,
  inviter: LoginRequest,
  villageName: string,
): Promise<CreatedPerson> {
  const village = await (await api.as(inviter)).village(villageName);
  return createPerson(api, mail, inviter, {
    role: Role.SteeringMember,
    villageId: village.id,
    label: 'steering',
  });
}
