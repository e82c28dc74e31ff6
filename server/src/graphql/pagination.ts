import type { ObjectRef } from '@pothos/core';
import type { Model } from 'mongoose';
import { trusted } from 'mongoose';
import { z } from 'zod';
import { builder } from './builder.js';

// Admin tables page by number, so pages carry the total. Lists stay short enough for skip/limit.

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type ArgBuilder = Parameters<Parameters<typeof builder.queryField>[1]>[0]['arg'];

export function pageArgs(arg: ArgBuilder) {
  return {
    page: arg.int({ required: true, defaultValue: 1, validate: z.number().int().min(1).max(10_000) }),
    pageSize: arg.int({ required: true, defaultValue: 20, validate: z.number().int().min(1).max(MAX_PAGE_SIZE) }),
  };
}

// Any object ref whose shape is T; Pothos's first type parameter (its kind) is not ours to name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pageType<T>(name: string, item: ObjectRef<any, T | string, T> | ObjectRef<any, T, T>) {
  return builder.objectRef<Page<T>>(name).implement({
    fields: (t) => ({
      items: t.field({ type: [item], resolve: (p) => p.items }),
      total: t.exposeInt('total'),
      page: t.exposeInt('page'),
      pageSize: t.exposeInt('pageSize'),
    }),
  });
}

export async function paginate<T>(
  // Any collection: T says what its documents are.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  filter: Record<string, unknown>,
  sort: Record<string, 1 | -1>,
  page: number,
  pageSize: number,
): Promise<Page<T>> {
  const [items, total] = await Promise.all([
    model
      .find(filter)
      .sort(sort)
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean<T[]>(),
    model.countDocuments(filter),
  ]);
  return { items, total, page, pageSize };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive "contains" match over several fields, safe for any user text. */
export function textMatch(q: string | null | undefined, fields: string[]) {
  const text = q?.trim();
  if (!text) return {};
  const re = trusted({ $regex: escapeRegex(text), $options: 'i' });
  return { $or: fields.map((f) => ({ [f]: re })) };
}
