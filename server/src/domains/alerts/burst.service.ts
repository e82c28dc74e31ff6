import { trusted } from 'mongoose';
import { RatingModel, type Rating } from '../ratings/rating.model.js';

/** The window over which one address's ratings at one window form a burst (the counter's too). */
export const BURST_WINDOW_MS = 10 * 60_000;

/**
 * A burst is suspect from its first rating, not from the one that reached the threshold: the
 * earlier ratings of the same address at the same window within the burst window are flagged
 * too. Ratings a manager has already reviewed keep their verdict. Runs only when a burst is
 * detected, so ordinary submissions do no extra work.
 */
export async function markBurst(rating: Rating) {
  if (!rating.suspect) return;
  await RatingModel.updateMany(
    {
      window: rating.window,
      ipHash: rating.ipHash,
      createdAt: trusted({ $gte: new Date(rating.createdAt.getTime() - BURST_WINDOW_MS), $lt: rating.createdAt }),
      suspect: false,
      excluded: false,
      reviewedAt: null,
    },
    { $set: { suspect: true, suspectReason: rating.suspectReason, counted: false } },
  );
}
