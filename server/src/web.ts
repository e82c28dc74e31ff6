import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { Config } from './config.js';

// The web has two faces, each its own Vite entry: the staff admin (/admin) and the citizen
// pages (/r/<code> rating, /c/... complaints, /d the window's rating device). Production serves the built files; `npm run dev`
// runs Vite inside this server for hot reload on one port.

const ENTRIES: Array<[RegExp, string]> = [
  [/^\/admin(\/|$)/, 'admin.html'],
  [/^\/(r|c|p)\//, 'citizen.html'],
  // The window's rating device (评价器): a page of the citizen face, in its own chunk.
  [/^\/d\/?$/, 'citizen.html'],
];

const viteDev = (config: Config) => config.env === 'development' && process.env.WEB_DEV === '1';

/**
 * The built, content-hashed files (/assets): cached for a year and never revalidated (no ETag or
 * Last-Modified to send), and mounted before helmet: its document policies (CSP and friends,
 * about 1 KB a response) mean nothing on a script or stylesheet, and a phone on the rating page
 * would download them with every file. `nosniff` still goes out. The build compressed them once
 * at the highest levels (brotli 11, gzip 9: vite.config.ts), a seventh smaller than the
 * compression middleware's quick levels; those files go out as they are, and the middleware
 * leaves an encoded response alone.
 */
export function mountAssets(app: Express, config: Config) {
  if (!config.serveWeb || viteDev(config)) return;
  const assets = path.resolve('web', 'dist', 'assets');
  app.use(
    '/assets',
    expressStaticGzip(assets, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        immutable: true,
        maxAge: '1y',
        index: false,
        etag: false,
        lastModified: false,
        setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
      },
    }),
  );
}

export async function mountWeb(app: Express, config: Config) {
  const webRoot = path.resolve('web');
  if (viteDev(config)) {
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
