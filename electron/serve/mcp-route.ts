import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { ServerResponse } from 'node:http';
import type { Logger } from '../core/logger';
import type { AssistantSettings } from '../core/mcp/assistant-settings';
import { createMcpServer } from '../core/mcp/server';
import type { PortalLimits } from '../core/portal/limits';
import type { Authenticated } from '../core/portal/portal';
import type { RateLimiter } from '../core/portal/rate-limit';
import type { DispatchFn } from './api';
import { readJsonBody } from './body';
import type { Middleware } from './pipeline';
import { admit, tokenOf } from './portal-auth';
import { sendRateLimited, setRateHeaders } from './portal-rate-limit';
import { sendJson } from './respond';
import { ownOrigin } from './server';

export const MCP_PATH = '/mcp';

/** A JSON-RPC error answer with no request id (the request was never read as one). */
function refuse(res: ServerResponse, status: number, message: string, code = -32000): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null });
}

/**
 * The assistants' tools over Streamable HTTP at /mcp, for the office portal: a Bearer session of the
 * portal (as /api/ takes it), the portal's per-address and per-user rate limits, and each user limited
 * to their own companies (the dispatcher's portal guard) within the companies the Assistants setting
 * opens. Stateless: every POST gets a fresh server and transport, answered as JSON.
 */
export function mcpRoute(deps: {
  dispatch: DispatchFn;
  authenticate: (token: string) => Promise<Authenticated | null>;
  limiter: RateLimiter;
  limits: Pick<PortalLimits, 'apiPerAddress' | 'apiPerUser'>;
  /** Read on every request, so switching assistants off takes effect at once. */
  assistants: () => AssistantSettings;
  version: string;
  bodyLimitBytes: number;
  logger?: Logger;
}): Middleware {
  return async (ctx, next) => {
    if (ctx.url.pathname !== MCP_PATH) return next();
    const { req, res } = ctx;
    // DNS rebinding and foreign pages: a browser's request from another origin is refused.
    const origin = req.headers.origin;
    if (origin !== undefined && origin.trim().toLowerCase() !== ownOrigin(req.headers.host, null)) {
      req.resume();
      refuse(res, 403, 'Refused a request from another site');
      return;
    }
    const token = tokenOf(ctx);
    const { session, byAddress, byUser } = await admit(deps, token, ctx.call.address ?? 'unknown');
    if (byAddress && !byAddress.allowed) {
      req.resume();
      setRateHeaders(res, byAddress);
      sendRateLimited(res, byAddress, 'from this address');
      return;
    }
    if (!session || !byUser || !token) {
      req.resume();
      res.setHeader(
        'www-authenticate',
        token ? 'Bearer realm="TallyConnect", error="invalid_token"' : 'Bearer realm="TallyConnect"',
      );
      refuse(
        res,
        401,
        token
          ? 'Your session has ended or is not valid; sign in to the office portal again'
          : 'Sign in to the TallyConnect office portal and send the session token as Authorization: Bearer',
      );
      return;
    }
    setRateHeaders(res, byUser);
    if (!byUser.allowed) {
      req.resume();
      sendRateLimited(res, byUser, 'for this user');
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'POST');
      refuse(res, 405, 'This server answers POST only (stateless, JSON answers)');
      return;
    }
    const settings = deps.assistants();
    if (!settings.enabled) {
      req.resume();
      refuse(res, 403, 'Assistants are switched off in TallyConnect (Settings › Assistants)');
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, deps.bodyLimitBytes);
    } catch (error) {
      refuse(res, 400, error instanceof Error ? error.message : 'Unreadable request body', -32700);
      return;
    }
    const server = createMcpServer({
      dispatch: deps.dispatch,
      call: { caller: 'http', user: session.user, sessionToken: token, address: ctx.call.address },
      allowedCompanies: settings.companies,
      version: deps.version,
      ...(deps.logger ? { logger: deps.logger } : {}),
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
}
