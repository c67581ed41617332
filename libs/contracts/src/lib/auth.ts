import type { LearnerKind, Locale, Role } from './roles';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

/** The person behind the current session. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  municipalityId: string | null;
  municipalityName: string | null;
  villageId: string | null;
  villageName: string | null;
  /** Steering members only: part of the 2–4 people who lead the steering group. */
  coordinationGroup: boolean;
  learnerKind: LearnerKind | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Asks for a one-time sign-in link by email. Always answers 202, whether or not the email is known. */
export interface SignInLinkRequest {
  email: string;
  locale?: Locale;
}

/** Used for sign-in links, password-reset links and invitations: the token from the email. */
export interface TokenRequest {
  token: string;
}

export interface PasswordResetRequest {
  email: string;
  locale?: Locale;
}

export interface CompletePasswordResetRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UpdateProfileRequest {
  name?: string;
  locale?: Locale;
}

/** What an invitation link shows before the person accepts it. */
export interface InvitationInfo {
  email: string;
  name: string;
  role: Role;
  municipalityName: string | null;
  villageName: string | null;
  invitedByName: string | null;
}

export interface AcceptInvitationRequest {
  token: string;
  name: string;
  password: string;
}

/** Who can be invited: the inviter's own scope decides which of these are allowed. */
export interface InviteRequest {
  email: string;
  name: string;
  role: Role;
  municipalityId?: string;
  villageId?: string;
  coordinationGroup?: boolean;
  learnerKind?: LearnerKind;
  locale?: Locale;
}

/** Outside production only: the demo accounts `npm start` prints. */
export interface DemoSignIn {
  role: Role;
  description: string;
  email: string;
  password: string;
}
