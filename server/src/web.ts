import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Config } from './config.js';

// The web has two faces, each its own Vite entry: the staff admin (/admin) and the citizen
// pages (/r/<code> rating, /c/... complaints). Production serves the built files; `npm run dev`
// runs Vite inside this server for hot reload on one port.

const ENTRIES: Array<[RegExp, string]> = [
  [/^\/admin(\/|$)/, 'admin.html'],
  [/^\/(r|c|p)\//, 'citizen.html'],
];

export async function mountWeb(app: Express, config: Config) {
  const webRoot = path.resolve('web');
  if (config.env === 'development' && process.env.WEB_DEV === '1') {
    const { createServer } = await import('vite');
    const vite = await createServer({ root: webRoot, server: { middlewareMode: true }, appType: 'custom' });
    app.use(vite.middlewares);
    app.use(async (req, res, next) => {
      const entry = ENTRIES.find(([re]) => re.test(req.path))?.[1];
      if (!entry || req.method !== 'GET') return next();
      const html = await readFile(path.join(webRoot, entry), 'utf8');
      res.type('html').send(await vite.transformIndexHtml(req.originalUrl, html));
    });
  } else {
    const dist = path.join(webRoot, 'dist');
    app.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.use((req, res, next) => {
      const entry = ENTRIES.find(([re]) => re.test(req.path))?.[1];
      if (!entry || req.method !== 'GET') return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(dist, entry), (err) => err && next(err));
    });
  }
  app.get('/', (_req, res) => res.redirect('/admin/'));
}
