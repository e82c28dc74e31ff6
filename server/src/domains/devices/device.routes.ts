import express, { Router, type Request } from 'express';
import { CASE_NUMBER, normalizeCaseNumber } from '../../../../common/ids.js';
import type { Config } from '../../config.js';
import { AppError, validationFailed } from '../../graphql/errors.js';
import { keyedHash } from '../../lib/crypto.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { consumeOrRetryAfter, createLimiter } from '../../lib/rate-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import { qrUrl } from '../windows/qr.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { completeOnDevice, currentInvitation, deviceTicket, listenForCompletedCases } from './invitation.service.js';
import { deviceFor, pairDevice } from './pairing.service.js';

// The window rating device's small REST surface (docs/device.md). Every call but the pairing
// names the device by its credential in X-WFP-Device; an unknown or revoked one gets 401 with
// DEVICE_UNPAIRED or DEVICE_REVOKED, and the device shows its pairing screen.
//   POST /api/device/pair        { code }        → { credential, name, window }
//   GET  /api/device/me                          → { name, window, windowQrUrl }
//   GET  /api/device/invitation                  → { invitation: { caseNumber, …, qrUrl } | null }
//   POST /api/device/complete    { caseNumber }  → { caseNumber }   (the staff's 办结 on the device)
//   POST /api/device/ticket      { caseNumber }  → { ticket, expiresAt } (then submitRating)

export const DEVICE_HEADER = 'x-wfp-device';
// Pairing codes are 40 bits for ten minutes; twenty tries an hour per address make guessing moot.
const pairingsPerIp = createLimiter('device_pair', 20, 3600);

const device = (req: Request) => deviceFor(req.get(DEVICE_HEADER));

function caseNumberOf(req: Request) {
  const raw: unknown = (req.body as { caseNumber?: unknown } | undefined)?.caseNumber;
  const n = typeof raw === 'string' ? normalizeCaseNumber(raw) : '';
  if (!CASE_NUMBER.test(n))
    throw validationFailed([{ path: 'caseNumber', message: 'a case number: 4 to 32 letters, digits or -' }]);
  return n;
}

export function devicesRouter(config: Config, logger: Logger) {
  listenForCompletedCases();
  const router = Router();
  const json = express.json({ limit: '4kb' });
  // A device's answers change every few seconds and are its own: never cached.
  router.use('/api/device', (_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.post('/api/device/pair', json, async (req, res) => {
    const wait = await consumeOrRetryAfter(pairingsPerIp, keyedHash(config.secret, 'ip', req.ip ?? ''));
    if (wait)
      throw new AppError('RATE_LIMITED', 'Too many requests from this network; please try again later', {
        retryAfter: wait,
      });
    const code: unknown = (req.body as { code?: unknown } | undefined)?.code;
    const { credential, device: d } = await pairDevice(config, typeof code === 'string' ? code : '');
    const win = await WindowModel.findById(d.window).lean<Window>();
    await recordAudit(
      {
        user: null,
        actorName: d.name,
        action: 'pairDevice',
        targetType: 'RatingDevice',
        targetId: d._id,
        ok: true,
        requestId: requestIdOf(req),
        source: req.ip,
      },
      logger,
    );
    res.status(201).json({ credential, name: d.name, window: { code: win?.code ?? '', name: win?.name ?? '' } });
  });

  router.get('/api/device/me', async (req, res) => {
    const d = await device(req);
    const win = await WindowModel.findById(d.window).lean<Window>();
    if (!win)
      throw new AppError('DEVICE_UNPAIRED', 'This device is not paired with a window', { http: { status: 401 } });
    res.json({
      name: d.name,
      window: { code: win.code, name: win.name, active: win.active },
      windowQrUrl: qrUrl(config, win.code, win.qrVersion),
    });
  });

  router.get('/api/device/invitation', async (req, res) => {
    res.json({ invitation: await currentInvitation(config, await device(req)) });
  });

  router.post('/api/device/complete', json, async (req, res) => {
    const d = await device(req);
    const served = await completeOnDevice(d, caseNumberOf(req));
    res.json({ caseNumber: served._id });
  });

  router.post('/api/device/ticket', json, async (req, res) => {
    const d = await device(req);
    const { ticket, expiresAt } = await deviceTicket(d, caseNumberOf(req));
    res.json({ ticket, expiresAt });
  });
  return router;
}
