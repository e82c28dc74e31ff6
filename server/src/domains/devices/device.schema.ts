import { z } from 'zod';
import { CASE_NUMBER, normalizeCaseNumber } from '../../../../common/ids.js';
import { builder } from '../../graphql/builder.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { requireUser } from '../accounts/access.js';
import { WindowRef } from '../windows/window.schema.js';
import type { RatingDevice } from './device.model.js';
import { caseQrTicket } from './invitation.service.js';
import * as pairing from './pairing.service.js';

// The admin's side of the window rating devices (list, pair, revoke), and the public mutation a
// phone uses after scanning a device's rotating QR code for a case. The devices' own calls are
// plain HTTP (device.routes.ts).

const RatingDeviceRef = builder.objectRef<RatingDevice>('RatingDevice').implement({
  description: "A window's rating device (评价器), paired by a one-time code",
  fields: (t) => ({
    id: t.exposeID('_id'),
    name: t.exposeString('name'),
    window: t.field({ type: WindowRef, resolve: (d) => refKey(d.window) }),
    pairedAt: t.field({ type: 'DateTime', resolve: (d) => d.pairedAt }),
    lastSeenAt: t.field({ type: 'DateTime', resolve: (d) => d.lastSeenAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.revokedAt }),
  }),
});

type Code = Awaited<ReturnType<typeof pairing.issuePairingCode>>;
const PairingCodeRef = builder.objectRef<Code>('DevicePairingCode').implement({
  description: 'A one-time code to type on the device; shown once, valid ten minutes',
  fields: (t) => ({
    code: t.exposeString('code'),
    expiresAt: t.field({ type: 'DateTime', resolve: (c) => c.expiresAt }),
    window: t.field({ type: WindowRef, resolve: (c) => c.window }),
  }),
});

const CaseTicketRef = builder.objectRef<{ ticket: string; expiresAt: Date }>('CaseRatingTicket').implement({
  fields: (t) => ({
    ticket: t.exposeString('ticket'),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.expiresAt }),
  }),
});

const caseNumber = z
  .string()
  .transform(normalizeCaseNumber)
  .pipe(z.string().regex(CASE_NUMBER, 'a case number: 4 to 32 letters, digits or -'));

builder.queryField('ratingDevices', (t) =>
  t.field({
    type: [RatingDeviceRef],
    description: 'The rating devices, newest pairing first (revoked ones too)',
    authScopes: { can: 'manageDevices' },
    args: { windowId: t.arg.id({ validate: objectId }) },
    resolve: (_, a) => pairing.listDevices(a.windowId ?? null),
  }),
);

builder.mutationFields((t) => ({
  issueDevicePairingCode: t.field({
    type: PairingCodeRef,
    authScopes: { can: 'manageDevices' },
    args: {
      windowId: t.arg.id({ required: true, validate: objectId }),
      name: t.arg.string({ validate: optionalText(40) }),
    },
    resolve: (_, a, ctx) => pairing.issuePairingCode(ctx.config, requireUser(ctx.user), a.windowId, a.name ?? null),
  }),
  revokeDevice: t.field({
    type: RatingDeviceRef,
    description: 'Refuses the device from its next request on; it must be paired again',
    authScopes: { can: 'manageDevices' },
    args: { id: t.arg.id({ required: true, validate: z.string().regex(/^[a-f0-9]{64}$/, 'not a valid id') }) },
    resolve: (_, a, ctx) => pairing.revokeDevice(requireUser(ctx.user), a.id),
  }),
  issueCaseRatingTicket: t.field({
    type: CaseTicketRef,
    description:
      "Exchanges a device's rotating case QR code (case, slot, mac) for a ticket to rate that case once; " +
      'QR_EXPIRED after its slot and one of grace',
    args: {
      caseNumber: t.arg.string({ required: true, validate: caseNumber }),
      slot: t.arg.int({ required: true }),
      mac: t.arg.string({ required: true, validate: z.string().min(3).max(64) }),
    },
    resolve: (_, a, ctx) => caseQrTicket(ctx.config, a.caseNumber, a.slot, a.mac),
  }),
}));
