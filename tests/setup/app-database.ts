// API tests share the running app's database; factories make unique rows, so no clean-up.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("appDatabaseUrl");
