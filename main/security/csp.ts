/**
 * The content security policy of every page and file the app serves.
 *
 * Everything the renderer loads comes from its own app:// origin; blob: and
 * data: cover thumbnails, workers built from blobs and files the person opened.
 * Nothing may reach the network (SPEC §8: "No network"). style-src has no
 * 'unsafe-inline': React sets style props through the CSSOM, which CSP allows.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ')
