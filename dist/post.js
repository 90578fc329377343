import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  logoutRecorded
} from "./chunks/chunk-LGFREDGR.js";
import {
  describeError
} from "./chunks/chunk-EO4WWCF2.js";
import {
  warning
} from "./chunks/chunk-XWDYXING.js";
import "./chunks/chunk-6DG7BXTN.js";

// src/post.ts
logoutRecorded().catch((error) => {
  warning(`helm-oci-publish: logout did not complete: ${describeError(error)}`);
});
