/**
 * The renderer's policy, the same in both shells (Electron's app protocol and the browser host).
 * The page may load only its own scripts, styles and fonts and talk only to its own host:
 * no inline script, no eval, no frames, no other origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
