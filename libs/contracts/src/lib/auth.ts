import type { GlobalRole, TenantRole } from './roles';

/** `POST /api/auth/login` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * `POST /api/auth/login` and `POST /api/invitations/accept` answer with one of three outcomes:
 * - `{ mfaRequired: true }`: the password was right; the session is signed in only after `POST /api/auth/mfa`.
 * - `{ mfaRequired: false, mfaEnrolmentRequired: true }`: MFA is mandatory and not set up yet; only the
 *   enrolment endpoints answer until `POST /api/auth/mfa/enrolment/confirm` succeeds.
 * - `{ mfaRequired: false, me }`: signed in.
 */
export interface LoginResponse {
  mfaRequired: boolean;
  mfaEnrolmentRequired?: boolean;
  me?: CurrentUser;
}

/** `POST /api/auth/mfa` body: a 6-digit code from the authenticator app, or one unused recovery code. */
export interface MfaVerifyRequest {
  code: string;
}

/** `POST /api/auth/mfa/enrolment`: a new secret to scan; nothing is saved until it is confirmed. */
export interface MfaEnrolmentStart {
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code image (`data:image/svg+xml;base64,...`). */
  qrCodeDataUrl: string;
}

/** `POST /api/auth/mfa/enrolment/confirm` answer: shown once, each code works once. */
export interface MfaEnrolmentResult {
  recoveryCodes: string[];
  me: CurrentUser;
}

/** `POST /api/auth/mfa/recovery-codes` (with `{code}` from the authenticator app): the old codes stop working. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** `POST /api/auth/password-reset`: answers 202 whether or not the address has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** `POST /api/auth/password-reset/confirm`: the token from the emailed `/password-reset?token=` link. */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

/** A sentence for the user, e.g. after asking for a password-reset link. */
export interface MessageResponse {
  message: string;
}

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  region: string;
}

export interface MembershipSummary {
  tenant: TenantSummary;
  role: TenantRole;
}

/** `GET /api/auth/me`: who is signed in, their LSP memberships and programme-wide roles. */
export interface CurrentUser {
  user: {
    id: string;
    email: string;
    displayName: string;
    mfaEnrolled: boolean;
  };
  memberships: MembershipSummary[];
  /** Programme-wide roles (`programme_lead`, `system_admin`); LSP roles are on the memberships. */
  roles: GlobalRole[];
}
