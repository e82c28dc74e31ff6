import { expect } from 'chai';
import { checkCaseQr, signCaseQr, slotAt, SLOT_MS } from '../../server/src/domains/devices/case-qr.js';

// The rotating QR code a window's device shows for a case (issue 16): a HMAC of window, case and
// 30-second slot, accepted in its slot and the next, refused after that, and never when forged.

describe('rotating case QR codes', () => {
  const keys = [{ kid: 'k2', secret: 'a-secret-of-sixteen-plus' }];
  const old = [{ kid: 'k1', secret: 'an-older-secret-still-valid' }];
  const W = '65f000000000000000000001';
  const CASE = 'SC-2026-0001';
  const t0 = 1_800_000_000_000; // a slot's first millisecond, as any other instant would be
  const slot = slotAt(t0);
  const mac = signCaseQr(keys, W, CASE, slot);
  const at = (slots: number, ms = 0) => t0 + slots * SLOT_MS + ms;

  it('is accepted in its own slot and in the next (one slot of grace)', () => {
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(0))).to.equal('OK');
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(0, SLOT_MS - 1))).to.equal('OK');
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(1))).to.equal('OK');
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(1, SLOT_MS - 1))).to.equal('OK');
  });

  it('expires two slots later', () => {
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(2))).to.equal('EXPIRED');
    expect(checkCaseQr(keys, W, CASE, slot, mac, at(40))).to.equal('EXPIRED');
  });

  it('refuses forgeries: another case, window or slot, an altered or unknown key', () => {
    expect(checkCaseQr(keys, W, 'SC-2026-0002', slot, mac, at(0))).to.equal('INVALID');
    expect(checkCaseQr(keys, '65f000000000000000000002', CASE, slot, mac, at(0))).to.equal('INVALID');
    // Moving the slot forward to outlive the grace does not work: the MAC names its slot.
    expect(checkCaseQr(keys, W, CASE, slot + 2, mac, at(2))).to.equal('INVALID');
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(checkCaseQr(keys, W, CASE, slot, flipped, at(0))).to.equal('INVALID');
    expect(checkCaseQr(keys, W, CASE, slot, mac.replace('k2.', 'k9.'), at(0))).to.equal('INVALID');
    expect(checkCaseQr(keys, W, CASE, slot, '', at(0))).to.equal('INVALID');
    expect(checkCaseQr(keys, W, CASE, slot + 0.5, mac, at(0))).to.equal('INVALID');
    // A code made by someone else's server (another secret) is a forgery here.
    expect(checkCaseQr(keys, W, CASE, slot, signCaseQr(old, W, CASE, slot), at(0))).to.equal('INVALID');
  });

  it('accepts codes of an older key still listed (key rotation), and a slot early for clock skew only', () => {
    const both = [...keys, ...old];
    expect(checkCaseQr(both, W, CASE, slot, signCaseQr(old, W, CASE, slot), at(1))).to.equal('OK');
    const next = signCaseQr(keys, W, CASE, slot + 1);
    expect(checkCaseQr(keys, W, CASE, slot + 1, next, at(0))).to.equal('OK');
    const far = signCaseQr(keys, W, CASE, slot + 2);
    expect(checkCaseQr(keys, W, CASE, slot + 2, far, at(0))).to.equal('INVALID');
  });
});
