// A real OpenID provider on loopback and a private `next start` signing in through it.
import { oidcEnv, startOidcProvider, type TestOidcProvider } from "../setup/oidc-provider";
import { startOwnApp, type OwnApp } from "./harness";

export type SsoApp = { op: TestOidcProvider; app: OwnApp; stop: () => Promise<void> };

export async function startSsoApp(env: Record<string, string> = {}): Promise<SsoApp> {
  const op = await startOidcProvider();
  let app: OwnApp;
  try {
    app = await startOwnApp({ DATABASE_URL: process.env.DATABASE_URL!, ...oidcEnv(op), ...env });
  } catch (e) {
    await op.stop();
    throw e;
  }
  op.allowApp(app.url);
  return { op, app, stop: async () => void (await Promise.all([app.stop(), op.stop()])) };
}
