import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  logoutRecorded
} from "./chunks/chunk-RUGUB4VU.js";
import {
  describeError,
  warning
} from "./chunks/chunk-MTDTEHBV.js";
import "./chunks/chunk-PY5VAGIZ.js";

// src/post.ts
logoutRecorded().catch((error) => {
  warning(`helm-oci-publish: logout did not complete: ${describeError(error)}`);
});
