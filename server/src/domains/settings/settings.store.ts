import { Schema, model } from 'mongoose';
import type { z } from 'zod';
import { validationFailed } from '../../graphql/errors.js';
import { ttlCache } from '../../lib/cache.js';

// Admin-editable rules (deadlines, tags, alert thresholds...). Each domain declares its own
// section with a zod schema whose defaults apply until an admin saves something.

const settingSchema = new Schema(
  {
    _id: { type: String },
    value: { type: Schema.Types.Mixed, default: {} },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, minimize: false },
);

const SettingModel = model('Setting', settingSchema);

/** Sections are read often (every rating reads its tags): cached briefly per process. */
const CACHE_MS = 5000;

export function defineSettings<S extends z.ZodObject>(key: string, schema: S) {
  const cache = ttlCache<z.infer<S>>(CACHE_MS);

  function get(): Promise<z.infer<S>> {
    return cache.get(key, async () => {
      const doc = await SettingModel.findById(key).lean<{ value: unknown }>();
      // Stored values that no longer fit (after an upgrade) fall back to the defaults.
      const parsed = schema.safeParse(doc?.value ?? {});
      return parsed.success ? parsed.data : schema.parse({});
    });
  }

  async function update(patch: Partial<z.infer<S>>, userId: string | null): Promise<z.infer<S>> {
    const merged = schema.safeParse({ ...(await get()), ...patch });
    if (!merged.success) {
      throw validationFailed(merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    await SettingModel.updateOne({ _id: key }, { value: merged.data, updatedBy: userId }, { upsert: true });
    cache.clear();
    return merged.data;
  }

  return { key, schema, get, update, clearCache: () => cache.clear() };
}
