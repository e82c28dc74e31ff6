import { Types } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, notFound } from '../../graphql/errors.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { ApiKeyModel, type ApiKey, type ApiScope } from './api-key.model.js';

// API keys for machine clients (queue and case systems). The secret leaves the server once, in
// the answer to its creation; afterwards only its hash is known.

export async function createApiKey(user: SessionUser, name: string, scopes: ApiScope[]) {
  const secret = `wfp_${randomToken(32)}`;
  const key = await ApiKeyModel.create({
    _id: sha256(secret),
    name,
    prefix: secret.slice(0, 10),
    scopes: [...new Set(scopes)],
    createdBy: new Types.ObjectId(user.id),
    createdAt: new Date(),
  });
  return { key: key.toObject<ApiKey>(), secret };
}

export const listApiKeys = () => ApiKeyModel.find().sort({ createdAt: -1 }).lean<ApiKey[]>();

export async function revokeApiKey(id: string) {
  const key = await ApiKeyModel.findOneAndUpdate(
    { _id: id },
    { $set: { revokedAt: new Date() } },
    { new: true },
  ).lean<ApiKey>();
  if (!key) throw notFound('API key');
  return key;
}

/** The key a request's bearer secret names, if it is known, not revoked and holds the scope. */
export async function authenticate(secret: string | null, scope: ApiScope): Promise<ApiKey> {
  const key = secret ? await ApiKeyModel.findById(sha256(secret)).lean<ApiKey>() : null;
  if (!key || key.revokedAt)
    throw new AppError('API_KEY_INVALID', 'Unknown or revoked API key', { http: { status: 401 } });
  if (!key.scopes.includes(scope))
    throw new AppError(
      'API_SCOPE_MISSING',
      'This API key lacks the scope {{scope}}',
      { http: { status: 403 } },
      { scope },
    );
  // Addressed by `_id`; an hour's precision is enough to tell an admin whether a key is in use.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 3_600_000)
    await ApiKeyModel.updateOne({ _id: key._id }, { $set: { lastUsedAt: new Date() } });
  return key;
}
