import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeError,
  logoutRecorded
} from "./chunks/chunk-TQ46QISX.js";
import "./chunks/chunk-N22XANHU.js";
import {
  warning
} from "./chunks/chunk-XWDYXING.js";
import "./chunks/chunk-6DG7BXTN.js";

// src/post.ts
logoutRecorded().catch((error) => {
  warning(`helm-oci-publish: logout did not complete: ${describeError(error)}`);
});
