import { expect } from 'chai';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { act, DETAIL, fileComplaint, PHONE, STATUS } from '../helpers/complaints.js';
import { makeDepartment, makeWindow, staffClient } from '../helpers/fixtures.js';

// A department's reply reaches the citizen only when the centre approves it; a reply the centre
// sends back (退回重办) is never shown.
describe('complaints: replies the centre approves', () => {
  let app: TestApp;
  let citizen: Client;
  let manager: Client;
  let liaison: Client;
  let dept: string;

  before(async () => {
    app = await startTestApp();
    dept = await makeDepartment('RPA', '市人力资源和社会保障局');
    await makeWindow('R01', dept);
    citizen = new Client(app.url);
    manager = await staffClient(app.url, 'MANAGER');
    liaison = await staffClient(app.url, 'DEPARTMENT', dept);
  });
  after(() => app.close());

  const status = async (code: string) =>
    (await citizen.gql(STATUS, { code, contact: PHONE.slice(-4) })).data.complaintStatus as {
      state: string;
      progress: Array<{ action: string; note: string }>;
    };
  const notes = async (code: string) => (await status(code)).progress.map((p) => p.note);

  it('shows a reply only once approved, and never the one sent back', async () => {
    const { id, trackingCode } = await fileComplaint(citizen, { windowCode: 'R01' });
    await act(manager, id, { action: 'ACCEPT' });
    await act(manager, id, { action: 'ASSIGN', departmentId: dept });
    await act(liaison, id, { action: 'INVESTIGATE' });
    await act(liaison, id, { action: 'REPLY', note: '初稿：系群众误解' });
    // Under review: the citizen sees neither the draft nor a "replied" state.
    expect(await notes(trackingCode)).to.not.include('初稿：系群众误解');
    expect((await status(trackingCode)).state).to.equal('INVESTIGATING');

    await act(manager, id, { action: 'RETURN', note: '答复未回应群众诉求，请重办' });
    await act(liaison, id, { action: 'REPLY', note: '经核实，已对该窗口人员批评教育并向群众致歉。' });
    expect(await notes(trackingCode)).to.not.include('经核实，已对该窗口人员批评教育并向群众致歉。');

    await act(manager, id, { action: 'REVIEW' });
    const shown = await notes(trackingCode);
    expect(shown).to.include('经核实，已对该窗口人员批评教育并向群众致歉。');
    expect(shown).to.not.include('初稿：系群众误解').and.not.include('答复未回应群众诉求，请重办');
    // Staff see the same: the returned draft is marked internal, the approved reply public.
    const timeline = (await manager.gql(DETAIL, { id })).data.complaint.timeline as Array<{
      action: string;
      public: boolean;
    }>;
    expect(timeline.filter((e) => e.action === 'REPLY').map((e) => e.public)).to.deep.equal([false, true]);
  });
});
