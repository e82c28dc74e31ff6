import { Router } from 'express';
import { Types, trusted } from 'mongoose';
import QRCode from 'qrcode';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../graphql/context.js';
import { notFound, validationFailed } from '../../graphql/errors.js';
import { departmentFilter } from '../accounts/access.js';
import { requireStaff } from '../accounts/http-auth.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { qrUrl } from './qr.js';
import { WindowModel, type Window } from './window.model.js';
import { getWindow } from './window.service.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * QR codes for the windows: PNG or SVG of one window, and an A4 sheet of printable cards for a
 * window or a whole department (the browser prints it; six cards to a page).
 */
export function qrRouter(config: Config) {
  const router = Router();
  router.use('/api/windows', requireStaff());

  router.get('/api/windows/:id/qr.:format', async (req, res, next) => {
    try {
      const { id, format } = req.params;
      if (!Types.ObjectId.isValid(id) || !['png', 'svg'].includes(format)) throw notFound('QR code');
      const win = await getWindow(res.locals.user as SessionUser, id);
      const url = qrUrl(config, win.code, win.qrVersion);
      res.setHeader('content-disposition', `attachment; filename="window-${win.code}.${format}"`);
      res.setHeader('cache-control', 'no-store');
      if (format === 'png')
        res.type('png').send(await QRCode.toBuffer(url, { width: 800, margin: 2, errorCorrectionLevel: 'M' }));
      else res.type('svg').send(await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }));
    } catch (err) {
      next(err);
    }
  });

  router.get('/api/windows/qr-sheet', async (req, res, next) => {
    try {
      const user = res.locals.user as SessionUser;
      const { windowId, departmentId } = req.query;
      const pick = typeof windowId === 'string' ? windowId : typeof departmentId === 'string' ? departmentId : '';
      if (!Types.ObjectId.isValid(pick))
        throw validationFailed([{ path: 'windowId', message: 'give windowId or departmentId' }]);
      const filter =
        typeof windowId === 'string' ? { _id: new Types.ObjectId(windowId) } : { department: new Types.ObjectId(pick) };
      const windows = await WindowModel.find({ ...filter, ...departmentFilter(user), active: true })
        .sort({ zone: 1, number: 1 })
        .lean<Window[]>();
      if (!windows.length) throw notFound('Window');
      const depts = await DepartmentModel.find({ _id: trusted({ $in: windows.map((w) => w.department) }) }).lean<
        Department[]
      >();
      const deptName = new Map(depts.map((d) => [String(d._id), d.name]));
      const cards = await Promise.all(
        windows.map(async (w) => {
          const svg = await QRCode.toString(qrUrl(config, w.code, w.qrVersion), {
            type: 'svg',
            margin: 1,
            errorCorrectionLevel: 'M',
          });
          return `<section class="card"><div class="code">${escapeHtml(w.code)}</div><div class="name">${escapeHtml(w.name)}</div>
<div class="dept">${escapeHtml(deptName.get(String(w.department)) ?? '')}</div><div class="qr">${svg}</div>
<div class="cta">扫码评价 <span>Scan to rate</span></div><div class="foot">一次一评 · 评价匿名 · One visit, one rating, anonymous</div></section>`;
        }),
      );
      res.setHeader('cache-control', 'no-store');
      res.type('html').send(sheet(cards.join('\n')));
    } catch (err) {
      next(err);
    }
  });
  return router;
}

function sheet(cards: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>窗口评价二维码</title><style>
@page { size: A4; margin: 10mm; }
body { margin: 0; font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #111; }
.hint { padding: 8px 12px; background: #eef2ff; font-size: 14px; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; padding: 6mm 0; }
.card { border: 0.4mm solid #1d4ed8; border-radius: 4mm; padding: 5mm; text-align: center; height: 84mm; box-sizing: border-box; break-inside: avoid; }
.code { font-size: 30pt; font-weight: 700; color: #1d4ed8; line-height: 1; }
.name { font-size: 12pt; margin-top: 2mm; }
.dept { font-size: 10pt; color: #555; }
.qr svg { width: 42mm; height: 42mm; margin: 2mm auto 1mm; display: block; }
.cta { font-size: 14pt; font-weight: 700; } .cta span { font-size: 10pt; font-weight: 400; color: #555; }
.foot { font-size: 7.5pt; color: #777; margin-top: 1mm; }
@media print { .hint { display: none; } }
</style></head><body><div class="hint">按 Ctrl+P 打印（A4，每页六张）· Press Ctrl+P to print (A4, six cards a page)</div>
<main class="grid">${cards}</main></body></html>`;
}
