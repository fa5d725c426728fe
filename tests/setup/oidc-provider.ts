// A real OpenID provider on loopback for the single sign-on tests: the `oidc-provider` package
// (OpenID-certified), with one client for the app under test and accounts the tests set. The
// login screen is replaced by "sign in as whoever the test chose" (`loginAs`).
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestIdentity = { email?: string; email_verified?: boolean; name?: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the app's redirect URI (its port is known only once it starts). */
  allowApp: (appUrl: string) => void;
  /** The identity the next login interaction signs in, under this subject. */
  loginAs: (subject: string, identity: TestIdentity) => void;
  stop: () => Promise<void>;
};

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestIdentity>();
  let next: string | null = null;
  let provider: Provider | null = null;
  const clientId = "sanad-test";
  const clientSecret = "sanad-test-client-secret-0123456789";

  const server = http.createServer(async (req, res) => {
    try {
      if (!provider) {
        res.writeHead(503).end("provider not configured yet");
        return;
      }
      if (req.url?.startsWith("/interaction/")) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === "login") {
          if (!next) throw new Error("the test chose no identity (loginAs)");
          await provider.interactionFinished(req, res, { login: { accountId: next } }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope("openid email profile");
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      provider.callback()(req, res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    allowApp(appUrl) {
      provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${appUrl}/api/auth/callback/oidc`], grant_types: ["authorization_code"], response_types: ["code"] }],
        // The ID token carries the scoped claims (many providers do; next-auth reads them there).
        conformIdTokenClaims: false,
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        features: { devInteractions: { enabled: false } },
        cookies: { keys: ["sanad-test-cookie-key-0123456789"] },
        pkce: { required: () => true },
        async findAccount(_ctx, id) {
          const identity = accounts.get(id);
          if (!identity) return undefined;
          return { accountId: id, claims: async () => ({ sub: id, ...identity }) };
        },
      });
    },
    loginAs(subject, identity) {
      accounts.set(subject, identity);
      next = subject;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app's environment for this provider (the button reads "Sign in with Newsroom ID"). */
export const oidcEnv = (op: TestOidcProvider): Record<string, string> => ({
  SANAD_OIDC_ISSUER: op.issuer,
  SANAD_OIDC_CLIENT_ID: op.clientId,
  SANAD_OIDC_CLIENT_SECRET: op.clientSecret,
  SANAD_OIDC_NAME: "Newsroom ID",
});
