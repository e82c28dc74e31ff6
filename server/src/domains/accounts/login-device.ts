import { Schema, Types, model } from 'mongoose';
import type { Context } from '../../graphql/context.js';
import { randomToken, sha256 } from '../../lib/crypto.js';

// OWASP's "device cookie": a browser that logged in to an account before carries a random token
// the server knows, and its attempts at that account are counted apart from everyone else's, so
// failures from a shared address or at a known user name never lock the account's owner out on
// their own tablet. One token per browser, for every account that logged in on it.

export const DEVICE_COOKIE = 'wfp_device';
const DEVICE_TTL_MS = 180 * 24 * 3600_000;

const deviceSchema = new Schema({
  _id: { type: String }, // sha256(token)
  users: { type: [Schema.Types.ObjectId], default: [] },
  /** Checked on read; the TTL index only cleans up. */
  expiresAt: { type: Date, required: true },
});
deviceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
const DeviceModel = model('LoginDevice', deviceSchema, 'login_devices');

async function deviceOf(ctx: Context) {
  const token = (await ctx.request.cookieStore?.get(DEVICE_COOKIE))?.value;
  if (!token || token.length > 100) return null;
  const device = await DeviceModel.findById(sha256(token)).lean();
  return device && device.expiresAt > new Date() ? device : null;
}

/** The device's key when this browser logged in to the account before, else null. */
export async function knownDevice(ctx: Context, userId: string) {
  const device = await deviceOf(ctx);
  return device?.users.some((u) => String(u) === userId) ? device._id : null;
}

/** After a right password: the browser becomes a known device of the account. */
export async function rememberDevice(ctx: Context, userId: string) {
  const existing = await deviceOf(ctx);
  const token = existing ? null : randomToken();
  const id = existing?._id ?? sha256(token!);
  const expiresAt = new Date(Date.now() + DEVICE_TTL_MS);
  await DeviceModel.updateOne(
    { _id: id },
    { $addToSet: { users: new Types.ObjectId(userId) }, $set: { expiresAt } },
    { upsert: true },
  );
  if (!token) return;
  await ctx.request.cookieStore?.set({
    name: DEVICE_COOKIE,
    value: token,
    path: '/graphql',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: expiresAt.getTime(),
    domain: null,
  });
}
