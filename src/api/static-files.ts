import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { PROJECT_ROOT } from '#config/project-root.ts';

/** The built explorer (npm run build:explorer), served at /. */
export const EXPLORER_DIR = path.join(PROJECT_ROOT, 'src', 'explorer', 'dist');

/** `app-3F2A9C1B.js`: scripts/build-explorer.ts puts a content hash in every asset's name. */
const HASHED = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

/**
 * The explorer's files through serve-static (express.static): ETag and Last-Modified with 304
 * answers, HEAD, no path outside the build directory. Hashed names never change content, so
 * browsers keep them for a year; the HTML pages that name them are revalidated every time.
 * Compression (gzip, brotli) comes from the compression middleware in front of it.
 */
export function createStaticFiles(root = EXPLORER_DIR): RequestHandler {
  return express.static(root, {
    index: 'index.html',
    etag: true,
    lastModified: true,
    fallthrough: true,
    redirect: false,
    setHeaders(res, file) {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader(
        'cache-control',
        HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
