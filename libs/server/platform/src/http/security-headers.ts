import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type CspDirectives = Record<string, string[] | null>;

/**
 * The portal's own Content-Security-Policy: scripts only from the portal's own files (no inline script, no
 * event-handler attributes, no eval), no plugins, no framing by other sites, forms post only to the portal.
 * Styles allow 'unsafe-inline' because Angular adds each component's styles as a <style> element at run
 * time; style injection cannot run script. Fonts come from the NHS.UK frontend's CDN.
 */
export function appCspDirectives(production: boolean): CspDirectives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    upgradeInsecureRequests: production ? [] : null,
  };
}

/** Swagger UI (only at /api/docs, and only where API_DOCS_ENABLED) needs inline scripts and styles. */
export function apiDocsCspDirectives(production: boolean): CspDirectives {
  return { ...appCspDirectives(production), scriptSrc: ["'self'", "'unsafe-inline'"], scriptSrcAttr: null };
}

function helmetWith(directives: CspDirectives, production: boolean) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: production,
  });
}

/** Helmet's headers with the strict policy everywhere except under `docsPath`, which gets Swagger's. */
export function securityHeaders(docsPath: string, production: boolean) {
  const strict = helmetWith(appCspDirectives(production), production);
  const docs = helmetWith(apiDocsCspDirectives(production), production);
  return (req: Request, res: Response, next: NextFunction): void => {
    const forDocs = req.path === docsPath || req.path.startsWith(`${docsPath}/`) || req.path.startsWith(`${docsPath}-`);
    (forDocs ? docs : strict)(req, res, next);
  };
}

/**
 * Every API answer holds personal data or depends on who asks (lists, exports, audit): no browser or proxy
 * cache may keep it. Nothing under /api is meant to be cached publicly today.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
