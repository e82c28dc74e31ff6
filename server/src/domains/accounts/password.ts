import argon2 from 'argon2';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128; // bounds hashing work per request

export const hashPassword = (plain: string) => argon2.hash(plain, OPTIONS);

// Verifying against a real hash even for unknown users keeps response times from revealing
// which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, plain: string): Promise<boolean> {
  const target = hash ?? (await (dummyHash ??= hashPassword('not-a-real-password-0')));
  try {
    return (await argon2.verify(target, plain)) && !!hash;
  } catch {
    return false;
  }
}
