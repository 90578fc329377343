import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/sources/errors.ts
var SourceError = class extends Error {
  name = "SourceError";
};
function displayUrl(url) {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export {
  SourceError,
  displayUrl
};
