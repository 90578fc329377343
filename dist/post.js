import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeError,
  logoutRecorded
} from "./chunks/chunk-TE2STJ3E.js";
import {
  warning
} from "./chunks/chunk-LBEWAPR2.js";
import "./chunks/chunk-PY5VAGIZ.js";

// src/post.ts
logoutRecorded().catch((error) => {
  warning(`helm-oci-publish: logout did not complete: ${describeError(error)}`);
});
