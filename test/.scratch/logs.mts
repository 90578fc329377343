import { startRegistry } from '../support/registry.ts';
const reg = await startRegistry({ auth: 'token', tls: 'server' });
try {
  console.log(reg.logs().split('\n').filter(l => /response completed|http\.request/.test(l)).length);
  await fetch(`${reg.baseUrl}/v2/`).catch(e => console.log('fetch err', e.cause?.code));
  await new Promise(r => setTimeout(r, 300));
  console.log(reg.logs().split('\n').slice(-4).join('\n'));
  console.log(reg.tokenServer!.realm, reg.tokenServer!.requests.length);
} finally { await reg.stop(); }
