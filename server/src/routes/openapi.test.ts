import SwaggerParser from '@apidevtools/swagger-parser';
import { COMMANDS } from '@fellesplan/domain';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { api, useFixture } from '../testing/index.js';

const f = useFixture();

async function fetchDocument(): Promise<OpenAPIV3_1.Document> {
  const res = await api<OpenAPIV3_1.Document>(f.url, '/api/openapi.json');
  expect(res.status).toBe(200);
  return res.body;
}

/** Every `METHOD /api/…` route the server registered, from Fastify's own route tree. */
function registeredRoutes(): Set<string> {
  const tree = f.server.app.printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + segment;
    prefixes[depth] = path;
    if (!path.startsWith('/api/')) continue;
    for (const method of methods.split(', ')) if (method !== 'HEAD') routes.add(`${method} ${path}`);
  }
  return routes;
}

/** The described routes, with Fastify's `:param` and every command folded into its one route. */
function describedRoutes(document: OpenAPIV3_1.Document): Set<string> {
  const routes = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const fastifyPath = path.startsWith('/api/commands/') ? '/api/commands/:name' : path.replace(/\{(\w+)\}/g, ':$1');
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      if (item?.[method]) routes.add(`${method.toUpperCase()} ${fastifyPath}`);
    }
  }
  return routes;
}

describe('GET /api/openapi.json', () => {
  it('[API1] is a valid OpenAPI 3.1 document, readable without a session', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    // The parser mutates what it validates; it gets its own copy.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(['bearer', 'cookie']);
  });

  it('[API1] describes every command, with its input, its result and the error shape', async () => {
    const document = await fetchDocument();
    for (const name of Object.keys(COMMANDS)) {
      const operation = document.paths?.[`/api/commands/${name}`]?.post;
      expect(operation, name).toBeDefined();
      expect(operation?.requestBody).toBeDefined();
      expect(operation?.responses?.['200']).toBeDefined();
      expect(JSON.stringify(operation?.responses?.['400'])).toContain('#/components/schemas/Error');
    }
  });

  it('[API1] describes exactly the routes the server has', async () => {
    const described = describedRoutes(await fetchDocument());
    const registered = registeredRoutes();
    expect(registered.size).toBeGreaterThan(20);
    expect([...registered].filter((route) => !described.has(route))).toEqual([]);
    expect([...described].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('[API1] a described input schema accepts what the command accepts and refuses what it refuses', async () => {
    const document = (await SwaggerParser.dereference(structuredClone(await fetchDocument()))) as OpenAPIV3_1.Document;
    const ajv = new Ajv2020({ strict: false });
    const bodySchema = (name: keyof typeof COMMANDS) => {
      const body = document.paths?.[`/api/commands/${name}`]?.post?.requestBody as OpenAPIV3_1.RequestBodyObject;
      return ajv.compile(body.content['application/json']?.schema ?? {});
    };
    const samples: { name: keyof typeof COMMANDS; input: unknown; valid: boolean }[] = [
      { name: 'sections.mark', input: { sectionId: 'abc', stance: 'agree' }, valid: true },
      { name: 'sections.mark', input: { sectionId: 'abc', stance: 'kanskje' }, valid: false },
      { name: 'sections.mark', input: { sectionId: 'abc', stance: 'agree', ekstra: 1 }, valid: false },
      { name: 'sections.mark', input: { stance: 'agree' }, valid: false },
      { name: 'sections.unlock', input: { sectionId: 'abc', reason: 'Ny høring' }, valid: true },
      { name: 'plans.create', input: { title: 'Plan', partyIds: ['a', 'b'] }, valid: true },
      { name: 'plans.create', input: { title: 'Plan', partyIds: [] }, valid: false },
      { name: 'sections.lock', input: { sectionId: 'ikke gyldig id' }, valid: false },
    ];
    for (const { name, input, valid } of samples) {
      expect(bodySchema(name)(input), `${name} ${JSON.stringify(input)}`).toBe(valid);
      // The schema the server runs agrees with what it describes.
      expect(COMMANDS[name].input.safeParse(input).success, `zod ${name}`).toBe(valid);
    }
  });
});
