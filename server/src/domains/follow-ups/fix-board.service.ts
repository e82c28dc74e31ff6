import { isDuplicateKey } from '../../db.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import { ratingSettings } from '../ratings/rating.settings.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { BOARD_SIZE, CENTRE_BOARD, FixBoardModel, type Fix, type FixBoard } from './fix-board.model.js';
import type { FollowUp } from './follow-up.model.js';

// Keeps the 您说，我们改 boards: when a follow-up closes resolved, its fix goes on top of its
// window's board and the centre's, each capped at BOARD_SIZE. The work is done once per closing
// here, so the citizen's pages only ever read one small document.

const ATTEMPTS = 5;

async function put(boardId: string, fix: Fix) {
  for (let i = 0; i < ATTEMPTS; i++) {
    const board = await FixBoardModel.findById(boardId).lean<FixBoard>();
    const items = [fix, ...(board?.items ?? []).filter((x) => x.key !== fix.key)]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, BOARD_SIZE);
    if (!board) {
      try {
        await FixBoardModel.create({ _id: boardId, items, version: 1 });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err; // created meanwhile: read it again
        continue;
      }
    }
    const r = await FixBoardModel.updateOne(
      { _id: boardId, version: board.version },
      { $set: { items }, $inc: { version: 1 } },
    );
    if (r.matchedCount) return;
  }
  throw new Error(`fix board ${boardId} kept changing`);
}

/** The public entry of a closed follow-up: where, what was said (reason labels) and what was done. */
async function fixOf(f: FollowUp): Promise<Fix> {
  const [win, dept, rating, s] = await Promise.all([
    WindowModel.findById(f.window).lean<Window>(),
    DepartmentModel.findById(f.department).lean<Department>(),
    RatingModel.findById(f.rating).lean<Rating>(),
    ratingSettings.get(),
  ]);
  const said = (rating?.tags ?? []).flatMap((code) => {
    const tag = s.negativeTags.find((t) => t.code === code);
    return tag ? [{ zh: tag.zh, en: tag.en }] : [];
  });
  return {
    key: String(f._id),
    at: f.closedAt ?? new Date(),
    windowCode: win?.code ?? '',
    windowName: win?.name ?? '',
    departmentName: dept?.name ?? '',
    said,
    category: f.category ?? null,
    done: f.publicResult ?? '',
  };
}

/**
 * Puts a follow-up closed resolved on its boards. Called on the side of the closing: a board that
 * cannot be written must not undo it (the list only misses that one entry).
 */
export async function publishFix(f: FollowUp) {
  if (f.state !== 'CLOSED' || f.resolution !== 'RESOLVED') return;
  try {
    const fix = await fixOf(f);
    await put(String(f.window), fix);
    await put(CENTRE_BOARD, fix);
  } catch (err) {
    process.emitWarning(`fix board not updated for follow-up ${String(f._id)}: ${(err as Error).message}`);
  }
}

/** A board's fixes, newest first: the centre's, or one window's. */
export async function boardOf(boardId: string): Promise<Fix[]> {
  return (await FixBoardModel.findById(boardId).lean<FixBoard>())?.items ?? [];
}
