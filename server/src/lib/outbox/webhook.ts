import { createHmac } from 'node:crypto';
import type { Channel } from './outbox.js';
import type { OutboxMessage } from './outbox.model.js';

// A signed HTTP webhook channel: POSTs the message as JSON to a configured URL (a centre points
// it at its SMS / 政务微信 gateway). The receiver checks the signature and may drop repeats by
// the event id (a delivery whose answer was lost is sent again).

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe-style receivers verify. */
export function signature(secret: string, body: string, at = Math.floor(Date.now() / 1000)) {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

const TIMEOUT_MS = 10_000;

export function webhookChannel(target: () => Promise<WebhookTarget | null>, maxAttempts = 10): Channel {
  return {
    maxAttempts,
    async send(m: OutboxMessage) {
      const to = await target();
      if (!to?.url) throw new Error('未配置 webhook 地址');
      const body = JSON.stringify({
        id: m.eventKey,
        channel: m.channel,
        createdAt: m.createdAt,
        data: m.payload as unknown,
      });
      const res = await fetch(to.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wfp-event-id': m.eventKey,
          'x-wfp-signature': signature(to.secret, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`接收方返回 HTTP ${res.status}`);
    },
  };
}
