import { normalizeCaseNumber } from '../../../../common/ids.js';
import type { Config } from '../../config.js';
import { AppError } from '../../graphql/errors.js';
import { issueCaseTicket } from '../ratings/ticket.service.js';
import type { ServedCase } from '../served-cases/served-case.model.js';
import { knownCase, onCaseCompleted, recordCase } from '../served-cases/served-case.service.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { onDutyAt } from '../staff/duty.service.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { caseQrUrl, checkCaseQr } from './case-qr.js';
import { DeviceInvitationModel, type DeviceInvitation, type RatingDevice } from './device.model.js';

// When a case is completed at a window (by the queue or case system, or by the staff member on
// the window's device), the window's device offers it for rating: one invitation per window,
// replaced by the next case, gone after INVITATION_SECONDS or once the case is rated.

export const INVITATION_SECONDS = 120;

async function openInvitation(c: ServedCase) {
  const now = new Date();
  await DeviceInvitationModel.replaceOne(
    { _id: c.window },
    { servedCase: c._id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_SECONDS * 1000) },
    { upsert: true },
  );
}

let listening = false;
/** Hooks the invitations to case completions (once per process; the app calls it at start). */
export function listenForCompletedCases() {
  if (listening) return;
  listening = true;
  onCaseCompleted(openInvitation);
}

/** The case this device should offer now, with its rotating QR code, or null (idle). */
export async function currentInvitation(config: Config, device: RatingDevice, now = new Date()) {
  const inv = await DeviceInvitationModel.findById(device.window).lean<DeviceInvitation>();
  if (!inv || inv.expiresAt <= now) return null;
  const served = await knownCase(inv.servedCase);
  // Rated meanwhile (on the device or by phone): nothing left to offer.
  if (!served || served.ratedBy) return null;
  const [win, item] = await Promise.all([
    WindowModel.findById(device.window).lean<Window>(),
    served.serviceItem ? ServiceItemModel.findById(served.serviceItem).lean() : null,
  ]);
  if (!win) return null;
  const qr = caseQrUrl(config, win.code, String(win._id), served._id, now.getTime());
  return {
    caseNumber: served._id,
    serviceItemName: item?.name ?? null,
    expiresAt: inv.expiresAt,
    qrUrl: qr.url,
    qrRotatesAt: qr.rotatesAt,
  };
}

/** The staff member on the device marks a case done (办结): it becomes the device's invitation. */
export async function completeOnDevice(device: RatingDevice, caseNumber: string) {
  const now = new Date();
  const staff = (await onDutyAt([String(device.window)], now)).get(String(device.window))?.[0] ?? null;
  const { servedCase, completedNow } = await recordCase(
    {
      caseNumber,
      window: device.window,
      department: device.department,
      staff,
      serviceItem: null,
      completed: true,
      at: now,
    },
    'DEVICE',
    device._id,
  );
  // Completed before (by the integration, say) but not yet rated: offer it again.
  if (!completedNow && !servedCase.ratedBy) await openInvitation(servedCase);
  return servedCase;
}

/** A ticket for the device to rate the case it offers (channel 政务大厅平板电脑). */
export async function deviceTicket(device: RatingDevice, caseNumber: string) {
  const served = await knownCase(caseNumber);
  if (!served || String(served.window) !== String(device.window))
    throw new AppError('CASE_UNKNOWN', 'Unknown case number');
  return issueCaseTicket(served._id, 'HALL_TABLET');
}

/** A phone that scanned the device's rotating code: a ticket for that case (channel 二维码). */
export async function caseQrTicket(config: Config, caseNumber: string, slot: number, mac: string) {
  const served = await knownCase(normalizeCaseNumber(caseNumber));
  const check = served ? checkCaseQr(config.qrKeys, String(served.window), served._id, slot, mac) : 'INVALID';
  if (check === 'INVALID')
    throw new AppError('QR_INVALID', 'This QR code is not valid; please scan the code at the window again');
  if (check === 'EXPIRED')
    throw new AppError('QR_EXPIRED', 'This QR code has expired; please scan the code on the screen again');
  return issueCaseTicket(served!._id, 'QR');
}
