import { z } from 'zod';
import { defineSettings } from '../settings/settings.store.js';

/** Where notifications go outside the browser: a signed webhook (empty URL: in-app only). */
export const notificationSettings = defineSettings(
  'notifications',
  z
    .object({
      webhookUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
      /** The HMAC key the receiver verifies signatures with; at least 16 characters when a URL is set. */
      webhookSecret: z.string().max(200).default(''),
    })
    .refine((s) => !s.webhookUrl || s.webhookSecret.length >= 16, {
      path: ['webhookSecret'],
      message: 'with a webhook address, the signing secret needs at least 16 characters',
    }),
);
