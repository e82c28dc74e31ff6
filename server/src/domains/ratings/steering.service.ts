import { AppError, invalidState, notFound } from '../../graphql/errors.js';
import { RatingModel, type Rating } from './rating.model.js';
import { ratingSettings } from './rating.settings.js';

// 工作人员是否要求您给好评？ — asked once after a good rating (51号 forbids steering ratings).
// The page that gave the rating answers it, by the rating's own clientKey (a unique key), once,
// and only shortly after: the share of "yes" is an integrity figure, not a second rating.

/** How long after the rating its page may answer. */
export const STEERING_ANSWER_MINUTES = 30;

export async function answerSteeringQuestion(clientKey: string, answer: boolean) {
  const rating = await RatingModel.findOne({ clientKey }).lean<Rating>();
  if (!rating) throw notFound('rating');
  if (!(await ratingSettings.get()).askStaffSteering || !rating.good)
    throw invalidState('This question is asked only after a good rating');
  if (Date.now() - rating.createdAt.getTime() > STEERING_ANSWER_MINUTES * 60_000)
    throw invalidState('This question can no longer be answered');
  // Conditional on no answer yet, and addressed by the unique clientKey.
  const set = await RatingModel.updateOne(
    { clientKey, staffAskedForGood: null },
    { $set: { staffAskedForGood: answer } },
  );
  if (set.modifiedCount !== 1) throw new AppError('INVALID_STATE', 'This question was already answered');
  return true;
}
