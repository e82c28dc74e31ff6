import type { z } from 'zod';
import { notFound, uniqueOr } from '../../graphql/errors.js';
import { DEFAULT_RULEBOOK } from './checklist.defaults.js';
import { ChecklistItemModel, type ChecklistItem } from './checklist.model.js';
import type { checklistInput, checklistUpdate } from './inspection.inputs.js';

/** Puts in the default rules that are missing (by code); never changes an edited one. */
export async function ensureDefaultRulebook() {
  await ChecklistItemModel.bulkWrite(
    DEFAULT_RULEBOOK.map((r, i) => ({
      updateOne: {
        filter: { code: r.code },
        update: { $setOnInsert: { ...r, order: (i + 1) * 10, active: true } },
        upsert: true,
      },
    })),
  );
}

/** The rulebook; seeded with the defaults the first time anyone reads an empty one. */
export async function listChecklist(activeOnly = false) {
  if ((await ChecklistItemModel.estimatedDocumentCount()) === 0) await ensureDefaultRulebook();
  return ChecklistItemModel.find(activeOnly ? { active: true } : {})
    .sort({ order: 1, code: 1 })
    .lean<ChecklistItem[]>();
}

export async function createChecklistItem(input: z.output<typeof checklistInput>) {
  const doc = await uniqueOr(
    ChecklistItemModel.create({
      ...input,
      kind: 'CHECK',
      labelEn: input.labelEn ?? '',
      rule: input.rule ?? '',
      order: input.order ?? 100,
    }),
    'Checklist item',
  );
  return doc.toObject<ChecklistItem>();
}

export async function updateChecklistItem(id: string, changes: z.output<typeof checklistUpdate>) {
  const doc = await ChecklistItemModel.findByIdAndUpdate(id, changes, {
    new: true,
    runValidators: true,
  }).lean<ChecklistItem>();
  if (!doc) throw notFound('Checklist item');
  return doc;
}

/** Rules by code, for turning findings into violations. */
export async function rulesByCode() {
  return new Map((await listChecklist()).map((r) => [r.code, r]));
}
