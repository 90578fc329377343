// Runners run the bundle on Node 24 (action.yml's `node24`), as every other action-level test
// does; it is built for Node 20 too. The core publish scenarios of action-e2e.test.ts run here a
// second time with the bundle on the Node that runs the tests (Node 20 on this project's machines
// and in CI), in their own process alongside the rest of the suite.
import { test } from 'node:test';

if (Number(process.versions.node.split('.')[0]) >= 24) {
  test('the bundle on Node 20', { skip: 'the tests run on Node 24 here, which the other action tests cover: run them on Node 20' }, () => {});
} else {
  process.env.ACTION_TEST_NODE = 'current';
  await import('./action-e2e.test.js');
}
