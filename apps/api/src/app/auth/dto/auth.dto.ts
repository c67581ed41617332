import type {
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  Locale,
  LoginRequest,
  PasswordResetRequest,
  SignInLinkRequest,
  TokenRequest,
  UpdateProfileRequest,
} from '@blup/contracts';
import {
  CurrentPasswordField,
  EmailField,
  LocaleField,
  NewPasswordField,
  OptionalNameField,
  TokenField,
} from './fields';

export class LoginDto implements LoginRequest {
  @EmailField()
  email: string;

  @CurrentPasswordField('password')
  password: string;
}

export class SignInLinkDto implements SignInLinkRequest {
  @EmailField()
  email: string;

  /** Accepted for the client's convenience; the mail follows the locale saved for the person. */
  @LocaleField()
  locale?: Locale;
}

export class TokenDto implements TokenRequest {
  @TokenField()
  token: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @EmailField()
  email: string;

  /** Accepted for the client's convenience; the mail follows the locale saved for the person. */
  @LocaleField()
  locale?: Locale;
}

export class CompletePasswordResetDto implements CompletePasswordResetRequest {
  @TokenField()
  token: string;

  @NewPasswordField()
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @CurrentPasswordField('currentPassword')
  currentPassword: string;

  @NewPasswordField()
  newPassword: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @OptionalNameField()
  name?: string;

  @LocaleField()
  locale?: Locale;
}
