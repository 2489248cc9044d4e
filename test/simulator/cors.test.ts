// @vitest-environment node
import { request } from 'node:http';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { SEED_CHAT, at, control } from './support';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'reset', {});
});

describe('CORS', () => {
  it('reflects a loopback origin with credentials and exposes the CSRF headers', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      const response = await fetch(`${sim.url}/api/v2/me`, { headers: { Origin: origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-expose-headers')).toBe('X-CSRF-HEADER, X-CSRF-TOKEN');
      expect(response.headers.get('vary')).toBe('Origin');
    }
  });

  it('answers a preflight with the allowed methods and headers', async () => {
    const response = await fetch(`${sim.url}/api/v2/me/chats/${SEED_CHAT}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-csrf-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type, X-CSRF-TOKEN, Authorization, X-Requested-With');
    // Preflights are the CORS filter's business: not logged, and faults do not hit them.
    const log = await control(sim.url, 'requests');
    expect(at(log.body, 'requests')).toEqual([]);
  });

  it('gives no CORS headers to a foreign origin and refuses its preflight', async () => {
    const response = await fetch(`${sim.url}/api/v2/me`, { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${sim.url}/api/v2/me`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(preflight.status).toBe(403);
  });

  it('refuses a write from a web page CORS does not allow (a text/plain POST needs no preflight), and a request naming another host', async () => {
    const crossSite = await fetch(`${sim.url}/sim/chats/${SEED_CHAT}/userData`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ userData: { InjectedBy: 'evil.example' } }),
    });
    expect(crossSite.status).toBe(403);
    const post = await fetch(`${sim.url}/api/v2/me/chats/${SEED_CHAT}`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{}' });
    expect(post.status).toBe(403);
    const chats = (await (await fetch(`${sim.url}/sim/chats`)).json()) as { chats: { id: string; userData: Record<string, unknown> }[] };
    expect(chats.chats.find((chat) => chat.id === SEED_CHAT)?.userData).not.toHaveProperty('InjectedBy');
    // DNS rebinding: the attacker's name resolved to 127.0.0.1 reaches the server with its own Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      request(`${sim.url}/sim/requests`, { headers: { Host: `rebind.attacker.example:${sim.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(403);
    // curl (no Origin), a loopback page and the server's own pages still may.
    for (const headers of [{}, { Origin: 'http://localhost:5173' }, { Origin: sim.url }] as Record<string, string>[]) {
      const allowed = await fetch(`${sim.url}/sim/chats/${SEED_CHAT}/userData`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ userData: { Subject: 'ok' } }) });
      expect(allowed.status).toBe(200);
    }
  });

  it('bound to every interface, still refuses a request naming a host that is none of its own', async () => {
    const wide = await startSimulator({ port: 0, host: '0.0.0.0' });
    const asked = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request(`http://127.0.0.1:${wide.port}/sim/requests`, { headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    try {
      expect(await asked(`rebind.attacker.example:${wide.port}`)).toBe(403);
      expect(await asked(`127.0.0.1:${wide.port}`)).toBe(200);
      expect(await asked(`localhost:${wide.port}`)).toBe(200);
    } finally {
      await wide.close();
    }
  });

  it('applies to the notifications endpoint and /sim/ too', async () => {
    for (const path of ['/api/v2/notifications/handshake', '/sim/chats']) {
      const response = await fetch(`${sim.url}${path}`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    }
  });

  it('allows origins from the allowedOrigins option', async () => {
    const other = await startSimulator({ allowedOrigins: ['https://crm.example.com'] });
    try {
      const response = await fetch(`${other.url}/api/v2/me`, { headers: { Origin: 'https://crm.example.com' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    } finally {
      await other.close();
    }
  });
});
