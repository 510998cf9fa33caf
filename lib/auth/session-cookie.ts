import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams } from 'next-auth/jwt';

// next-auth's decode, with its key derived once per secret instead of per request: the HKDF was
// 2-6% of the server's CPU under the load benchmark. Same key (HKDF-SHA256 of the secret, empty
// salt, next-auth's info string), same JWE check with the same 15 s clock tolerance; jose is the
// library next-auth itself decodes with, pinned to the version it resolves to.
let derived: { secret: string; key: Uint8Array } | null = null;
export async function decodeSessionCookie({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const s = String(secret);
  if (derived?.secret !== s) derived = { secret: s, key: new Uint8Array(hkdfSync('sha256', s, '', 'NextAuth.js Generated Encryption Key', 32)) };
  return (await jwtDecrypt(token, derived.key, { clockTolerance: 15 })).payload as JWT;
}
