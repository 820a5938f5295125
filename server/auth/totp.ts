import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/** RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30;

function totpFor(secretBase32: string, label = 'staff', issuer = 'Meldestelle') {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step the code belongs to (±1 step for clock drift), or null. The caller stores the step and
 * refuses it and earlier ones next time, so a code that was seen over a shoulder cannot be used again.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The provisioning address and its QR code as SVG (drawn on the server: no script, no external request). */
export function totpEnrolment(secretBase32: string, username: string, issuer: string) {
  const uri = totpFor(secretBase32, username, issuer).toString();
  return { uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** The code an authenticator app would show now: what the tests type in. */
export function currentTotpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}
